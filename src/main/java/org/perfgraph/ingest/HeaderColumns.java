package org.perfgraph.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.perfgraph.ingest.HeaderVocabulary.Field;

/**
 * A header row (or two rows: 一级指标 under a merged 指标 cell, 中期/年度 under 指标值) found by vocabulary, and the
 * columns it maps. Where the table has two value blocks side by side (中期 and 年度, each with its own 二级/三级/
 * value columns), {@link #periodBlock} holds the period block's columns.
 */
final class HeaderColumns {

    /** One block's indicator columns: 二级指标, 三级指标 and the value column (-1 where absent). */
    record Block(int level2, int indicator, int value) {
    }

    /** The most header-like row that is not a header: what a refusal shows. */
    record Candidate(TableRow row, int words) {
    }

    final TableRow row;
    final int rows;
    final String[] labels;
    final Field[] fields;
    /** The field each column maps to, best rank first where one field has several columns. */
    private final Map<Field, Integer> first = new EnumMap<>(Field.class);
    private final Map<Field, Integer> rank = new EnumMap<>(Field.class);
    final List<Integer> notes = new ArrayList<>();
    final List<Integer> goals = new ArrayList<>();
    Block periodBlock;
    final String amountMoneyUnit;
    final int distinct;

    private HeaderColumns(TableRow row, int rows, String[] labels, Field[] fields, int[] ranks, String amountUnit) {
        this.row = row;
        this.rows = rows;
        this.labels = labels;
        this.fields = fields;
        for (int c = 0; c < fields.length; c++) {
            Field f = fields[c];
            if (f == null || f == Field.OTHER) {
                continue;
            }
            if (f == Field.NOTE) {
                notes.add(c);
            } else if (f == Field.GOAL) {
                goals.add(c);
            }
            Integer r = rank.get(f);
            if (r == null || ranks[c] < r) {
                first.put(f, c);
                rank.put(f, ranks[c]);
            }
        }
        this.amountMoneyUnit = amountUnit;
        this.distinct = first.size();
        splitBlocks();
    }

    /** Column of a field, -1 where the header has none. */
    int col(Field f) {
        Integer c = first.get(f);
        if (c == null && f == Field.AMOUNT) {
            // a table whose only money column is 项目资金总额 states the project's amount there
            c = first.get(Field.TOTAL_AMOUNT);
        }
        return c == null ? -1 : c;
    }

    /** A cell of a row placed in a header's columns, trimmed; "" where the column is absent. */
    static String cell(String[] cells, int column) {
        return column < 0 || column >= cells.length || cells[column] == null ? "" : cells[column].trim();
    }

    boolean has(Field f) {
        return first.containsKey(f);
    }

    int width() {
        return fields.length;
    }

    /** Whether another header row maps the same columns (a repeat after a page break). */
    boolean sameShape(HeaderColumns other) {
        return java.util.Arrays.equals(fields, other.fields);
    }

    /**
     * Two value blocks side by side: a second 三级指标 column. The block whose value column is a period value (or,
     * failing that, the first) is the period block; the other stays the main (年度) block.
     */
    private void splitBlocks() {
        List<Integer> indicators = new ArrayList<>();
        for (int c = 0; c < fields.length; c++) {
            if (fields[c] == Field.INDICATOR) {
                indicators.add(c);
            }
        }
        if (indicators.size() != 2) {
            return;
        }
        Block[] blocks = new Block[2];
        for (int b = 0; b < 2; b++) {
            int l3 = indicators.get(b);
            int start = b == 0 ? 0 : indicators.get(0) + 1;
            int end = b == 0 ? indicators.get(1) : fields.length;
            int l2 = -1;
            int value = -1;
            for (int c = start; c < end; c++) {
                if (fields[c] == Field.LEVEL2 && c < l3) {
                    l2 = c;
                }
                if ((fields[c] == Field.VALUE || fields[c] == Field.PERIOD_VALUE) && c > l3 && value < 0) {
                    value = c;
                }
            }
            blocks[b] = new Block(l2, l3, value);
        }
        int period = blocks[1].value() >= 0 && fields[blocks[1].value()] == Field.PERIOD_VALUE ? 1 : 0;
        int annual = 1 - period;
        periodBlock = blocks[period];
        Block main = blocks[annual];
        put(Field.INDICATOR, main.indicator());
        put(Field.LEVEL2, main.level2());
        put(Field.VALUE, main.value());
        first.remove(Field.PERIOD_VALUE);
    }

