package org.perfgraph.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.perfgraph.analysis.Findings.FindingFilter;
import org.perfgraph.ingest.TextSignature;
import org.perfgraph.support.ApiException;
import org.perfgraph.support.Connection;
import org.perfgraph.support.GraphReader;
import org.perfgraph.support.PageCursor;
import org.perfgraph.support.PerfgraphProperties;
import org.perfgraph.support.ResultCache;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Reuse and quality analytics over GraphQL. Each query runs one or a few statements from
 * {@code cypher/analysis/}; Java only pages, verifies candidate pairs, clusters and ranks what those return. The
 * projects, units, documents and targets of an answer are held as ids and answered by explore's child lists (where,
 * orderBy, first and their connections); its lists of values by {@link AnswerLists}.
 */
@Controller
class AnalysisController {

    /** How far below the requested threshold a MinHash estimate may fall and still be verified exactly. */
    static final double ESTIMATE_SLACK = 0.2;
    /** LSH buckets above this size are compared as a star (see {@link Candidates}). */
    static final int MAX_BUCKET = 100;
    /** Pairs listed per cluster without 'first', most similar first (a cluster of n texts can have n(n-1)/2). */
    static final int MAX_PAIRS_SHOWN = 50;

    private final GraphReader reader;
    private final Findings findings;
    private final PerfgraphProperties properties;

    private final ResultCache cache;

    AnalysisController(GraphReader reader, Findings findings, PerfgraphProperties properties, ResultCache cache) {
        this.reader = reader;
        this.findings = findings;
        this.properties = properties;
        this.cache = cache;
    }

    /** Narrowing of indicatorReuse; null fields do not narrow. */
    record IndicatorReuseFilter(Boolean coded, String nameContains, String documentName, String region,
                                String unitId, Integer year, String documentKind) {

        AnalysisScope scope() {
            return new AnalysisScope(documentName, region, unitId, year, documentKind);
        }
    }

    /** The lists of an indicatorReuse row that need its projects' ids read (explore's child lists load them). */
    private static final List<String> REUSE_LISTS = List.of("projects", "projectsConnection", "units",
            "unitsConnection", "documents", "documentsConnection");

    /** What the quality rankings sort by. */
    enum QualityOrder {
        FINDINGS_DESC, FINDINGS_PER_TARGET_DESC, BOILERPLATE_SHARE_DESC, QUALITATIVE_SHARE_DESC, NUMERIC_SHARE_ASC, NAME_ASC
    }

