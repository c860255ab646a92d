package org.perfgraph.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.perfgraph.explore.NodeSpec.Field;
import org.perfgraph.support.ApiException;

/**
 * One page of a root list as a Cypher statement: filter, sort keys computed once per matching node, the keyset
 * condition of the cursor (never SKIP), ORDER BY with the id as the final tiebreak, LIMIT first+1 (the extra row
 * only says whether a next page exists). Plus the count statement for totalCount, with the same filter.
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
        this.spec = spec;
        this.keys = keys(spec, orderBy == null || orderBy.isEmpty() ? spec.defaultOrder : orderBy);
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
