package org.perfgraph.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.perfgraph.explore.NodeSpec.Field;
import org.perfgraph.support.ApiException;
import org.perfgraph.support.Connection;
import org.perfgraph.support.PageCursor;

/**
 * One page of a list as a Cypher statement: filter, sort keys computed once per matching node, the keyset
 * condition of the cursor (never SKIP), ORDER BY with the id as the final tiebreak, LIMIT first+1 (the extra row
 * only says whether a next page exists). Plus the count statement for totalCount, with the same filter. A root list
 * pages every node of its kind; a child list ({@link ChildList}: a project's targets) pages the linked nodes of a
 * whole batch of parents in one statement, each parent's page in its own subquery. Rows become a {@link Connection}
 * here, so every list's cursors and pageInfo are built the same way.
 */
final class ListQuery {

    /** One sort key: its expression, direction, and whether it can be missing (null). */
    record Key(String name, String expr, boolean descending, boolean nullable) {
        /** A plain property that is never null: a range condition on it can seek an index. */
        boolean seekable() {
            return !nullable && expr.matches("n\\.\\w+");
        }
    }

    final NodeSpec spec;
    final List<Key> keys;
    final WhereTranslator where;
    private final String predicate;

    ListQuery(NodeSpec spec, Map<String, Object> filter, List<Map<String, Object>> orderBy) {
        this(spec, keys(spec, orderBy == null || orderBy.isEmpty() ? spec.defaultOrder : orderBy), filter);
    }

    /** A list under explicit sort keys (a child list's default order is its own). */
    ListQuery(NodeSpec spec, List<Key> keys, Map<String, Object> filter) {
        this(spec, keys, filter, new WhereTranslator());
    }

    /**
     * A list inside a larger statement (a child list read ahead in its root field's statement): its filter's
     * parameters join the statement's, numbered by the one translator, so no two levels share a name.
     */
    ListQuery(NodeSpec spec, List<Key> keys, Map<String, Object> filter, WhereTranslator where) {
        this.spec = spec;
        this.keys = keys;
        this.where = where;
        this.predicate = where.predicate(spec, "n", filter);
    }

    static List<Key> keys(NodeSpec spec, List<Map<String, Object>> orderBy) {
        List<Key> keys = new ArrayList<>();
        for (Map<String, Object> element : orderBy) {
            List<Map.Entry<String, Object>> set = element.entrySet().stream().filter(e -> e.getValue() != null).toList();
            if (set.size() != 1) {
                throw ApiException.badInput("each orderBy element names exactly one field, e.g. [{projectCount: DESC}, {name: ASC}]; got " + element.keySet());
            }
            String name = set.get(0).getKey();
            Field field = spec.sorts.get(name);
            if (field == null) {
                throw ApiException.badInput("'" + name + "' is not a sort key of " + spec.type);
            }
            keys.add(new Key(name, field.on("n"), "DESC".equals(set.get(0).getValue().toString()), field.nullable()));
            if (name.equals("id")) {
                return keys; // unique: nothing after it can break a tie, and it replaces the tiebreak
            }
        }
        keys.add(new Key("id", "n.id", false, false));
        return keys;
    }

    /** Ties the cursor to this ordering, so a cursor from another ordering is refused rather than misread. */
    String signature() {
        StringBuilder sb = new StringBuilder(spec.type);
        for (Key k : keys) {
            sb.append(',').append(k.name()).append(k.descending() ? "-" : "+");
        }
        return sb.toString();
    }

    /** The page statement; {@code after} values (one per key) come from the cursor. */
    String page(List<Object> after, int limit) {
        StringBuilder cypher = matchPage(after);
        cypher.append("\nRETURN n AS node");
        for (int i = 0; i < keys.size(); i++) {
            cypher.append(", s").append(i);
        }
        cypher.append("\nORDER BY ").append(order());
        cypher.append("\nLIMIT ").append(where.param((long) limit + 1));
        return cypher.toString();
    }

    /**
     * The page of {@link #page} with the fields {@code level} reads ahead for its nodes and, when {@code count}, the
     * count of {@link #count}: one statement, one row of {@code rows} (each {@code {node, s: [sort values], f..}}
     * in list order) and {@code total}. The answers are read for the page's rows only, after the LIMIT.
     */
    String pageReadingAhead(List<Object> after, int limit, ReadAheadLevel level, boolean count) {
        StringBuilder cypher = matchPage(after);
        cypher.append("\nWITH n, ").append(sortColumns()).append(" ORDER BY ").append(order())
                .append(" LIMIT ").append(where.param((long) limit + 1));
        appendReadAhead(cypher, level);
        cypher.append("\nWITH collect({node: ").append(level.node()).append(", s: [").append(sortColumns()).append(']').append(level.entries())
                .append("}) AS rows");
        if (count) {
            cypher.append("\nCALL () {\n  ").append(count().replace("\n", "\n  ")).append("\n}\nRETURN rows, count AS total");
        } else {
            cypher.append("\nRETURN rows");
        }
        return cypher.toString();
    }

