package org.perfgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TabExportLayoutTest {

    static ParsedDocument doc;

    @BeforeAll
    static void read() {
        doc = Seeds.read(Seeds.ZHUHAI);
    }

    static ParsedProject project(String name) {
        return doc.projects().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    static ParsedTarget target(int line) {
        return doc.projects().stream().flatMap(p -> p.targets().stream()).filter(t -> t.line() == line)
                .findFirst().orElseThrow();
    }

    @Test
    void layout_is_detected_from_the_content_as_a_tab_export() {
        assertThat(doc.format()).isEqualTo(DocumentFormat.TAB_EXPORT);
        assertThat(new DocumentReader().read("no-extension", Seeds.bytes(Seeds.ZHUHAI)).format())
                .isEqualTo(DocumentFormat.TAB_EXPORT);
    }

    @Test
    void title_gives_region_and_year() {
        assertThat(doc.title()).isEqualTo("珠海高新技术产业开发区投资促进中心2024年度重点绩效管理项目绩效目标");
        assertThat(doc.region()).isEqualTo("珠海高新技术产业开发区");
        assertThat(doc.year()).isEqualTo(2024);
        assertThat(doc.lineCount()).isEqualTo(67);
        assertThat(doc.contentHash()).hasSize(64);
    }

    @Test
    void seed_has_ten_projects_sixty_two_targets_and_forty_seven_codes() {
        assertThat(doc.projects()).hasSize(10);
        assertThat(doc.targetCount()).isEqualTo(62);
        Set<String> codes = doc.projects().stream().flatMap(p -> p.targets().stream())
                .map(t -> t.indicator().code()).collect(Collectors.toSet());
        assertThat(codes).hasSize(47).doesNotContainNull();
    }

    @Test
    void projects_keep_their_amounts_exactly_and_their_target_counts() {
        Map<String, Object[]> expected = Map.of(
                "招商引资政策扶持奖励资金", new Object[] {"11347200", 4},
                "法律服务经费", new Object[] {"60000", 4},
                "项目评估经费", new Object[] {"80000", 4},
                "评审经费", new Object[] {"20000", 4},
                "招商代理经费", new Object[] {"160000", 4},
                "招商引资工作经费", new Object[] {"19258132", 4},
                "智慧视觉项目联创中心运营经费", new Object[] {"2500000", 4},
                "宣传工作经费", new Object[] {"300000", 4},
                "高新区展厅更新经费", new Object[] {"350000", 4},
                "高新区展厅运营管理经费", new Object[] {"2200000", 26});
        assertThat(doc.projects()).extracting(ParsedProject::name).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((name, v) -> {
            ParsedProject p = project(name);
            assertThat(p.amount()).as(name).isEqualTo(new BigDecimal((String) v[0]));
            assertThat(p.targets()).as(name).hasSize((Integer) v[1]);
            assertThat(p.year()).isEqualTo(2024);
            assertThat(p.totalAmount()).isNull();
        });
    }

    @Test
    void repeated_project_header_merges_into_one_project() {
        ParsedProject p = project("高新区展厅运营管理经费");
        assertThat(p.blocks()).isEqualTo(7);
        assertThat(p.line()).isEqualTo(42);
        assertThat(p.goals()).hasSize(14);
        assertThat(p.goals()).extracting(GoalStatement::line).containsOnly(42, 46, 50, 54, 58, 62, 66);
        assertThat(p.targets()).extracting(ParsedTarget::ordinal)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 26).boxed().toList());
        assertThat(doc.diagnostics()).filteredOn(d -> d.code().name().equals("PROJECT_BLOCK_MERGED"))
                .extracting(Diagnostic::line).containsExactly(46, 50, 54, 58, 62, 66);
    }

    @Test
    void pasted_goal_text_of_another_project_is_kept_in_six_blocks() {
        GoalStatement evaluation = project("项目评估经费").goals().stream()
                .filter(g -> g.kind() == GoalKind.ANNUAL).findFirst().orElseThrow();
        List<GoalStatement> pasted = project("高新区展厅运营管理经费").goals().stream()
                .filter(g -> g.kind() == GoalKind.ANNUAL && g.raw().equals(evaluation.raw())).toList();
        assertThat(pasted).extracting(GoalStatement::line).containsExactly(46, 50, 54, 58, 62, 66);
        assertThat(doc.diagnostics()).filteredOn(d -> d.code().name().equals("GOAL_TEXT_OF_OTHER_PROJECT"))
                .extracting(Diagnostic::line).containsExactly(46, 50, 54, 58, 62, 66);
        assertThat(evaluation.normalized()).doesNotContain("  ").startsWith("预计聘请专业机构或行业专家开展项目评估");
    }

    @Test
    void unit_cell_gives_code_name_and_region() {
        ParsedUnit unit = project("评审经费").unit();
        assertThat(unit).isEqualTo(new ParsedUnit("104003", "投资促进中心", "珠海高新技术产业开发区"));
        assertThat(unit.key()).isEqualTo("珠海高新技术产业开发区|104003");
    }

    @Test
    void duplicate_indicator_is_kept_as_two_targets() {
        ParsedProject p = project("高新区展厅运营管理经费");
        List<ParsedTarget> staff = p.targets().stream().filter(t -> "111002855".equals(t.indicator().code())).toList();
        assertThat(staff).extracting(ParsedTarget::line).containsExactly(58, 60);
        assertThat(staff).extracting(t -> t.annual().raw()).containsExactly("≥13", "≥13人");
        assertThat(staff).extracting(t -> t.annual().normalized()).containsExactly("≥13", "≥13人");
        assertThat(doc.diagnostics()).anyMatch(d -> d.line() == 60 && d.code().name().equals("DUPLICATE_INDICATOR"));
    }

    @Test
    void code_name_cells_are_split_and_categories_resolved() {
        ParsedTarget t = target(13);
        assertThat(t.level1()).isEqualTo(new CategoryRef("2-效益指标", "2", "效益指标", 1, false));
        assertThat(t.level2()).isEqualTo(new CategoryRef("22-社会效益", "22", "社会效益指标", 2, false));
        assertThat(t.indicator()).isEqualTo(new IndicatorRef("222003532", "法律顾问解决问题数", "法律顾问解决问题数"));
        assertThat(t.indicator().key()).isEqualTo("C:222003532");
        assertThat(target(9).level2().canonical()).isEqualTo("服务对象满意度指标");
        assertThat(target(22).level2().canonical()).isEqualTo("可持续影响指标");
        assertThat(target(26).level2().canonical()).isEqualTo("经济效益指标");
        assertThat(target(54).indicator().name()).isEqualTo("(建设/改造/修缮/维护)工程任务完成率");
    }

    @Test
    void l2_under_a_foreign_l1_is_kept_as_written_and_flagged() {
        ParsedTarget t = target(41);
        assertThat(t.level1().canonical()).isEqualTo("效益指标");
        assertThat(t.level2().canonical()).isEqualTo("数量指标");
        assertThat(t.level1().inferred()).isFalse();
        assertThat(t.indicator().code()).isEqualTo("211003386");
        assertThat(doc.diagnostics()).filteredOn(d -> d.line() == 41).extracting(d -> d.code().name())
                .containsExactlyInAnyOrder("L2_FOREIGN_L1", "CODE_PREFIX_MISMATCH");
    }

    @Test
    void only_line_41_is_flagged_as_a_category_or_code_problem() {
        assertThat(doc.diagnostics()).filteredOn(d -> d.severity() == Diagnostic.Severity.WARNING)
                .extracting(Diagnostic::line).containsOnly(41);
    }

    @Test
    void both_value_columns_are_read_and_every_raw_value_is_verbatim() {
        Map<Integer, String[]> rows = Map.ofEntries(
                Map.entry(6, new String[] {"≥6", "≥6", "≥6"}),
                Map.entry(7, new String[] {"100%", "100%", "=100%"}),
                Map.entry(9, new String[] {"90%", "90%", "=90%"}),
                Map.entry(12, new String[] {"1家事务所", "1家事务所", "=1家"}),
                Map.entry(13, new String[] {"大于等于80个", "大于等于80个", "≥80个"}),
                Map.entry(14, new String[] {">80%", ">80%", ">80%"}),
                Map.entry(18, new String[] {"大于等于90%", "大于等于90%", "≥90%"}),
                Map.entry(21, new String[] {"大于等于5次", "大于等于5次", "≥5次"}),
                Map.entry(22, new String[] {"是", "进一步提高珠海高新区知名度, 美誉度", "进一步提高珠海高新区知名度, 美誉度"}),
                Map.entry(23, new String[] {"大于等于1", "大于等于1", "≥1"}),
                Map.entry(24, new String[] {"大于等于100%", "大于等于100%", "≥100%"}),
                Map.entry(35, new String[] {"0", "0", "=0"}),
                Map.entry(36, new String[] {">1%", ">1%", ">1%"}),
                Map.entry(37, new String[] {"1074平方米", "1074平方米", "=1074平方米"}),
                Map.entry(41, new String[] {"大于等于20次", "大于等于20次", "≥20次"}),
                Map.entry(42, new String[] {"是", "是", "是"}),
                Map.entry(44, new String[] {"招商展板制作>20", "招商展板制作>20", ">20"}),
                Map.entry(45, new String[] {"1", "1", "=1"}),
                Map.entry(46, new String[] {">5000", ">5000", ">5000"}),
                Map.entry(59, new String[] {">25次", ">25次", ">25次"}),
                Map.entry(62, new String[] {">3000", ">3000", ">3000"}),
                Map.entry(64, new String[] {">90%", ">90%", ">90%"}),
                Map.entry(67, new String[] {"100%", "100%", "=100%"}));
        rows.forEach((line, v) -> {
            ParsedTarget t = target(line);
            assertThat(t.period().raw()).as("line %d period", line).isEqualTo(v[0]);
            assertThat(t.annual().raw()).as("line %d annual", line).isEqualTo(v[1]);
            assertThat(t.annual().normalized()).as("line %d normalized", line).isEqualTo(v[2]);
        });
        assertThat(target(22).period().kind()).isEqualTo(ValueKind.BOOLEAN);
        assertThat(target(22).annual().kind()).isEqualTo(ValueKind.TEXT);
        assertThat(target(44).annual().qualifier()).isEqualTo("招商展板制作");
    }

    @Test
    void every_raw_value_equals_the_cell_of_the_file() {
        String[] lines = new String(Seeds.bytes(Seeds.ZHUHAI), java.nio.charset.StandardCharsets.UTF_8).split("\n");
        doc.projects().stream().flatMap(p -> p.targets().stream()).forEach(t -> {
            String[] cells = lines[t.line() - 1].split("\t", -1);
            assertThat(t.period().raw()).isEqualTo(cells[8]);
            assertThat(t.annual().raw()).isEqualTo(cells[9]);
            assertThat(t.indicator().code() + "-" + t.indicator().name()).isEqualTo(cells[7]);
        });
    }

    @Test
    void trailing_actual_weight_and_score_columns_are_read_where_the_header_names_them_and_a_row_may_end_before_them() {
        String text = "某县教育局2023年度项目绩效自评\n\n"
                + "预算单位\t项目名称\t金额（元）\t2023年度总体绩效目标\t2023年度绩效目标\t一级指标\t二级指标\t三级指标\t实施周期指标值\t年度指标值\t实际完成值\t权重\t得分\n"
                + "500201-某县第一中学\t校舍维修改造\t1000000\t改善办学条件\t完成维修\t1-产出指标\t11-数量指标\t维修校舍面积\t\t≥500平方米\t520平方米\t20\t18.5\n"
                + "\t\t\t\t\t1-产出指标\t13-时效指标\t完工及时率\t\t100%\t90%\t十五\t12分\n"
                + "\t\t\t\t\t3-满意度指标\t31-服务对象满意度指标\t师生满意度\t\t≥90%\n";
        ParsedDocument d = new DocumentReader().read("self.tsv", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(d.format()).isEqualTo(DocumentFormat.TAB_EXPORT);
        List<ParsedTarget> targets = d.projects().get(0).targets();
        assertThat(targets).hasSize(3);
        assertThat(targets.get(0).actual().raw()).isEqualTo("520平方米");
        assertThat(targets.get(0).actual().number()).isEqualByComparingTo("520");
        assertThat(targets.get(0).weight()).isEqualByComparingTo("20");
        assertThat(targets.get(0).score()).isEqualByComparingTo("18.5");
        assertThat(targets.get(1).weight()).isNull();
        assertThat(targets.get(1).score()).isEqualByComparingTo("12");
        assertThat(d.diagnostics()).anySatisfy(g -> {
            assertThat(g.code()).isEqualTo(DiagnosticCode.VALUE_UNPARSED);
            assertThat(g.message()).contains("权重").contains("十五");
        });
        assertThat(targets.get(2).actual()).isNull();
        assertThat(targets.get(2).weight()).isNull();
        assertThat(targets.get(2).annual().raw()).isEqualTo("≥90%");
    }
}
