package org.perfgraph.ingest.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Word documents in the shapes budget units publish (LAYOUTS.md, "docx/doc"), written with POI. The .doc and .pdf
 * copies under src/test/resources/files/ were made once from these with LibreOffice: run {@link #main} with a
 * folder, then {@code soffice --headless --convert-to doc|pdf *.docx} there.
 */
final class WordFixtures {

    private WordFixtures() {
    }

    /** One slot of a row as written: text (lines = paragraphs), how many grid columns, its vertical merge. */
    record Spec(String text, int span, STMerge.Enum vMerge, boolean nested) {
    }

    static Spec c(String text) {
        return new Spec(text, 1, null, false);
    }

    static Spec span(String text, int span) {
        return new Spec(text, span, null, false);
    }

    /** Starts a cell merged down over the next rows. */
    static Spec down(String text) {
        return new Spec(text, 1, STMerge.RESTART, false);
    }

    /** Continues the merged cell above (Word writes an empty cell with vMerge and no value). */
    static Spec up() {
        return new Spec("", 1, STMerge.CONTINUE, false);
    }

    /** A cell holding a one-row table, its cells separated by | in {@code text}. */
    static Spec nested(String text) {
        return new Spec(text, 1, null, true);
    }

    static List<Spec> row(Spec... cells) {
        return List.of(cells);
    }

    /** Label table (项目名称 | value …), a paragraph, then the indicator table with L1/L2 merged down. */
    static byte[] labelThenIndicators() {
        XWPFDocument doc = new XWPFDocument();
        title(doc, "2024年度项目支出绩效目标申报表");
        paragraph(doc, "填报单位：某县文化馆\t\t单位：万元");
        table(doc, new int[] {1800, 2600, 1800, 2600},
                row(c("项目名称"), c("送戏下乡经费"), c("主管部门"), c("某县文化和旅游局")),
                row(c("实施单位"), c("某县文化馆"), c("项目资金"), c("12.00")),
                row(c("年度目标"), span("全年完成送戏下乡演出12场，惠及群众1万人次。", 3)));
        paragraph(doc, "");
        paragraph(doc, "绩效指标");
        table(doc, new int[] {1500, 2100, 2600, 1700, 1400},
                row(c("一级指标"), c("二级指标"), c("三级指标"), c("指标值"), c("备注")),
                row(down("产出指标"), down("数量指标"), c("演出场次"), c("≥12场"), c("")),
                row(up(), up(), c("惠及群众人次"), c("≥10000人次"), c("")),
                row(up(), c("时效指标"), c("演出完成及时率"), c("100%"), c("")),
                row(down("效益指标"), c("社会效益指标"), c("群众文化生活丰富度"), c("提升"), c("")),
                row(up(), c("可持续影响指标"), c("长效管理机制健全性"), c("健全"), c("")),
                row(c("满意度指标"), c("服务对象满意度指标"), c("群众满意度"), c("≥90%"), c("抽样调查")));
        paragraph(doc, "填报人：张三\t联系电话：0571-1234567");
        return bytes(doc);
    }

    /** The 申报表 form as one table: label cells merged down and across, the indicators inside it. */
    static byte[] oneTableForm() {
        XWPFDocument doc = new XWPFDocument();
        title(doc, "乡村道路养护项目绩效目标表");
        paragraph(doc, "单位：万元");
        table(doc, new int[] {1300, 1500, 1500, 1700, 1300, 1700},
                row(c("项目名称"), span("乡村道路养护", 3), c("项目类别"), c("运转类")),
                row(down("项目资金"), c("年度资金总额"), span("80.00", 2), c("其中：财政拨款"), c("80.00")),
                row(up(), c("其他资金"), span("0.00", 2), c("上年结转"), c("0.00")),
                row(c("年度绩效目标"), span("完成农村公路养护120公里，路面完好率不低于95%。", 5)),
                row(down("绩效指标"), c("一级指标"), c("二级指标"), span("三级指标", 2), c("指标值")),
                row(up(), down("产出指标"), c("数量指标"), span("养护里程", 2), c("≥120公里")),
                row(up(), up(), c("质量指标"), span("路面完好率", 2), c("≥95%")),
                row(up(), c("效益指标"), c("社会效益指标"), span("群众出行便利度", 2), c("提升")));
        return bytes(doc);
    }

    /** Labels wrapped by hand inside narrow cells (项目\n名称), values over two lines, a table inside a cell. */
    static byte[] splitLabels() {
        XWPFDocument doc = new XWPFDocument();
        title(doc, "部门项目绩效目标表");
        table(doc, new int[] {1400, 3000, 1400, 3000},
                row(c("项目\n名称"), c("校舍维修\n改造工程"), c("预算数\n（万元）"), c("250.00")),
                row(c("实施\n单位"), c("某市第一中学"), c("联系人"), nested("王五|13800000000")));
        table(doc, new int[] {1400, 1600, 2600, 2200},
                row(c("一级\n指标"), c("二级\n指标"), c("三级指标"), c("年度\n指标值")),
                row(c("产出指标"), c("数量指标"), c("维修校舍\n面积"), c("≥500\n平方米")),
                row(c("产出指标"), c("时效指标"), c("完工时间"), c("2024年10月\n底前完成")),
                row(c("效益指标"), c("社会效益\n指标"), c("Wi-Fi\n覆盖率"), c("≥30.00\n(%)")));
        return bytes(doc);
    }

    private static void title(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun run = p.createRun();
        run.setBold(true);
        run.setFontSize(16);
        run.setText(text);
    }

    /** A paragraph; tabs in {@code text} become Word tab characters (w:tab). */
    private static void paragraph(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        if (text.isEmpty()) {
            return;
        }
        XWPFRun run = p.createRun();
        String[] parts = text.split("\t", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                run.addTab();
            }
            run.setText(parts[i], i);
        }
    }

    @SafeVarargs
    private static void table(XWPFDocument doc, int[] widths, List<Spec>... rows) {
        XWPFTable table = doc.createTable();
        table.removeRow(0);
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        int column;
        for (int r = 0; r < rows.length; r++) {
            XWPFTableRow row = table.insertNewTableRow(r);
            column = 0;
            for (Spec spec : rows[r]) {
                XWPFTableCell cell = row.addNewTableCell();
                CTTcPr pr = cell.getCTTc().addNewTcPr();
                int w = 0;
                for (int s = 0; s < spec.span(); s++) {
                    w += widths[column + s];
                }
                pr.addNewTcW().setW(BigInteger.valueOf(w));
                column += spec.span();
                if (spec.span() > 1) {
                    pr.addNewGridSpan().setVal(BigInteger.valueOf(spec.span()));
                }
                if (spec.vMerge() == STMerge.RESTART) {
                    pr.addNewVMerge().setVal(STMerge.RESTART);
                } else if (spec.vMerge() != null) {
                    pr.addNewVMerge(); // no value: continue
                }
                if (spec.nested()) {
                    String[] parts = spec.text().split("\\|");
                    XWPFTable inner = new XWPFTable(cell.getCTTc().addNewTbl(), cell, 1, parts.length);
                    for (int k = 0; k < parts.length; k++) {
                        inner.getRow(0).getCell(k).setText(parts[k]);
                    }
                    cell.getCTTc().addNewP(); // a cell ends with a paragraph
                    continue;
                }
                String[] lines = spec.text().split("\n", -1);
                for (int k = 0; k < lines.length; k++) {
                    String line = lines[k];
                    // POI gives a new cell one empty paragraph: the first line goes there
                    XWPFParagraph p = k == 0 && !cell.getParagraphs().isEmpty() ? cell.getParagraphs().get(0)
                            : cell.addParagraph();
                    if (!line.isEmpty()) {
                        p.createRun().setText(line);
                    }
                }
            }
        }
    }

    private static byte[] bytes(XWPFDocument doc) {
        try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the fixtures as .docx files into the folder given, for LibreOffice to convert. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.write(dir.resolve("label-then-indicators.docx"), labelThenIndicators());
        Files.write(dir.resolve("one-table-form.docx"), oneTableForm());
        Files.write(dir.resolve("split-labels.docx"), splitLabels());
    }

    /**
     * Every row of an extraction as "line place: cell | cell", a covered slot written ^text, a table's start as
     * "[name DELIMITING]": one string per row, so a test can state a whole extraction exactly.
     */
    static List<String> render(org.perfgraph.ingest.Extraction extraction) {
        List<String> out = new java.util.ArrayList<>();
        for (org.perfgraph.ingest.Table t : extraction.tables()) {
            out.add("[" + t.name() + " " + t.delimiting() + "]");
            for (org.perfgraph.ingest.TableRow r : t.rows()) {
                StringBuilder s = new StringBuilder().append(r.line()).append(' ').append(r.place()).append(": ");
                for (int c = 0; c < r.width(); c++) {
                    s.append(c == 0 ? "" : " | ").append(r.cells().get(c).covered() ? "^" : "").append(r.text(c));
                }
                out.add(s.toString());
            }
        }
        return out;
    }

    static byte[] resource(String name) {
        try (var in = WordFixtures.class.getResourceAsStream("/files/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
