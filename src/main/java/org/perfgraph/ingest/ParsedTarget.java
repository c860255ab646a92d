package org.perfgraph.ingest;

/**
 * One indicator row of one project: the indicator, its L1/L2 categories and its value(s).
 *
 * @param line      the line of the row
 * @param ordinal   0-based position of the row within its project
 * @param indicator the L3 indicator
 * @param level1    L1 category as read and as resolved
 * @param level2    L2 category as read and as resolved
 * @param period    实施周期指标值 where the layout has it, else null
 * @param annual    年度指标值 (documents with one value column fill this)
 */
public record ParsedTarget(
        int line,
        int ordinal,
        IndicatorRef indicator,
        CategoryRef level1,
        CategoryRef level2,
        TargetValue period,
        TargetValue annual) {
}
