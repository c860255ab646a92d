package org.perfgraph.explore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

import org.perfgraph.support.ApiException;
import org.perfgraph.support.GraphReader;
import org.perfgraph.support.PerfgraphProperties;
import org.perfgraph.support.ResultCache;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Dashboard aggregates: GROUP BY over filtered targets and projects, ordered by an aggregate if asked. One
 * statement per aggregate field. Money is summed in fen (integers) and returned in yuan as BigDecimal: exact.
 */
@Controller
class StatsController {

    /**
     * A grouping dimension: the extra pattern it needs (may be empty), its key expression, its sort expression, and
     * the same sort computed in Java from the key (the value, or the key node's map) for groups added up from
     * {@link StatsCubes}.
     */
    private record Dimension(String keyName, String match, String key, String sort, Function<Object, Object> sortValue) {
        /** Whether the key is a node (a unit, document or indicator): an id in the groups kept per document. */
        boolean node() {
            return !key.startsWith("n.");
        }
    }

    private static final Function<Object, Object> VALUE = v -> v;
    private static final Function<Object, Object> UNIT_SORT = n -> concat(prop(n, "region"), prop(n, "name"));
    private static final Function<Object, Object> INDICATOR_SORT = n -> concat(prop(n, "code"), prop(n, "name"));

    private static final Map<String, Dimension> TARGET_DIMENSIONS = Map.of(
            "LEVEL1", new Dimension("level1", "", "n.level1", "{k}", VALUE),
            "LEVEL2", new Dimension("level2", "", "n.level2", "{k}", VALUE),
            "VALUE_KIND", new Dimension("valueKind", "", "n.annualKind", "{k}", VALUE),
            "COMPARATOR", new Dimension("comparator", "", "n.annualComparator", "{k}", VALUE),
            "UNIT", new Dimension("unit", "MATCH (gu:Unit)-[:HAS_PROJECT]->(gp)", "gu", "coalesce({k}.region, '') + {k}.name", UNIT_SORT),
            "DOCUMENT", new Dimension("document", "MATCH (n)-[:SOURCE]->(gd:Document)", "gd", "{k}.name", n -> prop(n, "name")),
            "INDICATOR", new Dimension("indicator", "", "gm", "coalesce({k}.code, '') + {k}.name", INDICATOR_SORT));

    private static final Map<String, Dimension> PROJECT_DIMENSIONS = Map.of(
            "UNIT", new Dimension("unit", "MATCH (gu:Unit)-[:HAS_PROJECT]->(n)", "gu", "coalesce({k}.region, '') + {k}.name", UNIT_SORT),
            "YEAR", new Dimension("year", "", "n.year", "{k}", VALUE),
            "DOCUMENT", new Dimension("document", "MATCH (n)-[:DECLARED_IN]->(gd:Document)", "gd", "{k}.name", n -> prop(n, "name")),
            "NATURE", new Dimension("nature", "", "n.nature", "{k}", VALUE));

    /** TargetStatsOrder: each field (but the key) and the aggregate it sorts by. */
    static final Map<String, String> TARGET_ORDERS = Map.of("count", "count", "distinctProjects", "distinctProjects",
            "distinctIndicators", "distinctIndicators");

    /** ProjectStatsOrder: the average only orders here; its value is computed exactly in Java. */
    static final Map<String, String> PROJECT_ORDERS = Map.of("count", "count", "amountSum", "sumCents",
            "amountMin", "minCents", "amountMax", "maxCents",
            "amountAvg", "CASE withAmount WHEN 0 THEN null ELSE toFloat(sumCents) / withAmount END", "targetCount", "targets");

    /** TARGET_ORDERS in Java, over the rows {@link StatsCubes} adds up. */
    private static final Map<String, Function<Map<String, Object>, Object>> TARGET_JAVA_ORDERS = Map.of(
            "count", r -> r.get("count"), "distinctProjects", r -> r.get("distinctProjects"),
            "distinctIndicators", r -> r.get("distinctIndicators"));

