package org.perfgraph.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.OldWordFileFormatException;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.perfgraph.ingest.Extraction;
import org.perfgraph.ingest.FileKind;
import org.perfgraph.ingest.ImportRejectedException;
import org.perfgraph.ingest.Table;
import org.perfgraph.ingest.TableCell;

/**
 * A Word 97-2003 document (doc) to tables, like {@link DocxExtractor}: Word tables as GRID tables "table n", runs of
 * paragraphs between them as NONE tables "text". The binary format has no column grid: a cell has a left edge and a
 * width, so the grid is rebuilt from the edges of all cells of a table, and a cell spanning several of those
 * columns gets covered slots after it; vertically merged cells continue the first one's text.
 */
final class DocExtractor {

    /** Cell edges closer than this (twips, 1/20 pt) are one column boundary: Word rounds widths per row. */
    private static final int EDGE_TOLERANCE = 30;

    private final String document;
    private final ExtractionBuilder out;

    private DocExtractor(String document) {
        this.document = document;
        this.out = new ExtractionBuilder(document);
    }

    static Extraction extract(String name, byte[] content) {
        HWPFDocument doc;
        try {
            doc = new HWPFDocument(new ByteArrayInputStream(content));
        } catch (EncryptedDocumentException e) {
            throw new ImportRejectedException(name, 0, "the doc is encrypted (password-protected); save it without a"
                    + " password and import it again");
        } catch (OldWordFileFormatException e) {
            throw new ImportRejectedException(name, 0, "the doc is in the Word 6/95 format, which is not read; save it"
                    + " as .docx and import it again");
        } catch (IOException | RuntimeException e) {
            throw new ImportRejectedException(name, 0, "the doc cannot be opened: " + ExtractionBuilder.reason(e)
                    + "; open it in Word and save it again");
        }
        try (doc) {
            return new DocExtractor(name).read(doc);
        } catch (ImportRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // HWPF reads the text lazily: a damaged piece table shows up only here
            throw new ImportRejectedException(name, 0, "the doc cannot be read: " + ExtractionBuilder.reason(e)
                    + "; open it in Word and save it again");
        }
    }

    private Extraction read(HWPFDocument doc) {
        Range range = doc.getRange();
        List<ExtractionBuilder.PlacedRow> text = new ArrayList<>();
        int paragraphs = 0;
        int tables = 0;
        int n = range.numParagraphs();
        for (int i = 0; i < n; i++) {
            Paragraph p = range.getParagraph(i);
            if (p.isInTable()) {
                flushText(text);
                tables++;
                org.apache.poi.hwpf.usermodel.Table table = range.getTable(p);
                readTable(table, tables);
                while (i + 1 < n && range.getParagraph(i + 1).getStartOffset() < table.getEndOffset()) {
                    i++;
                }
            } else {
                paragraphs++;
                List<String> cells = WordText.paragraphCells(plain(p.text()));
                if (!cells.isEmpty()) {
                    text.add(new ExtractionBuilder.PlacedRow("paragraph " + paragraphs,
                            cells.stream().map(TableCell::of).toList()));
                }
            }
        }
        flushText(text);
        if (out.isEmpty()) {
            throw new ImportRejectedException(document, 0, "the doc holds no text (no paragraph, no table)");
        }
        return out.build(FileKind.DOC);
    }

    private void flushText(List<ExtractionBuilder.PlacedRow> text) {
        if (!text.isEmpty()) {
            out.table("text", Table.Delimiting.NONE, text);
            text.clear();
        }
    }

