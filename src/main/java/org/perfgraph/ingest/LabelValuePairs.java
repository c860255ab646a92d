package org.perfgraph.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import org.perfgraph.ingest.HeaderVocabulary.Field;

/**
 * Reads the label–value metadata of a header table's project blocks into a {@link Block}: a label and its value in
 * the next cell (项目名称 | X), in one cell ({@code 项目名称：X}), several pairs in one cell apart by wide spaces, a
 * label at a row's end whose value opens the next row, and a row of labels over a row of their values. A label read
 * after targets opens the next project's block.
 */
final class LabelValuePairs {

    /** Between label–value pairs sharing a cell: two spaces or more, or an ideographic space. */
    private static final Pattern PAIR_GAP = Pattern.compile("(?:\\s{2,}|\u3000)+");

    private final ImportOptions options;
    private final Block block;
    /** Whether the project being read has targets: a label after them starts the next block. */
    private final BooleanSupplier targetsRead;
    /** What else a new block clears (the cells carried down). */
    private final Runnable newBlock;
    private boolean sinceTargets;
    private String pendingLabel;

    LabelValuePairs(ImportOptions options, Block block, BooleanSupplier targetsRead, Runnable newBlock) {
        this.options = options;
        this.block = block;
        this.targetsRead = targetsRead;
        this.newBlock = newBlock;
    }

    /** Whether labels (or a form's title) came since the last target: a header then opens a table of its own. */
    boolean sinceTargets() {
        return sinceTargets;
    }

    /** A header row was read: the labels before it belong to its table. */
    void headerRead() {
        sinceTargets = false;
    }

    /** A target row was read. */
    void targetRead() {
        sinceTargets = false;
    }

    /** A form's title: the next form's labels and header come again. */
    void formOpened() {
        sinceTargets = true;
    }

    /**
     * Reads row {@code r} as label–value cells (with the row below it where that holds the labels' values); the rows
     * read, 0 where the row is not one of labels.
     */
    int read(List<TableRow> rows, int r) {
        TableRow row = splitPairs(rows.get(r));
        if (isVertical(rows, r)) {
            TableRow next = rows.get(r + 1);
            String rowUnit = null;
            for (int c = 0; c < row.width(); c++) {
                String u = HeaderVocabulary.moneyUnitOfLabel(row.text(c));
                if (u != null) {
                    rowUnit = u;
                }
            }
            for (int c = 0; c < row.width(); c++) {
                HeaderVocabulary.Synonym s = label(row.text(c));
                String below = next.text(c);
                if (s != null && (label(below) != null || HeaderVocabulary.match(below) != null)) {
                    // the row heading's column (项目资金（万元） over 年度资金总额): a label over a label, no value
                    continue;
                }
                if (s != null) {
                    String u = HeaderVocabulary.moneyUnitOfLabel(row.text(c));
                    meta(next, s, row.text(c), next.text(c), u != null ? u : rowUnit);
                }
            }
            return 2;
        }
        int first = -1;
        for (int c = 0; c < row.width(); c++) {
            if (!row.text(c).isBlank()) {
                first = c;
                break;
            }
        }
        if (first < 0) {
            return 1;
        }
        if (pendingLabel != null) {
            // a label at the end of the previous row: its value opens this one
            HeaderVocabulary.Synonym s = label(pendingLabel);
            String pl = pendingLabel;
            pendingLabel = null;
            if (label(row.text(first)) == null) {
                meta(row, s, pl, row.text(first), HeaderVocabulary.moneyUnitOfLabel(pl));
                readPairs(row, first + 1);
                return 1;
            }
        }
        if (label(row.text(first)) == null) {
            return 0;
        }
        readPairs(row, first);
        return 1;
    }

    /** The label a cell is (项目名称, 项目名称：…), or null. Only metadata labels count, not table columns. */
    private static HeaderVocabulary.Synonym label(String cell) {
        String t = cell.trim();
        int colon = Math.max(t.indexOf('：'), t.indexOf(':'));
        HeaderVocabulary.Synonym s = HeaderVocabulary.match(colon > 0 ? t.substring(0, colon) : t);
        if (s == null) {
            return null;
        }
        return switch (s.field()) {
            case UNIT, PROJECT, AMOUNT, TOTAL_AMOUNT, GOAL, NATURE, CATEGORY, BUDGET_TOTAL -> s;
            default -> null;
        };
    }

    private static String afterColon(String cell) {
        String t = cell.trim();
        int colon = Math.max(t.indexOf('：'), t.indexOf(':'));
        return colon > 0 ? t.substring(colon + 1).trim() : "";
    }

    /** A row of labels over a row of their values (年初预算数 | 全年预算数 … over 100 | 120 …). */
    private boolean isVertical(List<TableRow> rows, int r) {
        TableRow row = rows.get(r);
        if (r + 1 >= rows.size()) {
            return false;
        }
        int labels = 0;
        for (int c = 0; c < row.width(); c++) {
            String t = row.text(c);
            if (t.isBlank()) {
                continue;
            }
            if (label(t) == null && HeaderVocabulary.match(t) == null) {
                if (c > 0) {
                    return false;
                }
            } else if (afterColon(t).isEmpty()) {
                labels++;
            }
        }
        if (labels < 2) {
            return false;
        }
        TableRow next = rows.get(r + 1);
        int values = 0;
        for (int c = 1; c < next.width(); c++) {
            String t = next.text(c);
            if (!t.isBlank() && label(t) == null && HeaderVocabulary.match(t) == null) {
                values++;
            }
        }
        return values >= 1 && HeaderColumns.at(rows, r + 1, options) == null;
    }