    @QueryMapping
    Map<String, Object> indicatorReuse(@Argument Integer minProjects, @Argument Integer first, @Argument String after,
                                       @Argument IndicatorReuseFilter where, DataFetchingFieldSelectionSet selection) {
        int min = atLeastOne(minProjects, 2, "minProjects");
        int limit = properties.pageSize(first);
        IndicatorReuseFilter w = where == null ? new IndicatorReuseFilter(null, null, null, null, null, null, null) : where;
        Map<String, Object> params = new HashMap<>();
        params.put("minProjects", min);
        params.put("coded", w.coded());
        params.put("nameContains", blankToNull(w.nameContains()));
        w.scope().putInto(params);
        params.put("afterCount", null);
        params.put("afterKey", null);
        if (after != null) {
            List<Object> keys = PageCursor.decode(after, "indicatorReuse", 2);
            if (!(keys.get(0) instanceof Long) || !(keys.get(1) instanceof String)) {
                throw ApiException.badInput("'after' is not a cursor of indicatorReuse");
            }
            params.put("afterCount", keys.get(0));
            params.put("afterKey", keys.get(1));
        }
        params.put("limit", limit + 1);
        // the projects, units and documents of each row are read only when asked for (the counts are stored)
        params.put("expand", REUSE_LISTS.stream().anyMatch(list -> selection.contains("edges/node/" + list)));
        List<Map<String, Object>> rows = reader.rows("analysis/indicator-reuse", params);
        long total;
        if (!rows.isEmpty()) {
            total = ((Number) rows.get(0).get("totalCount")).longValue();
        } else if (after != null) {
            // paged past the end: the page is empty, the total is still that of the whole list
            params.put("afterCount", null);
            params.put("afterKey", null);
            params.put("limit", 1);
            List<Map<String, Object>> head = reader.rows("analysis/indicator-reuse", params);
            total = head.isEmpty() ? 0 : ((Number) head.get(0).get("totalCount")).longValue();
        } else {
            total = 0;
        }
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Map<String, Object> row : rows.subList(0, Math.min(limit, rows.size()))) {
            Map<String, Object> node = new LinkedHashMap<>(row);
            node.remove("totalCount");
            @SuppressWarnings("unchecked")
            Map<String, Object> indicator = (Map<String, Object>) row.get("indicator");
            edges.add(edge(PageCursor.encode("indicatorReuse", java.util.Arrays.asList(row.get("projectCount"), indicator.get("key"))), node));
        }
        Map<String, Object> out = connection(edges, rows.size() > limit);
        out.put("totalCount", total);
        return out;
    }

    @QueryMapping
    List<Map<String, Object>> sharedTexts(@Argument Integer minProjects, @Argument AnalysisScope where,
                                          @Argument Integer first) {
        Map<String, Object> params = scopeParameters(AnalysisScope.orAll(where));
        params.put("minProjects", atLeastOne(minProjects, 2, "minProjects"));
        params.put("limit", properties.pageSize(first));
        return reader.rows("analysis/shared-texts", params);
    }

    @QueryMapping
    List<Map<String, Object>> similarTexts(@Argument Double threshold, @Argument AnalysisScope where,
                                           @Argument Integer first) {
        double t = threshold == null ? 0.8 : threshold;
        if (!(t > 0 && t <= 1)) {
            throw ApiException.badInput("'threshold' is " + t + "; it is a similarity between 0 (exclusive) and 1");
        }
        int limit = properties.pageSize(first);
        // every text's signature is read per computation: served from the result cache while nothing is written
        AnalysisScope scope = AnalysisScope.orAll(where);
        return cache.get("similarTexts|" + t + "|" + limit + "|" + scope.cacheKey(), () -> similarTexts(t, scope, limit));
    }

    private List<Map<String, Object>> similarTexts(double t, AnalysisScope scope, int limit) {
        // 1. candidates: pairs sharing an LSH bucket whose MinHash estimate comes near the threshold
        List<Candidates.Pair> candidates = Candidates.of(
                Candidates.buckets(reader.rows("analysis/similar-text-signatures", scopeParameters(scope)), 2),
                Math.max(0, t - ESTIMATE_SLACK), MAX_BUCKET);
        Set<String> ids = new LinkedHashSet<>();
        candidates.forEach(c -> {
            ids.add(c.a());
            ids.add(c.b());
        });
        // 2. the candidates' texts in one statement; the exact 3-gram Jaccard decides
        Map<String, Map<String, Object>> texts = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Map<String, Object> row : reader.rows("analysis/text-normalized", Map.of("ids", List.copyOf(ids)))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> text = (Map<String, Object>) row.get("text");
                texts.put((String) text.get("id"), text);
            }
        }
        List<TextClusters.Pair> pairs = new ArrayList<>();
        Map<List<String>, Double> estimates = new HashMap<>();
        for (Candidates.Pair c : candidates) {
            double score = TextSignature.jaccard((String) texts.get(c.a()).get("normalized"),
                    (String) texts.get(c.b()).get("normalized"));
            if (score >= t) {
                pairs.add(new TextClusters.Pair(c.a(), c.b(), score));
                estimates.put(List.of(c.a(), c.b()), c.estimate());
            }
        }
        List<TextClusters.Cluster> clusters = TextClusters.of(pairs);
        clusters = clusters.subList(0, Math.min(limit, clusters.size()));
        // 3. the statements of the texts shown only (a corpus with templated goals has clusters of thousands)
        Map<String, Object> statements = new HashMap<>();
        List<String> shown = clusters.stream().flatMap(c -> c.texts().stream()).distinct().toList();
        if (!shown.isEmpty()) {
            for (Map<String, Object> row : reader.rows("analysis/text-statements", Map.of("ids", shown))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> text = (Map<String, Object>) row.get("text");
                statements.put((String) text.get("id"), row.get("statements"));
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (TextClusters.Cluster c : clusters) {
            List<Map<String, Object>> members = new ArrayList<>();
            for (String id : c.texts()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("text", texts.get(id));
                m.put("statements", statements.get(id));
                members.add(m);
            }
            // every pair, most similar first; the diffs of those listed without 'first' are computed (and cached) with
            // the answer, the others' when a page shows them (AnswerLists)
            List<Map<String, Object>> pairRows = new ArrayList<>();
            for (TextClusters.Pair p : c.pairs()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("a", texts.get(p.a()));
                m.put("b", texts.get(p.b()));
                m.put("score", p.score());
                m.put("estimate", estimates.get(List.of(p.a(), p.b())));
                pairRows.add(pairRows.size() < MAX_PAIRS_SHOWN ? AnswerLists.withDiff(m) : m);
            }
            Map<String, Object> cluster = new LinkedHashMap<>();
            cluster.put("size", c.texts().size());
            cluster.put("bestScore", c.best());
            cluster.put("texts", members);
            cluster.put("pairs", pairRows);
            cluster.put("pairCount", c.pairs().size());
            out.add(cluster);
        }
        return out;
    }

    @QueryMapping
    List<Map<String, Object>> boilerplateTargets(@Argument Integer minProjects, @Argument AnalysisScope where,
                                                 @Argument Integer first) {
        Map<String, Object> params = scopeParameters(AnalysisScope.orAll(where));
        params.put("minProjects", atLeastOne(minProjects, 3, "minProjects"));
        params.put("limit", properties.pageSize(first));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : reader.rows("analysis/boilerplate-targets", params)) {
            Map<String, Object> m = new LinkedHashMap<>(row);
            // each project once, where it first files the value (the targets are by document and line)
            m.put("projectIds", List.copyOf(new LinkedHashSet<>((List<?>) m.remove("targetProjectIds"))));
            out.add(m);
        }
        return out;
    }

    @QueryMapping
    List<Map<String, Object>> indicatorMatches(@Argument Double minScore, @Argument Integer first) {
        double min = minScore == null ? 0.6 : minScore;
        if (!(min > 0 && min <= 1)) {
            throw ApiException.badInput("'minScore' is " + min + "; it is a similarity between 0 (exclusive) and 1");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("minScore", min);
        params.put("candidates", 10);
        params.put("limit", properties.pageSize(first));
        return reader.rows("analysis/indicator-matches", params);
    }

    @QueryMapping
    Map<String, Object> findings(@Argument List<FindingKind> kinds, @Argument FindingFilter where,
                                 @Argument Integer first, @Argument String after,
                                 DataFetchingFieldSelectionSet selection) {
        int limit = properties.pageSize(first);
        List<FindingKind> chosen = kinds == null || kinds.isEmpty() ? List.of(FindingKind.values())
                : List.copyOf(new LinkedHashSet<>(kinds));
        String afterKey = null;
        if (after != null) {
            if (!(PageCursor.decode(after, "findings", 1).get(0) instanceof String key)) {
                throw ApiException.badInput("'after' is not a cursor of findings");
            }
            afterKey = key;
        }
        List<Map<String, Object>> rows = findings.page(chosen, where, afterKey, limit + 1);
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Map<String, Object> row : rows.subList(0, Math.min(limit, rows.size()))) {
            Map<String, Object> node = new LinkedHashMap<>(row);
            node.put("id", row.get("key"));
            // the evidence's place in a file is its target's (findings on goal texts have a line only)
            if (node.get("place") == null && row.get("target") instanceof Map<?, ?> target) {
                node.put("place", target.get("place"));
            }
            edges.add(edge(PageCursor.encode("findings", java.util.Arrays.asList(row.get("key"))), node));
        }
        Map<String, Object> out = connection(edges, rows.size() > limit);
        if (selection.contains("totalCount")) {
            out.put("totalCount", findings.count(chosen, where));
        }
        return out;
    }

    @QueryMapping
    List<Map<String, Object>> qualityByProject(@Argument AnalysisScope where, @Argument QualityOrder orderBy,
                                               @Argument Integer first) {
        List<Map<String, Object>> projects = projectQuality(where);
        sort(projects, orderBy, "project");
        return projects.subList(0, Math.min(properties.pageSize(first), projects.size()));
    }

    @QueryMapping
    List<Map<String, Object>> qualityByUnit(@Argument AnalysisScope where, @Argument QualityOrder orderBy) {
        Map<Object, Map<String, Object>> units = new LinkedHashMap<>();
        Map<Object, Map<String, Integer>> findingsByKind = new LinkedHashMap<>();
        for (Map<String, Object> p : projectQuality(where)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> unit = (Map<String, Object>) p.get("unit");
            Map<String, Object> u = units.computeIfAbsent(unit.get("id"), id -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("unit", unit);
                m.put("projectCount", 0);
                COUNTS.forEach(c -> m.put(c, 0L));
                return m;
            });
            u.merge("projectCount", 1, (x, y) -> (Integer) x + (Integer) y);
            COUNTS.forEach(c -> u.merge(c, p.get(c), (x, y) -> ((Number) x).longValue() + ((Number) y).longValue()));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> byKind = (List<Map<String, Object>>) p.get("findingsByKind");
            Map<String, Integer> acc = findingsByKind.computeIfAbsent(unit.get("id"), id -> new LinkedHashMap<>());
            byKind.forEach(k -> acc.merge((String) k.get("kind"), (Integer) k.get("count"), Integer::sum));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        units.forEach((id, u) -> {
            shares(u);
            u.put("findingsByKind", kindCounts(findingsByKind.get(id)));
            out.add(u);
        });
        sort(out, orderBy, "unit");
        return out;
    }

    /** The count fields of a quality row; units sum them over their projects. */
    private static final List<String> COUNTS = List.of("targetCount", "numeric", "qualitative", "boolean", "text",
            "deadline", "frequency", "boilerplate", "findings");

    private List<Map<String, Object>> projectQuality(AnalysisScope where) {
        AnalysisScope scope = AnalysisScope.orAll(where);
        Map<String, Object> params = scopeParameters(scope);
        params.put("boilerplateProjects", 3);
        Map<String, Map<FindingKind, Integer>> counts = findings.countsByProject(FindingFilter.of(scope));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : reader.rows("analysis/quality-by-project", params)) {
            Map<String, Object> m = new LinkedHashMap<>(row);
            @SuppressWarnings("unchecked")
            Map<String, Object> project = (Map<String, Object>) row.get("project");
            Map<FindingKind, Integer> byKind = counts.getOrDefault((String) project.get("id"), Map.of());
            m.put("findings", (long) byKind.values().stream().mapToInt(Integer::intValue).sum());
            Map<String, Integer> named = new LinkedHashMap<>();
            for (FindingKind k : FindingKind.values()) {
                if (byKind.containsKey(k)) {
                    named.put(k.name(), byKind.get(k));
                }
            }
            m.put("findingsByKind", kindCounts(named));
            shares(m);
            out.add(m);
        }
        return out;
    }

    /** Shares of the row's targets: numbers, words (qualitative, yes/no, free text), timing (deadline, frequency). */
    private static void shares(Map<String, Object> m) {
        double targets = ((Number) m.get("targetCount")).doubleValue();
        m.put("numericShare", share(m, targets, "numeric"));
        m.put("qualitativeShare", share(m, targets, "qualitative", "boolean", "text"));
        m.put("deadlineShare", share(m, targets, "deadline", "frequency"));
        m.put("boilerplateShare", share(m, targets, "boilerplate"));
        m.put("findingsPerTarget", share(m, targets, "findings"));
    }

    private static double share(Map<String, Object> m, double targets, String... fields) {
        if (targets == 0) {
            return 0;
        }
        long sum = 0;
        for (String f : fields) {
            sum += ((Number) m.get(f)).longValue();
        }
        return sum / targets;
    }

    private static List<Map<String, Object>> kindCounts(Map<String, Integer> byKind) {
        List<Map<String, Object>> out = new ArrayList<>();
        byKind.forEach((k, n) -> out.add(Map.of("kind", k, "count", n)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void sort(List<Map<String, Object>> rows, QualityOrder orderBy, String subject) {
        Comparator<Map<String, Object>> byName = Comparator.comparing(
                (Map<String, Object> r) -> String.valueOf(((Map<String, Object>) r.get(subject)).get("name")))
                .thenComparing(r -> String.valueOf(((Map<String, Object>) r.get(subject)).get("id")));
        Comparator<Map<String, Object>> order = switch (orderBy == null ? QualityOrder.FINDINGS_DESC : orderBy) {
            case FINDINGS_DESC -> descending("findings");
            case FINDINGS_PER_TARGET_DESC -> descending("findingsPerTarget");
            case BOILERPLATE_SHARE_DESC -> descending("boilerplateShare");
            case QUALITATIVE_SHARE_DESC -> descending("qualitativeShare");
            case NUMERIC_SHARE_ASC -> descending("numericShare").reversed();
            case NAME_ASC -> byName;
        };
        rows.sort(order.thenComparing(byName));
    }

    private static Comparator<Map<String, Object>> descending(String field) {
        return Comparator.comparingDouble((Map<String, Object> r) -> ((Number) r.get(field)).doubleValue()).reversed();
    }

    private static Map<String, Object> edge(String cursor, Map<String, Object> node) {
        Map<String, Object> edge = new LinkedHashMap<>();
        edge.put("cursor", cursor);
        edge.put("node", node);
        return edge;
    }

    private static Map<String, Object> connection(List<Map<String, Object>> edges, boolean hasNext) {
        return Connection.of(edges, hasNext);
    }

    private static Map<String, Object> scopeParameters(AnalysisScope scope) {
        Map<String, Object> params = new HashMap<>();
        scope.putInto(params);
        return params;
    }

    private static int atLeastOne(Integer value, int fallback, String name) {
        int n = value == null ? fallback : value;
        if (n < 1) {
            throw ApiException.badInput("'" + name + "' is " + n + "; it must be at least 1");
        }
        return n;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