    private void put(Field f, int c) {
        if (c >= 0) {
            first.put(f, c);
        } else {
            first.remove(f);
        }
    }

    /** The header at row index {@code r}: one row or two, or null where the rows are not a header. */
    static HeaderColumns at(List<TableRow> rows, int r, ImportOptions options) {
        TableRow top = rows.get(r);
        HeaderColumns one = of(top, 1, labelsOf(top), options);
        if (r + 1 < rows.size()) {
            TableRow bottom = rows.get(r + 1);
            if (headerish(bottom) && groupsOver(top, bottom)) {
                // 绩效指标 merged over 一级/二级/三级 reads as a header alone; the two rows together map more
                HeaderColumns two = of(top, 2, combined(top, bottom), options);
                if (two != null && (one == null || two.distinct > one.distinct
                        || (hasSubHeader(bottom) && two.distinct >= one.distinct))) {
                    return two;
                }
            }
        }
        return one;
    }

    /** Every non-blank cell of the row is a header word or a 中期/年度 sub-header. */
    private static boolean headerish(TableRow row) {
        int words = 0;
        for (int c = 0; c < row.width(); c++) {
            String t = row.text(c);
            if (t.isBlank()) {
                continue;
            }
            if (HeaderVocabulary.match(t) == null && !HeaderVocabulary.isSubHeader(t)) {
                return false;
            }
            words++;
        }
        return words > 0;
    }

    /**
     * Whether an upper row can be the top of a two-row header over {@code bottom}: each of its cells is a header
     * word, a group over sub-headers (中期目标) or the first half of a label broken over the two rows (绩效 / 指标).
     * A data row or a 单位：万元 note above a header is not.
     */
    private static boolean groupsOver(TableRow top, TableRow bottom) {
        int words = 0;
        for (int c = 0; c < top.width(); c++) {
            String t = top.own(c);
            if (t.isBlank()) {
                continue;
            }
            boolean word = HeaderVocabulary.match(t) != null || HeaderVocabulary.isSubHeader(t)
                    || HeaderVocabulary.match(t + bottom.own(c)) != null;
            if (!word) {
                return false;
            }
            words++;
        }
        return words > 0;
    }

    /** Where the header starts: a header opening its row is a table of its own, not a form's indented block. */
    int firstColumn() {
        for (int c = 0; c < labels.length; c++) {
            if (labels[c] != null && !labels[c].isBlank()) {
                return c;
            }
        }
        return labels.length;
    }

