package org.perfgraph.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.perfgraph.ingest.Extraction;
import org.perfgraph.ingest.FileKind;
import org.perfgraph.ingest.Table;
import org.perfgraph.ingest.TableRow;

/**
 * A line break typed inside a cell reads the same in every file kind that has one (an Excel Alt+Enter, a Word
 * paragraph, an HTML {@code <br>} or block, a quoted CSV cell over lines): two CJK characters at the break join with
 * nothing, a Latin word or a number at the break keeps one space. The cell text is asserted exactly, before any
 * normalisation.
 */
class CellLineBreaksTest {

    /** The table as typed: {@code \n} where the writer pressed Enter inside the cell. */
    private static final List<List<String>> TYPED = List.of(
            List.of("一级\n指标", "二级\n指标", "三级\n指标", "年度\n指标值"),
            List.of("产出指标", "数量指标", "改造供水\n管网长度", "≥30\n公里"),
            List.of("产出指标", "质量指标", "通过ISO\n9001认证", "是"),
            List.of("效益指标", "社会效益\n指标", "PM2.5\n年均浓度下降", "≥5%\n（同比）"),
            List.of("满意度指标", "服务对象满意度指标", "群众满意度，\n\n（抽样调查）", "≥ 90%"));

    /** What every file kind must give. */
    private static final List<List<String>> READ = List.of(
            List.of("一级指标", "二级指标", "三级指标", "年度指标值"),
            List.of("产出指标", "数量指标", "改造供水管网长度", "≥30 公里"),
            List.of("产出指标", "质量指标", "通过ISO 9001认证", "是"),
            List.of("效益指标", "社会效益指标", "PM2.5 年均浓度下降", "≥5% （同比）"),
            List.of("满意度指标", "服务对象满意度指标", "群众满意度，（抽样调查）", "≥ 90%"));

    @Test
    void an_xlsx_cell_with_alt_enter_breaks() {
        assertThat(cells(Extractors.extract("breaks.xlsx", workbook(new XSSFWorkbook())), FileKind.XLSX))
                .isEqualTo(READ);
    }

    @Test
    void an_xls_cell_with_alt_enter_breaks() {
        assertThat(cells(Extractors.extract("breaks.xls", workbook(new HSSFWorkbook())), FileKind.XLS))
                .isEqualTo(READ);
    }

    @Test
    void a_docx_cell_with_one_paragraph_per_line() {
        assertThat(cells(Extractors.extract("breaks.docx", docx()), FileKind.DOCX)).isEqualTo(READ);
    }

    @Test
    void an_html_cell_with_br_or_a_paragraph_per_line_and_markup_whitespace_as_one_space() {
        StringBuilder html = new StringBuilder("<html><head><meta charset=\"utf-8\"></head><body><table border=\"1\">\n");
        for (int r = 0; r < TYPED.size(); r++) {
            html.append("  <tr>\n");
            for (String cell : TYPED.get(r)) {
                // alternate the two ways a portal writes a break: <br> and one <p> per line
                String inner = r % 2 == 0 ? cell.replace("\n", "<br>\n      ")
                        : "<p>" + cell.replace("\n", "</p><p>") + "</p>";
                html.append("    <td>\n      ").append(inner).append("\n    </td>\n");
            }
            html.append("  </tr>\n");
        }
        html.append("</table></body></html>\n");
        byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);

        assertThat(cells(Extractors.extract("breaks.html", bytes), FileKind.HTML)).isEqualTo(READ);
    }

    @Test
    void html_markup_whitespace_inside_a_cell_is_a_space_not_a_line_break() {
        byte[] html = ("<html><body><table><tr><td>一级指标</td><td>三级指标</td></tr>"
                + "<tr><td>产出指标</td><td>开展 <b>培训</b>\n  场次</td></tr></table></body></html>")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(cells(Extractors.extract("ws.html", html), FileKind.HTML).get(1))
                .containsExactly("产出指标", "开展 培训 场次");
    }

    @Test
    void a_csv_cell_quoted_over_several_lines() {
        StringBuilder csv = new StringBuilder();
        for (List<String> row : TYPED) {
            List<String> quoted = new ArrayList<>();
            for (String cell : row) {
                quoted.add(cell.contains("\n") || cell.contains(",") ? "\"" + cell + "\"" : cell);
            }
            csv.append(String.join(",", quoted)).append("\r\n");
        }
        Extraction x = Extractors.extract("breaks.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(x.tables().get(0).delimiting()).isEqualTo(Table.Delimiting.COMMA);
        assertThat(cells(x, FileKind.TEXT)).isEqualTo(READ);
    }

    private static List<List<String>> cells(Extraction x, FileKind kind) {
        assertThat(x.fileKind()).isEqualTo(kind);
        List<List<String>> out = new ArrayList<>();
        for (Table t : x.tables()) {
            for (TableRow r : t.rows()) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < r.width(); c++) {
                    row.add(r.text(c));
                }
                out.add(row);
            }
        }
        return out;
    }

    private static byte[] workbook(Workbook wb) {
        try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("项目表");
            for (int r = 0; r < TYPED.size(); r++) {
                for (int c = 0; c < TYPED.get(r).size(); c++) {
                    SheetFixtures.text(s, r, c, TYPED.get(r).get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] docx() {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFTable table = doc.createTable(TYPED.size(), TYPED.get(0).size());
            for (int r = 0; r < TYPED.size(); r++) {
                for (int c = 0; c < TYPED.get(r).size(); c++) {
                    XWPFTableCell cell = table.getRow(r).getCell(c);
                    String[] lines = TYPED.get(r).get(c).split("\n", -1);
                    for (int k = 0; k < lines.length; k++) {
                        XWPFParagraph p = k == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
                        if (!lines[k].isEmpty()) {
                            p.createRun().setText(lines[k]);
                        }
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
