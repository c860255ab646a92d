package org.perfgraph.ingest.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.perfgraph.ingest.Diagnostic;
import org.perfgraph.ingest.DiagnosticCode;
import org.perfgraph.ingest.ImportRejectedException;
import org.perfgraph.ingest.TableCell;
import org.perfgraph.ingest.TableRow;

/**
 * One sheet's cells as they are read (row by row, in any order), then merged regions applied and rows emitted.
 * Only rows holding text are kept, so a sheet whose dimension claims a million (styled, empty) rows costs nothing
 * but the parse; merged regions are clipped to the rows and columns that hold text, so a merge over whole columns
 * does not blow up either.
 */
final class SheetGrid {

    private final String document;
    private final String sheet;
    private final NavigableMap<Integer, String[]> rows = new TreeMap<>();
    private final List<int[]> merges = new ArrayList<>();
    private final List<CellNote> notes = new ArrayList<>();
    private int maxColumn = -1;
    private long cells;

    SheetGrid(String document, String sheet) {
        this.document = document;
        this.sheet = sheet;
    }

    private record CellNote(int row, int column, DiagnosticCode code, String message, String[] args) {
    }

    String place(int row) {
        return "sheet " + sheet + ", row " + (row + 1);
    }

    /** A cell's text (0-based row and column); blank cells are dropped here. */
    void cell(int row, int column, String raw) {
        String text = ExtractionBuilder.cellText(raw);
        if (text.isEmpty() || row < 0 || column < 0) {
            return;
        }
        if (++cells > ExtractionBuilder.MAX_SLOTS) {
            // refused while reading, before a sheet of millions of filled cells fills the heap
            throw ExtractionBuilder.tooLarge(document, place(row));
        }
        String[] cells = rows.get(row);
        if (cells == null) {
            cells = new String[Math.max(column + 1, 8)];
            rows.put(row, cells);
        } else if (column >= cells.length) {
            cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
            rows.put(row, cells);
        }
        cells[column] = text;
        maxColumn = Math.max(maxColumn, column);
    }

    /** A merged region, 0-based and inclusive. */
    void merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
        if (firstRow <= lastRow && firstColumn <= lastColumn && (firstRow < lastRow || firstColumn < lastColumn)) {
            merges.add(new int[]{firstRow, lastRow, firstColumn, lastColumn});
        }
    }

    /** A warning about one cell, emitted with the line its row gets. */
    void warn(int row, int column, DiagnosticCode code, String message, String... args) {
        notes.add(new CellNote(row, column, code, message, args));
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * Emits the sheet, or notes that it is empty (and adds its name to {@code empty}); a hidden sheet is read and
     * noted.
     */
    void finish(ExtractionBuilder out, boolean hidden, List<String> empty) {
        if (isEmpty()) {
            empty.add(sheet);
            out.note(0, "sheet " + sheet, Diagnostic.Severity.INFO, DiagnosticCode.FILE_NOTE,
                    "sheet " + sheet + " holds no text; skipped", sheet);
            return;
        }
        if (hidden) {
            out.note(0, "sheet " + sheet, Diagnostic.Severity.INFO, DiagnosticCode.FILE_NOTE,
                    "sheet " + sheet + " is hidden in the workbook; read all the same", sheet);
        }
        emit(out);
    }

    /** The refusal of a workbook none of whose sheets held text. */
    static ImportRejectedException noTable(String document, List<String> empty) {
        return new ImportRejectedException(document, 0, "the workbook holds no table: "
                + (empty.isEmpty() ? "it has no sheets" : "every sheet is empty (" + String.join(", ", empty) + ")"));
    }

    /** Emits the sheet as a table "sheet NAME" and its cell warnings. */
    private void emit(ExtractionBuilder out) {
        Map<Integer, TableCell[]> slots = new TreeMap<>();
        for (Map.Entry<Integer, String[]> e : rows.entrySet()) {
            String[] cells = e.getValue();
            int width = cells.length;
            while (width > 0 && cells[width - 1] == null) {
                width--;
            }
            TableCell[] row = new TableCell[width];
            for (int c = 0; c < width; c++) {
                row[c] = TableCell.of(cells[c]);
            }
            slots.put(e.getKey(), row);
        }
        for (int[] m : merges) {
            String[] top = rows.get(m[0]);
            String text = top != null && m[2] < top.length ? top[m[2]] : null;
            if (text == null) {
                continue;
            }
            int lastColumn = Math.min(m[3], maxColumn);
            TableCell covered = new TableCell(text, true);
            for (Map.Entry<Integer, String[]> e : rows.subMap(m[0], true, m[1], true).entrySet()) {
                int r = e.getKey();
                TableCell[] row = slots.get(r);
                if (row.length <= lastColumn) {
                    row = Arrays.copyOf(row, lastColumn + 1);
                    slots.put(r, row);
                }
                for (int c = m[2]; c <= lastColumn; c++) {
                    if (r != m[0] || c != m[2]) {
                        row[c] = covered;
                    }
                }
            }
        }
        List<ExtractionBuilder.PlacedRow> placed = new ArrayList<>(slots.size());
        List<Integer> sheetRows = new ArrayList<>(slots.size());
        for (Map.Entry<Integer, TableCell[]> e : slots.entrySet()) {
            TableCell[] row = e.getValue();
            for (int c = 0; c < row.length; c++) {
                if (row[c] == null) {
                    row[c] = TableCell.EMPTY;
                }
            }
            placed.add(new ExtractionBuilder.PlacedRow(place(e.getKey()), Arrays.asList(row)));
            sheetRows.add(e.getKey());
        }
        List<TableRow> emitted = out.table("sheet " + sheet, placed);
        for (CellNote n : notes) {
            int i = Collections.binarySearch(sheetRows, n.row());
            TableRow row = i >= 0 ? emitted.get(i) : null;
            out.note(row == null ? 0 : row.line(), row == null ? place(n.row()) : row.placeOf(n.column()),
                    Diagnostic.Severity.WARNING, n.code(), n.message(), n.args());
        }
    }
}
