package org.perfgraph.ingest;

import static org.perfgraph.ingest.HeaderColumns.cell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.perfgraph.ingest.HeaderVocabulary.Field;

/**
 * Makes the target of one header-table row from its cells placed in the header's columns: the indicator (its code
 * split off, an L2 run into it split off), the categories (an L1's points, OCR repairs, an L1 inferred from its L2, an
 * L2 under a foreign L1), the values with their comparator and unit columns, weight, score, direction and notes. Each
 * guess is a diagnostic on the row's line.
 */
final class TargetBuilder {

    private static final Pattern CODE_NAME = Pattern.compile("^\\s*(\\d+)\\s*[-－—]\\s*(.*?)\\s*$");
    private static final Pattern POINTS = Pattern.compile("^(.*?)[\\s(（]*(\\d+(?:\\.\\d+)?)\\s*分\\s*[)）]?\\s*$");
    private static final Pattern VALUE_THEN_WEIGHT = Pattern.compile("^(.*\\d\\s*[%％])\\s*(\\d{1,3}(?:\\.\\d+)?)$");

    private final Diagnostics diagnostics;
    /** The document's year, for deadlines without one; asked once the row's categories are read. */
    private final Supplier<Integer> year;

    TargetBuilder(Diagnostics diagnostics, Supplier<Integer> year) {
        this.diagnostics = diagnostics;
        this.year = year;
    }

