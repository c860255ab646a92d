package org.perfgraph.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * Writes the documents of the trait × file-kind matrix ({@link TraitMatrixTest}) from one source per trait,
 * {@code src/test/resources/matrix/<trait>/source.txt}, so that every file kind holds the same content: a text copy
 * ({@code document.txt}, tab-separated; {@code document.csv} where a cell holds a line break), xlsx, xls (POI),
 * docx (POI), html; then {@code soffice --headless --convert-to doc|pdf} makes the .doc and .pdf from the docx.
 * Not run by the suite: {@code mvn -q -o test-compile} then
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.perfgraph.ingest.TraitMatrixFixtures}
 * (cp.txt from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}); the files are committed.
 *
 * <p>Source: lines outside {@code [table]} … {@code [/table]} are paragraphs (a tab separates cells, as Word's
 * tabs do); inside, one row per line, cells separated by {@code |}; {@code ^} is a slot covered by the merged cell
 * above, {@code <} one covered by the cell to its left, {@code \n} a line break inside a cell.
 */
final class TraitMatrixFixtures {

    private TraitMatrixFixtures() {
    }

    /** A paragraph (cells = its tab-separated parts) or a table (rows of raw cell tokens). */
    record Block(List<String> paragraph, List<List<String>> table) {
    }

