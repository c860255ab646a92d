package org.perfgraph.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.perfgraph.support.ApiException;
import org.perfgraph.support.GraphReader;

/**
 * The root lists for a whole-list reader (the spreadsheet export): the same filter, ordering and keyset statements
 * as the GraphQL fields ({@link ListQuery}, {@link Specs}, {@link WhereTranslator}), read page after page until the
 * list ends, so a caller sees every row of the filtered list in list order without holding it all.
 */
public final class ListExport {

    /** GraphQL root list → the node kind it lists. */
    private static final Map<String, NodeSpec> LISTS = Map.of(
            "units", Specs.UNIT, "projects", Specs.PROJECT, "targets", Specs.TARGET, "indicators", Specs.INDICATOR,
            "categories", Specs.CATEGORY, "texts", Specs.TEXT, "documents", Specs.DOCUMENT);

    private final NodeSpec spec;
    private final Map<String, Object> where;
    private final List<Map<String, Object>> orderBy;

    private ListExport(NodeSpec spec, Map<String, Object> where, List<Map<String, Object>> orderBy) {
        this.spec = spec;
        this.where = where;
        this.orderBy = orderBy;
    }

    /** Whether {@code list} is a root list (units, projects, targets, indicators, categories, texts, documents). */
    public static boolean isList(String list) {
        return LISTS.containsKey(list);
    }

    /**
     * The list with its arguments, checked now: a bad {@code orderBy} or {@code where} is refused with
     * BAD_USER_INPUT whose message starts with the argument's name.
     */
    public static ListExport of(String list, Map<String, Object> where, List<Map<String, Object>> orderBy) {
        NodeSpec spec = LISTS.get(list);
        if (spec == null) {
            throw ApiException.badInput("'" + list + "' is not a root list; one of " + LISTS.keySet());
        }
        try {
            ListQuery.keys(spec, orderBy == null || orderBy.isEmpty() ? spec.defaultOrder : orderBy);
        } catch (ApiException e) {
            throw ApiException.badInput("orderBy: " + e.getMessage());
        }
        try {
            new WhereTranslator().predicate(spec, "n", where);
        } catch (ApiException e) {
            throw ApiException.badInput("where: " + e.getMessage());
        } catch (RuntimeException e) {
            // a value of the wrong shape (a string where a list or an object belongs) is the caller's input too
            throw ApiException.badInput("where: not a " + spec.type + "Where: " + e.getMessage());
        }
        return new ListExport(spec, where, orderBy);
    }

    /** Rows of the filtered list (one statement, the filter of {@code totalCount}). */
    public long count(GraphReader reader) {
        ListQuery query = new ListQuery(spec, where, orderBy);
        return ((Number) reader.query(query.count(), query.where.params()).get(0).get("count")).longValue();
    }

    /**
     * Reads the whole list in keyset pages of {@code pageSize} and hands each page's nodes, in list order, to
     * {@code page}; one statement per page, each starting after the last row of the one before.
     */
    @SuppressWarnings("unchecked")
    public void forEachPage(GraphReader reader, int pageSize, Consumer<List<Map<String, Object>>> page) {
        List<Object> after = null;
        while (true) {
            ListQuery query = new ListQuery(spec, where, orderBy);
            List<Map<String, Object>> rows = reader.query(query.page(after, pageSize), query.where.params());
            int shown = Math.min(pageSize, rows.size());
            List<Map<String, Object>> nodes = new ArrayList<>(shown);
            for (int r = 0; r < shown; r++) {
                nodes.add((Map<String, Object>) rows.get(r).get("node"));
            }
            if (!nodes.isEmpty()) {
                page.accept(nodes);
            }
            if (rows.size() <= pageSize) {
                return;
            }
            Map<String, Object> last = rows.get(shown - 1);
            after = new ArrayList<>();
            for (int i = 0; i < query.keys.size(); i++) {
                after.add(last.get("s" + i));
            }
        }
    }
}