    /** Adds the row's target to its project. */
    void add(TableRow row, String[] cells, HeaderColumns h, ProjectBlocks.Project project, String l1Cell,
             String l2Cell, String l3Cell, String valueCell, String periodCell, String periodL3) {
        // an L2 run into its indicator where a cell border was lost (服务对象满意度指标见习青年满意度)
        String joinedL3 = TextNormalizer.normalizeName(l3Cell);
        for (String l2Name : CategoryVocabulary.names(2)) {
            if (joinedL3.startsWith(l2Name) && joinedL3.length() > l2Name.length() + 1) {
                diagnostics.warn(row, DiagnosticCode.CELLS_REALIGNED, "the 三级指标 cell '" + l3Cell + "' on line "
                        + row.line() + " begins with the 二级指标 " + l2Name + "; read as " + l2Name + " / "
                        + joinedL3.substring(l2Name.length()), l3Cell, l2Name);
                l2Cell = l2Name;
                l3Cell = joinedL3.substring(l2Name.length());
                break;
            }
        }
        BigDecimal points = null;
        String l1Label = l1Cell;
        // POINTS backtracks over every digit run (a 1 MB cell of digits held the reader for minutes): a cell
        // longer than any label is no label with its points
        Matcher pm = POINTS.matcher(l1Cell.length() > CellPlacer.LONGEST_LOOKED_AT ? "" : TextNormalizer.normalize(l1Cell));
        if (!l1Cell.isEmpty() && pm.matches() && !pm.group(1).isBlank()) {
            l1Label = pm.group(1).trim();
            points = new BigDecimal(pm.group(2));
        }
        CategoryRef l1 = category(row, l1Cell, l1Label, 1, null);
        CategoryRef l2 = category(row, l2Cell, l2Cell, 2, l1 == null ? null : l1.canonical());
        if (l1 == null && l2 != null) {
            String parent = CategoryVocabulary.parentOf(l2.canonical());
            if (parent != null) {
                l1 = new CategoryRef(null, null, parent, 1, true);
                diagnostics.info(row, DiagnosticCode.CATEGORY_INFERRED, "no 一级指标 on line " + row.line()
                        + "; read as " + parent + " from its 二级指标 " + l2.canonical(), parent);
            }
        }
        checkTree(row, l1, l2);

        Matcher m = CODE_NAME.matcher(l3Cell);
        String code = m.matches() ? m.group(1) : null;
        String name = m.matches() ? m.group(2) : l3Cell.trim();
        IndicatorRef indicator = new IndicatorRef(code, name, TextNormalizer.normalizeName(name));
        if (CategoryVocabulary.isL2(name) && !CategoryVocabulary.isL1(name)) {
            diagnostics.warn(row, DiagnosticCode.L2_AS_INDICATOR, "the 三级指标 cell on line " + row.line()
                    + " names the 二级 category " + name + "; kept as the indicator", name);
        }
        if (h.periodBlock != null && !periodL3.isEmpty()
                && !TextNormalizer.normalizeName(periodL3).equals(indicator.normalizedName())) {
            periodCell = ""; // the blocks name different indicators: the 年度 block's row stands alone
        }
        String weightCell = cell(cells, h.col(Field.WEIGHT));
        Matcher runTogether = VALUE_THEN_WEIGHT.matcher(valueCell);
        if (h.has(Field.WEIGHT) && weightCell.isEmpty() && runTogether.matches()) {
            // OCR ran the value into the empty weight cell beside it (≥98%15): a % ends a value
            diagnostics.warn(row, DiagnosticCode.CELLS_REALIGNED, "value '" + valueCell + "' on line " + row.line()
                    + " runs into the empty 权重 cell; read as " + runTogether.group(1) + " and weight "
                    + runTogether.group(2), valueCell, runTogether.group(1), runTogether.group(2));
            valueCell = runTogether.group(1);
            weightCell = runTogether.group(2);
        }
        String comparatorCell = cell(cells, h.col(Field.COMPARATOR));
        String unitCell = cell(cells, h.col(Field.MEASURE_UNIT));
        Integer y = year.get();
        TargetValue annual = value(row, "指标值", comparatorCell, valueCell, unitCell, y);
        TargetValue period = value(row, "实施期指标值", comparatorCell, periodCell, unitCell, y);
        if (annual == null && period == null) {
            diagnostics.warn(row, DiagnosticCode.VALUE_MISSING, "indicator '" + name + "' on line " + row.line()
                    + " has no value", name);
        }
        if (!unitCell.isEmpty()) {
            checkUnit(row, name, unitCell);
        }
        String actualCell = cell(cells, h.col(Field.ACTUAL));
        TargetValue actual = actualCell.isEmpty() ? null : ValueNormalizer.parse(actualCell, y);
        BigDecimal weight = number(weightCell);
        BigDecimal score = number(cell(cells, h.col(Field.SCORE)));
        Direction direction = direction(cell(cells, h.col(Field.DIRECTION)));
        List<String> notes = new ArrayList<>();
        for (int c : h.notes) {
            String n = cell(cells, c);
            if (!n.isEmpty()) {
                notes.add(n);
            }
        }
        ParsedTarget target = new ParsedTarget(row.line(), row.place(), project.targets.size(), indicator, l1, l2,
                period, annual, actual, weight, score, direction, points,
                notes.isEmpty() ? null : String.join(" | ", notes),
                ValueType.of(cell(cells, h.col(Field.VALUE_TYPE))));
        ParsedTarget earlier = project.byIndicator.putIfAbsent(indicator.key(), target);
        if (earlier != null) {
            diagnostics.info(row, DiagnosticCode.DUPLICATE_INDICATOR, "indicator " + name + " appears again in"
                    + " project " + project.name + " (first on line " + earlier.line() + "); both kept", name);
        }
        project.targets.add(target);
    }

    private TargetValue value(TableRow row, String column, String comparatorCell, String valueCell,
                              String unitCell, Integer y) {
        ValueNormalizer.SplitValue split = ValueNormalizer.parse(comparatorCell, valueCell, unitCell, y);
        if (split == null) {
            return null;
        }
        for (String conflict : split.conflicts()) {
            diagnostics.warn(row, DiagnosticCode.VALUE_COLUMN_CONFLICT, column + " on line " + row.line() + ": "
                    + conflict + "; the column wins", conflict);
        }
        if (split.fraction()) {
            diagnostics.info(row, DiagnosticCode.VALUE_AS_FRACTION, column + " '" + valueCell.trim() + "' on line "
                    + row.line() + " under the unit % is a fraction; read as " + split.value().normalized(),
                    valueCell.trim(), split.value().normalized());
        }
        diagnostics.checkValue(row.line(), row.place(), column, split.value());
        return split.value();
    }

