package org.perfgraph.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

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

    /**
     * A page of a list held in memory (an analytics answer's rows, a comparison's pairs), a cursor being a row's
     * position in the whole list: the rows of {@code positions} (ascending; a filter may have left some out) after
     * the cursor's, at most {@code limit}, with {@code totalCount} the number of positions.
     *
     * @param positions the positions the page may show, ascending
     * @param list      the list's name, which its cursors carry (a cursor of another list is refused)
     * @param after     a cursor of this list, or null for the first page
     * @param node      the node shown at a position
     */
    public static Map<String, Object> byPosition(List<Integer> positions, String list, int limit, String after,
                                                 IntFunction<?> node) {
        long afterPosition = -1;
        if (after != null) {
            if (!(PageCursor.decode(after, list, 1).get(0) instanceof Long position) || position < 0) {
                throw ApiException.badInput("'after' is not a cursor of " + list);
            }
            afterPosition = position;
        }
        List<Map<String, Object>> edges = new ArrayList<>();
        boolean more = false;
        for (int position : positions) {
            if (position <= afterPosition) {
                continue;
            }
            if (edges.size() == limit) {
                more = true;
                break;
            }
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("cursor", PageCursor.encode(list, List.of((long) position)));
            edge.put("node", node.apply(position));
            edges.add(edge);
        }
        Map<String, Object> out = of(edges, more);
        out.put("totalCount", positions.size());
        return out;
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
