package org.perfgraph.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one way a paged list is answered: {@code edges {cursor node}}, {@code pageInfo {hasNextPage endCursor}} and,
 * where the caller counted, {@code totalCount}. Lists read one row more than they show; that row says whether a
 * next page exists and is dropped.
 */
public final class Connection {

    private Connection() {
    }

    /**
     * A page from rows read with a limit of {@code limit + 1}.
     *
     * @param rows   up to limit + 1 rows in list order
     * @param limit  the page size
     * @param cursor the cursor of a row
     * @param node   the node a row shows
     */
    public static Map<String, Object> of(List<Map<String, Object>> rows, int limit,
                                         Function<Map<String, Object>, String> cursor,
                                         Function<Map<String, Object>, Map<String, Object>> node) {
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Map<String, Object> row : rows.subList(0, Math.min(limit, rows.size()))) {
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("cursor", cursor.apply(row));
            edge.put("node", node.apply(row));
            edges.add(edge);
        }
        return of(edges, rows.size() > limit);
    }

    /** A page from its edges ({cursor, node}) and whether more follow. */
    public static Map<String, Object> of(List<Map<String, Object>> edges, boolean hasNext) {
        Map<String, Object> pageInfo = new HashMap<>();
        pageInfo.put("hasNextPage", hasNext);
        pageInfo.put("endCursor", edges.isEmpty() ? null : edges.get(edges.size() - 1).get("cursor"));
        Map<String, Object> out = new HashMap<>();
        out.put("edges", edges);
        out.put("pageInfo", pageInfo);
        return out;
    }
}
