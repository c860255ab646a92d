package org.perfgraph.explore;

import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import org.perfgraph.support.ApiException;
import org.perfgraph.graph.DocumentSource;
import org.perfgraph.support.GraphReader;
import org.perfgraph.support.PageCursor;
import org.perfgraph.support.PerfgraphProperties;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Read API roots: stats, the filtered, ordered, keyset-paged lists of every node kind, and lookups. Each list
 * costs one statement: its page, the count only if {@code totalCount} is selected, and what its nodes' fields read
 * ahead ({@link ReadAhead}).
 */
@Controller
class ExploreController {

    static final int MAX_SOURCE_LINES = 10_000;

    private final GraphReader reader;
    private final PerfgraphProperties properties;
    private final DocumentSource documentSource;
    private final ReadAhead readAhead;

    ExploreController(GraphReader reader, PerfgraphProperties properties, DocumentSource documentSource,
                      ReadAhead readAhead) {
        this.reader = reader;
        this.properties = properties;
        this.documentSource = documentSource;
        this.readAhead = readAhead;
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

    /**
     * A connection: one statement for the page, the count when the client asked for totalCount, and what the
     * nodes' fields need ({@link ReadAhead}); with compiled reads off, the page and the count are a statement each
     * and the fields load level by level.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> list(NodeSpec spec, Map<String, Object> where, List<Map<String, Object>> orderBy,
                             Integer first, String after, DataFetchingEnvironment env) {
        int limit = properties.pageSize(first);
        ListQuery query = new ListQuery(spec, where, orderBy);
        String signature = query.signature();
        List<Object> afterKeys = after == null ? null : PageCursor.decode(after, signature, query.keys.size());
        boolean count = env.getSelectionSet().contains("totalCount");
        if (readAhead.enabled()) {
            ReadAheadLevel level = readAhead.planner(query.where).page(spec.type, env.getSelectionSet());
            Map<String, Object> row = reader.query(query.pageReadingAhead(afterKeys, limit, level, count), query.where.params()).get(0);
            Map<String, Object> out = query.connection((List<Map<String, Object>>) row.get("rows"), limit, signature, level::shape);
            if (count) {
                out.put("totalCount", ((Number) row.get("total")).intValue());
            }
            return out;
        }
        List<Map<String, Object>> rows = reader.query(query.page(afterKeys, limit), query.where.params());
        Map<String, Object> out = query.connection(rows, limit, signature);
        if (count) {
            out.put("totalCount", ((Number) reader.query(query.count(), query.where.params()).get(0).get("count")).intValue());
        }
        return out;
    }

    /** The document's own lines, read from the one or two stored chunks that hold them. */
    @SchemaMapping(typeName = "Document", field = "source")
    List<Map<String, Object>> source(Map<String, Object> document, @Argument int fromLine, @Argument int toLine) {
        if (fromLine < 1 || toLine < fromLine || toLine - fromLine >= MAX_SOURCE_LINES) {
            throw ApiException.badInput("source takes 1 <= fromLine <= toLine and at most " + MAX_SOURCE_LINES
                    + " lines at once; got " + fromLine + ".." + toLine);
        }
        return documentSource.lines((String) document.get("name"), fromLine, toLine);
    }
}
