package org.perfgraph.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A target value as written and as normalised.
 *
 * @param raw        verbatim, never changed
 * @param kind       what sort of value it is
 * @param comparator for numeric values: the comparator written or implied (EQ where none is written)
 * @param number     for numeric values
 * @param unit       unit as written after or around the number (%, 万元, 个, 人次, 平方米), or null
 * @param qualifier  a qualifier noun around the number (招商展板制作 in 招商展板制作>20), or null
 * @param deadline   for deadlines: the date (end of month where only a month is given; year from the document
 *                   where missing)
 * @param normalized a canonical string for comparing values across projects (≥90%, =1项, 健全, 是, 2024-10-31)
 */
public record TargetValue(
        String raw,
        ValueKind kind,
        Comparator comparator,
        BigDecimal number,
        String unit,
        String qualifier,
        LocalDate deadline,
        String normalized) {
}