    /** PROJECT_ORDERS in Java. */
    private static final Map<String, Function<Map<String, Object>, Object>> PROJECT_JAVA_ORDERS = Map.of(
            "count", r -> r.get("count"), "amountSum", r -> r.get("sumCents"), "amountMin", r -> r.get("minCents"),
            "amountMax", r -> r.get("maxCents"), "targetCount", r -> r.get("targets"),
            "amountAvg", r -> ((Number) r.get("withAmount")).longValue() == 0 ? null
                    : ((Number) r.get("sumCents")).doubleValue() / ((Number) r.get("withAmount")).longValue());

    private final GraphReader reader;
    private final PerfgraphProperties properties;

    private final ResultCache cache;
    private final StatsCubes cubes;

    StatsController(GraphReader reader, PerfgraphProperties properties, ResultCache cache, StatsCubes cubes) {
        this.reader = reader;
        this.properties = properties;
        this.cache = cache;
        this.cubes = cubes;
    }

    /**
     * Served from the result cache while nothing is written; computed without a filter from the groups kept per
     * document ({@link StatsCubes}: after a write only the documents it changed are read again), with one by the
     * statement over the filtered targets.
     */
    @QueryMapping
    List<Map<String, Object>> targetStats(@Argument Map<String, Object> where, @Argument List<String> groupBy,
                                   @Argument List<Map<String, Object>> orderBy, @Argument Integer first) {
        return cache.get("targetStats|" + where + "|" + groupBy + "|" + orderBy + "|" + first,
                () -> computeTargetStats(where, groupBy, orderBy, first, unfiltered(where)));
    }

    private static boolean unfiltered(Map<String, Object> where) {
        return where == null || where.isEmpty();
    }

