package org.perfgraph.ingest;

import java.math.BigDecimal;

/**
 * One indicator row of one project: the indicator, its L1/L2 categories and its value(s).
 *
 * @param line      the line of the row (for files: its line in the document's text rendering)
 * @param place     where in a file the row is (sheet 项目表, row 12; table 2, row 5; page 3), null for text
 * @param ordinal   0-based position of the row within its project
 * @param indicator the L3 indicator
 * @param level1    L1 category as read and as resolved
 * @param level2    L2 category as read and as resolved
 * @param period    实施周期/中期/长期指标值 where the layout has it, else null
 * @param annual    年度指标值 (documents with one value column fill this)
 * @param actual    实际完成值 of a self-assessment, else null
 * @param weight    权重 or 分值 (the points the row is worth), else null
 * @param score     得分 of a self-assessment, else null
 * @param direction 指标方向性 where given, else null
 * @param points    the point total written after its L1 (产出指标(50分) → 50), else null
 * @param notes     指标解释, 评(扣)分标准, 备注, 偏差原因 … as written, joined by " | ", else null
 * @param valueType 指标值类型 (定量/定性) where the document states it, else null
 */
public record ParsedTarget(
        int line,
        String place,
        int ordinal,
        IndicatorRef indicator,
        CategoryRef level1,
        CategoryRef level2,
        TargetValue period,
        TargetValue annual,
        TargetValue actual,
        BigDecimal weight,
        BigDecimal score,
        Direction direction,
        BigDecimal points,
        String notes,
        ValueType valueType) {

    /** A row whose document states no 指标值类型. */
    public ParsedTarget(int line, String place, int ordinal, IndicatorRef indicator, CategoryRef level1,
                        CategoryRef level2, TargetValue period, TargetValue annual, TargetValue actual,
                        BigDecimal weight, BigDecimal score, Direction direction, BigDecimal points, String notes) {
        this(line, place, ordinal, indicator, level1, level2, period, annual, actual, weight, score, direction, points,
                notes, null);
    }

    /** A row of a layout that has values only (the seeds' layouts). */
    public ParsedTarget(int line, int ordinal, IndicatorRef indicator, CategoryRef level1, CategoryRef level2,
                        TargetValue period, TargetValue annual) {
        this(line, null, ordinal, indicator, level1, level2, period, annual, null, null, null, null, null, null);
    }
}