    /** A …数/…数量 indicator measured in %, a …率 indicator counted in 个: kept as written, flagged. */
    private void checkUnit(TableRow row, String indicator, String unitCell) {
        String n = TextNormalizer.normalizeName(indicator);
        String u = ValueNormalizer.compact(unitCell).replace("(", "").replace(")", "");
        boolean count = n.endsWith("数") || n.endsWith("数量") || n.endsWith("次数") || n.endsWith("个数");
        boolean rate = n.endsWith("率") || n.endsWith("比例") || n.endsWith("占比") || n.endsWith("满意度");
        boolean percent = u.equals("%") || u.equals("‰");
        if ((count && percent) || (rate && !percent && ValueNormalizer.isUnitWord(u) && !u.equals("分"))) {
            diagnostics.warn(row, DiagnosticCode.UNIT_MISMATCH, "度量单位 " + unitCell.trim() + " on line "
                    + row.line() + " does not fit indicator " + indicator + "; kept as written", unitCell.trim(),
                    indicator);
        }
    }

    private static BigDecimal number(String cell) {
        String s = cell.replace("%", "").replace("分", "").trim();
        return s.isEmpty() ? null : Amounts.parse(s);
    }

    private static Direction direction(String cell) {
        String k = TextNormalizer.normalizeName(cell);
        if (k.contains("正向") || k.equals("正")) {
            return Direction.POSITIVE;
        }
        if (k.contains("反向") || k.equals("反") || k.contains("负向")) {
            return Direction.NEGATIVE;
        }
        return null;
    }

    private CategoryRef category(TableRow row, String cell, String label, int level, String l1) {
        if (cell.isEmpty()) {
            return null;
        }
        Matcher m = CODE_NAME.matcher(label);
        String code = m.matches() ? m.group(1) : null;
        String name = HeaderVocabulary.simplified(m.matches() ? m.group(2) : label);
        var canonical = CategoryVocabulary.canonical(name);
        if (canonical.isPresent()) {
            return new CategoryRef(cell, code, canonical.get(), level, false);
        }
        var repaired = CategoryVocabulary.repair(name, level, l1, null);
        if (repaired.isPresent() && CategoryVocabulary.looksLikeGarbledLabel(name)) {
            diagnostics.warn(row, DiagnosticCode.CATEGORY_OCR_REPAIRED, "category '" + cell + "' on line "
                    + row.line() + " is not in the vocabulary; read as " + repaired.get() + " by similarity",
                    cell, repaired.get());
            return new CategoryRef(cell, code, repaired.get(), level, true);
        }
        diagnostics.warn(row, DiagnosticCode.CATEGORY_UNKNOWN, "category '" + cell + "' on line " + row.line()
                + " is not in the vocabulary; kept as written", cell);
        return new CategoryRef(cell, code, TextNormalizer.normalizeName(name), level, false);
    }

    /** An L2 under a foreign L1; satisfaction under 效益指标 is a known variant of the tree, not flagged. */
    private void checkTree(TableRow row, CategoryRef l1, CategoryRef l2) {
        if (l1 == null || l2 == null) {
            return;
        }
        String parent = CategoryVocabulary.parentOf(l2.canonical());
        boolean satisfactionUnderBenefit = "满意度指标".equals(parent) && "效益指标".equals(l1.canonical());
        boolean costUnderOutput = "成本指标".equals(l2.canonical()) && "产出指标".equals(l1.canonical());
        if (parent != null && !parent.equals(l1.canonical()) && !satisfactionUnderBenefit && !costUnderOutput) {
            diagnostics.warn(row, DiagnosticCode.L2_FOREIGN_L1, "二级指标 " + l2.raw() + " on line " + row.line()
                    + " belongs under " + parent + " but the row files it under " + l1.raw()
                    + "; both kept as written", l2.raw(), parent, l1.raw());
        }
    }
}