    /** @param fromCubes add up the groups kept per document (only without a filter) instead of running the statement */
    List<Map<String, Object>> computeTargetStats(Map<String, Object> where, List<String> groupBy,
                                                  List<Map<String, Object>> orderBy, Integer first, boolean fromCubes) {
        List<Dimension> dims = dimensions(TARGET_DIMENSIONS, groupBy);
        List<Map<String, Object>> rows = fromCubes
                ? ordered(cubes.targetGroups(dims.stream().map(Dimension::keyName).toList()), dims, TARGET_JAVA_ORDERS,
                        orderBy, first)
                : targetRows(where, dims, orderBy, first);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> group = group(row, dims);
            group.put("count", row.get("count"));
            group.put("distinctProjects", row.get("distinctProjects"));
            group.put("distinctIndicators", row.get("distinctIndicators"));
            groups.add(group);
        }
        return groups;
    }

    private List<Map<String, Object>> targetRows(Map<String, Object> where, List<Dimension> dims,
                                                 List<Map<String, Object>> orderBy, Integer first) {
        WhereTranslator translator = new WhereTranslator();
        StringBuilder cypher = new StringBuilder("MATCH (n:Target)\nWHERE ")
                .append(translator.predicate(Specs.TARGET, "n", where))
                .append("\nMATCH (gp:Project)-[:HAS_TARGET]->(n)\nMATCH (n)-[:MEASURES]->(gm:Indicator)");
        Map<String, String> aggregates = new LinkedHashMap<>();
        aggregates.put("count", "count(n)");
        aggregates.put("distinctProjects", "count(DISTINCT gp)");
        aggregates.put("distinctIndicators", "count(DISTINCT gm)");
        return reader.query(grouped(cypher, dims, aggregates, TARGET_ORDERS, orderBy, first, translator), translator.params());
    }

    /** Served as {@link #targetStats}: from the result cache, else without a filter from the groups kept per document. */
    @QueryMapping
    List<Map<String, Object>> projectStats(@Argument Map<String, Object> where, @Argument List<String> groupBy,
                                   @Argument List<Map<String, Object>> orderBy, @Argument Integer first) {
        return cache.get("projectStats|" + where + "|" + groupBy + "|" + orderBy + "|" + first,
                () -> computeProjectStats(where, groupBy, orderBy, first, unfiltered(where)));
    }

    /** @param fromCubes add up the groups kept per document (only without a filter) instead of running the statement */
    List<Map<String, Object>> computeProjectStats(Map<String, Object> where, List<String> groupBy,
                                                  List<Map<String, Object>> orderBy, Integer first, boolean fromCubes) {
        List<Dimension> dims = dimensions(PROJECT_DIMENSIONS, groupBy);
        List<Map<String, Object>> rows = fromCubes
                ? ordered(cubes.projectGroups(dims.stream().map(Dimension::keyName).toList()), dims, PROJECT_JAVA_ORDERS,
                        orderBy, first)
                : projectRows(where, dims, orderBy, first);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> group = group(row, dims);
            long withAmount = ((Number) row.get("withAmount")).longValue();
            group.put("count", row.get("count"));
            group.put("targetCount", row.get("targets"));
            group.put("amountSum", withAmount == 0 ? null : yuan(row.get("sumCents")));
            group.put("amountMin", yuan(row.get("minCents")));
            group.put("amountMax", yuan(row.get("maxCents")));
            group.put("amountAvg", withAmount == 0 ? null : BigDecimal.valueOf(((Number) row.get("sumCents")).longValue(), 2)
                    .divide(BigDecimal.valueOf(withAmount), 2, RoundingMode.HALF_EVEN));
            groups.add(group);
        }
        return groups;
    }

    private List<Map<String, Object>> projectRows(Map<String, Object> where, List<Dimension> dims,
                                                  List<Map<String, Object>> orderBy, Integer first) {
        WhereTranslator translator = new WhereTranslator();
        StringBuilder cypher = new StringBuilder("MATCH (n:Project)\nWHERE ")
                .append(translator.predicate(Specs.PROJECT, "n", where));
        Map<String, String> aggregates = new LinkedHashMap<>();
        aggregates.put("count", "count(n)");
        aggregates.put("withAmount", "count(n.amountCents)");
        aggregates.put("sumCents", "sum(n.amountCents)");
        aggregates.put("minCents", "min(n.amountCents)");
        aggregates.put("maxCents", "max(n.amountCents)");
        aggregates.put("targets", "sum(COUNT { (n)-[:HAS_TARGET]->(:Target) })");
        return reader.query(grouped(cypher, dims, aggregates, PROJECT_ORDERS, orderBy, first, translator), translator.params());
    }

    private static BigDecimal yuan(Object cents) {
        return cents == null ? null : BigDecimal.valueOf(((Number) cents).longValue(), 2);
    }

    private static List<Dimension> dimensions(Map<String, Dimension> known, List<String> groupBy) {
        List<Dimension> dims = new ArrayList<>();
        for (String name : new LinkedHashSet<>(groupBy == null ? List.of() : groupBy)) {
            Dimension d = known.get(name);
            if (d == null) {
                throw ApiException.badInput("cannot group by " + name + " here; one of " + known.keySet());
            }
            dims.add(d);
        }
        return dims;
    }

    /** Appends the dimension patterns, the grouping WITH, ordering (aggregates first if asked, keys as tiebreak) and limit. */
    private String grouped(StringBuilder cypher, List<Dimension> dims, Map<String, String> aggregates,
                           Map<String, String> orderable, List<Map<String, Object>> orderBy, Integer first,
                           WhereTranslator translator) {
        for (Dimension d : dims) {
            if (!d.match().isEmpty()) {
                cypher.append('\n').append(d.match());
            }
        }
        StringJoiner with = new StringJoiner(", ", "\nWITH ", "");
        for (int i = 0; i < dims.size(); i++) {
            with.add(dims.get(i).key() + " AS k" + i);
        }
        aggregates.forEach((name, expr) -> with.add(expr + " AS " + name));
        cypher.append(with);
        StringJoiner ret = new StringJoiner(", ", "\nRETURN ", "");
        for (int i = 0; i < dims.size(); i++) {
            ret.add("k" + i);
        }
        aggregates.keySet().forEach(ret::add);
        cypher.append(ret);

        StringJoiner order = new StringJoiner(", ", "\nORDER BY ", "");
        for (Order o : orders(orderBy, orderable.keySet())) {
            String direction = o.descending() ? " DESC" : " ASC";
            if (o.field().equals("key")) {
                for (int i = 0; i < dims.size(); i++) {
                    order.add(dims.get(i).sort().replace("{k}", "k" + i) + direction);
                }
            } else {
                order.add(orderable.get(o.field()) + direction);
            }
        }
        for (int i = 0; i < dims.size(); i++) {
            order.add(dims.get(i).sort().replace("{k}", "k" + i) + " ASC");
        }
        cypher.append(order);
        if (first != null) {
            cypher.append("\nLIMIT ").append(translator.param((long) properties.pageSize(first)));
        }
        return cypher.toString();
    }

    /** One element of orderBy: a field (an aggregate's or "key") and its direction. */
    private record Order(String field, boolean descending) {
    }

    /** The orderBy elements, checked (count DESC where none is given). */
    private static List<Order> orders(List<Map<String, Object>> orderBy, java.util.Set<String> orderable) {
        List<Map<String, Object>> requested = orderBy == null || orderBy.isEmpty() ? List.of(Map.of("count", "DESC")) : orderBy;
        List<Order> orders = new ArrayList<>();
        for (Map<String, Object> element : requested) {
            List<Map.Entry<String, Object>> set = element.entrySet().stream().filter(e -> e.getValue() != null).toList();
            if (set.size() != 1) {
                throw ApiException.badInput("each orderBy element names exactly one field, e.g. [{count: DESC}]; got " + element.keySet());
            }
            String name = set.get(0).getKey();
            if (!name.equals("key") && !orderable.contains(name)) {
                throw ApiException.badInput("cannot order these groups by " + name);
            }
            orders.add(new Order(name, "DESC".equals(set.get(0).getValue().toString())));
        }
        return orders;
    }

    /**
     * Groups added up in Java put in the order the statement's ORDER BY gives (Cypher's: null after every value
     * ascending, before descending; the keys ascending as tiebreak) and cut at {@code first}; the unit, document and
     * indicator ids of the keys replaced by their nodes, read in one statement. Where the order starts with values the
     * rows hold (aggregates, plain keys) and a page is asked, only the rows that can be on the page (those before the
     * cut and those tied with the last of them on those values) have their nodes read and are sorted in full.
     */
    private List<Map<String, Object>> ordered(List<Map<String, Object>> rows, List<Dimension> dims,
                                              Map<String, Function<Map<String, Object>, Object>> orderable,
                                              List<Map<String, Object>> orderBy, Integer first) {
        List<SortKey> keys = new ArrayList<>();
        List<Order> orders = new ArrayList<>(orders(orderBy, orderable.keySet()));
        orders.add(new Order("key", false));
        for (Order o : orders) {
            if (o.field().equals("key")) {
                for (int i = 0; i < dims.size(); i++) {
                    String column = "k" + i;
                    Function<Object, Object> sort = dims.get(i).sortValue();
                    keys.add(new SortKey(row -> sort.apply(row.get(column)), o.descending(), dims.get(i).node()));
                }
            } else {
                keys.add(new SortKey(orderable.get(o.field()), o.descending(), false));
            }
        }
        Integer limit = first == null ? null : properties.pageSize(first);
        int plain = 0;
        while (plain < keys.size() && !keys.get(plain).needsNode()) {
            plain++;
        }
        if (limit != null && plain > 0 && plain < keys.size() && rows.size() > limit) {
            rows = candidates(rows, keys.subList(0, plain), limit);
        }
        withNodes(rows, dims);
        List<Object[]> sorted = sortValues(rows, keys);
        sorted.sort(comparator(keys.size()));
        List<Map<String, Object>> page = new ArrayList<>(limit == null ? sorted.size() : Math.min(limit, sorted.size()));
        for (Object[] entry : sorted) {
            if (limit != null && page.size() == limit) {
                break;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> row = (Map<String, Object>) entry[keys.size()];
            page.add(row);
        }
        return page;
    }

    /** One sort key: its value in a row, its direction, whether the value needs the key's node (read later). */
    private record SortKey(Function<Map<String, Object>, Object> value, boolean descending, boolean needsNode) {
    }

    /** The rows that can be among the first {@code limit} by {@code keys}: those before the cut, and its ties. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> candidates(List<Map<String, Object>> rows, List<SortKey> keys, int limit) {
        List<Object[]> sorted = sortValues(rows, keys);
        Comparator<Object[]> comparator = comparator(keys.size());
        sorted.sort(comparator);
        Object[] last = sorted.get(limit - 1);
        List<Map<String, Object>> kept = new ArrayList<>();
        for (int i = 0; i < sorted.size() && (i < limit || comparator.compare(sorted.get(i), last) == 0); i++) {
            kept.add((Map<String, Object>) sorted.get(i)[keys.size()]);
        }
        return kept;
    }

    /**
     * Each row's sort values computed once, directions applied (a descending value wrapped to reverse), the row last.
     */
    private static List<Object[]> sortValues(List<Map<String, Object>> rows, List<SortKey> keys) {
        List<Object[]> values = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Object[] entry = new Object[keys.size() + 1];
            for (int i = 0; i < keys.size(); i++) {
                Object v = keys.get(i).value().apply(row);
                entry[i] = keys.get(i).descending() ? new Descending(v) : v;
            }
            entry[keys.size()] = row;
            values.add(entry);
        }
        return values;
    }

    /** A sort value in descending order. */
    private record Descending(Object value) {
    }

    /** Compares the first {@code n} sort values of two entries, each as {@link #compareAsCypher}. */
    private static Comparator<Object[]> comparator(int n) {
        return (a, b) -> {
            for (int i = 0; i < n; i++) {
                int c = a[i] instanceof Descending x ? compareAsCypher(((Descending) b[i]).value(), x.value())
                        : compareAsCypher(a[i], b[i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    /** The unit, document and indicator ids of the rows' keys replaced by their nodes, read in one statement. */
    private void withNodes(List<Map<String, Object>> rows, List<Dimension> dims) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            if (dims.get(i).node()) {
                for (Map<String, Object> row : rows) {
                    if (row.get("k" + i) instanceof String id) {
                        ids.add(id);
                    }
                }
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        Map<Object, Object> nodes = new java.util.HashMap<>();
        for (Map<String, Object> r : reader.rows("explore/stats-key-nodes", Map.of("ids", new ArrayList<>(new LinkedHashSet<>(ids))))) {
            nodes.put(r.get("id"), r.get("node"));
        }
        for (int i = 0; i < dims.size(); i++) {
            if (dims.get(i).node()) {
                String column = "k" + i;
                rows.forEach(row -> row.put(column, nodes.get(row.get(column))));
            }
        }
    }

    /** Cypher's ORDER BY order of two values of one column: numbers by value, strings by character, null last. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareAsCypher(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return (x instanceof Double || y instanceof Double || x instanceof Float || y instanceof Float)
                    ? Double.compare(x.doubleValue(), y.doubleValue()) : Long.compare(x.longValue(), y.longValue());
        }
        if (a instanceof Comparable c && a.getClass() == b.getClass()) {
            return c.compareTo(b);
        }
        return a.toString().compareTo(b.toString());
    }

    private static Object prop(Object node, String name) {
        return node instanceof Map<?, ?> map ? map.get(name) : null;
    }

    /** coalesce(first, '') + second, as the statement's sort expressions: null where the second is. */
    private static Object concat(Object first, Object second) {
        return second == null ? null : (first == null ? "" : first.toString()) + second;
    }

    /** The key object of a group and a readable label for charts. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> group(Map<String, Object> row, List<Dimension> dims) {
        Map<String, Object> key = new LinkedHashMap<>();
        StringJoiner label = new StringJoiner(" · ");
        for (int i = 0; i < dims.size(); i++) {
            Object value = row.get("k" + i);
            key.put(dims.get(i).keyName(), value);
            if (value instanceof Map<?, ?> node) {
                Map<String, Object> n = (Map<String, Object>) node;
                String name = String.valueOf(n.get("name"));
                label.add(switch (dims.get(i).keyName()) {
                    case "unit" -> n.get("region") == null ? name : n.get("region") + " " + name;
                    case "indicator" -> n.get("code") == null ? name : n.get("code") + " " + name;
                    default -> name;
                });
            } else {
                label.add(value == null ? "(none)" : value.toString());
            }
        }
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("key", key);
        group.put("label", dims.isEmpty() ? "all" : label.toString());
        return group;
    }
}
