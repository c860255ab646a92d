package org.perfgraph.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.perfgraph.ingest.HeaderVocabulary.Field;

/**
 * Places the cells of a squeezed row (empty cells dropped, the row padded with bare pipes) in the header's columns:
 * in order, each cell where what it looks like fits the column best (category vocabulary → 一级/二级, a comparator
 * symbol → 指标性质, a measure word → 度量单位, a value pattern → 指标值, a small number → 权重/得分, other text →
 * the indicator or a name column). A dynamic programme over cells × columns: bounded by the header's width.
 */
final class CellPlacer {

    private enum Look { L1, L2, COMPARATOR, UNIT_WORD, SMALL_NUMBER, MONEY, VALUE, TEXT }

    private static final Pattern SMALL_NUMBER_TEXT = Pattern.compile("^\\d{1,3}(?:\\.\\d+)?%?$");

    private CellPlacer() {
    }

    /**
     * A row's cells in the header's columns. Exact delimitings (GRID, TAB, COMMA, REBUILT) keep positions, covered
     * slots included, a cell beyond the header being an {@code EXTRA_CELL}; the others are placed by what each cell
     * looks like when that fits better than the positions ({@code CELLS_REALIGNED}).
     */
    static String[] place(TableRow row, HeaderColumns header, Table.Delimiting delimiting, Diagnostics diagnostics) {
        int width = header.width();
        String[] positional = new String[width];
        for (int c = 0; c < width; c++) {
            positional[c] = row.text(c);
        }
        boolean exact = delimiting == Table.Delimiting.GRID || delimiting == Table.Delimiting.TAB
                || delimiting == Table.Delimiting.COMMA || delimiting == Table.Delimiting.REBUILT;
        for (int c = width; c < row.width(); c++) {
            if (!row.own(c).isBlank() && exact) {
                diagnostics.warn(row, DiagnosticCode.EXTRA_CELL, "cell " + (c + 1) + " ('" + row.own(c).trim()
                        + "') on line " + row.line() + " lies beyond the header's " + width + " columns; ignored",
                        row.own(c).trim());
                break;
            }
        }
        if (exact) {
            return positional;
        }
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.width(); c++) {
            // a form's label column (绩效 / 指标 broken over the rows of its merged cell) holds no data
            if (!row.own(c).isBlank() && !FormLayout.FRAGMENTS.contains(TextNormalizer.normalizeName(row.own(c)))) {
                texts.add(row.own(c).trim());
            }
        }
        if (texts.size() > width) {
            return positional;
        }
        int[] at = align(texts, header.fields);
        String[] placed = new String[width];
        boolean moved = false;
        int k = 0;
        for (int c = 0; c < row.width() && k < texts.size(); c++) {
            if (!row.own(c).isBlank()) {
                if (at[k] != c) {
                    moved = true;
                }
                k++;
            }
        }
        if (!moved) {
            return positional;
        }
        if (score(texts, at, header.fields) <= positionalScore(row, header.fields)) {
            return positional;
        }
        for (int i = 0; i < texts.size(); i++) {
            placed[at[i]] = texts.get(i);
        }
        diagnostics.info(row, DiagnosticCode.CELLS_REALIGNED, "the " + texts.size() + " cells of line "
                + row.line() + " were placed in the header's columns by what they look like (cells missing or"
                + " squeezed out)", String.valueOf(texts.size()));
        return placed;
    }

    /** The column of each cell, strictly increasing, that maximises the fit. */
    static int[] align(List<String> cells, Field[] columns) {
        int n = cells.size();
        int m = columns.length;
        Look[] looks = new Look[n];
        for (int i = 0; i < n; i++) {
            looks[i] = look(cells.get(i));
        }
        final int none = Integer.MIN_VALUE / 4;
        int[][] best = new int[n + 1][m + 1];
        boolean[][] take = new boolean[n + 1][m + 1];
        for (int i = 1; i <= n; i++) {
            best[i][0] = none;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int skip = best[i][j - 1];
                int place = best[i - 1][j - 1] == none ? none : best[i - 1][j - 1] + fit(looks[i - 1], columns[j - 1]);
                // on a tie the later column wins: a squeezed row lost its leading (merged) cells
                if (place >= skip) {
                    best[i][j] = place;
                    take[i][j] = true;
                } else {
                    best[i][j] = skip;
                }
            }
        }
        int[] at = new int[n];
        int i = n;
        int j = m;
        while (i > 0 && j > 0) {
            if (take[i][j]) {
                at[i - 1] = j - 1;
                i--;
            }
            j--;
        }
        return at;
    }

    /** The fit of cells placed at given columns. */
    static int score(List<String> cells, int[] at, Field[] columns) {
        int s = 0;
        for (int i = 0; i < cells.size(); i++) {
            s += fit(look(cells.get(i)), columns[at[i]]);
        }
        return s;
    }

    /** The fit of a row's own cells where they stand. */
    static int positionalScore(TableRow row, Field[] columns) {
        int s = 0;
        for (int c = 0; c < row.width(); c++) {
            String t = row.own(c);
            if (t.isBlank()) {
                continue;
            }
            s += c < columns.length ? fit(look(t.trim()), columns[c]) : -5;
        }
        return s;
    }

    /** Longer than any label, number or value: a goal text or a damaged cell, never matched by the patterns below. */
    static final int LONGEST_LOOKED_AT = 200;

    private static Look look(String cell) {
        if (cell.length() > LONGEST_LOOKED_AT) {
            // the points pattern backtracks over every digit run: a 1 MB cell of digits took minutes
            return Look.TEXT;
        }
        String stripped = cell.replaceAll("[\\s(（]*\\d+(?:\\.\\d+)?\\s*分\\s*[)）]?\\s*$", "");
        if (CategoryVocabulary.isL1(stripped) && !CategoryVocabulary.isL2(stripped)) {
            return Look.L1;
        }
        if (CategoryVocabulary.isL2(cell)) {
            return CategoryVocabulary.isL1(cell) ? Look.L1 : Look.L2;
        }
        if (ValueNormalizer.comparatorOf(cell) != null) {
            return Look.COMPARATOR;
        }
        if (ValueNormalizer.isUnitWord(cell)) {
            return Look.UNIT_WORD;
        }
        if (smallNumber(cell)) {
            return Look.SMALL_NUMBER;
        }
        String compact = ValueNormalizer.compact(cell);
        if (compact.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?|\\d{4,}(\\.\\d+)?")) {
            return Look.MONEY;
        }
        TargetValue v = ValueNormalizer.parse(cell, null);
        if (v.kind() != ValueKind.TEXT) {
            return Look.VALUE;
        }
        return Look.TEXT;
    }

    /** Whether a cell looks like a small number (a weight, a score): 20, 10.5, 15%. */
    private static boolean smallNumber(String cell) {
        return SMALL_NUMBER_TEXT.matcher(ValueNormalizer.compact(cell)).matches();
    }

    private static int fit(Look look, Field column) {
        if (column == null) {
            return -3;
        }
        return switch (column) {
            case LEVEL1 -> look == Look.L1 ? 5 : -5;
            case LEVEL2 -> look == Look.L2 ? 5 : look == Look.L1 ? 1 : -5;
            case INDICATOR -> switch (look) {
                case TEXT -> 3;
                case L2 -> 0;
                case VALUE -> -1;
                default -> -4;
            };
            case VALUE, PERIOD_VALUE, ACTUAL -> switch (look) {
                case VALUE, SMALL_NUMBER, MONEY -> 3;
                case TEXT -> 0;
                default -> -4;
            };
            case COMPARATOR -> look == Look.COMPARATOR ? 5 : -5;
            case MEASURE_UNIT -> look == Look.UNIT_WORD ? 5 : -5;
            case WEIGHT, SCORE -> look == Look.SMALL_NUMBER ? 3 : -4;
            case AMOUNT, TOTAL_AMOUNT, BUDGET_TOTAL -> look == Look.MONEY || look == Look.SMALL_NUMBER ? 3 : -4;
            case DIRECTION, VALUE_TYPE -> look == Look.TEXT ? 1 : -4;
            default -> look == Look.TEXT ? 1 : -4;
        };
    }
}
