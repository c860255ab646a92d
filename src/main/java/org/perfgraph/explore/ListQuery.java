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
    final WhereTranslator where = new WhereTranslator();
    private final String predicate;

    ListQuery(NodeSpec spec, Map<String, Object> filter, List<Map<String, Object>> orderBy) {
        this(spec, keys(spec, orderBy == null || orderBy.isEmpty() ? spec.defaultOrder : orderBy), filter);
    }

    /** A list under explicit sort keys (a child list's default order is its own). */
    ListQuery(NodeSpec spec, List<Key> keys, Map<String, Object> filter) {
        this.spec = spec;
        this.keys = keys;
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
        cypher.append("\nRETURN n AS node");
        for (int i = 0; i < keys.size(); i++) {
            cypher.append(", s").append(i);
        }
        cypher.append("\nORDER BY ");
        for (int i = 0; i < keys.size(); i++) {
            cypher.append(i > 0 ? ", " : "").append('s').append(i).append(keys.get(i).descending() ? " DESC" : " ASC");
        }
        cypher.append("\nLIMIT ").append(where.param((long) limit + 1));
        return cypher.toString();
    }

    String count() {
        return "MATCH (n:" + spec.label + ")\nWHERE " + predicate + "\nRETURN count(n) AS count";
    }

    /**
     * The child list of every parent in {@code $ids}, one row per parent: {@code key} (the parent's id) and
     * {@code rows} (its page in list order; each {@code {node, s}} with the sort values when {@code cursors}, else
     * the bare node), plus {@code total} (its count under the filter) when {@code count}. {@code limit} null reads
     * every linked node (a child list without {@code first}); otherwise limit rows per parent, one more for a
     * connection ({@code cursors}).
     */
    String children(ChildList list, List<Object> after, Integer limit, boolean cursors, boolean count, boolean filtered) {
        StringBuilder cypher = new StringBuilder("UNWIND $ids AS pid\nMATCH (parent:").append(list.parentType())
                .append(" {id: pid})\nCALL (parent) {\n  ").append(list.match()).append("\n  WHERE ").append(predicate)
                .append("\n  WITH n");
        for (int i = 0; i < keys.size(); i++) {
            cypher.append(", ").append(keys.get(i).expr()).append(" AS s").append(i);
        }
        if (after != null) {
            cypher.append("\n  WHERE ").append(keyset(after, 0));
        }
        cypher.append("\n  WITH n");
        for (int i = 0; i < keys.size(); i++) {
            cypher.append(", s").append(i);
        }
        cypher.append(" ORDER BY ");
        for (int i = 0; i < keys.size(); i++) {
            cypher.append(i > 0 ? ", " : "").append('s').append(i).append(keys.get(i).descending() ? " DESC" : " ASC");
        }
        if (limit != null) {
            // A connection reads one row more than it shows (whether a next page exists); a list exactly its first.
            cypher.append(" LIMIT ").append(where.param((long) limit + (cursors ? 1 : 0)));
        }
        cypher.append("\n  RETURN collect(");
        if (cursors) {
            cypher.append("{node: n, s: [");
            for (int i = 0; i < keys.size(); i++) {
                cypher.append(i > 0 ? ", " : "").append('s').append(i);
            }
            cypher.append("]}");
        } else {
            cypher.append('n');
        }
        cypher.append(") AS rows\n}\n");
        if (count && (filtered || list.count() == null)) {
            cypher.append("CALL (parent) {\n  ").append(list.match()).append("\n  WHERE ").append(predicate)
                    .append("\n  RETURN count(n) AS total\n}\nRETURN pid AS key, rows, total");
        } else if (count) {
            // Without a filter the count is the stored count or a degree: no second traversal.
            cypher.append("RETURN pid AS key, rows, ").append(list.count()).append(" AS total");
        } else {
            cypher.append("RETURN pid AS key, rows");
        }
        return cypher.toString();
    }

    /** The page of a connection from rows carrying their node ({@code node}) and sort values ({@code s0, s1 ...}). */
    @SuppressWarnings("unchecked")
    Map<String, Object> connection(List<Map<String, Object>> rows, int limit, String signature) {
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
        }, row -> (Map<String, Object>) row.get("node"));
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
