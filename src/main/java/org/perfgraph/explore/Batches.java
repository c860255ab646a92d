package org.perfgraph.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.perfgraph.support.GraphReader;
import org.springframework.stereotype.Component;

/**
 * One query per level of a GraphQL request: loads the linked nodes of a whole batch of parents by id, from a
 * script that returns {@code key} (the parent's id) and {@code node}.
 */
@Component
class Batches {

    /** A count expression that reads a property stored on the node. */
    private static final Pattern STORED = Pattern.compile("\\{n}\\.(\\w+)");

    private final GraphReader reader;

    Batches(GraphReader reader) {
        this.reader = reader;
    }

    /** For each parent, the single linked node (or null). */
    Map<Map<String, Object>, Map<String, Object>> one(String script, List<Map<String, Object>> parents) {
        Map<Object, Map<String, Object>> byKey = new HashMap<>();
        for (Map<String, Object> row : reader.rows(script, Map.of("ids", ids(parents)))) {
            byKey.put(row.get("key"), node(row));
        }
        Map<Map<String, Object>, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> parent : parents) {
            out.put(parent, byKey.get(parent.get("id")));
        }
        return out;
    }

    /** For each parent, the list of linked nodes in the script's order. */
    Map<Map<String, Object>, List<Map<String, Object>>> many(String script, List<Map<String, Object>> parents) {
        Map<Object, List<Map<String, Object>>> byKey = new HashMap<>();
        for (Map<String, Object> row : reader.rows(script, Map.of("ids", ids(parents)))) {
            byKey.computeIfAbsent(row.get("key"), k -> new ArrayList<>()).add(node(row));
        }
        Map<Map<String, Object>, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (Map<String, Object> parent : parents) {
            out.put(parent, byKey.getOrDefault(parent.get("id"), List.of()));
        }
        return out;
    }

    /**
     * For each parent, a computed count of its kind (one statement for the batch). The expression is the one
     * filters and sorts use, so a count shown, filtered on and sorted by is the same number.
     */
    Map<Map<String, Object>, Integer> count(NodeSpec spec, String field, List<Map<String, Object>> parents) {
        Map<Map<String, Object>, Integer> stored = stored(spec.fields.get(field).expr(), parents);
        if (stored != null) {
            return stored;
        }
        String cypher = "UNWIND $ids AS id\nMATCH (n:" + spec.label + " {id: id})\nRETURN id AS key, "
                + spec.fields.get(field).on("n") + " AS value";
        Map<Object, Integer> byKey = new HashMap<>();
        for (Map<String, Object> row : reader.query(cypher, Map.of("ids", ids(parents)))) {
            byKey.put(row.get("key"), ((Number) row.get("value")).intValue());
        }
        Map<Map<String, Object>, Integer> out = new LinkedHashMap<>();
        for (Map<String, Object> parent : parents) {
            out.put(parent, byKey.getOrDefault(parent.get("id"), 0));
        }
        return out;
    }

    /**
     * A count stored on the node ({@code {n}.projectCount}) is already in each parent as read: no statement. Null
     * where the count is computed, or where a parent lacks it (a node read before the counts were stored).
     */
    private static Map<Map<String, Object>, Integer> stored(String expr, List<Map<String, Object>> parents) {
        Matcher m = STORED.matcher(expr);
        if (!m.matches()) {
            return null;
        }
        Map<Map<String, Object>, Integer> out = new LinkedHashMap<>();
        for (Map<String, Object> parent : parents) {
            if (!(parent.get(m.group(1)) instanceof Number value)) {
                return null;
            }
            out.put(parent, value.intValue());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> node(Map<String, Object> row) {
        return (Map<String, Object>) row.get("node");
    }

    private static List<Object> ids(List<Map<String, Object>> parents) {
        return parents.stream().map(p -> p.get("id")).distinct().toList();
    }
}