    static List<Block> parse(Path source) throws IOException {
        List<Block> blocks = new ArrayList<>();
        List<List<String>> table = null;
        for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
            if (line.equals("[table]")) {
                table = new ArrayList<>();
            } else if (line.equals("[/table]")) {
                blocks.add(new Block(null, table));
                table = null;
            } else if (table != null) {
                List<String> cells = new ArrayList<>();
                for (String cell : line.split("\\|", -1)) {
                    cells.add(cell.strip().replace("\\n", "\n"));
                }
                table.add(cells);
            } else if (!line.isBlank()) {
                blocks.add(new Block(List.of(line.split("\t")), null));
            }
        }
        return blocks;
    }

    private static boolean covered(String token) {
        return token.equals("^") || token.equals("<");
    }

    /** Columns the cell at (r, c) spans: itself and the {@code <} after it. */
    private static int colspan(List<List<String>> t, int r, int c) {
        int span = 1;
        while (c + span < t.get(r).size() && t.get(r).get(c + span).equals("<")) {
            span++;
        }
        return span;
    }

    /** Rows the cell at (r, c) spans: itself and the {@code ^} under it. */
    private static int rowspan(List<List<String>> t, int r, int c) {
        int span = 1;
        while (r + span < t.size() && c < t.get(r + span).size() && t.get(r + span).get(c).equals("^")) {
            span++;
        }
        return span;
    }

    /** The cell's text as a copy shows it: a covered slot empty. */
    private static String shown(String token) {
        return covered(token) ? "" : token;
    }

    static String text(List<Block> blocks, boolean csv) {
        StringBuilder s = new StringBuilder();
        for (Block b : blocks) {
            List<List<String>> rows = b.table() != null ? b.table() : List.of(b.paragraph());
            for (List<String> row : rows) {
                List<String> cells = row.stream().map(TraitMatrixFixtures::shown)
                        .map(c -> csv && (c.contains(",") || c.contains("\"") || c.contains("\n"))
                                ? "\"" + c.replace("\"", "\"\"") + "\"" : c)
                        .toList();
                s.append(String.join(csv ? "," : "\t", cells)).append('\n');
            }
        }
        return s.toString();
    }

    static void sheet(List<Block> blocks, Workbook wb) {
        Sheet sheet = wb.createSheet("绩效目标");
        int r = 0;
        for (Block b : blocks) {
            if (b.paragraph() != null) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < b.paragraph().size(); c++) {
                    row.createCell(c).setCellValue(b.paragraph().get(c));
                }
                continue;
            }
            List<List<String>> t = b.table();
            for (int i = 0; i < t.size(); i++) {
                Row row = sheet.createRow(r + i);
                for (int c = 0; c < t.get(i).size(); c++) {
                    String token = t.get(i).get(c);
                    if (covered(token)) {
                        continue;
                    }
                    if (!token.isEmpty()) {
                        row.createCell(c).setCellValue(token);
                    }
                    int cs = colspan(t, i, c);
                    int rs = rowspan(t, i, c);
                    if (cs > 1 || rs > 1) {
                        sheet.addMergedRegion(new CellRangeAddress(r + i, r + i + rs - 1, c, c + cs - 1));
                    }
                }
            }
            r += t.size() + 1; // a blank row after each table
        }
    }

    static void docx(List<Block> blocks, XWPFDocument doc) {
        for (Block b : blocks) {
            if (b.paragraph() != null) {
                XWPFParagraph p = doc.createParagraph();
                XWPFRun run = p.createRun();
                for (int i = 0; i < b.paragraph().size(); i++) {
                    if (i > 0) {
                        run.addTab();
                    }
                    run.setText(b.paragraph().get(i), i);
                }
                continue;
            }
            List<List<String>> t = b.table();
            int cols = t.get(0).size();
            int width = 9000 / cols;
            XWPFTable table = doc.createTable();
            table.removeRow(0);
            CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
                    : table.getCTTbl().addNewTblGrid();
            while (grid.sizeOfGridColArray() > 0) {
                grid.removeGridCol(0);
            }
            for (int c = 0; c < cols; c++) {
                grid.addNewGridCol().setW(BigInteger.valueOf(width));
            }
            for (int i = 0; i < t.size(); i++) {
                XWPFTableRow row = table.insertNewTableRow(i);
                for (int c = 0; c < t.get(i).size(); c++) {
                    String token = t.get(i).get(c);
                    if (token.equals("<")) {
                        continue;
                    }
                    XWPFTableCell cell = row.addNewTableCell();
                    CTTcPr pr = cell.getCTTc().addNewTcPr();
                    int cs = token.equals("^") ? 1 : colspan(t, i, c);
                    pr.addNewTcW().setW(BigInteger.valueOf((long) width * cs));
                    if (cs > 1) {
                        pr.addNewGridSpan().setVal(BigInteger.valueOf(cs));
                    }
                    if (token.equals("^")) {
                        pr.addNewVMerge(); // no value: continues the merge above
                        continue;
                    }
                    if (rowspan(t, i, c) > 1) {
                        pr.addNewVMerge().setVal(STMerge.RESTART);
                    }
                    String[] lines = token.split("\n", -1);
                    for (int k = 0; k < lines.length; k++) {
                        XWPFParagraph p = k == 0 && !cell.getParagraphs().isEmpty() ? cell.getParagraphs().get(0)
                                : cell.addParagraph();
                        if (!lines[k].isEmpty()) {
                            p.createRun().setText(lines[k]);
                        }
                    }
                }
            }
            doc.createParagraph(); // Word joins two tables that touch: keep them apart
        }
    }

    static String html(List<Block> blocks, String title) {
        StringBuilder s = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title></head>\n<body>\n");
        for (Block b : blocks) {
            if (b.paragraph() != null) {
                s.append("<p>").append(escape(String.join("  ", b.paragraph()))).append("</p>\n");
                continue;
            }
            List<List<String>> t = b.table();
            s.append("<table border=\"1\">\n");
            for (int i = 0; i < t.size(); i++) {
                s.append("<tr>");
                for (int c = 0; c < t.get(i).size(); c++) {
                    String token = t.get(i).get(c);
                    if (covered(token)) {
                        continue;
                    }
                    int cs = colspan(t, i, c);
                    int rs = rowspan(t, i, c);
                    s.append("<td").append(cs > 1 ? " colspan=\"" + cs + "\"" : "")
                            .append(rs > 1 ? " rowspan=\"" + rs + "\"" : "").append('>')
                            .append(escape(token).replace("\n", "<br>")).append("</td>");
                }
                s.append("</tr>\n");
            }
            s.append("</table>\n");
        }
        return s.append("</body></html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Writes every file kind of every trait folder under the folder given (default the test resources). */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path root = Path.of(args.length > 0 ? args[0] : "src/test/resources/matrix");
        List<Path> traits;
        try (Stream<Path> dirs = Files.list(root)) {
            traits = dirs.filter(d -> Files.exists(d.resolve("source.txt"))).sorted().toList();
        }
        for (Path dir : traits) {
            List<Block> blocks = parse(dir.resolve("source.txt"));
            boolean csv = blocks.stream().filter(b -> b.table() != null).flatMap(b -> b.table().stream())
                    .flatMap(List::stream).anyMatch(c -> c.contains("\n"));
            Files.deleteIfExists(dir.resolve("document.txt"));
            Files.deleteIfExists(dir.resolve("document.csv"));
            Files.writeString(dir.resolve(csv ? "document.csv" : "document.txt"), text(blocks, csv));
            try (Workbook x = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(dir.resolve("document.xlsx"))) {
                sheet(blocks, x);
                x.write(out);
            }
            try (Workbook x = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(dir.resolve("document.xls"))) {
                sheet(blocks, x);
                x.write(out);
            }
            try (XWPFDocument d = new XWPFDocument(); OutputStream out = Files.newOutputStream(dir.resolve("document.docx"))) {
                docx(blocks, d);
                d.write(out);
            }
            String title = blocks.stream().filter(b -> b.paragraph() != null).map(b -> b.paragraph().get(0))
                    .filter(p -> p.contains("绩效")).findFirst().orElse("绩效目标表");
            Files.writeString(dir.resolve("document.html"), html(blocks, title));
            for (String kind : List.of("doc", "pdf")) {
                Process p = new ProcessBuilder("soffice", "--headless", "--convert-to", kind, "--outdir",
                        dir.toString(), dir.resolve("document.docx").toString()).inheritIO().start();
                if (p.waitFor() != 0) {
                    throw new IOException("soffice failed on " + dir + " (" + kind + ")");
                }
            }
        }
    }
}
