package org.perfgraph.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.perfgraph.ingest.DocumentKind;
import org.perfgraph.ingest.DocumentReader;
import org.perfgraph.ingest.FileKind;
import org.perfgraph.ingest.ParsedDocument;
import org.perfgraph.ingest.ParsedProject;
import org.perfgraph.ingest.ParsedTarget;
import org.perfgraph.ingest.ValueType;

/**
 * Every file kind read end to end into the rows a careful reader would take from it: names, raw values, L1/L2,
 * amount in yuan, and actual/weight/score where the document has them. The .doc, .xls and .pdf files under
 * src/test/resources/files/ were made once with LibreOffice from the fixtures built here in code
 * ({@link WordFixtures}, {@link SheetFixtures}); the docx and xlsx are built by POI in the test.
 */
class FileKindsReadTest {

    private static final DocumentReader READER = new DocumentReader();

    private static List<ParsedTarget> targets(ParsedDocument d) {
        return d.projects().stream().flatMap(p -> p.targets().stream()).toList();
    }

    private static List<org.assertj.core.groups.Tuple> rows(ParsedDocument d) {
        return targets(d).stream().map(t -> tuple(t.level1().canonical(), t.level2().canonical(), t.indicator().name(),
                t.annual() == null ? null : t.annual().raw())).toList();
    }

    /** The label table then the indicator table of WordFixtures#labelThenIndicators, as docx, doc and pdf. */
    private static final List<org.assertj.core.groups.Tuple> LABEL_THEN_INDICATORS = List.of(
            tuple("产出指标", "数量指标", "演出场次", "≥12场"),
            tuple("产出指标", "数量指标", "惠及群众人次", "≥10000人次"),
            tuple("产出指标", "时效指标", "演出完成及时率", "100%"),
            tuple("效益指标", "社会效益指标", "群众文化生活丰富度", "提升"),
            tuple("效益指标", "可持续影响指标", "长效管理机制健全性", "健全"),
            tuple("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"));

    @Test
    void a_docx_and_its_doc_and_pdf_copies_give_the_same_project_amount_and_rows() {
        ParsedDocument docx = READER.read("文化馆.docx", WordFixtures.labelThenIndicators());
        ParsedDocument doc = READER.read("文化馆.doc", WordFixtures.resource("label-then-indicators.doc"));
        ParsedDocument pdf = READER.read("文化馆.pdf", WordFixtures.resource("label-then-indicators.pdf"));
        assertThat(docx.fileKind()).isEqualTo(FileKind.DOCX);
        assertThat(doc.fileKind()).isEqualTo(FileKind.DOC);
        assertThat(pdf.fileKind()).isEqualTo(FileKind.PDF);
        for (ParsedDocument d : List.of(docx, doc, pdf)) {
            assertThat(d.projects()).extracting(ParsedProject::name, ParsedProject::amount, ParsedProject::moneyUnit)
                    .containsExactly(tuple("送戏下乡经费", new BigDecimal("120000"), "万元"));
            assertThat(rows(d)).isEqualTo(LABEL_THEN_INDICATORS);
            assertThat(targets(d).get(5).notes()).isEqualTo("抽样调查");
        }
    }

    @Test
    void a_one_table_form_reads_alike_as_doc_and_as_pdf() {
        for (String name : List.of("one-table-form.doc", "one-table-form.pdf")) {
            ParsedDocument d = READER.read(name, WordFixtures.resource(name));
            assertThat(d.projects()).extracting(ParsedProject::name, ParsedProject::amount)
                    .containsExactly(tuple("乡村道路养护", new BigDecimal("800000")));
            assertThat(rows(d)).containsExactly(
                    tuple("产出指标", "数量指标", "养护里程", "≥120公里"),
                    tuple("产出指标", "质量指标", "路面完好率", "≥95%"),
                    tuple("效益指标", "社会效益指标", "群众出行便利度", "提升"));
        }
    }

    @Test
    void a_doc_and_a_pdf_with_labels_broken_inside_their_cells_read_their_amount_and_rows() {
        for (String name : List.of("split-labels.doc", "split-labels.pdf")) {
            ParsedDocument d = READER.read(name, WordFixtures.resource(name));
            assertThat(d.projects()).as(name).extracting(ParsedProject::name, ParsedProject::amount)
                    .containsExactly(tuple("校舍维修改造工程", new BigDecimal("2500000")));
            // Word keeps the hand break (a space where it stood); a PDF's cell lines are joined as a wrap
            String space = name.endsWith(".pdf") ? "" : " ";
            assertThat(rows(d)).as(name).containsExactly(
                    tuple("产出指标", "数量指标", "维修校舍面积", "≥500" + space + "平方米"),
                    tuple("产出指标", "时效指标", "完工时间", "2024年10月底前完成"),
                    tuple("效益指标", "社会效益指标", "Wi-Fi" + space + "覆盖率", "≥30.00" + space + "(%)"));
        }
    }

