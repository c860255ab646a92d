package org.perfgraph.compare;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfgraph.support.ApiException;
import org.perfgraph.support.GraphReader;
import org.perfgraph.support.ResultCache;
import org.springframework.stereotype.Component;

/**
 * Two documents compared: one statement per document ({@code cypher/compare/document-side.cypher}), the pairing in
 * Java ({@link Pairing}), the result kept for the store's write generation.
 */
@Component
class Comparisons {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Comparisons.class);

    /** A comparison: both documents (nodes), the project pairs in list order and the totals per kind. */
    record Comparison(Map<String, Object> a, Map<String, Object> b, List<Pairing.ProjectMatch> projects,
                      Map<ChangeKind, Integer> totals) {
    }

    private final GraphReader reader;
    private final ResultCache cache;

    Comparisons(GraphReader reader, ResultCache cache) {
        this.reader = reader;
        this.cache = cache;
    }

    Comparison of(String a, String b) {
        return cache.get("documentComparison|" + a + "|" + b, () -> compute(a, b));
    }

    private Comparison compute(String a, String b) {
        long start = System.nanoTime();
        Map<String, Object> sideA = side(a, "a");
        Map<String, Object> sideB = side(b, "b");
        long read = System.nanoTime();
        List<Pairing.ProjectMatch> pairs = Pairing.projects(projects(sideA), projects(sideB));
        if (log.isDebugEnabled()) {
            // the split the README's figures need: the two statements against the pairing in Java
            log.debug("documentComparison {} / {}: statements {} ms, pairing {} ms", a, b, (read - start) / 1_000_000,
                    (System.nanoTime() - read) / 1_000_000);
        }
        return new Comparison(document(sideA), document(sideB), pairs, totals(pairs));
    }

    private Map<String, Object> side(String name, String argument) {
        if (name == null || name.isBlank()) {
            throw ApiException.badInput("'" + argument + "' is empty; it is a document's import name");
        }
        Map<String, Object> row = reader.single("compare/document-side", Map.of("name", name));
        if (row == null) {
            throw ApiException.notFound("no document is stored under the name '" + name + "' (argument '" + argument + "')");
        }
        return row;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document(Map<String, Object> side) {
        return (Map<String, Object>) side.get("document");
    }

    /** The document's projects with their targets, as the pairing reads them. */
    @SuppressWarnings("unchecked")
    static List<Pairing.Side> projects(Map<String, Object> side) {
        Map<String, List<Pairing.Row>> targets = new HashMap<>();
        for (Map<String, Object> t : (List<Map<String, Object>>) side.get("targets")) {
            Map<String, Object> node = (Map<String, Object>) t.get("target");
            targets.computeIfAbsent((String) node.get("projectId"), k -> new ArrayList<>())
                    .add(row(node, (String) t.get("code"), (String) t.get("key"), (String) t.get("normalizedName")));
        }
        List<Pairing.Side> out = new ArrayList<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) side.get("projects")) {
            String goal = first((List<Object>) p.get("annual"));
            if (goal == null) {
                goal = first((List<Object>) p.get("overall"));
            }
            Map<String, Object> node = new LinkedHashMap<>(p);
            node.remove("annual");
            node.remove("overall");
            String id = (String) p.get("id");
            out.add(new Pairing.Side(id, (String) p.get("name"), (String) p.get("unitId"), goal,
                    targets.getOrDefault(id, List.of()), java.util.Collections.unmodifiableMap(node)));
        }
        return out;
    }

    /** A target as compared: its 年度 value, else its 实施周期 value. */
    static Pairing.Row row(Map<String, Object> t, String code, String key, String normalizedName) {
        String p = t.get("annualRaw") != null ? "annual" : "period";
        Object number = t.get(p + "Number");
        return new Pairing.Row((String) t.get("id"), code, key, normalizedName, (String) t.get(p + "Kind"),
                (String) t.get(p + "Comparator"), number == null ? null : ((Number) number).doubleValue(),
                (String) t.get(p + "Unit"), (String) t.get(p + "Normalized"), (String) t.get("direction"), t);
    }

    private static String first(List<Object> values) {
        return values == null || values.isEmpty() ? null : (String) values.get(0);
    }

    static Map<ChangeKind, Integer> totals(List<Pairing.ProjectMatch> pairs) {
        Map<ChangeKind, Integer> out = new EnumMap<>(ChangeKind.class);
        for (Pairing.ProjectMatch p : pairs) {
            totalsOf(p.targets()).forEach((k, n) -> out.merge(k, n, Integer::sum));
        }
        return out;
    }

    static Map<ChangeKind, Integer> totalsOf(List<Pairing.TargetMatch> targets) {
        Map<ChangeKind, Integer> out = new EnumMap<>(ChangeKind.class);
        targets.forEach(t -> out.merge(t.kind(), 1, Integer::sum));
        return out;
    }
}
