package org.perfgraph.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.perfgraph.ingest.Diagnostic;
import org.perfgraph.ingest.DiagnosticCode;
import org.perfgraph.ingest.Extraction;
import org.perfgraph.ingest.FileKind;
import org.perfgraph.ingest.ImportRejectedException;
import org.perfgraph.ingest.Table;
import org.perfgraph.ingest.TableCell;
import org.perfgraph.ingest.TableRow;

/**
 * A Word document (docx) to tables, in body order: each Word table is a GRID table "table n" whose merged cells are
 * expanded into covered slots (gridSpan to the right, vMerge downwards, legacy hMerge); each run of paragraphs
 * between tables is a NONE table "text" (title, 单位：万元, 填报单位：… lines), one row per paragraph with the
 * paragraph's tab-separated parts as cells. A table inside a cell is read as that cell's text.
 */
final class DocxExtractor {

    /** Word allows 63 columns; a larger span is a damaged or hostile file. */
    static final int MAX_COLUMNS = 1000;

    private final String document;
    private final ExtractionBuilder out;

    private DocxExtractor(String document) {
        this.document = document;
        this.out = new ExtractionBuilder(document);
    }

    static Extraction extract(String name, byte[] content) {
        XWPFDocument doc;
        try {
            doc = new XWPFDocument(new ByteArrayInputStream(content));
        } catch (IOException | POIXMLException | OpenXML4JRuntimeException | IllegalArgumentException
                 | IllegalStateException e) {
            throw refusal(name, e);
        }
        try (doc) {
            return new DocxExtractor(name).read(doc);
        } catch (IOException e) {
            throw refusal(name, e);
        }
    }

    private static ImportRejectedException refusal(String name, Exception e) {
        String reason = ExtractionBuilder.reason(e);
        if (reason.contains("Zip bomb")) {
            return new ImportRejectedException(name, 0, "the docx expands far beyond its size (a zip bomb?); refused"
                    + " before inflating it");
        }
        return new ImportRejectedException(name, 0, "the docx cannot be opened: " + reason
                + "; open it in Word and save it again");
    }

    private Extraction read(XWPFDocument doc) {
        List<ExtractionBuilder.PlacedRow> text = new ArrayList<>();
        int paragraphs = 0;
        int tables = 0;
        for (IBodyElement element : doc.getBodyElements()) {
            if (element instanceof XWPFTable table) {
                flushText(text);
                tables++;
                readTable(table, tables);
            } else if (element instanceof XWPFParagraph p) {
                paragraphs++;
                addParagraph(text, paragraphs, p.getText());
            } else if (element instanceof XWPFSDT sdt) {
                // a content control (a form field of a template) reads like the paragraph it stands in
                paragraphs++;
                addParagraph(text, paragraphs, sdt.getContent().getText());
            }
        }
        flushText(text);
        if (out.isEmpty()) {
            throw new ImportRejectedException(document, 0, "the docx holds no text (no paragraph, no table)");
        }
        return out.build(FileKind.DOCX);
    }

    private static void addParagraph(List<ExtractionBuilder.PlacedRow> text, int number, String paragraph) {
        List<String> cells = WordText.paragraphCells(paragraph == null ? "" : paragraph);
        if (!cells.isEmpty()) {
            text.add(new ExtractionBuilder.PlacedRow("paragraph " + number, cells.stream().map(TableCell::of).toList()));
        }
    }

    private void flushText(List<ExtractionBuilder.PlacedRow> text) {
        if (!text.isEmpty()) {
            out.table("text", Table.Delimiting.NONE, text);
            text.clear();
        }
    }

    private void readTable(XWPFTable table, int number) {
        List<ExtractionBuilder.PlacedRow> rows = new ArrayList<>();
        List<Integer> nested = new ArrayList<>();
        // grid column -> text of the cell that starts the vertical merge running through it
        Map<Integer, String> mergedDown = new HashMap<>();
        for (int r = 0; r < table.getNumberOfRows(); r++) {
            XWPFTableRow row = table.getRow(r);
            String place = "table " + number + ", row " + (r + 1);
            List<TableCell> slots = new ArrayList<>();
            for (int i = gridBefore(row); i > 0; i--) {
                slots.add(TableCell.EMPTY);
            }
            boolean hasNested = false;
            for (XWPFTableCell cell : row.getTableCells()) {
                CTTcPr pr = cell.getCTTc().getTcPr();
                int span = span(pr);
                int column = slots.size();
                if (column + span > MAX_COLUMNS) {
                    throw new ImportRejectedException(document, 0, place + ": the table is wider than " + MAX_COLUMNS
                            + " columns; the file is damaged");
                }
                String text;
                boolean covered;
                if (pr != null && pr.isSetVMerge() && pr.getVMerge().getVal() != STMerge.RESTART) {
                    text = mergedDown.getOrDefault(column, "");
                    covered = true;
                } else if (pr != null && pr.isSetHMerge() && pr.getHMerge().getVal() != STMerge.RESTART
                        && column > 0) {
                    text = slots.get(column - 1).text();
                    covered = true;
                } else {
                    hasNested |= !cell.getTables().isEmpty();
                    text = cellText(cell, 0);
                    covered = false;
                    if (pr != null && pr.isSetVMerge()) {
                        mergedDown.put(column, text);
                    } else {
                        mergedDown.remove(column);
                    }
                }
                slots.add(new TableCell(text, covered));
                for (int s = 1; s < span; s++) {
                    slots.add(new TableCell(text, true));
                }
            }
            if (hasNested) {
                nested.add(rows.size());
            }
            rows.add(new ExtractionBuilder.PlacedRow(place, slots));
        }
        if (rows.isEmpty()) {
            return;
        }
        List<TableRow> emitted = out.table("table " + number, rows);
        for (int i : nested) {
            TableRow row = emitted.get(i);
            out.note(row.line(), row.place(), Diagnostic.Severity.INFO, DiagnosticCode.FILE_NOTE,
                    row.place() + ": a table inside a cell was read as that cell's text (its cells joined by spaces)",
                    row.place());
        }
    }

    /** Empty grid columns before a row's first cell (a row that starts further right). */
    private static int gridBefore(XWPFTableRow row) {
        CTTrPr pr = row.getCtRow().getTrPr();
        if (pr == null || pr.sizeOfGridBeforeArray() == 0 || pr.getGridBeforeArray(0).getVal() == null) {
            return 0;
        }
        return Math.max(0, Math.min(MAX_COLUMNS, pr.getGridBeforeArray(0).getVal().intValue()));
    }

    private static int span(CTTcPr pr) {
        if (pr == null || !pr.isSetGridSpan() || pr.getGridSpan().getVal() == null) {
            return 1;
        }
        return Math.max(1, Math.min(MAX_COLUMNS, pr.getGridSpan().getVal().intValue()));
    }

    /** The cell's paragraphs joined (see {@link WordText#joinLines}); a nested table's cells joined by spaces. */
    private static String cellText(XWPFTableCell cell, int depth) {
        List<String> lines = new ArrayList<>();
        for (IBodyElement element : cell.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                lines.addAll(CellLines.split(p.getText()));
            } else if (element instanceof XWPFTable inner && depth < 8) {
                List<String> cells = new ArrayList<>();
                for (XWPFTableRow row : inner.getRows()) {
                    for (XWPFTableCell c : row.getTableCells()) {
                        String t = cellText(c, depth + 1);
                        if (!t.isEmpty()) {
                            cells.add(t);
                        }
                    }
                }
                lines.add(String.join(" ", cells));
            }
        }
        return WordText.joinLines(lines);
    }
}
