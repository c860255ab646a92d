package org.perfgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfgraph.ingest.extract.Extractors;

/**
 * Text whose separators do not tell the cells (LAYOUTS.md shapes 4 and 5, one cell per line without closers), read
 * through {@link TableSegmenter}. The fixtures (src/test/resources/layouts/) were written for these tests from the
 * shapes, with other units, columns and values than the blind fixtures.
 */
class TableSegmenterTest {

    private static List<ParsedTarget> targets(ParsedDocument d) {
        return d.projects().stream().flatMap(p -> p.targets().stream()).toList();
    }

    private static String raw(TargetValue v) {
        return v == null ? null : v.raw();
    }

    private static List<DiagnosticCode> codes(ParsedDocument d) {
        return d.diagnostics().stream().map(Diagnostic::code).toList();
    }

    @Test
    void a_whole_table_on_one_line_with_split_value_columns_is_cut_into_rows_by_vocabulary_and_shape() {
        ParsedDocument d = Seeds.read("layouts/one-line-split-columns.txt");
        assertThat(d.format()).isEqualTo(DocumentFormat.HEADER_TABLE);
        assertThat(d.projects()).extracting(p -> p.unit().code(), p -> p.unit().name(), ParsedProject::name,
                        ParsedProject::amount)
                .containsExactly(tuple("301001", "某县文化馆", "送戏下乡经费", new BigDecimal("120000.00")),
                        tuple("301001", "某县文化馆", "文化馆免费开放", new BigDecimal("80000.00")),
                        tuple("301002", "某县图书馆", "图书采购经费", new BigDecimal("50000.00")));
        assertThat(targets(d)).extracting(t -> t.level1().canonical(), t -> t.level2().canonical(),
                        t -> t.indicator().name(), t -> raw(t.annual()), ParsedTarget::weight)
                .containsExactly(
                        tuple("产出指标", "数量指标", "演出场次", "≥12场", new BigDecimal("20")),
                        tuple("产出指标", "时效指标", "演出完成及时率", "=100%", new BigDecimal("10")),
                        tuple("效益指标", "社会效益指标", "群众文化参与度", "提升", new BigDecimal("20")),
                        tuple("满意度指标", "服务对象满意度指标", "观众满意度", "≥90%", new BigDecimal("10")),
                        tuple("产出指标", "数量指标", "全年开放天数", "≥300天", new BigDecimal("30")),
                        tuple("产出指标", "质量指标", "设施完好率", "≥95%", new BigDecimal("10")),
                        tuple("产出指标", "数量指标", "新增藏书", "≥2000册", new BigDecimal("40")),
                        tuple("成本指标", "经济成本指标", "图书采购成本", "≤50000元", new BigDecimal("20")),
                        tuple("满意度指标", "服务对象满意度指标", "读者满意度", "≥85%", new BigDecimal("10")));
        // the Word properties before the table and the 填表人 line after it are not rows
        assertThat(codes(d)).doesNotContain(DiagnosticCode.L2_WITHOUT_INDICATOR, DiagnosticCode.INDICATOR_MISSING);
    }

    @Test
    void cells_run_together_are_cut_at_category_names_comparators_units_and_qualitative_words() {
        ParsedDocument d = Seeds.read("layouts/no-separator-points.txt");
        assertThat(d.projects()).extracting(ParsedProject::name, ParsedProject::amount, ParsedProject::moneyUnit)
                .containsExactly(tuple("基层医疗设备购置", new BigDecimal("1500000"), "万元"),
                        tuple("家庭医生签约服务", new BigDecimal("426000"), "万元"));
        assertThat(targets(d)).extracting(ParsedTarget::line, t -> t.level1().canonical(), t -> t.level2().canonical(),
                        t -> t.indicator().name(), t -> raw(t.annual()), ParsedTarget::points)
                .containsExactly(
                        tuple(5, "产出指标", "数量指标", "购置设备台数", "≥25台", new BigDecimal("40")),
                        tuple(6, "产出指标", "质量指标", "设备验收合格率", "100%", new BigDecimal("40")),
                        tuple(7, "产出指标", "时效指标", "设备到位及时性", "及时", new BigDecimal("40")),
                        tuple(8, "效益指标", "社会效益指标", "基层诊疗能力", "有效提升", new BigDecimal("40")),
                        tuple(9, "效益指标", "可持续影响指标", "设备使用年限", "≥8年", new BigDecimal("40")),
                        tuple(10, "满意度指标", "服务对象满意度指标", "就诊群众满意度", "≥90%", new BigDecimal("20")),
                        tuple(14, "产出指标", "数量指标", "签约服务人数", "≥12000人", new BigDecimal("50")),
                        tuple(15, "产出指标", "质量指标", "重点人群签约率", "≥70%", new BigDecimal("50")),
                        tuple(16, "效益指标", "社会效益指标", "慢病规范管理率", "≥60%", new BigDecimal("30")),
                        tuple(17, "满意度指标", "服务对象满意度指标", "签约居民满意度", "≥85%", new BigDecimal("20")));
        // a value told from its indicator by its words alone is a guess: flagged on its line, and only there
        assertThat(d.diagnostics()).filteredOn(g -> g.code() == DiagnosticCode.CELLS_REALIGNED)
                .extracting(Diagnostic::line).containsExactly(7, 8);
        assertThat(DiagnosticCode.CELLS_REALIGNED.uncertain()).isTrue();
    }

