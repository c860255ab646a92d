package org.perfgraph.ingest;

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
