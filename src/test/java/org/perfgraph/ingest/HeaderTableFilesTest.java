package org.perfgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The header-row layout over files, end to end through the extractors on main. */
class HeaderTableFilesTest {

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

    @Test
    void an_xlsx_with_merged_unit_project_amount_and_l1_cells_reads_every_row() throws IOException {
        byte[] bytes;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("项目表");
            row(s, 0, "某县林业局2025年度项目支出绩效目标表");
            row(s, 1, "单位：万元");
            row(s, 2, "单位名称", "项目名称", "预算数", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位");
            row(s, 3, "601001-某县林业局", "森林防火经费", 68, "产出指标", "数量指标", "防火巡护里程", "≥", "5000", "公里");
            row(s, 4, null, null, null, null, "质量指标", "森林火灾受害率", "≤", "0.9", "‰");
            row(s, 5, null, null, null, "满意度指标", "服务对象满意度指标", "林区群众满意度", "≥", "0.9", "%");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 8));
            s.addMergedRegion(new CellRangeAddress(3, 5, 0, 0));
            s.addMergedRegion(new CellRangeAddress(3, 5, 1, 1));
            s.addMergedRegion(new CellRangeAddress(3, 5, 2, 2));
            s.addMergedRegion(new CellRangeAddress(3, 4, 3, 3));
            wb.write(out);
            bytes = out.toByteArray();
        }
        ParsedDocument d = new DocumentReader().read("林业.xlsx", bytes);
        assertThat(d.format()).isEqualTo(DocumentFormat.HEADER_TABLE);
        assertThat(d.fileKind()).isEqualTo(FileKind.XLSX);
        ParsedProject p = d.projects().get(0);
        assertThat(p.unit()).isEqualTo(new ParsedUnit("601001", "某县林业局", "某县"));
        assertThat(p.amount()).isEqualByComparingTo("680000");
        assertThat(p.moneyUnit()).isEqualTo("万元");
        assertThat(p.targets()).extracting(t -> t.level1().canonical(), t -> t.indicator().name(),
                        t -> t.annual().raw(), t -> t.annual().normalized())
                .containsExactly(tuple("产出指标", "防火巡护里程", "≥5000公里", "≥5000公里"),
                        tuple("产出指标", "森林火灾受害率", "≤0.9‰", "≤0.9‰"),
                        tuple("满意度指标", "林区群众满意度", "≥0.9%", "≥90%"));
        assertThat(p.targets().get(0).place()).startsWith("sheet 项目表");
        assertThat(d.diagnostics()).extracting(Diagnostic::code).contains(DiagnosticCode.VALUE_AS_FRACTION,
                DiagnosticCode.MONEY_UNIT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "<title>某县水利局2025年度项目支出绩效自评表_某县人民政府</title>|<h2>信息公开</h2>|SELF_ASSESSMENT",
            "<title>某县人民政府门户网站</title>|<h1>关于某县水利局2025年度项目绩效目标的批复表</h1>|APPROVAL",
            "<title>某县水利局2025年度部门整体支出绩效目标表 - 某县财政局</title>||UNIT_WIDE",
            "<title>某县人民政府门户网站</title>|<h1>某县水利局2025年度项目支出绩效目标申报表</h1>|DECLARATION",
            "<title>某县人民政府门户网站</title>|<p>通知公告</p>|DECLARATION"})
    void an_html_page_s_kind_comes_from_its_title_or_heading_when_the_table_does_not_say_it(String title,
            String heading, DocumentKind kind) {
        String html = "<html><head>" + title + "</head><body><div>首页 &gt; 政务公开</div>" + (heading == null ? "" : heading)
                + "<table><tr><td>单位名称</td><td>项目名称</td><td>一级指标</td><td>二级指标</td><td>三级指标</td>"
                + "<td>指标值</td></tr><tr><td>701001-某县水利局</td><td>小型水库维修</td><td>产出指标</td><td>数量指标</td>"
                + "<td>维修水库座数</td><td>≥6座</td></tr></table></body></html>";

        ParsedDocument d = new DocumentReader().read("水利.html", html.getBytes(StandardCharsets.UTF_8));

        assertThat(d.kind()).isEqualTo(kind);
        assertThat(d.projects()).flatExtracting(ParsedProject::targets).extracting(t -> t.indicator().name(),
                t -> t.annual().raw()).containsExactly(tuple("维修水库座数", "≥6座"));
    }
}