    @Test
    void one_cell_per_line_without_closing_pipes_is_cut_into_rows_by_the_headers_columns() {
        ParsedDocument d = Seeds.read("layouts/cell-per-line-open.txt");
        assertThat(d.projects()).extracting(p -> p.unit().name(), ParsedProject::name, ParsedProject::amount)
                .containsExactly(tuple("某市档案馆", "档案数字化经费", new BigDecimal("365000")),
                        tuple("某市方志馆", "地方志编纂经费", new BigDecimal("120000")));
        assertThat(targets(d)).extracting(t -> t.level1().canonical(), t -> t.level2().canonical(),
                        t -> t.indicator().name(), t -> raw(t.annual()))
                .containsExactly(
                        tuple("产出指标", "数量指标", "档案数字化件数", "≥5000件"),
                        tuple("产出指标", "质量指标", "数字化差错率", "≤1%"),
                        tuple("效益指标", "社会效益指标", "档案查阅便利度", "提升"),
                        tuple("满意度指标", "服务对象满意度指标", "查档群众满意度", "≥90%"),
                        tuple("产出指标", "数量指标", "出版志书", "=1部"),
                        tuple("产出指标", "时效指标", "出版时间", "2025年12月底前"));
        assertThat(targets(d).get(0).line()).isEqualTo(12); // a row's line is its first cell's
    }

    @Test
    void a_piece_is_cut_where_the_vocabulary_or_the_values_shape_shows_a_border() {
        assertThat(cut("产出指标数量指标维修校舍面积≥500平方米", true))
                .containsExactly("产出指标", "数量指标", "维修校舍面积", "≥500平方米");
        assertThat(cut("质量指标验收合格率100%", true)).containsExactly("质量指标", "验收合格率", "100%");
        assertThat(cut("时效指标完工时间2025年10月底前", true)).containsExactly("时效指标", "完工时间", "2025年10月底前");
        assertThat(cut("产出指标(30分)质量指标抽检合格率≥98%", true))
                .containsExactly("产出指标(30分)", "质量指标", "抽检合格率", "≥98%");
        assertThat(cut("一级指标二级指标三级指标指标值", true)).containsExactly("一级指标", "二级指标", "三级指标", "指标值");
        // a value alone is not cut (≥90% stays whole), nor a name whose digits are not a value with its unit
        assertThat(cut("≥90%", true)).containsExactly("≥90%");
        assertThat(cut("PM2.5浓度", true)).containsExactly("PM2.5浓度");
        // between blanks only strong borders cut: a trailing qualitative word does not
        assertThat(cut("保障有效", false)).containsExactly("保障有效");
        assertThat(cut("项目名称：乡村道路", true)).containsExactly("项目名称：乡村道路");
    }

    @Test
    void tab_text_and_files_are_left_as_extracted() {
        byte[] tab = "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人次\t≥300人次\n"
                .getBytes(StandardCharsets.UTF_8);
        Extraction x = Extractors.extract("tab.txt", tab);
        assertThat(TableSegmenter.segment(x, ImportOptions.NONE)).isSameAs(x);
    }

    @Test
    void text_without_a_header_the_vocabulary_knows_is_left_for_the_layouts_to_refuse() {
        byte[] text = "考核内容 目标 分数\n培训 300人次 10\n".getBytes(StandardCharsets.UTF_8);
        Extraction x = Extractors.extract("plain.txt", text);
        assertThat(TableSegmenter.segment(x, ImportOptions.NONE)).isSameAs(x);
    }

    private static List<String> cut(String piece, boolean full) {
        return TableSegmenter.cut(piece, full, new ArrayList<>());
    }
}
