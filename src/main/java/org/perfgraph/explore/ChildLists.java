package org.perfgraph.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import org.perfgraph.explore.ListQuery.Key;
import org.perfgraph.support.GraphReader;
import org.perfgraph.support.PageCursor;
import org.perfgraph.support.PerfgraphProperties;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every child list ({@link ChildList#ALL}), of a node or of an analytics answer, as two fields of its parent type:
 * the list ({@code targets(where, orderBy, first)}, every linked node without {@code first}) and its connection
 * ({@code targetsConnection(where, orderBy, first, after)} with totalCount, edges and pageInfo). Both are loaded
 * per level: the parents of one level asking the same list with the same arguments cost one statement
 * ({@link ListQuery#children}), whatever their number. Arguments are checked when the field is fetched, so a bad
 * cursor or page size is that field's error.
 */
@Component
class ChildLists implements RuntimeWiringConfigurer {

    static final String LOADER = "explore.childLists";

    /** What one field asks: the same request for many parents is one statement. */
    record Request(ChildList list, Map<String, Object> where, List<Key> keys, Integer limit, List<Object> after,
                   boolean connection, boolean count) {
    }

    /** One parent's share of a request. */
    record Load(Request request, Object parentId) {
    }

    private final GraphReader reader;
    private final PerfgraphProperties properties;

    ChildLists(GraphReader reader, PerfgraphProperties properties, BatchLoaderRegistry registry) {
        this.reader = reader;
        this.properties = properties;
        registry.forTypePair(Load.class, Object.class).withName(LOADER)
                .registerMappedBatchLoader((loads, env) -> Mono.fromCallable(() -> load(loads)));
    }

    @Override
    public void configure(graphql.schema.idl.RuntimeWiring.Builder wiring) {
        for (ChildList list : ChildList.ALL) {
            wiring.type(list.parentType(), type -> type
                    .dataFetcher(list.field(), fetcher(list, false))
                    .dataFetcher(list.connectionField(), fetcher(list, true)));
        }
    }

    private DataFetcher<Object> fetcher(ChildList list, boolean connection) {
        return env -> {
            Map<String, Object> parent = env.getSource();
            Request request = request(list, env.getArguments(), connection,
                    connection && env.getSelectionSet().contains("totalCount"), properties);
            // an analytics answer is no node: its list of ids is the parent (the same ids, the same answer)
            Object key = list.members() == null ? parent.get("id")
                    : List.copyOf((List<?>) parent.getOrDefault(list.members(), List.of()));
            return env.getDataLoader(LOADER).load(new Load(request, key));
        };
    }

    /**
     * What a child list field asks, from its arguments: the one reading of them, for the loader and for a statement
     * that reads the list ahead ({@link ReadAheadLevel}), so both answer the same rows and cursors.
     *
     * @throws org.perfgraph.support.ApiException BAD_USER_INPUT for a bad cursor or page size
     */
    @SuppressWarnings("unchecked")
    static Request request(ChildList list, Map<String, Object> args, boolean connection, boolean count,
                           PerfgraphProperties properties) {
        Integer first = (Integer) args.get("first");
        // A list without 'first' is whole (nothing silently cut); a connection pages (first defaults to 20).
        Integer limit = connection || first != null ? properties.pageSize(first) : null;
        List<Key> keys = list.keys((List<Map<String, Object>>) args.get("orderBy"));
        String after = connection ? (String) args.get("after") : null;
        List<Object> afterKeys = after == null ? null : PageCursor.decode(after, list.signature(keys), keys.size());
        return new Request(list, (Map<String, Object>) args.get("where"), keys, limit, afterKeys, connection, count);
    }

    /** One statement per distinct request among the loads of a level. */
    private Map<Load, Object> load(Set<Load> loads) {
        Map<Request, Set<Object>> byRequest = new LinkedHashMap<>();
        for (Load load : loads) {
            byRequest.computeIfAbsent(load.request(), r -> new LinkedHashSet<>()).add(load.parentId());
        }
        Map<Load, Object> out = new HashMap<>();
        byRequest.forEach((request, parentIds) -> {
            Map<Object, Object> answers = run(request, new ArrayList<>(parentIds));
            for (Object parentId : parentIds) {
                out.put(new Load(request, parentId), answers.get(parentId));
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> run(Request request, List<Object> parentIds) {
        ChildList list = request.list();
        ListQuery query = new ListQuery(list.spec(), request.keys(), request.where());
        boolean filtered = request.where() != null && !request.where().isEmpty();
        String cypher = query.children(list, request.after(), request.limit(), request.connection(), request.count(), filtered);
        Map<String, Object> params = new HashMap<>(query.where.params());
        params.put("ids", parentIds);
        Map<Object, Object> answers = new HashMap<>();
        for (Map<String, Object> row : reader.query(cypher, params)) {
            List<Map<String, Object>> rows = (List<Map<String, Object>>) row.get("rows");
            if (!request.connection()) {
                answers.put(row.get("key"), rows);
                continue;
            }
            Map<String, Object> page = query.connection(rows, request.limit(), list.signature(request.keys()));
            if (request.count()) {
                page.put("totalCount", ((Number) row.get("total")).intValue());
            }
            answers.put(row.get("key"), page);
        }
        for (Object parentId : parentIds) {
            // A parent removed between the levels of a request has no row: an empty list, not an error.
            answers.computeIfAbsent(parentId, id -> request.connection()
                    ? query.connection(List.of(), request.limit(), list.signature(request.keys())) : List.of());
        }
        return answers;
    }
}