    /** Columns the seed layouts do not read: a reader that reads them should win. */
    boolean hasColumnsBeyondSeeds() {
        for (Field f : new Field[] {Field.COMPARATOR, Field.MEASURE_UNIT, Field.WEIGHT, Field.DIRECTION,
                Field.VALUE_TYPE, Field.ACTUAL, Field.SCORE, Field.NOTE}) {
            if (has(f)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSubHeader(TableRow row) {
        for (int c = 0; c < row.width(); c++) {
            if (HeaderVocabulary.isSubHeader(row.text(c))) {
                return true;
            }
        }
        return false;
    }

    private static String[] labelsOf(TableRow row) {
        String[] out = new String[row.width()];
        for (int c = 0; c < out.length; c++) {
            out[c] = row.own(c);
        }
        return out;
    }

    /**
     * The labels of a two-row header: the lower cell where it is a header word (一级指标 under 指标), a sub-header
     * joined with the cell over it (中期 under 指标值 → 中期指标值), the two cells joined where only together they
     * are a word (绩效 over 指标), else the upper cell (merged down over both rows). An empty upper cell takes the
     * text of the nearest upper cell to its left: a merged cell over several columns leaves its text in the first.
     */
    private static String[] combined(TableRow top, TableRow bottom) {
        int width = Math.max(top.width(), bottom.width());
        String[] out = new String[width];
        String carried = "";
        for (int c = 0; c < width; c++) {
            String up = top.text(c);
            String down = bottom.own(c);
            if (!up.isBlank()) {
                carried = up;
            } else if (!down.isBlank()) {
                up = carried;
            }
            if (down.isBlank()) {
                out[c] = top.own(c).isBlank() && top.text(c).isBlank() ? "" : top.text(c);
            } else if (HeaderVocabulary.isSubHeader(down)) {
                out[c] = down + up;
            } else if (HeaderVocabulary.match(down) != null) {
                HeaderVocabulary.Synonym s = HeaderVocabulary.match(down);
                String upKey = HeaderVocabulary.key(up);
                boolean periodOver = s.field() == Field.VALUE && HeaderVocabulary.periodWord(upKey);
                out[c] = periodOver ? "实施期" + down : down;
            } else if (HeaderVocabulary.match(up + down) != null) {
                out[c] = up + down;
            } else {
                out[c] = up;
            }
        }
        return out;
    }

    /** Maps labels to fields; null where they do not make a header (no indicator or no value column). */
    private static HeaderColumns of(TableRow row, int rows, String[] labels, ImportOptions options) {
        Field[] fields = new Field[labels.length];
        int[] ranks = new int[labels.length];
        int words = 0;
        int nonBlank = 0;
        String amountUnit = null;
        for (int c = 0; c < labels.length; c++) {
            String label = labels[c];
            if (label == null || label.isBlank()) {
                continue;
            }
            nonBlank++;
            Field mapped = mapped(label, options);
            if (mapped != null) {
                fields[c] = mapped;
                ranks[c] = -1;
                words++;
                continue;
            }
            HeaderVocabulary.Synonym s = HeaderVocabulary.match(label);
            if (s != null) {
                fields[c] = s.field();
                ranks[c] = s.rank();
                words++;
                if (s.field() == Field.AMOUNT && amountUnit == null) {
                    amountUnit = HeaderVocabulary.moneyUnitOfLabel(label);
                }
            }
        }
        if (!options.columns().isEmpty()) {
            for (String header : options.columns().values()) {
                if (!contains(labels, header)) {
                    return null;
                }
            }
        }
        HeaderColumns h = new HeaderColumns(row, rows, labels, fields, ranks, amountUnit);
        boolean values = h.has(Field.VALUE) || h.has(Field.PERIOD_VALUE);
        if (!h.has(Field.INDICATOR) || !values || words * 5 < nonBlank * 3) {
            return null;
        }
        return h;
    }

    private static boolean contains(String[] labels, String header) {
        String k = HeaderVocabulary.key(header);
        for (String l : labels) {
            if (l != null && HeaderVocabulary.key(l).equals(k)) {
                return true;
            }
        }
        return false;
    }

    /** The field an explicit column mapping gives this label, or null. */
    private static Field mapped(String label, ImportOptions options) {
        String k = HeaderVocabulary.key(label);
        for (Map.Entry<String, String> e : options.columns().entrySet()) {
            if (HeaderVocabulary.key(e.getValue()).equals(k)) {
                Field f = Field.ofKey(e.getKey());
                if (f != null) {
                    return f == Field.NOTE ? Field.NOTE : f;
                }
            }
        }
        return null;
    }

    /** The row with the most header words, for a refusal that shows what was found. */
    static Candidate mostHeaderLike(List<Table> tables, int limit) {
        Candidate best = null;
        int seen = 0;
        for (Table t : tables) {
            for (TableRow row : t.rows()) {
                if (++seen > limit) {
                    return best;
                }
                int words = 0;
                for (int c = 0; c < row.width(); c++) {
                    if (HeaderVocabulary.match(row.text(c)) != null) {
                        words++;
                    }
                }
                int cells = (int) row.cells().stream().filter(x -> !x.isBlank()).count();
                if (cells > 1 && (best == null || words > best.words()
                        || (words == best.words() && best.words() == 0 && cells > best.row().width()))) {
                    best = new Candidate(row, words);
                }
            }
        }
        return best;
    }
}
