package org.perfgraph.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import org.perfgraph.support.ApiException;
import org.perfgraph.support.GraphReader;
import org.perfgraph.support.PageCursor;
import org.perfgraph.support.PerfgraphProperties;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Read API roots: stats, the filtered, ordered, keyset-paged lists of every node kind, and lookups. Each list
 * costs one statement for the page and, only if {@code totalCount} is selected, one for the count.
 */
@Controller
class ExploreController {

    private final GraphReader reader;
    private final PerfgraphProperties properties;

    ExploreController(GraphReader reader, PerfgraphProperties properties) {
        this.reader = reader;
        this.properties = properties;
    }

    @QueryMapping
    Map<String, Object> stats() {
        return reader.single("explore/stats", Map.of());
    }

    @QueryMapping
    Map<String, Object> units(@Argument Map<String, Object> where, @Argument List<Map<String, Object>> orderBy,
                              @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return list(Specs.UNIT, where, orderBy, first, after, env);
    }

    @QueryMapping
    Map<String, Object> projects(@Argument Map<String, Object> where, @Argument List<Map<String, Object>> orderBy,
                                 @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return list(Specs.PROJECT, where, orderBy, first, after, env);
    }

    @QueryMapping
    Map<String, Object> targets(@Argument Map<String, Object> where, @Argument List<Map<String, Object>> orderBy,
                                @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return list(Specs.TARGET, where, orderBy, first, after, env);
    }

    @QueryMapping
    Map<String, Object> indicators(@Argument Map<String, Object> where, @Argument List<Map<String, Object>> orderBy,
                                   @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return list(Specs.INDICATOR, where, orderBy, first, after, env);
    }

    @QueryMapping
    Map<String, Object> categories(@Argument Map<String, Object> where, @Argument List<Map<String, Object>> orderBy,
                                   @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return list(Specs.CATEGORY, where, orderBy, first, after, env);
    }

    @QueryMapping
    Map<String, Object> texts(@Argument Map<String, Object> where, @Argument List<Map<String, Object>> orderBy,
                              @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return list(Specs.TEXT, where, orderBy, first, after, env);
    }

    @QueryMapping
    Map<String, Object> documents(@Argument Map<String, Object> where, @Argument List<Map<String, Object>> orderBy,
                                  @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return list(Specs.DOCUMENT, where, orderBy, first, after, env);
    }

    @QueryMapping
    Map<String, Object> project(@Argument String id) {
        return node("explore/project-by-id", Map.of("id", id));
    }

    @QueryMapping
    Map<String, Object> unit(@Argument String id) {
        return node("explore/unit-by-id", Map.of("id", id));
    }

    @QueryMapping
    Map<String, Object> indicator(@Argument String id, @Argument String code) {
        if ((id == null) == (code == null)) {
            throw ApiException.badInput("indicator takes either 'id' or 'code' (a coded indicator's library code), not both or neither");
        }
        return id != null ? node("explore/indicator-by-id", Map.of("id", id)) : node("explore/indicator-by-code", Map.of("code", code));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> node(String script, Map<String, Object> params) {
        Map<String, Object> row = reader.single(script, params);
        return row == null ? null : (Map<String, Object>) row.get("node");
    }

    /** A connection: one page statement, and the count statement only when the client asked for totalCount. */
    @SuppressWarnings("unchecked")
    Map<String, Object> list(NodeSpec spec, Map<String, Object> where, List<Map<String, Object>> orderBy,
                             Integer first, String after, DataFetchingEnvironment env) {
        int limit = properties.pageSize(first);
        ListQuery query = new ListQuery(spec, where, orderBy);
        String signature = query.signature();
        List<Object> afterKeys = after == null ? null : PageCursor.decode(after, signature, query.keys.size());
        List<Map<String, Object>> rows = reader.query(query.page(afterKeys, limit), query.where.params());
        boolean hasNext = rows.size() > limit;
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Map<String, Object> row : rows.subList(0, Math.min(limit, rows.size()))) {
            List<Object> sortValues = new ArrayList<>();
            for (int i = 0; i < query.keys.size(); i++) {
                sortValues.add(row.get("s" + i));
            }
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("cursor", PageCursor.encode(signature, sortValues));
            edge.put("node", (Map<String, Object>) row.get("node"));
            edges.add(edge);
        }
        Map<String, Object> pageInfo = new HashMap<>();
        pageInfo.put("hasNextPage", hasNext);
        pageInfo.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
        Map<String, Object> out = new HashMap<>();
        if (env.getSelectionSet().contains("totalCount")) {
            out.put("totalCount", ((Number) reader.query(query.count(), query.where.params()).get(0).get("count")).intValue());
        }
        out.put("edges", edges);
        out.put("pageInfo", pageInfo);
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
