package org.perfgraph.explore;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import org.perfgraph.graph.StoredValue;

/**
 * The stored properties a selection of {@code Target} fields reads, so that a statement reading targets ahead
 * returns a map projection of those instead of the whole node: a target has about 36 properties and a page of them
 * typically reads a handful, and encoding, sending and decoding the others was a third of a 50-project page's cost
 * in a profile. Every field of the selection must be one this table knows (a field of another feature, a fragment
 * on another type): otherwise the whole node is returned, as before. Links (indicator, project, categories) need
 * only the id their loaders key on; the provenance reads its line and place.
 */
final class TargetProperties {

    private static final Map<String, List<String>> READS = Map.ofEntries(
            Map.entry("id", List.of()),
            Map.entry("line", List.of("line")),
            Map.entry("indicatorName", List.of("indicatorName")),
            Map.entry("categoryInferred", List.of("categoryInferred")),
            Map.entry("direction", List.of("direction")),
            Map.entry("valueType", List.of("valueType")),
            Map.entry("notes", List.of("notes")),
            Map.entry("version", List.of("version")),
            Map.entry("weight", List.of("weightText")),
            Map.entry("score", List.of("scoreText")),
            Map.entry("points", List.of("pointsText")),
            Map.entry("annual", StoredValue.properties("annual")),
            Map.entry("period", StoredValue.properties("period")),
            Map.entry("actual", StoredValue.properties("actual")),
            Map.entry("indicator", List.of()),
            Map.entry("project", List.of()),
            Map.entry("level1", List.of()),
            Map.entry("level2", List.of()),
            Map.entry("source", List.of("line", "place")));

    private TargetProperties() {
    }

    /** What a statement returns for the node {@code n} of this selection: {@code n}, or {@code n {.id, ...}}. */
    static String projection(String type, DataFetchingFieldSelectionSet selection) {
        if (!type.equals("Target") || selection == null) {
            return "n";
        }
        Set<String> properties = new LinkedHashSet<>(List.of("id"));
        for (SelectedField field : selection.getImmediateFields()) {
            if (field.getName().startsWith("__")) {
                continue;
            }
            List<String> reads = field.getObjectTypeNames().equals(List.of("Target")) ? READS.get(field.getName()) : null;
            if (reads == null) {
                return "n";
            }
            properties.addAll(reads);
        }
        return properties.stream().map(p -> "." + p).collect(Collectors.joining(", ", "n {", "}"));
    }
}