    /** The filtered nodes with their sort values ({@code s0, s1 ...}) after the cursor, not yet ordered. */
    private StringBuilder matchPage(List<Object> after) {
        StringBuilder cypher = new StringBuilder("MATCH (n:").append(spec.label).append(")\nWHERE ").append(predicate);
        if (after != null && keys.get(0).seekable()) {
            // Redundant with the keyset condition below, but on the node itself, so an index on the first sort key
            // can seek to the cursor instead of scanning every node before it.
            cypher.append(" AND ").append(keys.get(0).expr()).append(keys.get(0).descending() ? " <= " : " >= ")
                    .append(where.param(after.get(0)));
        } else if (keys.get(0).seekable()) {
            // Always true (the key is never null), but it lets the planner read the first page in index order.
            cypher.append(" AND ").append(keys.get(0).expr()).append(" IS NOT NULL");
        }
        cypher.append("\nWITH n");
        for (int i = 0; i < keys.size(); i++) {
            cypher.append(", ").append(keys.get(i).expr()).append(" AS s").append(i);
        }
        if (after != null) {
            cypher.append("\nWHERE ").append(keyset(after, 0));
        }
        return cypher;
    }

    /**
     * The subqueries of the fields read ahead for the page's nodes, then the page ordered again: rows pass through
     * the subqueries in order in practice, but only an ORDER BY promises it (a page is small, sorting it is cheap).
     */
    private void appendReadAhead(StringBuilder cypher, ReadAheadLevel level) {
        if (level.columns().isEmpty()) {
            return;
        }
        cypher.append('\n').append(level.calls());
        cypher.append("\nWITH n, ").append(sortColumns());
        for (String column : level.columns()) {
            cypher.append(", ").append(column);
        }
        cypher.append(" ORDER BY ").append(order());
    }

