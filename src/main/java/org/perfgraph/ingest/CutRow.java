package org.perfgraph.ingest;

import org.perfgraph.ingest.HeaderVocabulary.Field;

/**
 * Whether the last row of a document stops where no row ends: a bracket left open ({@code 及时(2}), a comparator or
 * a separator with nothing after it ({@code ≥}, {@code 100.}). A cut that happens to leave a complete-looking value
 * cannot be told from the text and is not guessed at.
 */
final class CutRow {

    private static final String COMPARATORS = "≥≤=<>＞＜≧≦";
    private static final String DANGLING = "(（[【" + COMPARATORS + ".,，、-－~～至/";

    private CutRow() {
    }

    static boolean looksCut(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return true;
        }
        return unbalanced(v) || DANGLING.indexOf(v.charAt(v.length() - 1)) >= 0;
    }

    /** A comparator with nothing after it: no value ends so ({@code ≥}, {@code 不少于≥}). */
    static boolean endsInComparator(String value) {
        String v = value == null ? "" : value.strip();
        return !v.isEmpty() && COMPARATORS.indexOf(v.charAt(v.length() - 1)) >= 0;
    }

    /**
     * Whether the last row of a header table, placed in its columns, was cut: it stops before its value, inside a
     * bracket or right after a comparator, or inside the project cells that open it (a goal text that names the
     * indicator to come).
     */
    static boolean lastRowCut(String[] cells, HeaderColumns header, String l3, String value, String period) {
        if (l3.isEmpty() && value.isEmpty()) {
            return stopsBeforeItsIndicator(cells, header);
        }
        if (value.isEmpty() && period.isEmpty()) {
            return true;
        }
        String lastCell = "";
        for (int c = cells.length - 1; c >= 0; c--) {
            if (cells[c] != null && !cells[c].isBlank()) {
                lastCell = cells[c];
                break;
            }
        }
        // a row cut right after its comparator (≥) kept the comparator as its whole value
        return unbalanced(lastCell) || unbalanced(value) || endsInComparator(lastCell);
    }

    /**
     * The row fills cells before the indicator column only, one of them of its project (unit, project, amount,
     * goal): a row that opens a project and has no indicator stops where its indicator would start.
     */
    private static boolean stopsBeforeItsIndicator(String[] cells, HeaderColumns header) {
        int indicator = header.col(Field.INDICATOR);
        boolean project = false;
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] == null || cells[c].isBlank()) {
                continue;
            }
            if (indicator < 0 || c >= indicator) {
                return false;
            }
            Field f = header.fields[c];
            project |= f == Field.UNIT || f == Field.PROJECT || f == Field.AMOUNT || f == Field.TOTAL_AMOUNT
                    || f == Field.GOAL;
        }
        return project;
    }

    static boolean unbalanced(String s) {
        int open = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '（' || c == '[' || c == '【') {
                open++;
            } else if (c == ')' || c == '）' || c == ']' || c == '】') {
                open--;
            }
        }
        return open > 0;
    }
}