    private void readTable(org.apache.poi.hwpf.usermodel.Table table, int number) {
        int[] edges = edges(table);
        if (edges.length - 1 > DocxExtractor.MAX_COLUMNS) {
            throw new ImportRejectedException(document, 0, "table " + number + ": the table is wider than "
                    + DocxExtractor.MAX_COLUMNS + " columns; the file is damaged");
        }
        List<ExtractionBuilder.PlacedRow> rows = new ArrayList<>();
        Map<Integer, String> mergedDown = new HashMap<>();
        for (int r = 0; r < table.numRows(); r++) {
            org.apache.poi.hwpf.usermodel.TableRow row = table.getRow(r);
            List<TableCell> slots = new ArrayList<>();
            for (int c = 0; c < row.numCells(); c++) {
                org.apache.poi.hwpf.usermodel.TableCell cell = row.getCell(c);
                int from = column(edges, cell.getLeftEdge());
                int to = Math.max(from + 1, column(edges, cell.getLeftEdge() + cell.getWidth()));
                while (slots.size() < from) {
                    slots.add(TableCell.EMPTY); // a row that starts further right
                }
                int column = slots.size();
                String text;
                boolean covered;
                if (cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged()) {
                    text = mergedDown.getOrDefault(column, "");
                    covered = true;
                } else if (cell.isMerged() && !cell.isFirstMerged() && column > 0) {
                    text = slots.get(column - 1).text();
                    covered = true;
                } else {
                    text = WordText.joinLines(CellLines.split(plain(cell.text())));
                    covered = false;
                    if (cell.isFirstVerticallyMerged()) {
                        mergedDown.put(column, text);
                    } else {
                        mergedDown.remove(column);
                    }
                }
                slots.add(new TableCell(text, covered));
                for (int s = column + 1; s < Math.max(to, column + 1); s++) {
                    slots.add(new TableCell(text, true));
                }
            }
            rows.add(new ExtractionBuilder.PlacedRow("table " + number + ", row " + (r + 1), slots));
        }
        if (!rows.isEmpty()) {
            out.table("table " + number, rows);
        }
    }

    /** The column boundaries of a table: every cell's left and right edge, near ones taken as one. */
    private static int[] edges(org.apache.poi.hwpf.usermodel.Table table) {
        TreeSet<Integer> all = new TreeSet<>();
        for (int r = 0; r < table.numRows(); r++) {
            org.apache.poi.hwpf.usermodel.TableRow row = table.getRow(r);
            for (int c = 0; c < row.numCells(); c++) {
                org.apache.poi.hwpf.usermodel.TableCell cell = row.getCell(c);
                all.add(cell.getLeftEdge());
                all.add(cell.getLeftEdge() + cell.getWidth());
            }
        }
        List<Integer> kept = new ArrayList<>();
        for (int e : all) {
            if (kept.isEmpty() || e - kept.get(kept.size() - 1) > EDGE_TOLERANCE) {
                kept.add(e);
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The index of the boundary nearest to {@code x}. */
    private static int column(int[] edges, int x) {
        int best = 0;
        for (int i = 1; i < edges.length; i++) {
            if (Math.abs(edges[i] - x) < Math.abs(edges[best] - x)) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Word's binary text without its marks: field instructions (between the field start 0x13 and separator 0x14)
     * dropped and their results kept; the cell mark 0x07, paragraph marks and page breaks as line breaks; object
     * anchors and other control characters dropped; the non-breaking hyphen as a hyphen.
     */
    static String plain(String text) {
        StringBuilder s = new StringBuilder(text.length());
        // per open field: true while still in its instruction part
        ArrayList<Boolean> fields = new ArrayList<>();
        int inInstruction = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\u0013' -> {
                    fields.add(true);
                    inInstruction++;
                }
                case '\u0014' -> {
                    if (!fields.isEmpty() && fields.get(fields.size() - 1)) {
                        fields.set(fields.size() - 1, false);
                        inInstruction--;
                    }
                }
                case '\u0015' -> {
                    if (!fields.isEmpty() && fields.remove(fields.size() - 1)) {
                        inInstruction--;
                    }
                }
                default -> {
                    if (inInstruction > 0) {
                        continue;
                    }
                    if (c == '\u0007' || c == '\r' || c == '\n' || c == '\u000B' || c == '\u000C') {
                        s.append('\n');
                    } else if (c == '\u001E') {
                        s.append('-');
                    } else if (c == '\t' || c >= 0x20) {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }
}
