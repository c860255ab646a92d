package org.perfgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FormLayoutTest {

    static ParsedDocument doc;

    /**
     * Every indicator row of the 闵行 seed, as the forms intend it, counted by hand: line, L1, L2 (short
     * names: 成本 = 成本指标, 经成 = 经济成本指标, 数 = 数量指标, 质 = 质量指标, 时 = 时效指标, 经效 = 经济效益指标,
     * 社 = 社会效益指标, 可 = 可持续影响指标, 满 = 满意度指标 / 服务对象满意度指标).
     */
    static final String EXPECTED = """
            闵行区招商服务管理系统（升级改造）
            19 成本 经成|20 产出 数|21 产出 质|22 产出 质|23 产出 质|24 产出 时|25 效益 社|27 效益 社|28 效益 可|29 满 满
            残疾人就业保障金
            45 产出 数|46 产出 质|47 产出 时|48 效益 社|49 效益 社|50 效益 可|51 满 满
            全区资源管理推进经费
            67 成本 经成|68 产出 数|69 产出 数|70 产出 质|71 产出 质|72 产出 时|73 效益 社|74 效益 社|76 效益 可|77 满 满
            新引进企业购租房补贴
            93 成本 经成|94 产出 数|95 产出 数|96 产出 质|97 产出 质|98 产出 时|99 产出 时|100 产出 时|102 效益 经效|103 效益 社|104 效益 可|105 满 满
            招商咨询费
            121 成本 经成|122 产出 数|123 产出 数|124 产出 质|125 产出 质|126 产出 时|127 产出 时|128 效益 经效|130 效益 社|131 效益 可|132 满 满
            党组工作经费
            148 成本 经成|149 产出 数|150 产出 数|151 产出 质|152 产出 时|153 效益 社|154 效益 社|155 效益 社|157 效益 社|158 效益 可|159 满 满
            招商宣传费
            175 成本 经成|176 产出 数|177 产出 数|178 产出 数|179 产出 数|180 产出 数|181 产出 数|182 产出 质|184 产出 质|185 产出 质|186 产出 质|187 产出 质|188 产出 质|189 产出 时|190 产出 时|191 产出 时|192 产出 时|193 产出 时|194 效益 经效|195 效益 社|196 效益 社|197 效益 社|198 效益 社|199 效益 可|200 满 满
            招商参会经费（国内外）
            216 成本 经成|217 产出 数|218 产出 数|219 产出 数|220 产出 数|221 产出 数|222 产出 数|224 产出 质|225 产出 质|226 产出 质|227 产出 时|228 产出 时|229 产出 时|230 效益 社|231 效益 社|232 效益 可|233 满 满
            闵行区招商资源管理系统（升级改造）
            249 成本 经成|250 产出 数|251 产出 质|252 产出 质|253 产出 质|254 产出 时|255 效益 社|256 效益 社|258 效益 可|259 满 满
            法律顾问费
            275 产出 数|276 产出 数|277 产出 质|278 产出 质|279 产出 时|280 产出 时|281 效益 社|282 效益 社|283 效益 社|285 效益 可|286 满 满
            招商服务费
            302 成本 经成|303 产出 数|304 产出 数|305 产出 质|306 产出 质|307 产出 时|308 产出 时|309 效益 经效|310 效益 社|312 效益 社|313 效益 可|314 满 满
            招商经费
            330 成本 经成|331 产出 数|332 产出 数|333 产出 数|334 产出 质|335 产出 质|336 产出 质|337 产出 时|339 产出 时|340 产出 时|341 效益 经效|342 效益 社|343 效益 社|344 效益 社|345 效益 可|346 满 满
            """;

    static final Map<String, String> L1 = Map.of("成本", "成本指标", "产出", "产出指标", "效益", "效益指标",
            "满", "满意度指标");
    static final Map<String, String> L2 = Map.of("经成", "经济成本指标", "数", "数量指标", "质", "质量指标",
            "时", "时效指标", "经效", "经济效益指标", "社", "社会效益指标", "可", "可持续影响指标", "满", "服务对象满意度指标");

    @BeforeAll
    static void read() {
        doc = Seeds.read(Seeds.MINHANG);
    }

    static Map<String, List<String[]>> expected() {
        Map<String, List<String[]>> out = new LinkedHashMap<>();
        String[] lines = EXPECTED.strip().split("\n");
        for (int i = 0; i < lines.length; i += 2) {
            out.put(lines[i].strip(), java.util.Arrays.stream(lines[i + 1].strip().split("\\|"))
                    .map(r -> r.split(" ")).toList());
        }
        return out;
    }

    static ParsedProject project(String name) {
        return doc.projects().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    static ParsedTarget target(int line) {
        return doc.projects().stream().flatMap(p -> p.targets().stream()).filter(t -> t.line() == line)
                .findFirst().orElseThrow();
    }

    static List<Integer> linesWith(String code) {
        return doc.diagnostics().stream().filter(d -> d.code().name().equals(code)).map(Diagnostic::line).toList();
    }

    @Test
    void layout_title_region_and_year_are_read_from_the_content() {
        assertThat(doc.format()).isEqualTo(DocumentFormat.FORM);
        assertThat(doc.title()).isEqualTo("上海市闵行区投资促进中心2024年度项目绩效目标汇总表");
        assertThat(doc.region()).isEqualTo("上海市闵行区");
        assertThat(doc.year()).isEqualTo(2024);
        assertThat(doc.lineCount()).isEqualTo(346);
    }

    @Test
    void seed_has_twelve_forms_and_152_targets_with_the_counts_per_project() {
        Map<String, List<String[]>> expected = expected();
        assertThat(doc.projects()).extracting(ParsedProject::name).containsExactlyElementsOf(expected.keySet());
        assertThat(doc.targetCount()).isEqualTo(152);
        Map<String, Integer> counts = Map.ofEntries(Map.entry("闵行区招商服务管理系统（升级改造）", 10),
                Map.entry("残疾人就业保障金", 7), Map.entry("全区资源管理推进经费", 10), Map.entry("新引进企业购租房补贴", 12),
                Map.entry("招商咨询费", 11), Map.entry("党组工作经费", 11), Map.entry("招商宣传费", 25),
                Map.entry("招商参会经费（国内外）", 17), Map.entry("闵行区招商资源管理系统（升级改造）", 10),
                Map.entry("法律顾问费", 11), Map.entry("招商服务费", 12), Map.entry("招商经费", 16));
        counts.forEach((name, n) -> assertThat(project(name).targets()).as(name).hasSize(n));
    }

    @Test
    void every_minhang_row_has_the_l1_and_l2_the_form_intends() {
        expected().forEach((name, rows) -> {
            List<ParsedTarget> targets = project(name).targets();
            assertThat(targets).as(name).hasSize(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                String[] row = rows.get(i);
                ParsedTarget t = targets.get(i);
                assertThat(t.line()).as(name + " row " + i).isEqualTo(Integer.parseInt(row[0]));
                assertThat(t.ordinal()).isEqualTo(i);
                assertThat(t.level1().canonical()).as("L1 of line " + row[0]).isEqualTo(L1.get(row[1]));
                assertThat(t.level2().canonical()).as("L2 of line " + row[0]).isEqualTo(L2.get(row[2]));
                assertThat(t.period()).isNull();
                assertThat(t.indicator().code()).isNull();
            }
        });
    }

    @Test
    void metadata_of_a_form_is_read() {
        ParsedProject p = project("闵行区招商服务管理系统（升级改造）");
        assertThat(p.line()).isEqualTo(5);
        assertThat(p.nature()).isEqualTo("阶段性项目");
        assertThat(p.category()).isEqualTo("特定目标类");
        assertThat(p.department()).isEqualTo("上海市闵行区投资促进中心(汇总)");
        assertThat(p.startDate()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(p.endDate()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(p.totalAmount()).isEqualTo(new BigDecimal("1144250.00"));
        assertThat(p.amount()).isEqualTo(new BigDecimal("1094500.00"));
        assertThat(p.year()).isEqualTo(2024);
        assertThat(p.blocks()).isEqualTo(1);
        assertThat(project("招商经费").amount()).isEqualTo(new BigDecimal("26641350.00"));
        assertThat(project("招商经费").totalAmount()).isNull();
        assertThat(project("残疾人就业保障金").amount()).isEqualTo(new BigDecimal("50000.00"));
        assertThat(project("党组工作经费").amount()).isEqualTo(new BigDecimal("10000.00"));
        assertThat(project("闵行区招商资源管理系统（升级改造）").totalAmount()).isEqualTo(new BigDecimal("348750.00"));
        assertThat(project("闵行区招商资源管理系统（升级改造）").department()).isEqualTo("上海市闵行区投资促进中心（汇总）");
        assertThat(project("残疾人就业保障金").nature()).isEqualTo("经常性项目");
    }

    @Test
    void goals_are_read_by_column_with_their_lines() {
        ParsedProject p = project("闵行区招商服务管理系统（升级改造）");
        assertThat(p.goals()).extracting(GoalStatement::kind, GoalStatement::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(GoalKind.OVERALL, 17),
                        org.assertj.core.groups.Tuple.tuple(GoalKind.ANNUAL, 17));
        assertThat(p.goals().get(0).raw()).startsWith("主要使用满足信创要求");
        assertThat(p.goals().get(1).raw()).startsWith("委托专业机构于2024年10月底前完成");
        ParsedProject q = project("全区资源管理推进经费");
        assertThat(q.goals()).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(GoalKind.ANNUAL);
            assertThat(g.line()).isEqualTo(65);
            assertThat(g.raw()).contains("（不少于6次）");
            assertThat(g.normalized()).contains("(不少于6次)");
        });
        assertThat(project("闵行区招商资源管理系统（升级改造）").goals()).extracting(GoalStatement::kind)
                .containsExactly(GoalKind.OVERALL, GoalKind.ANNUAL);
    }

    @Test
    void minhang_unit_has_the_zhuhai_name_but_another_region() {
        ParsedUnit minhang = project("招商经费").unit();
        ParsedUnit zhuhai = Seeds.read(Seeds.ZHUHAI).projects().get(0).unit();
        assertThat(minhang).isEqualTo(new ParsedUnit(null, "投资促进中心", "上海市闵行区"));
        assertThat(minhang.name()).isEqualTo(zhuhai.name());
        assertThat(minhang.key()).isNotEqualTo(zhuhai.key());
        assertThat(doc.projects()).extracting(ParsedProject::unit).containsOnly(minhang);
    }

    @Test
    void shifted_labels_of_form_one_are_put_back_and_flagged() {
        assertThat(target(23).level2()).isEqualTo(new CategoryRef("时效指标", null, "质量指标", 2, true));
        assertThat(target(24).level2()).isEqualTo(new CategoryRef("社会效益指标", null, "时效指标", 2, true));
        assertThat(target(24).level1().canonical()).isEqualTo("产出指标");
        assertThat(target(25).level2()).isEqualTo(new CategoryRef(null, null, "社会效益指标", 2, true));
        assertThat(linesWith("CATEGORY_INFERRED")).contains(23, 24, 25);
    }

    @Test
    void garbled_labels_are_repaired_and_flagged() {
        assertThat(target(27).level1()).isEqualTo(new CategoryRef("效益指标", null, "效益指标", 1, false));
        assertThat(target(27).level2()).isEqualTo(new CategoryRef("仁云双益指标", null, "社会效益指标", 2, true));
        assertThat(target(312).level1()).isEqualTo(new CategoryRef("双星指标", null, "效益指标", 1, true));
        assertThat(target(312).level2()).isEqualTo(new CategoryRef("社会责任双星指标", null, "社会效益指标", 2, true));
        assertThat(linesWith("CATEGORY_OCR_REPAIRED")).containsExactly(27, 312, 312);
    }

    @Test
    void cost_row_with_three_labels_and_the_quantity_row_after_it_are_resolved_and_flagged() {
        assertThat(target(216).level1()).isEqualTo(new CategoryRef("成本指标", null, "成本指标", 1, true));
        assertThat(target(216).level2().canonical()).isEqualTo("经济成本指标");
        assertThat(target(217).level1()).isEqualTo(new CategoryRef(null, null, "产出指标", 1, true));
        assertThat(target(217).level2()).isEqualTo(new CategoryRef("数量指标", null, "数量指标", 2, false));
        assertThat(target(217).annual().raw()).isEqualTo("=2.00(场)");
    }

    @Test
    void every_inference_has_a_diagnostic_with_its_line_and_nothing_else_is_flagged() {
        assertThat(linesWith("CATEGORY_INFERRED")).containsExactly(23, 24, 25, 128, 176, 182, 216, 217, 337);
        assertThat(doc.diagnostics()).extracting(d -> d.code().name())
                .containsOnly("CATEGORY_INFERRED", "CATEGORY_OCR_REPAIRED");
        assertThat(doc.diagnostics()).allSatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(d.message()).isNotBlank();
        });
        doc.projects().stream().flatMap(p -> p.targets().stream())
                .filter(t -> t.level1().inferred() || t.level2().inferred())
                .forEach(t -> assertThat(doc.diagnostics()).as("line " + t.line()).anyMatch(d -> d.line() == t.line()));
    }

    @Test
    void page_break_rows_with_the_indicator_in_the_first_column_are_targets() {
        assertThat(target(74).indicator().name()).isEqualTo("资源专管员工作能力提升性");
        assertThat(target(74).annual().raw()).isEqualTo("提升");
        assertThat(target(155).indicator().name()).isEqualTo("党员责任意识");
        assertThat(target(155).annual().raw()).isEqualTo("增强");
        assertThat(target(256).annual().raw()).isEqualTo("满足计划改造需求");
    }

    @Test
    void ocr_noise_in_indicator_names_is_kept_verbatim() {
        assertThat(target(331).indicator().name()).isEqualTo("运维护容完成数");
        assertThat(target(337).indicator().name()).isEqualTo("运维护容及时性");
        assertThat(target(337).annual().deadline()).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void raw_values_are_verbatim_and_normalised() {
        Object[][] rows = {
                {19, "≤109.45(万元)", ValueKind.NUMERIC, "≤109.45万元"},
                {20, "=1.00(项)", ValueKind.NUMERIC, "=1项"},
                {21, "达标", ValueKind.QUALITATIVE, "达标"},
                {24, "2024年10月底前完成", ValueKind.DEADLINE, "2024-10-31"},
                {27, "≥60.00 (%)", ValueKind.NUMERIC, "≥60%"},
                {47, "及时", ValueKind.QUALITATIVE, "及时"},
                {48, "=0.00(起)", ValueKind.NUMERIC, "=0起"},
                {49, "有效保障", ValueKind.QUALITATIVE, "有效保障"},
                {68, "≥1000.00(人次)", ValueKind.NUMERIC, "≥1000人次"},
                {72, "每月一次", ValueKind.FREQUENCY, "每月一次"},
                {73, "≥40个街镇招商部门", ValueKind.NUMERIC, "≥40个"},
                {93, "符合政策规定", ValueKind.QUALITATIVE, "符合政策规定"},
                {126, "及时，2024年12月底前完成", ValueKind.DEADLINE, "2024-12-31"},
                {158, "机制健全、执行有效", ValueKind.QUALITATIVE, "机制健全、执行有效"},
                {179, "=1.00(个月)", ValueKind.NUMERIC, "=1个月"},
                {182, "一次性验收通过", ValueKind.QUALITATIVE, "一次性验收通过"},
                {191, "当天", ValueKind.FREQUENCY, "当天"},
                {192, "12月底", ValueKind.DEADLINE, "2024-12-31"},
                {194, "$\\geq 90.00\\%$", ValueKind.NUMERIC, "≥90%"},
                {198, "较上年提升", ValueKind.QUALITATIVE, "较上年提升"},
                {227, "及时（2024年12月底前）", ValueKind.DEADLINE, "2024-12-31"},
                {279, "≤2.00(个工作日)", ValueKind.NUMERIC, "≤2个工作日"},
                {314, "≥90(%)", ValueKind.NUMERIC, "≥90%"},
                {337, "及时(2024年12月底前)", ValueKind.DEADLINE, "2024-12-31"},
                {339, "全年", ValueKind.FREQUENCY, "全年"},
                {340, "每月中", ValueKind.FREQUENCY, "每月中"},
                {346, "≥90.00(%)", ValueKind.NUMERIC, "≥90%"},
        };
        for (Object[] r : rows) {
            TargetValue v = target((Integer) r[0]).annual();
            assertThat(v.raw()).as("line " + r[0]).isEqualTo(r[1]);
            assertThat(v.kind()).as("line " + r[0]).isEqualTo(r[2]);
            assertThat(v.normalized()).as("line " + r[0]).isEqualTo(r[3]);
        }
    }

    @Test
    void every_raw_value_is_the_last_non_empty_cell_of_its_line() {
        String[] lines = new String(Seeds.bytes(Seeds.MINHANG), java.nio.charset.StandardCharsets.UTF_8).split("\n");
        doc.projects().stream().flatMap(p -> p.targets().stream()).forEach(t -> {
            List<String> cells = java.util.Arrays.stream(lines[t.line() - 1].split("\t")).map(String::trim)
                    .filter(c -> !c.isEmpty()).toList();
            assertThat(t.annual().raw()).isEqualTo(cells.get(cells.size() - 1));
            assertThat(t.indicator().name()).isEqualTo(cells.get(cells.size() - 2));
        });
    }
}