    /**
     * Several {@code label：value} pairs in one cell, apart by wide spaces (项目名称：X　　预算单位：Y), as copied
     * label lines come: one cell per pair, so that each pair reads like a cell of its own.
     */
    private static TableRow splitPairs(TableRow row) {
        List<TableCell> cells = new ArrayList<>();
        boolean split = false;
        for (TableCell cell : row.cells()) {
            String[] parts = cell.covered() ? new String[] {cell.text()} : PAIR_GAP.split(cell.text().trim());
            if (parts.length > 1 && java.util.Arrays.stream(parts).allMatch(p -> label(p) != null)) {
                for (String part : parts) {
                    cells.add(TableCell.of(part));
                }
                split = true;
            } else {
                cells.add(cell);
            }
        }
        return split ? new TableRow(row.line(), row.place(), cells) : row;
    }

    private void readPairs(TableRow row, int from) {
        int c = from;
        while (c < row.width()) {
            String cell = row.text(c);
            HeaderVocabulary.Synonym s = cell.isBlank() ? null : label(cell);
            if (s == null) {
                c++;
                continue;
            }
            String inline = afterColon(cell);
            String money = HeaderVocabulary.moneyUnitOfLabel(cell.contains("：") || cell.contains(":")
                    ? cell.substring(0, Math.max(cell.indexOf('：'), cell.indexOf(':'))) : cell);
            if (!inline.isEmpty()) {
                meta(row, s, cell, inline, money);
                c++;
                continue;
            }
            int v = c + 1;
            while (v < row.width() && row.text(v).isBlank()) {
                v++;
            }
            if (v >= row.width()) {
                pendingLabel = cell;
                return;
            }
            if (label(row.text(v)) != null) {
                c = v;
                continue;
            }
            meta(row, s, cell, row.text(v), money);
            c = v + 1;
        }
    }

    /** One label's value: a project label opens a new project block. */
    private void meta(TableRow row, HeaderVocabulary.Synonym s, String labelText, String value, String labelUnit) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            return;
        }
        if (!sinceTargets && targetsRead.getAsBoolean()) {
            // a label block after an indicator table: the next project's
            block.resetProject();
            newBlock.run();
        }
        sinceTargets = true;
        switch (s.field()) {
            case UNIT -> {
                if (block.unit == null || s.rank() < block.unitRank) {
                    block.unit = v;
                    block.unitRank = s.rank();
                } else if (s.rank() >= block.unitRank && block.department == null) {
                    block.department = v;
                }
                if (s.rank() == 2) {
                    block.department = v;
                }
            }
            case PROJECT -> {
                if (block.project != null && !block.project.equals(v)) {
                    block.resetProject();
                }
                block.project = v;
                block.line = row.line();
            }
            case AMOUNT, BUDGET_TOTAL -> {
                // a 合计 sums the lines beside it (基本支出, 项目支出; task budgets): it is the amount
                int rank = s.field() == Field.BUDGET_TOTAL ? -1 : s.rank();
                if (block.amountText == null || rank < block.amountRank) {
                    block.amountText = v;
                    block.amountRank = rank;
                    block.amountUnit = labelUnit;
                }
            }
            case TOTAL_AMOUNT -> {
                block.totalText = v;
                block.totalUnit = labelUnit;
            }
            case GOAL -> block.goals.add(new GoalStatement(goalKind(labelText), v, TextNormalizer.normalize(v),
                    row.line()));
            case NATURE -> block.nature = v;
            case CATEGORY -> block.category = v;
            default -> {
            }
        }
    }

    /** The kind of goal a label or column names: 总体/实施期/中期 goals are overall, the others annual. */
    static GoalKind goalKind(String label) {
        String k = HeaderVocabulary.key(label);
        return k.contains("总体") || k.contains("实施期") || k.contains("中期") || k.contains("长期")
                || k.contains("总目标") ? GoalKind.OVERALL : GoalKind.ANNUAL;
    }

    /** Label–value metadata of the project block being read. */
    static final class Block {
        String unit;
        int unitRank = Integer.MAX_VALUE;
        String department;
        String project;
        int line;
        String amountText;
        int amountRank = Integer.MAX_VALUE;
        String amountUnit;
        String totalText;
        String totalUnit;
        String nature;
        String category;
        final List<GoalStatement> goals = new ArrayList<>();

        /** A new label block: what belongs to one project goes, the unit stays. */
        void resetProject() {
            project = null;
            unitRank = Integer.MAX_VALUE;
            amountText = null;
            amountRank = Integer.MAX_VALUE;
            amountUnit = null;
            totalText = null;
            totalUnit = null;
            nature = null;
            category = null;
            goals.clear();
        }
    }
}