    private String sortColumns() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            sb.append(i > 0 ? ", " : "").append('s').append(i);
        }
        return sb.toString();
    }

    private String order() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            sb.append(i > 0 ? ", " : "").append('s').append(i).append(keys.get(i).descending() ? " DESC" : " ASC");
        }
        return sb.toString();
    }

    String count() {
        return "MATCH (n:" + spec.label + ")\nWHERE " + predicate + "\nRETURN count(n) AS count";
    }

    /**
     * The child list of every parent in {@code $ids}, one row per parent: {@code key} (the parent's id) and
     * {@code rows} (its page in list order; each {@code {node, s}} with the sort values when {@code cursors}, else
     * the bare node), plus {@code total} (its count under the filter) when {@code count}. {@code limit} null reads
     * every linked node (a child list without {@code first}); otherwise limit rows per parent, one more for a
     * connection ({@code cursors}). For the list of an analytics answer each of {@code $ids} is the answer's list
     * of node ids ({@link ChildList#members}), and that list is the parent.
     */
    String children(ChildList list, List<Object> after, Integer limit, boolean cursors, boolean count, boolean filtered) {
        StringBuilder cypher = new StringBuilder("UNWIND $ids AS pid\n");
        if (list.members() == null) {
            cypher.append("MATCH (parent:").append(list.parentType()).append(" {id: pid})\n");
        } else {
            cypher.append("WITH pid, pid AS parent\n");
        }
        appendChildRows(cypher, list, after, limit, cursors, null);
        if (count && (filtered || list.count() == null)) {
            appendChildCount(cypher, list);
            cypher.append("RETURN pid AS key, rows, total");
        } else if (count) {
            // Without a filter the count is the stored count or a degree: no second traversal.
            cypher.append("RETURN pid AS key, rows, ").append(list.count()).append(" AS total");
        } else {
            cypher.append("RETURN pid AS key, rows");
        }
        return cypher.toString();
    }

    /**
     * A child list of the enclosing level's node {@code n} read ahead inside its root field's statement: the rows
     * of {@link #children} for that one parent, each {@code {node, s, f..}} with the fields {@code below} reads
     * ahead for it, bound to {@code column} ({@code rows} for a list, {@code {rows, total}} for a connection). The
     * subquery sees only {@code n}, renamed {@code parent} so that the list's own match binds {@code n} again.
     */
    String childReadingAhead(ChildList list, ChildLists.Request request, ReadAheadLevel below, String column) {
        boolean filtered = request.where() != null && !request.where().isEmpty();
        StringBuilder cypher = new StringBuilder("CALL (n) {\nWITH n AS parent\n");
        appendChildRows(cypher, list, request.after(), request.limit(), request.connection(), below);
        if (!request.connection()) {
            cypher.append("RETURN rows AS ").append(column);
        } else if (request.count() && (filtered || list.count() == null)) {
            appendChildCount(cypher, list);
            cypher.append("RETURN {rows: rows, total: total} AS ").append(column);
        } else if (request.count()) {
            cypher.append("RETURN {rows: rows, total: ").append(list.count()).append("} AS ").append(column);
        } else {
            cypher.append("RETURN {rows: rows} AS ").append(column);
        }
        return cypher.append("\n}").toString();
    }

    /**
     * {@code rows}: the page of {@code parent}'s list in list order. Each row is {@code {node, s}} with the sort
     * values when {@code cursors}, plus the answers of {@code below} when reading ahead; the bare node otherwise.
     * {@code limit} null reads every linked node; else that many, one more for a connection ({@code cursors}).
     */
    private void appendChildRows(StringBuilder cypher, ChildList list, List<Object> after, Integer limit, boolean cursors,
                                 ReadAheadLevel below) {
        cypher.append("CALL (parent) {\n  ").append(list.match()).append("\n  WHERE ").append(predicate)
                .append("\n  WITH n");
        for (int i = 0; i < keys.size(); i++) {
            cypher.append(", ").append(keys.get(i).expr()).append(" AS s").append(i);
        }
        if (after != null) {
            cypher.append("\n  WHERE ").append(keyset(after, 0));
        }
        cypher.append("\n  WITH n, ").append(sortColumns()).append(" ORDER BY ").append(order());
        if (limit != null) {
            // A connection reads one row more than it shows (whether a next page exists); a list exactly its first.
            cypher.append(" LIMIT ").append(where.param((long) limit + (cursors ? 1 : 0)));
        }
        if (below != null) {
            appendReadAhead(cypher, below);
        }
        cypher.append("\n  RETURN collect(");
        if (below == null && !cursors) {
            cypher.append('n');
        } else {
            cypher.append("{node: ").append(below == null ? "n" : below.node());
            if (cursors) {
                cypher.append(", s: [").append(sortColumns()).append(']');
            }
            cypher.append(below == null ? "" : below.entries()).append('}');
        }
        cypher.append(") AS rows\n}\n");
    }

    private void appendChildCount(StringBuilder cypher, ChildList list) {
        cypher.append("CALL (parent) {\n  ").append(list.match()).append("\n  WHERE ").append(predicate)
                .append("\n  RETURN count(n) AS total\n}\n");
    }

    /** The page of a connection from rows carrying their node ({@code node}) and sort values ({@code s0, s1 ...}). */
    @SuppressWarnings("unchecked")
    Map<String, Object> connection(List<Map<String, Object>> rows, int limit, String signature) {
        return connection(rows, limit, signature, row -> (Map<String, Object>) row.get("node"));
    }

    /** The same, the node a row shows made by {@code node} (with the answers read ahead for it). */
    Map<String, Object> connection(List<Map<String, Object>> rows, int limit, String signature,
                                   java.util.function.Function<Map<String, Object>, Map<String, Object>> node) {
        return Connection.of(rows, limit, row -> {
            Object packed = row.get("s");
            List<Object> sortValues = new ArrayList<>();
            if (packed instanceof List<?> values) {
                sortValues.addAll(values);
            } else {
                for (int i = 0; i < keys.size(); i++) {
                    sortValues.add(row.get("s" + i));
                }
            }
            return PageCursor.encode(signature, sortValues);
        }, node);
    }

    /**
     * Rows strictly after the cursor in (s0, s1, ... id) order. Cypher sorts null last ascending and first
     * descending; whether the cursor's value is null is known here, so the fragment chosen matches (values
     * themselves are parameters).
     */
    private String keyset(List<Object> after, int i) {
        Key key = keys.get(i);
        String s = "s" + i;
        Object v = after.get(i);
        String beyond;
        String equal;
        if (v == null) {
            beyond = key.descending() ? s + " IS NOT NULL" : "false";
            equal = s + " IS NULL";
        } else {
            String p = where.param(v);
            beyond = key.descending() || !key.nullable() ? s + (key.descending() ? " < " : " > ") + p
                    : "(" + s + " > " + p + " OR " + s + " IS NULL)";
            equal = s + " = " + p;
        }
        if (i == keys.size() - 1) {
            return beyond;
        }
        return "(" + beyond + " OR (" + equal + " AND " + keyset(after, i + 1) + "))";
    }
}
