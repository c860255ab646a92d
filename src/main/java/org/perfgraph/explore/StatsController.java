package org.perfgraph.explore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

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

    /** A grouping dimension: the extra pattern it needs (may be empty), its key expression, its sort expression. */
    private record Dimension(String keyName, String match, String key, String sort) {
    }

    private static final Map<String, Dimension> TARGET_DIMENSIONS = Map.of(
            "LEVEL1", new Dimension("level1", "", "n.level1", "{k}"),
            "LEVEL2", new Dimension("level2", "", "n.level2", "{k}"),
            "VALUE_KIND", new Dimension("valueKind", "", "n.annualKind", "{k}"),
            "COMPARATOR", new Dimension("comparator", "", "n.annualComparator", "{k}"),
            "UNIT", new Dimension("unit", "MATCH (gu:Unit)-[:HAS_PROJECT]->(gp)", "gu", "coalesce({k}.region, '') + {k}.name"),
            "DOCUMENT", new Dimension("document", "MATCH (n)-[:SOURCE]->(gd:Document)", "gd", "{k}.name"),
            "INDICATOR", new Dimension("indicator", "", "gm", "coalesce({k}.code, '') + {k}.name"));

    private static final Map<String, Dimension> PROJECT_DIMENSIONS = Map.of(
            "UNIT", new Dimension("unit", "MATCH (gu:Unit)-[:HAS_PROJECT]->(n)", "gu", "coalesce({k}.region, '') + {k}.name"),
            "YEAR", new Dimension("year", "", "n.year", "{k}"),
            "DOCUMENT", new Dimension("document", "MATCH (n)-[:DECLARED_IN]->(gd:Document)", "gd", "{k}.name"),
            "NATURE", new Dimension("nature", "", "n.nature", "{k}"));

    /** TargetStatsOrder: each field (but the key) and the aggregate it sorts by. */
    static final Map<String, String> TARGET_ORDERS = Map.of("count", "count", "distinctProjects", "distinctProjects",
            "distinctIndicators", "distinctIndicators");

    /** ProjectStatsOrder: the average only orders here; its value is computed exactly in Java. */
    static final Map<String, String> PROJECT_ORDERS = Map.of("count", "count", "amountSum", "sumCents",
            "amountMin", "minCents", "amountMax", "maxCents",
            "amountAvg", "CASE withAmount WHEN 0 THEN null ELSE toFloat(sumCents) / withAmount END", "targetCount", "targets");

    private final GraphReader reader;
    private final PerfgraphProperties properties;

    private final ResultCache cache;

    StatsController(GraphReader reader, PerfgraphProperties properties, ResultCache cache) {
        this.reader = reader;
        this.properties = properties;
        this.cache = cache;
    }

    /** Served from the result cache while nothing is written (a group-by reads every target or project). */
    @QueryMapping
    List<Map<String, Object>> targetStats(@Argument Map<String, Object> where, @Argument List<String> groupBy,
                                   @Argument List<Map<String, Object>> orderBy, @Argument Integer first) {
        return cache.get("targetStats|" + where + "|" + groupBy + "|" + orderBy + "|" + first,
                () -> computeTargetStats(where, groupBy, orderBy, first));
    }

    private List<Map<String, Object>> computeTargetStats(Map<String, Object> where, List<String> groupBy,
                                                  List<Map<String, Object>> orderBy, Integer first) {
        WhereTranslator translator = new WhereTranslator();
        List<Dimension> dims = dimensions(TARGET_DIMENSIONS, groupBy);
        StringBuilder cypher = new StringBuilder("MATCH (n:Target)\nWHERE ")
                .append(translator.predicate(Specs.TARGET, "n", where))
                .append("\nMATCH (gp:Project)-[:HAS_TARGET]->(n)\nMATCH (n)-[:MEASURES]->(gm:Indicator)");
        Map<String, String> aggregates = new LinkedHashMap<>();
        aggregates.put("count", "count(n)");
        aggregates.put("distinctProjects", "count(DISTINCT gp)");
        aggregates.put("distinctIndicators", "count(DISTINCT gm)");
        List<Map<String, Object>> rows = reader.query(
                grouped(cypher, dims, aggregates, TARGET_ORDERS, orderBy, first, translator), translator.params());
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

    /** Served from the result cache while nothing is written (a group-by reads every target or project). */
    @QueryMapping
    List<Map<String, Object>> projectStats(@Argument Map<String, Object> where, @Argument List<String> groupBy,
                                   @Argument List<Map<String, Object>> orderBy, @Argument Integer first) {
        return cache.get("projectStats|" + where + "|" + groupBy + "|" + orderBy + "|" + first,
                () -> computeProjectStats(where, groupBy, orderBy, first));
    }

    private List<Map<String, Object>> computeProjectStats(Map<String, Object> where, List<String> groupBy,
                                                  List<Map<String, Object>> orderBy, Integer first) {
        WhereTranslator translator = new WhereTranslator();
        List<Dimension> dims = dimensions(PROJECT_DIMENSIONS, groupBy);
        StringBuilder cypher = new StringBuilder("MATCH (n:Project)\nWHERE ")
                .append(translator.predicate(Specs.PROJECT, "n", where));
        Map<String, String> aggregates = new LinkedHashMap<>();
        aggregates.put("count", "count(n)");
        aggregates.put("withAmount", "count(n.amountCents)");
        aggregates.put("sumCents", "sum(n.amountCents)");
        aggregates.put("minCents", "min(n.amountCents)");
        aggregates.put("maxCents", "max(n.amountCents)");
        aggregates.put("targets", "sum(COUNT { (n)-[:HAS_TARGET]->(:Target) })");
        List<Map<String, Object>> rows = reader.query(
                grouped(cypher, dims, aggregates, PROJECT_ORDERS, orderBy, first, translator), translator.params());
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
        List<Map<String, Object>> requested = orderBy == null || orderBy.isEmpty() ? List.of(Map.of("count", "DESC")) : orderBy;
        for (Map<String, Object> element : requested) {
            List<Map.Entry<String, Object>> set = element.entrySet().stream().filter(e -> e.getValue() != null).toList();
            if (set.size() != 1) {
                throw ApiException.badInput("each orderBy element names exactly one field, e.g. [{count: DESC}]; got " + element.keySet());
            }
            String name = set.get(0).getKey();
            String direction = "DESC".equals(set.get(0).getValue().toString()) ? " DESC" : " ASC";
            if (name.equals("key")) {
                for (int i = 0; i < dims.size(); i++) {
                    order.add(dims.get(i).sort().replace("{k}", "k" + i) + direction);
                }
            } else if (orderable.containsKey(name)) {
                order.add(orderable.get(name) + direction);
            } else {
                throw ApiException.badInput("cannot order these groups by " + name);
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
