package org.perfgraph.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfgraph.support.ApiException;
import org.perfgraph.support.GraphReader;
import org.perfgraph.support.PerfgraphProperties;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Read API: stats, project lists and lookups, and the links between node kinds (batch loaded). */
@Controller
class ExploreController {

    private final GraphReader reader;
    private final Batches batches;
    private final PerfgraphProperties properties;

    ExploreController(GraphReader reader, Batches batches, PerfgraphProperties properties) {
        this.reader = reader;
        this.batches = batches;
        this.properties = properties;
    }

    @QueryMapping
    Map<String, Object> stats() {
        return reader.single("explore/stats", Map.of());
    }

    @QueryMapping
    Map<String, Object> projects(@Argument Integer first, @Argument String after) {
        int limit = pageSize(first);
        Map<String, Object> params = new HashMap<>();
        params.put("afterName", null);
        params.put("afterId", null);
        if (after != null) {
            List<Object> keys = Cursor.decode(after, 2);
            params.put("afterName", keys.get(0));
            params.put("afterId", keys.get(1));
        }
        params.put("limit", limit + 1);
        List<Map<String, Object>> rows = reader.rows("explore/projects-page", params);
        long total = ((Number) reader.single("explore/projects-count", Map.of()).get("count")).longValue();
        return connection(rows, limit, total, n -> List.of(n.get("name"), n.get("id")));
    }

    @QueryMapping
    @SuppressWarnings("unchecked")
    Map<String, Object> project(@Argument String id) {
        Map<String, Object> row = reader.single("explore/project-by-id", Map.of("id", id));
        return row == null ? null : (Map<String, Object>) row.get("node");
    }

    /** The requested page size, or a clear error above the cap. */
    int pageSize(Integer first) {
        int n = first == null ? 20 : first;
        if (n < 0) {
            throw ApiException.badInput("'first' must not be negative");
        }
        if (n > properties.maxPageSize()) {
            throw ApiException.badInput("'first' is " + n + "; at most " + properties.maxPageSize()
                    + " per page (PERFGRAPH_MAX_PAGE_SIZE). Page on with 'after'.");
        }
        return n;
    }

    /** A connection from limit+1 fetched rows: the extra row only says whether a next page exists. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> connection(List<Map<String, Object>> rows, int limit, long total,
                                          java.util.function.Function<Map<String, Object>, List<?>> sortKey) {
        boolean hasNext = rows.size() > limit;
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Map<String, Object> row : rows.subList(0, Math.min(limit, rows.size()))) {
            Map<String, Object> node = (Map<String, Object>) row.get("node");
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("cursor", Cursor.encode(sortKey.apply(node)));
            edge.put("node", node);
            edges.add(edge);
        }
        Map<String, Object> pageInfo = new HashMap<>();
        pageInfo.put("hasNextPage", hasNext);
        pageInfo.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
        Map<String, Object> out = new HashMap<>();
        out.put("totalCount", total);
        out.put("edges", edges);
        out.put("pageInfo", pageInfo);
        return out;
    }

    @BatchMapping(typeName = "Project", field = "unit")
    Map<Map<String, Object>, Map<String, Object>> projectUnit(List<Map<String, Object>> projects) {
        return batches.one("explore/project-units", projects);
    }

    @BatchMapping(typeName = "Project", field = "document")
    Map<Map<String, Object>, Map<String, Object>> projectDocument(List<Map<String, Object>> projects) {
        return batches.one("explore/project-documents", projects);
    }

    @BatchMapping(typeName = "Project", field = "targets")
    Map<Map<String, Object>, List<Map<String, Object>>> projectTargets(List<Map<String, Object>> projects) {
        return batches.many("explore/project-targets", projects);
    }

    @BatchMapping(typeName = "Project", field = "goals")
    Map<Map<String, Object>, List<Map<String, Object>>> projectGoals(List<Map<String, Object>> projects) {
        return batches.many("explore/project-goals", projects);
    }

    @BatchMapping(typeName = "Target", field = "indicator")
    Map<Map<String, Object>, Map<String, Object>> targetIndicator(List<Map<String, Object>> targets) {
        return batches.one("explore/target-indicators", targets);
    }

    @BatchMapping(typeName = "Target", field = "level1")
    Map<Map<String, Object>, Map<String, Object>> targetLevel1(List<Map<String, Object>> targets) {
        return batches.one("explore/target-level1", targets);
    }

    @BatchMapping(typeName = "Target", field = "level2")
    Map<Map<String, Object>, Map<String, Object>> targetLevel2(List<Map<String, Object>> targets) {
        return batches.one("explore/target-level2", targets);
    }

    @BatchMapping(typeName = "Target", field = "project")
    Map<Map<String, Object>, Map<String, Object>> targetProject(List<Map<String, Object>> targets) {
        return batches.one("explore/target-projects", targets);
    }

    @BatchMapping(typeName = "Category", field = "parent")
    Map<Map<String, Object>, Map<String, Object>> categoryParent(List<Map<String, Object>> categories) {
        return batches.one("explore/category-parents", categories);
    }

    /** Provenance needs the document node; the line is on the target itself. */
    @BatchMapping(typeName = "Target", field = "source")
    Map<Map<String, Object>, Map<String, Object>> targetSource(List<Map<String, Object>> targets) {
        Map<Map<String, Object>, Map<String, Object>> documents = batches.one("explore/target-documents", targets);
        Map<Map<String, Object>, Map<String, Object>> out = new LinkedHashMap<>();
        documents.forEach((target, document) -> {
            Map<String, Object> source = new HashMap<>();
            source.put("document", document);
            source.put("line", target.get("line"));
            out.put(target, source);
        });
        return out;
    }

    @SchemaMapping(typeName = "Target", field = "annual")
    Map<String, Object> annual(Map<String, Object> target) {
        return value(target, "annual");
    }

    @SchemaMapping(typeName = "Target", field = "period")
    Map<String, Object> period(Map<String, Object> target) {
        return value(target, "period");
    }

    /** The flattened {@code annual*}/{@code period*} properties of a target as a TargetValue. */
    static Map<String, Object> value(Map<String, Object> target, String prefix) {
        if (target.get(prefix + "Raw") == null) {
            return null;
        }
        Map<String, Object> v = new HashMap<>();
        v.put("raw", target.get(prefix + "Raw"));
        v.put("kind", target.get(prefix + "Kind"));
        v.put("comparator", target.get(prefix + "Comparator"));
        v.put("number", target.get(prefix + "NumberText"));
        v.put("unit", target.get(prefix + "Unit"));
        v.put("qualifier", target.get(prefix + "Qualifier"));
        v.put("deadline", target.get(prefix + "Deadline"));
        v.put("normalized", target.get(prefix + "Normalized"));
        return v;
    }
}
