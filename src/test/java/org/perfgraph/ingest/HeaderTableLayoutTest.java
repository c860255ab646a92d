package org.perfgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The general header-row layout over text fixtures (src/test/resources/layouts/) and tables built in code. */
class HeaderTableLayoutTest {

    private static ParsedDocument fixture(String name) {
        return Seeds.read("layouts/" + name);
    }

    private static List<ParsedTarget> targets(ParsedDocument d) {
        return d.projects().stream().flatMap(p -> p.targets().stream()).toList();
    }

    private static String l1(ParsedTarget t) {
        return t.level1() == null ? null : t.level1().canonical();
    }

    private static String l2(ParsedTarget t) {
        return t.level2() == null ? null : t.level2().canonical();
    }

    private static String raw(TargetValue v) {
        return v == null ? null : v.raw();
    }

    private static List<DiagnosticCode> codes(ParsedDocument d) {
        return d.diagnostics().stream().map(Diagnostic::code).toList();
    }

    private static ParsedDocument readTable(Table.Delimiting delimiting, ImportOptions options, List<TableRow> rows) {
        List<String> lines = new ArrayList<>();
        for (TableRow r : rows) {
            lines.add(r.joined());
        }
        Extraction e = new Extraction(FileKind.XLSX, List.of(new Table("sheet 项目表", delimiting, rows)), lines,
                List.of(), false);
        HeaderTableLayout layout = new HeaderTableLayout();
        assertThat(layout.recognise(e, options)).isPositive();
        return layout.read(new Layout.LayoutInput("built.xlsx", "h", e, options));
    }

    private static TableRow grid(int row, String... cells) {
        List<TableCell> out = new ArrayList<>();
        for (String c : cells) {
            // "^" marks a slot covered by the merged cell above it; the slot carries the merged cell's text
            out.add(c.startsWith("^") ? new TableCell(c.substring(1), true) : TableCell.of(c));
        }
        return new TableRow(row, "sheet 项目表, row " + row, out);
    }

    @Test
    void merged_cells_are_carried_down_and_money_in_wan_yuan_is_stored_in_yuan() {
        ParsedDocument d = fixture("tab-carried-wan.txt");
        assertThat(d.format()).isEqualTo(DocumentFormat.HEADER_TABLE);
        assertThat(d.year()).isEqualTo(2025);
        assertThat(d.projects()).extracting(ParsedProject::name, ParsedProject::amount, ParsedProject::moneyUnit)
                .containsExactly(tuple("招商活动经费", new BigDecimal("800000"), "万元"),
                        tuple("展厅运营经费", new BigDecimal("255000"), "万元"));
        assertThat(targets(d)).extracting(ParsedTarget::line, HeaderTableLayoutTest::l1, HeaderTableLayoutTest::l2,
                        t -> t.indicator().name(), t -> raw(t.annual()))
                .containsExactly(
                        tuple(6, "产出指标", "数量指标", "举办招商活动 场次", "≥12场"),
                        tuple(7, "产出指标", "质量指标", "活动 签约率", "≥30%"),
                        tuple(8, "效益指标", "社会效益指标", "带动就业人数", "≥200人"),
                        tuple(9, "效益指标", "服务对象满意度指标", "参会企业满意度", "≥90%"),
                        tuple(11, "成本指标", "经济成本指标", "活动成本控制率", "≤100%"),
                        tuple(12, "产出指标", "时效指标", "展厅开放及时率", "100%"),
                        tuple(13, "满意度指标", "服务对象满意度指标", "参观者满意度", "≥95%"));
        assertThat(targets(d).get(1).notes()).isEqualTo("签约以合同为准");
        assertThat(d.diagnostics()).filteredOn(x -> x.code() == DiagnosticCode.HEADER_REPEATED)
                .extracting(Diagnostic::line).containsExactly(10);
        assertThat(d.diagnostics()).filteredOn(x -> x.code() == DiagnosticCode.MONEY_UNIT).hasSize(2);
        // satisfaction under 效益指标 is a known tree variant, not a foreign L1
        assertThat(codes(d)).doesNotContain(DiagnosticCode.L2_FOREIGN_L1);
    }