    @Test
    void an_xls_reads_merged_projects_numbers_as_shown_and_amounts_in_yuan() {
        ParsedDocument d = READER.read("targets.xls", WordFixtures.resource("targets.xls"));
        assertThat(d.fileKind()).isEqualTo(FileKind.XLS);
        assertThat(d.projects()).extracting(ParsedProject::amount)
                .containsExactly(new BigDecimal("1200000"), new BigDecimal("805000"));
        assertThat(rows(d)).containsExactly(
                tuple("产出指标", "数量指标", "演出场次", "12"),
                tuple("产出指标", "时效指标", "演出完成及时率", "100%"),
                tuple("效益指标", "满意度指标", "群众满意度", "90%"),
                tuple("产出指标", "时效指标", "完成时间", "2024-06-30"),
                tuple("成本指标", "经济成本指标", "单场演出成本", "8050"));
    }

    @Test
    void a_gbk_portal_page_reads_its_table_under_the_page_furniture() {
        ParsedDocument d = READER.read("portal.html", WordFixtures.resource("portal-gbk.html"));
        assertThat(d.fileKind()).isEqualTo(FileKind.HTML);
        assertThat(d.projects()).extracting(ParsedProject::name, ParsedProject::amount)
                .containsExactly(tuple("送戏下乡经费", new BigDecimal("120000")));
        assertThat(rows(d)).extracting(r -> r.toList().get(2))
                .containsExactly("演出场次", "受益群众人次", "演出完成及时率", "群众满意度");
    }

    @Test
    void an_xlsx_self_assessment_keeps_actual_weight_score_points_notes_and_value_type() throws IOException {
        byte[] bytes;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("自评表");
            row(s, 0, "某县水利局2025年度项目支出绩效自评表");
            row(s, 1, "单位：万元");
            row(s, 2, "单位名称", "项目名称", "年初预算数", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                    "分值", "得分", "偏差原因分析", "指标值类型");
            row(s, 3, "701001-某县水利局", "小型水库维修", 45.5, "产出指标(50分)", "数量指标", "维修水库座数", "≥6座",
                    "6座", 25, 25, null, "定量");
            row(s, 4, null, null, null, null, "质量指标", "工程验收合格率", "100%", "95%", 25, 20, "一处返工", "定量");
            row(s, 5, null, null, null, "效益指标(30分)", "社会效益指标", "防汛能力", "明显提升", "明显提升", 30, 30,
                    null, "定性");
            for (int c = 0; c < 3; c++) {
                s.addMergedRegion(new CellRangeAddress(3, 5, c, c));
            }
            s.addMergedRegion(new CellRangeAddress(3, 4, 3, 3));
            wb.write(out);
            bytes = out.toByteArray();
        }
        ParsedDocument d = READER.read("水利自评.xlsx", bytes);
        assertThat(d.kind()).isEqualTo(DocumentKind.SELF_ASSESSMENT);
        assertThat(d.projects()).extracting(p -> p.unit().code(), ParsedProject::name, ParsedProject::amount)
                .containsExactly(tuple("701001", "小型水库维修", new BigDecimal("455000")));
        assertThat(targets(d)).extracting(t -> t.level1().canonical(), t -> t.indicator().name(),
                        t -> t.annual().raw(), t -> t.actual().raw(), ParsedTarget::weight, ParsedTarget::score,
                        ParsedTarget::points, ParsedTarget::notes, ParsedTarget::valueType)
                .containsExactly(
                        tuple("产出指标", "维修水库座数", "≥6座", "6座", new BigDecimal("25"), new BigDecimal("25"),
                                new BigDecimal("50"), null, ValueType.QUANTITATIVE),
                        tuple("产出指标", "工程验收合格率", "100%", "95%", new BigDecimal("25"), new BigDecimal("20"),
                                new BigDecimal("50"), "一处返工", ValueType.QUANTITATIVE),
                        tuple("效益指标", "防汛能力", "明显提升", "明显提升", new BigDecimal("30"), new BigDecimal("30"),
                                new BigDecimal("30"), null, ValueType.QUALITATIVE));
    }

    private static void row(Sheet sheet, int r, Object... cells) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] instanceof Number n) {
                row.createCell(c).setCellValue(n.doubleValue());
            } else if (cells[c] != null) {
                row.createCell(c).setCellValue((String) cells[c]);
            }
        }
    }
}
