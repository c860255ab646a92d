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

    private static final Map<String, List<String>> TARGET = Map.ofEntries(
            Map.entry("id", List.of()),
            Map.entry("line", List.of("line")),
            Map.entry("indicatorName", List.of("indicatorName")),
            Map.entry("level1Raw", List.of("level1Raw")),
            Map.entry("level2Raw", List.of("level2Raw")),
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

    private static final Map<String, List<String>> PROJECT = Map.ofEntries(
            Map.entry("id", List.of()),
            Map.entry("name", List.of("name")),
            Map.entry("year", List.of("year")),
            Map.entry("amount", List.of("amount")),
            Map.entry("totalAmount", List.of("totalAmount")),
            Map.entry("nature", List.of("nature")),
            Map.entry("category", List.of("category")),
            Map.entry("department", List.of("department")),
            Map.entry("startDate", List.of("startDate")),
            Map.entry("endDate", List.of("endDate")),
            Map.entry("line", List.of("line")),
            Map.entry("blocks", List.of("blocks")),
            Map.entry("version", List.of("version")),
            Map.entry("unit", List.of()),
            Map.entry("document", List.of()),
            Map.entry("targets", List.of()),
            Map.entry("targetsConnection", List.of()),
            Map.entry("targetCount", List.of()),
            Map.entry("goals", List.of()),
            Map.entry("texts", List.of()),
            Map.entry("textsConnection", List.of()));

    private static final Map<String, List<String>> UNIT = Map.ofEntries(
            Map.entry("id", List.of()),
            Map.entry("code", List.of("code")),
            Map.entry("name", List.of("name")),
            Map.entry("region", List.of("region")),
            Map.entry("projects", List.of()),
            Map.entry("projectsConnection", List.of()),
            Map.entry("projectCount", List.of()),
            Map.entry("yearOverYear", List.of()));

    private static final Map<String, List<String>> INDICATOR = Map.ofEntries(
            Map.entry("id", List.of()),
            Map.entry("code", List.of("code")),
            Map.entry("name", List.of("name")),
            Map.entry("normalizedName", List.of("normalizedName")),
            Map.entry("coded", List.of("coded")),
            Map.entry("version", List.of("version")),
            Map.entry("targets", List.of()),
            Map.entry("targetsConnection", List.of()),
            Map.entry("projects", List.of()),
            Map.entry("projectsConnection", List.of()),
            Map.entry("units", List.of()),
            Map.entry("unitsConnection", List.of()),
            Map.entry("categories", List.of()),
            Map.entry("targetCount", List.of()),
            Map.entry("projectCount", List.of("projectCount")),
            Map.entry("unitCount", List.of()));

    /** The kinds with a table; any other kind's nodes are returned whole. */
    private static final Map<String, Map<String, List<String>>> READS = Map.of(
            "Target", TARGET, "Project", PROJECT, "Unit", UNIT, "Indicator", INDICATOR);

    private NodeProperties() {
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