    @Test
    void two_layouts_of_the_same_unit_give_the_same_unit_key() {
        ParsedUnit seed = Seeds.read(Seeds.ZHUHAI).projects().get(0).unit();
        ParsedUnit header = fixture("tab-carried-wan.txt").projects().get(0).unit();
        assertThat(header).isEqualTo(new ParsedUnit("104003", "投资促进中心", "珠海高新技术产业开发区"));
        assertThat(header.key()).isEqualTo(seed.key());
    }

    @Test
    void label_blocks_start_one_project_each_with_broken_labels_colon_cells_and_two_row_headers() {
        ParsedDocument d = fixture("tab-label-blocks.txt");
        assertThat(d.format()).isEqualTo(DocumentFormat.HEADER_TABLE);
        assertThat(d.projects()).extracting(ParsedProject::name, p -> p.unit().code(), p -> p.unit().name(),
                        ParsedProject::amount, ParsedProject::totalAmount)
                .containsExactly(tuple("送戏下乡经费", "301001", "某区文化馆", new BigDecimal("120000"), null),
                        tuple("非遗保护经费", "301001", "某区文化馆", new BigDecimal("85000"), new BigDecimal("300000")));
        assertThat(d.projects().get(0).goals()).extracting(GoalStatement::kind, GoalStatement::raw, GoalStatement::line)
                .containsExactly(tuple(GoalKind.ANNUAL, "全年送戏下乡演出不少于12场，惠及群众3000人次。", 5));
        assertThat(d.projects().get(1).goals()).extracting(GoalStatement::kind).containsExactly(GoalKind.OVERALL);
        assertThat(targets(d)).extracting(ParsedTarget::line, HeaderTableLayoutTest::l1, t -> t.indicator().name(),
                        t -> raw(t.annual()))
                .containsExactly(tuple(8, "产出指标", "演出场次", "≥12场"),
                        tuple(9, "产出指标", "惠及群众人次", "≥3000人次"),
                        tuple(10, "效益指标", "群众文化生活丰富程度", "明显提升"),
                        tuple(17, "产出指标", "非遗项目记录完整率", "100%"),
                        tuple(18, "满意度指标", "传承人满意度", "≥90%"));
        assertThat(d.region()).isEqualTo("上海市某区");
    }

    @Test
    void a_self_assessment_keeps_actual_weight_score_points_and_the_full_year_budget() {
        ParsedDocument d = fixture("tab-self-assessment.txt");
        assertThat(d.kind()).isEqualTo(DocumentKind.SELF_ASSESSMENT);
        ParsedProject p = d.projects().get(0);
        assertThat(p.name()).isEqualTo("校舍维修改造");
        assertThat(p.amount()).isEqualByComparingTo("1205000"); // 全年预算数 120.5 万元 wins over 年初预算数
        assertThat(p.targets()).extracting(t -> t.indicator().name(), HeaderTableLayoutTest::l1,
                        t -> raw(t.annual()), t -> raw(t.actual()), ParsedTarget::weight, ParsedTarget::score,
                        ParsedTarget::points, ParsedTarget::notes)
                .containsExactly(
                        tuple("维修校舍面积", "产出指标", "≥500平方米", "520平方米", new BigDecimal("20"), new BigDecimal("20"), new BigDecimal("50"), null),
                        tuple("工程验收合格率", "产出指标", "100%", "100%", new BigDecimal("15"), new BigDecimal("15"), new BigDecimal("50"), null),
                        tuple("完工及时率", "产出指标", "100%", "90%", new BigDecimal("15"), new BigDecimal("12"), new BigDecimal("50"), "雨季延误工期"),
                        tuple("学生安全保障水平", "效益指标", "提升", "提升", new BigDecimal("30"), new BigDecimal("28"), new BigDecimal("30"), null),
                        tuple("师生满意度", "满意度指标", "≥90%", "93%", new BigDecimal("10"), new BigDecimal("10"), new BigDecimal("10"), null));
        assertThat(p.targets().get(0).level1().raw()).isEqualTo("产出指标(50分)");
    }

