package org.perfgraph.ingest;

import java.util.Map;
import java.util.Set;

/**
 * What the importer may tell the reader beyond the bytes.
 *
 * @param columns  an explicit mapping from our column keys (unit, project, amount, goal, level1, level2, indicator,
 *                 value, periodValue, comparator, measureUnit, weight, direction, valueType, actual, score, note) to
 *                 the header cell that holds it, for tables whose header the vocabulary does not recognise
 * @param year     the budget year where the document does not say it
 * @param region   the region where the document does not say it
 * @param unit     the budget unit's name where the document does not say it
 * @param override true where year, region and unit win over what the document says
 */
public record ImportOptions(Map<String, String> columns, Integer year, String region, String unit, boolean override) {

    /** The column keys {@link #columns} may use. */
    public static final Set<String> COLUMN_KEYS = Set.of("unit", "project", "amount", "goal", "level1", "level2",
            "indicator", "value", "periodValue", "comparator", "measureUnit", "weight", "direction", "valueType",
            "actual", "score", "note");

    public static final ImportOptions NONE = new ImportOptions(Map.of(), null, null, null, false);

    public ImportOptions {
        columns = columns == null ? Map.of() : Map.copyOf(columns);
    }
}
