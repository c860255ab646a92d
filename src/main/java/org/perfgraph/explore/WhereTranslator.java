package org.perfgraph.explore;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.perfgraph.explore.NodeSpec.Field;
import org.perfgraph.explore.NodeSpec.Link;
import org.perfgraph.support.ApiException;

/**
 * Translates a GraphQL {@code *Where} input into a Cypher predicate. It emits only fixed fragments from
 * {@link Specs} and operator templates; every value the client sent becomes a parameter ({@code $p0, $p1 ...}).
 * Keys are looked up in the whitelist, never copied into the statement.
 *
 * <p>Predicates use two-valued logic: a comparison on a missing property is false (not null), so {@code NOT} and
 * {@code all} mean what they say (a target without a value kind is not QUALITATIVE, and NOT of that is true).
 */
final class WhereTranslator {

    private final Map<String, Object> params = new HashMap<>();
    private int nextParam;
    private int nextVar;

    Map<String, Object> params() {
        return params;
    }

    /** Adds a parameter and returns its reference ({@code $p3}). */
    String param(Object value) {
        String name = "p" + nextParam++;
        params.put(name, value);
        return "$" + name;
    }

    /** The predicate for {@code where} on the node bound to {@code var}; {@code true} for no filter. */
    String predicate(NodeSpec spec, String var, Map<String, Object> where) {
        if (where == null || where.isEmpty()) {
            return "true";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : where.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (value == null) {
                continue; // an explicit null operand means "no condition", as if omitted
            }
            switch (key) {
                case "AND" -> parts.add(junction(spec, var, list(value), " AND ", "true"));
                case "OR" -> parts.add(junction(spec, var, list(value), " OR ", "false"));
                case "NOT" -> parts.add("NOT (" + predicate(spec, var, map(value)) + ")");
                default -> parts.add(member(spec, var, key, value));
            }
        }
        return parts.isEmpty() ? "true" : parts.size() == 1 ? parts.get(0) : "(" + String.join(" AND ", parts) + ")";
    }

    private String junction(NodeSpec spec, String var, List<Object> items, String op, String empty) {
        if (items.isEmpty()) {
            return empty;
        }
        List<String> parts = new ArrayList<>();
        for (Object item : items) {
            parts.add(predicate(spec, var, map(item)));
        }
        return "(" + String.join(op, parts) + ")";
    }

    private String member(NodeSpec spec, String var, String key, Object value) {
        Field field = spec.fields.get(key);
        if (field != null) {
            return operators(field, field.on(var), map(value));
        }
        NodeSpec embedded = spec.embedded.get(key);
        if (embedded != null) {
            return predicate(embedded, var, map(value));
        }
        Link link = spec.links.get(key);
        if (link != null) {
            return link(link, var, map(value));
        }
        // GraphQL validation stops unknown input fields before they get here; this guards the whitelist itself.
        throw ApiException.badInput("'" + key + "' is not a filter of " + spec.type);
    }

    private String link(Link link, String var, Map<String, Object> value) {
        NodeSpec target = Specs.of(link.target());
        String m = "m" + nextVar++;
        String pattern = link.on(var, m);
        if (!link.many()) {
            return "EXISTS { MATCH " + pattern + " WHERE " + predicate(target, m, value) + " }";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> q : value.entrySet()) {
            if (q.getValue() == null) {
                continue;
            }
            String inner = predicate(target, m, map(q.getValue()));
            parts.add(switch (q.getKey()) {
                case "some" -> "EXISTS { MATCH " + pattern + " WHERE " + inner + " }";
                case "none" -> "NOT EXISTS { MATCH " + pattern + " WHERE " + inner + " }";
                // Vacuously true without any linked node, as in logic (and in the Neo4j GraphQL Library).
                case "all" -> "NOT EXISTS { MATCH " + pattern + " WHERE NOT (" + inner + ") }";
                default -> throw ApiException.badInput("'" + q.getKey() + "' is not a quantifier (some, none, all)");
            });
        }
        return parts.isEmpty() ? "true" : "(" + String.join(" AND ", parts) + ")";
    }

    private String operators(Field field, String expr, Map<String, Object> ops) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> op : ops.entrySet()) {
            Object v = op.getValue();
            if (v == null) {
                continue;
            }
            String name = op.getKey();
            if (name.equals("isNull")) {
                parts.add(expr + (Boolean.TRUE.equals(v) ? " IS NULL" : " IS NOT NULL"));
                continue;
            }
            String comparison = switch (name) {
                case "eq" -> expr + " = " + param(operand(field, v));
                case "ne" -> expr + " <> " + param(operand(field, v));
                case "in" -> expr + " IN " + param(list(v).stream().map(x -> operand(field, x)).toList());
                case "gt" -> expr + " > " + param(operand(field, v));
                case "gte" -> expr + " >= " + param(operand(field, v));
                case "lt" -> expr + " < " + param(operand(field, v));
                case "lte" -> expr + " <= " + param(operand(field, v));
                case "contains" -> expr + " CONTAINS " + param(v.toString());
                case "startsWith" -> expr + " STARTS WITH " + param(v.toString());
                case "endsWith" -> expr + " ENDS WITH " + param(v.toString());
                default -> throw ApiException.badInput("'" + name + "' is not an operator of " + field.name());
            };
            // The guard keeps the comparison two-valued (false, not null, on a missing property) and still lets
            // the planner use an index for the comparison itself.
            parts.add(field.nullable() ? "(" + expr + " IS NOT NULL AND " + comparison + ")" : comparison);
        }
        return parts.isEmpty() ? "true" : parts.size() == 1 ? parts.get(0) : "(" + String.join(" AND ", parts) + ")";
    }

    /** A client value as the stored property compares: money in fen, decimals as doubles, ints as longs. */
    static Object operand(Field field, Object v) {
        return switch (field.operand()) {
            case MONEY -> cents(decimal(v));
            case FLOAT -> decimal(v).doubleValue();
            case INT -> ((Number) v).longValue();
            default -> v instanceof Enum<?> e ? e.name() : v;
        };
    }

    /** Yuan to fen: a whole number where exact (every stored amount is), else a fractional fen that still orders right. */
    static Object cents(BigDecimal yuan) {
        BigDecimal fen = yuan.movePointRight(2);
        try {
            return fen.longValueExact();
        } catch (ArithmeticException e) {
            return fen.doubleValue();
        }
    }

    private static BigDecimal decimal(Object v) {
        return v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw ApiException.badInput("expected an input object, got " + value);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of(value);
    }
}