    @Test
    void a_whole_unit_table_is_one_project_named_after_the_unit_with_the_budget_total() {
        ParsedDocument d = fixture("tab-unit-wide.txt");
        assertThat(d.kind()).isEqualTo(DocumentKind.UNIT_WIDE);
        assertThat(d.projects()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("某市档案馆");
            assertThat(p.unit()).isEqualTo(new ParsedUnit("402001", "某市档案馆", "某市"));
            assertThat(p.amount()).isEqualByComparingTo("4000000");
            assertThat(p.targets()).extracting(t -> t.indicator().name(), t -> raw(t.annual()))
                    .containsExactly(tuple("接收进馆档案数量", "≥2万卷"), tuple("档案完好率", "100%"),
                            tuple("档案查阅利用人次", "≥5000人次"));
        });
    }

    @Test
    void two_value_blocks_are_one_target_where_the_names_agree_else_the_annual_row() {
        ParsedDocument d = fixture("tab-two-blocks.txt");
        assertThat(d.projects().get(0).amount()).isEqualByComparingTo("1200000");
        assertThat(targets(d)).extracting(t -> t.indicator().name(), t -> raw(t.period()), t -> raw(t.annual()))
                .containsExactly(tuple("保洁河道长度", "≥150公里", "≥50公里"),
                        tuple("保洁达标率", null, "≥95%"),
                        tuple("水环境改善程度", "明显改善", "有所改善"));
    }

    @Test
    void period_and_annual_sub_headers_under_one_value_cell_fill_period_and_annual() {
        ParsedDocument d = fixture("tab-period-annual.txt");
        ParsedProject p = d.projects().get(0);
        assertThat(p.name()).isEqualTo("高标准农田建设");
        assertThat(p.amount()).isEqualByComparingTo("2000000");
        assertThat(p.totalAmount()).isEqualByComparingTo("5000000");
        assertThat(p.targets()).extracting(t -> t.indicator().name(), t -> raw(t.period()), t -> raw(t.annual()))
                .containsExactly(tuple("新建高标准农田面积", "≥3万亩", "≥1万亩"), tuple("亩均增产粮食", "≥50公斤", "≥50公斤"));
    }

    @Test
    void split_value_columns_win_and_their_conflicts_units_and_a_cut_last_row_are_flagged() {
        ParsedDocument d = fixture("comma-split-values.csv");
        assertThat(d.format()).isEqualTo(DocumentFormat.HEADER_TABLE);
        assertThat(d.kind()).isEqualTo(DocumentKind.APPROVAL);
        assertThat(d.truncated()).isTrue();
        assertThat(d.projects().get(0).amount()).isEqualByComparingTo("1144250.00");
        assertThat(targets(d)).extracting(ParsedTarget::line, HeaderTableLayoutTest::l1, t -> t.indicator().name(),
                        t -> raw(t.annual()), t -> t.annual().normalized(), ParsedTarget::direction)
                .containsExactly(
                        tuple(4, "产出指标", "养护道路里程", "≥120公里", "≥120公里", Direction.POSITIVE),
                        tuple(5, "产出指标", "道路完好率", "≥0.95%", "≥95%", Direction.POSITIVE),
                        tuple(6, "产出指标", "投诉处理时长", "≥≤5天小时", "≥5小时", Direction.NEGATIVE),
                        tuple(7, "产出指标", "养护路段数", "=12%", "=12%", Direction.POSITIVE),
                        tuple(9, "成本指标", "每公里养护成本", "≤≤9500元", "≤9500元", Direction.NEGATIVE),
                        tuple(10, "效益指标", "社会效益指标", "=提升", "提升", Direction.POSITIVE),
                        tuple(11, "效益指标", "群众出行便利度", "≥5个", "≥5个", Direction.POSITIVE),
                        tuple(12, "满意度指标", "群众满意率", "≥90个", "≥90个", Direction.POSITIVE));
        assertThat(d.diagnostics()).extracting(Diagnostic::line, Diagnostic::code).contains(
                tuple(5, DiagnosticCode.VALUE_AS_FRACTION),
                tuple(6, DiagnosticCode.VALUE_COLUMN_CONFLICT),
                tuple(7, DiagnosticCode.UNIT_MISMATCH),
                tuple(8, DiagnosticCode.L2_WITHOUT_INDICATOR),
                tuple(10, DiagnosticCode.L2_AS_INDICATOR),
                tuple(12, DiagnosticCode.UNIT_MISMATCH),
                tuple(13, DiagnosticCode.TRUNCATED));
        assertThat(d.diagnostics()).filteredOn(x -> x.code() == DiagnosticCode.VALUE_COLUMN_CONFLICT).hasSize(2);
    }

    @Test
    void grid_tables_carry_merged_slots_and_read_points_and_codes() {
        ParsedDocument d = readTable(Table.Delimiting.GRID, ImportOptions.NONE, List.of(
                grid(1, "某县2024年度项目支出绩效目标表"),
                grid(2, "單位名稱", "項目名稱", "金額(萬元)", "一級指標", "二級指標", "三級指標", "指標值"),
                grid(3, "201-某县卫健委", "疫苗接种", "80万", "1-产出指标（30分）", "11-数量指标", "111000001-接种人次", "≥5000人次"),
                grid(4, "^201-某县卫健委", "^疫苗接种", "^80万", "^1-产出指标（30分）", "^11-数量指标", "111000002-接种点数量", "12个"),
                grid(5, "^201-某县卫健委", "^疫苗接种", "^80万", "效益指标", "社会效益指标", "群众知晓率", "≥90%")));
        ParsedProject p = d.projects().get(0);
        assertThat(p.unit()).isEqualTo(new ParsedUnit("201", "某县卫健委", "某县"));
        assertThat(p.amount()).isEqualByComparingTo("800000");
        assertThat(p.moneyUnit()).isEqualTo("万");
        assertThat(p.targets()).extracting(ParsedTarget::place, t -> t.indicator().code(), t -> t.indicator().name(),
                        HeaderTableLayoutTest::l1, t -> t.level1().code(), ParsedTarget::points)
                .containsExactly(
                        tuple("sheet 项目表, row 3", "111000001", "接种人次", "产出指标", "1", new BigDecimal("30")),
                        tuple("sheet 项目表, row 4", "111000002", "接种点数量", "产出指标", "1", new BigDecimal("30")),
                        tuple("sheet 项目表, row 5", null, "群众知晓率", "效益指标", null, null));
    }

    @Test
    void squeezed_pipe_rows_are_placed_by_what_their_cells_look_like() {
        ParsedDocument d = readTable(Table.Delimiting.PIPE, ImportOptions.NONE, List.of(
                TableRow.ofTexts(1, List.of("单位名称", "项目名称", "预算数", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重")),
                TableRow.ofTexts(2, List.of("301001-某县文化馆", "送戏下乡经费", "120,000.00", "产出指标", "数量指标", "演出场次", "≥", "12", "场", "20")),
                TableRow.ofTexts(3, List.of("产出指标", "时效指标", "演出完成及时率", "=", "100", "%", "10", "", "", "")),
                TableRow.ofTexts(4, List.of("质量指标", "演出节目合格率", "≥", "95", "%", "10", "", "", "", ""))));
        assertThat(targets(d)).extracting(HeaderTableLayoutTest::l1, HeaderTableLayoutTest::l2,
                        t -> t.indicator().name(), t -> raw(t.annual()), ParsedTarget::weight)
                .containsExactly(tuple("产出指标", "数量指标", "演出场次", "≥12场", new BigDecimal("20")),
                        tuple("产出指标", "时效指标", "演出完成及时率", "=100%", new BigDecimal("10")),
                        tuple("产出指标", "质量指标", "演出节目合格率", "≥95%", new BigDecimal("10")));
        assertThat(d.projects().get(0).amount()).isEqualByComparingTo("120000.00");
        assertThat(d.diagnostics()).filteredOn(x -> x.code() == DiagnosticCode.CELLS_REALIGNED)
                .extracting(Diagnostic::line).containsExactly(3, 4);
    }

    @Test
    void an_explicit_column_mapping_reads_a_header_the_vocabulary_does_not_know() {
        String text = "某区2024年度考核表\n项目名称\t考核内容\t目标\n道路保洁\t保洁面积\t≥5万平方米\n\t保洁频次\t每日一次\n";
        ImportOptions options = new ImportOptions(Map.of("indicator", "考核内容", "value", "目标"), null, null, null, false);
        ParsedDocument d = new DocumentReader().read("mapped.txt", text.getBytes(StandardCharsets.UTF_8), options);
        assertThat(d.format()).isEqualTo(DocumentFormat.HEADER_TABLE);
        assertThat(targets(d)).extracting(t -> t.indicator().name(), t -> raw(t.annual()))
                .containsExactly(tuple("保洁面积", "≥5万平方米"), tuple("保洁频次", "每日一次"));
        assertThat(d.projects().get(0).name()).isEqualTo("道路保洁");
    }

    @Test
    void an_unrecognised_table_is_refused_listing_the_header_cells_found_and_the_names_expected() {
        String text = "某区2024年度考核表\n项目名称\t考核内容\t目标\n道路保洁\t保洁面积\t≥5万平方米\n";
        assertThatThrownBy(() -> new DocumentReader().read("unknown.txt", text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImportRejectedException.class)
                .hasMessageContaining("line 2 with the cells 项目名称 | 考核内容 | 目标")
                .hasMessageContaining("三级指标");
    }

    @Test
    void a_document_of_header_lines_only_is_refused_as_having_no_indicator_rows() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            text.append("单位名称\t项目名称\t一级指标\t二级指标\t三级指标\t指标值\n");
        }
        assertThatThrownBy(() -> new DocumentReader().read("headers.txt", text.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ImportRejectedException.class).hasMessageContaining("no indicator rows");
    }

    @Test
    void context_fills_what_the_document_lacks_and_a_disagreement_is_flagged() {
        String text = "单位名称\t项目名称\t一级指标\t二级指标\t三级指标\t指标值\n某中心\t项目甲\t产出指标\t数量指标\t活动次数\t≥3次\n";
        ParsedDocument filled = new DocumentReader().read("ctx.txt", text.getBytes(StandardCharsets.UTF_8),
                new ImportOptions(Map.of(), 2024, "某市", null, false));
        assertThat(filled.year()).isEqualTo(2024);
        assertThat(filled.projects().get(0).unit()).isEqualTo(new ParsedUnit(null, "某中心", "某市"));
        ParsedDocument overridden = new DocumentReader().read("ctx.txt", text.getBytes(StandardCharsets.UTF_8),
                new ImportOptions(Map.of(), null, null, "另一中心", true));
        assertThat(overridden.projects().get(0).unit().name()).isEqualTo("另一中心");
        assertThat(codes(overridden)).contains(DiagnosticCode.CONTEXT_MISMATCH);
        ParsedDocument kept = new DocumentReader().read("ctx.txt", text.getBytes(StandardCharsets.UTF_8),
                new ImportOptions(Map.of(), null, null, "另一中心", false));
        assertThat(kept.projects().get(0).unit().name()).isEqualTo("某中心");
        assertThat(codes(kept)).contains(DiagnosticCode.CONTEXT_MISMATCH);
    }

    @Test
    void the_seeds_stay_with_their_own_layouts() {
        assertThat(Seeds.read(Seeds.ZHUHAI).format()).isEqualTo(DocumentFormat.TAB_EXPORT);
        assertThat(Seeds.read(Seeds.MINHANG).format()).isEqualTo(DocumentFormat.FORM);
    }

    @Test
    void a_value_run_into_the_empty_weight_cell_is_split_and_a_total_row_is_not_a_target() {
        String text = "一级指标\t二级指标\t三级指标\t指标值\t权重\n"
                + "产出指标\t质量指标\t认定准确率\t≥98%15\t\n"
                + "\t数量指标\t救助人次\t≥500人次\t10\n"
                + "总分\t\t\t\t25\n";
        ParsedDocument d = new DocumentReader().read("ocr.txt", text.getBytes(StandardCharsets.UTF_8));
        assertThat(targets(d)).extracting(t -> t.indicator().name(), t -> raw(t.annual()), ParsedTarget::weight)
                .containsExactly(tuple("认定准确率", "≥98%", new BigDecimal("15")),
                        tuple("救助人次", "≥500人次", new BigDecimal("10")));
        assertThat(d.diagnostics()).filteredOn(x -> x.code() == DiagnosticCode.CELLS_REALIGNED)
                .extracting(Diagnostic::line).containsExactly(2);
        assertThat(codes(d)).contains(DiagnosticCode.PROJECT_FROM_CONTEXT);
    }
}
