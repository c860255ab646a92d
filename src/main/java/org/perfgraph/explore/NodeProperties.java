package org.perfgraph.explore;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import org.perfgraph.graph.StoredValue;

/**
 * The stored properties a selection of a node kind's fields reads, so that a statement reading nodes ahead returns
 * a map projection of those instead of the whole node. A target has about 36 properties and a page of them
 * typically reads a handful: encoding, sending and decoding the others was a third of a 50-project page's cost in a
 * profile; a project carries its key, ids and cents besides what it shows, an indicator its family rule and counts.
 * Every field of the selection must be one this table knows (a field of another feature, a fragment on another
 * type): otherwise the whole node is returned, as before. Links, child lists and computed counts need only the id
 * their loaders key on; a count stored on the node ({@code projectCount}) reads that property, as its loader does;
 * the provenance reads its line and place; a target value its raw text and the properties of the value fields
 * selected ({@code annual { raw }} reads one property, not nine).
 */
final class NodeProperties {

    private static final Map<String, List<String>> TARGET = table(
            List.of("line", "indicatorName", "level1Raw", "level2Raw", "categoryInferred", "direction", "valueType",
                    "notes", "version"),
            List.of("id", "indicator", "project", "level1", "level2"),
            Map.of("weight", List.of("weightText"), "score", List.of("scoreText"), "points", List.of("pointsText"),
                    // the whole value; a selection reads fewer (projection)
                    "annual", StoredValue.properties("annual"), "period", StoredValue.properties("period"),
                    "actual", StoredValue.properties("actual"),
                    "source", List.of("line", "place")));

    private static final Map<String, List<String>> PROJECT = table(
            List.of("name", "year", "amount", "totalAmount", "nature", "category", "department", "startDate", "endDate",
                    "line", "blocks", "version"),
            List.of("id", "unit", "document", "targets", "targetsConnection", "targetCount", "goals", "texts",
                    "textsConnection"),
            Map.of());

    private static final Map<String, List<String>> UNIT = table(
            List.of("code", "name", "region"),
            List.of("id", "projects", "projectsConnection", "projectCount", "yearOverYear"),
            Map.of());

    private static final Map<String, List<String>> INDICATOR = table(
            List.of("code", "name", "normalizedName", "coded", "version", "projectCount"),
            List.of("id", "targets", "targetsConnection", "projects", "projectsConnection", "units", "unitsConnection",
                    "categories", "targetCount", "unitCount"),
            Map.of());

    /** The kinds with a table; any other kind's nodes are returned whole. */
    private static final Map<String, Map<String, List<String>>> READS = Map.of(
            "Target", TARGET, "Project", PROJECT, "Unit", UNIT, "Indicator", INDICATOR);

    private NodeProperties() {
    }

    /**
     * A kind's table: the fields {@code stored} under their own name, the fields that need only the node's id
     * ({@code byId}: links, child lists, computed counts, answered by their loaders or read ahead), and the fields
     * stored under other names ({@code other}).
     */
    private static Map<String, List<String>> table(List<String> stored, List<String> byId,
                                                   Map<String, List<String>> other) {
        Map<String, List<String>> table = new HashMap<>(other);
        stored.forEach(field -> table.put(field, List.of(field)));
        byId.forEach(field -> table.put(field, List.of()));
        if (table.size() != stored.size() + byId.size() + other.size()) {
            throw new IllegalStateException("a field is in two of the lists of a projection table");
        }
        return Map.copyOf(table);
    }

    /** What a statement returns for the node {@code n} of this selection: {@code n}, or {@code n {.id, ...}}. */
    static String projection(String type, DataFetchingFieldSelectionSet selection) {
        Map<String, List<String>> table = READS.get(type);
        if (table == null || selection == null) {
            return "n";
        }
        Set<String> properties = new LinkedHashSet<>(List.of("id"));
        for (SelectedField field : selection.getImmediateFields()) {
            if (field.getName().startsWith("__")) {
                continue;
            }
            List<String> reads = field.getObjectTypeNames().equals(List.of(type)) ? table.get(field.getName()) : null;
            if (reads == null) {
                return "n";
            }
            if (type.equals("Target") && StoredValue.PREFIXES.contains(field.getName())) {
                // a value reads its raw text and the properties of the value fields selected
                reads = StoredValue.properties(field.getName(), field.getSelectionSet().getImmediateFields().stream()
                        .map(SelectedField::getName).toList());
            }
            properties.addAll(reads);
        }
        return properties.stream().map(p -> "." + p).collect(Collectors.joining(", ", "n {", "}"));
    }

    /** The fields of a kind this table knows (for the test that holds it to the schema). */
    static Set<String> fields(String type) {
        return READS.getOrDefault(type, Map.of()).keySet();
    }
}
