package org.perfgraph.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of a table with where it came from.
 *
 * @param line  1-based line in the document's text (for a file: the row's line in its text rendering, see
 *              {@link Extraction#sourceLines()}); a row spread over several lines has its first line
 * @param place where in a file the row is (sheet 项目表, row 12; table 2, row 5; page 3), null for text
 * @param cells the grid slots left to right
 */
public record TableRow(int line, String place, List<TableCell> cells) {

    public TableRow {
        cells = List.copyOf(cells);
    }

    /** A text row: cells as strings, no place. */
    public static TableRow ofTexts(int line, List<String> texts) {
        List<TableCell> cells = new ArrayList<>(texts.size());
        for (String t : texts) {
            cells.add(TableCell.of(t));
        }
        return new TableRow(line, null, cells);
    }

    public int width() {
        return cells.size();
    }

    /** The slot's text, covered slots included ("" beyond the row's end). */
    public String text(int column) {
        return column >= 0 && column < cells.size() ? cells.get(column).text() : "";
    }

    /** The slot's own text: "" for a slot under a merged cell and beyond the row's end. */
    public String own(int column) {
        if (column < 0 || column >= cells.size()) {
            return "";
        }
        TableCell c = cells.get(column);
        return c.covered() ? "" : c.text();
    }

    /** Every slot's own text (covered slots as ""), in order. */
    public String[] owns() {
        String[] out = new String[cells.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = own(c);
        }
        return out;
    }

    public boolean isBlank() {
        for (TableCell c : cells) {
            if (!c.covered() && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The row's own cell texts joined by tabs: how the row reads as a line. */
    public String joined() {
        return String.join("\t", owns());
    }

    /**
     * The place of one cell: for a sheet row the column letter is added (sheet 项目表, row 12, column G), for other
     * places the 1-based cell number; null for text rows.
     */
    public String placeOf(int column) {
        if (place == null) {
            return null;
        }
        return place.startsWith("sheet ") ? place + ", column " + columnLetters(column)
                : place + ", cell " + (column + 1);
    }

    /** A, B, ... Z, AA, AB ... for a 0-based column. */
    public static String columnLetters(int column) {
        StringBuilder s = new StringBuilder();
        int c = column + 1;
        while (c > 0) {
            int r = (c - 1) % 26;
            s.insert(0, (char) ('A' + r));
            c = (c - 1) / 26;
        }
        return s.toString();
    }
}
