package org.perfgraph.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.perfgraph.support.ApiException;
import org.perfgraph.support.Connection;
import org.perfgraph.support.GraphReader;
import org.perfgraph.support.PageCursor;
import org.perfgraph.support.PerfgraphProperties;
import org.perfgraph.support.ResultCache;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * indicatorFamilies and valueBenchmarks. The family assignment is read once per write generation; a page costs one
 * statement for its families' stored groups (and one for their projects when asked for).
 */
@Controller
class FamilyController {

    static final int MIN_PEERS = IndicatorFamilies.MIN_PEERS;
    static final double LOOSER_SHARE = IndicatorFamilies.LOOSER_SHARE;

    private final IndicatorFamilies families;
    private final GraphReader reader;
    private final PerfgraphProperties properties;
    private final ResultCache cache;

    FamilyController(IndicatorFamilies families, GraphReader reader, PerfgraphProperties properties, ResultCache cache) {
        this.families = families;
        this.reader = reader;
        this.properties = properties;
        this.cache = cache;
    }

    /** Narrowing of the family list; null fields do not narrow. */
    record IndicatorFamilyFilter(String id, String nameContains, String measure, String source, Integer minMembers) {
    }

    enum IndicatorFamilyOrder { USES_DESC, MEMBERS_DESC, NAME_ASC, ID_ASC }

    @QueryMapping
    Map<String, Object> indicatorFamilies(@Argument IndicatorFamilyFilter where, @Argument IndicatorFamilyOrder orderBy,
                                          @Argument Integer first, @Argument String after,
                                          DataFetchingFieldSelectionSet selection) {
        int limit = properties.pageSize(first);
        boolean withProjects = selection.contains("edges/node/projects");
        // the page itself is kept for the write generation, not only the family assignment: its groups statement
        // is the rest of the cost
        return cache.get("indicatorFamilies|" + where + "|" + orderBy + "|" + limit + "|" + after + "|" + withProjects,
                () -> page(where, orderBy, limit, after, withProjects));
    }

    private Map<String, Object> page(IndicatorFamilyFilter where, IndicatorFamilyOrder orderBy, int limit, String after,
                                     boolean withProjects) {
        IndicatorFamilyOrder order = orderBy == null ? IndicatorFamilyOrder.USES_DESC : orderBy;
        List<IndicatorFamilies.Family> list = new ArrayList<>(families.all().stream().filter(f -> matches(f, where)).toList());
        Comparator<IndicatorFamilies.Family> byId = Comparator.comparing(IndicatorFamilies.Family::id);
        list.sort(switch (order) {
            case USES_DESC -> Comparator.comparingLong((IndicatorFamilies.Family f) -> -f.uses()).thenComparing(byId);
            case MEMBERS_DESC -> Comparator.comparingInt((IndicatorFamilies.Family f) -> -f.members().size()).thenComparing(byId);
            case NAME_ASC -> Comparator.comparing(IndicatorFamilies.Family::name).thenComparing(byId);
            case ID_ASC -> byId;
        });
        String cursorList = "indicatorFamilies." + order;
        int start = 0;
        if (after != null) {
            if (!(PageCursor.decode(after, cursorList, 1).get(0) instanceof String id)) {
                throw ApiException.badInput("'after' is not a cursor of indicatorFamilies");
            }
            start = list.size();
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).id().equals(id)) {
                    start = i + 1;
                    break;
                }
            }
        }
        List<IndicatorFamilies.Family> page = list.subList(Math.min(start, list.size()), Math.min(start + limit, list.size()));
        List<Map<String, Object>> nodes = nodes(page, withProjects);
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Map<String, Object> node : nodes) {
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("cursor", PageCursor.encode(cursorList, List.of(node.get("id"))));
            edge.put("node", node);
            edges.add(edge);
        }
        Map<String, Object> out = Connection.of(edges, start + limit < list.size());
        out.put("totalCount", list.size());
        return out;
    }

    private static boolean matches(IndicatorFamilies.Family f, IndicatorFamilyFilter where) {
        if (where == null) {
            return true;
        }
        if (where.id() != null && !where.id().equals(f.id())) {
            return false;
        }
        if (where.source() != null && !where.source().equals(f.source())) {
            return false;
        }
        if (where.measure() != null && !where.measure().equals(f.measure())) {
            return false;
        }
        if (where.minMembers() != null && f.members().size() < where.minMembers()) {
            return false;
        }
        String part = where.nameContains();
        return part == null || part.isEmpty() || f.name().contains(part)
                || f.members().stream().anyMatch(m -> String.valueOf(m.get("name")).contains(part));
    }

    /**
     * The page's families with their counts and distributions, added up in the database from the groups kept at write
     * time (cypher/compare/family-groups.cypher): one statement (two with the projects), a few index reads per family.
     */
    private List<Map<String, Object>> nodes(List<IndicatorFamilies.Family> page, boolean withProjects) {
        return nodes(page, withProjects, false).nodes();
    }

    /** The nodes of a page and, with {@code withMedian}, per family its median and count of numbers. */
    private record Nodes(List<Map<String, Object>> nodes, Map<String, Map<String, Object>> rows) {
    }

    @SuppressWarnings("unchecked")
    private Nodes nodes(List<IndicatorFamilies.Family> page, boolean withProjects, boolean withMedian) {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        if (!page.isEmpty()) {
            List<Map<String, Object>> params = new ArrayList<>();
            for (IndicatorFamilies.Family f : page) {
                Map<String, Object> m = new HashMap<>();
                m.put("id", f.id());
                m.put("buckets", f.buckets());
                m.put("measure", f.measure());
                params.add(m);
            }
            for (Map<String, Object> row : reader.rows("compare/family-groups",
                    Map.of("families", params, "withProjects", withProjects, "withMedian", withMedian))) {
                rows.put((String) row.get("family"), row);
            }
        }
        Comparator<Map<String, Object>> byName = Comparator.comparing((Map<String, Object> u) -> u.get("name") + "\u0000" + u.get("id"));
        Map<String, Set<String>> projectIds = new LinkedHashMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (IndicatorFamilies.Family f : page) {
            Map<String, Object> row = rows.getOrDefault(f.id(), Map.of());
            List<Map<String, Object>> units = new ArrayList<>((List<Map<String, Object>>) row.getOrDefault("units", List.of()));
            units.sort(byName);
            List<Map<String, Object>> distribution = new ArrayList<>();
            for (Map<String, Object> d : (List<Map<String, Object>>) row.getOrDefault("distribution", List.of())) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("unit", d.get("unit"));
                x.put("min", d.get("min"));
                x.put("median", d.get("median"));
                x.put("max", d.get("max"));
                x.put("count", ((Number) d.get("count")).intValue());
                distribution.add(x);
            }
            distribution.sort(Comparator.comparing(d -> (Map<String, Object>) d.get("unit"), byName));
            Set<String> projects = new LinkedHashSet<>();
            ((List<List<String>>) row.getOrDefault("projectIds", List.of())).forEach(projects::addAll);
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("id", f.id());
            node.put("name", f.name());
            node.put("source", f.source());
            node.put("measure", row.get("measure"));
            node.put("level1", f.level1());
            node.put("members", f.members());
            node.put("memberCount", f.members().size());
            node.put("uses", f.uses());
            node.put("projectCount", row.get("projectCount") == null ? 0 : ((Number) row.get("projectCount")).intValue());
            node.put("unitCount", units.size());
            node.put("units", units);
            node.put("distribution", distribution);
            projectIds.put(f.id(), projects);
            out.add(node);
        }
        if (withProjects) {
            Set<String> all = new LinkedHashSet<>();
            projectIds.values().forEach(all::addAll);
            Map<Object, Map<String, Object>> byId = new LinkedHashMap<>();
            if (!all.isEmpty()) {
                for (Map<String, Object> row : reader.rows("compare/family-projects", Map.of("ids", List.copyOf(all)))) {
                    Map<String, Object> p = (Map<String, Object>) row.get("node");
                    byId.put(p.get("id"), p);
                }
            }
            for (Map<String, Object> node : out) {
                Set<String> ids = projectIds.get((String) node.get("id"));
                node.put("projects", byId.values().stream().filter(p -> ids.contains(p.get("id"))).toList());
            }
        }
        return new Nodes(out, rows);
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    @QueryMapping
    @SuppressWarnings("unchecked")
    Map<String, Object> valueBenchmarks(@Argument String family, DataFetchingFieldSelectionSet selection) {
        IndicatorFamilies.Family f = families.byId(family);
        if (f == null) {
            throw ApiException.notFound("no indicator family has the id '" + family + "' (see indicatorFamilies)");
        }
        if (!selection.contains("units/targets")) {
            return storedBenchmarks(f);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("members", f.memberIds());
        params.put("level1", f.level1());
        List<Map<String, Object>> rows = reader.rows("compare/family-targets", params);
        String measure = f.measure();
        if (measure == null) {
            Map<String, Integer> counts = new TreeMap<>();
            rows.forEach(r -> counts.merge((String) r.get("measure"), 1, Integer::sum));
            measure = counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(null);
        }
        String m = measure;
        List<Map<String, Object>> kept = rows.stream().filter(r -> m != null && m.equals(r.get("measure"))).toList();
        double[] all = kept.stream().mapToDouble(r -> ((Number) r.get("number")).doubleValue()).sorted().toArray();
        Double familyMedian = all.length == 0 ? null : median(all);
        // numbers per comparator direction, sorted: how many peers ask more is a binary search
        Map<Integer, double[]> bySense = new HashMap<>();
        for (int sense : new int[] {1, -1}) {
            bySense.put(sense, kept.stream().filter(r -> sense(r) == sense)
                    .mapToDouble(r -> ((Number) r.get("number")).doubleValue()).sorted().toArray());
        }
        Map<String, Map<String, Object>> units = new LinkedHashMap<>();
        for (Map<String, Object> r : kept) {
            Map<String, Object> unit = (Map<String, Object>) r.get("unit");
            Map<String, Object> u = units.computeIfAbsent((String) unit.get("id"), id -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("unit", unit);
                x.put("targets", new ArrayList<Map<String, Object>>());
                return x;
            });
            double x = ((Number) r.get("number")).doubleValue();
            int sense = sense(r);
            double[] peers = bySense.get(sense);
            int stricter = sense > 0 ? peers.length - upperBound(peers, x) : lowerBound(peers, x);
            int others = peers.length - 1;
            double share = others <= 0 ? 0 : (double) stricter / others;
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("target", r.get("target"));
            t.put("number", x);
            t.put("difference", x - familyMedian);
            t.put("looserThan", share);
            t.put("looserThanPeers", others >= MIN_PEERS && share >= LOOSER_SHARE);
            ((List<Map<String, Object>>) u.get("targets")).add(t);
        }
        List<Map<String, Object>> unitRows = new ArrayList<>();
        for (Map<String, Object> u : units.values()) {
            double[] v = ((List<Map<String, Object>>) u.get("targets")).stream()
                    .mapToDouble(t -> (Double) t.get("number")).sorted().toArray();
            u.put("median", median(v));
            u.put("difference", median(v) - familyMedian);
            unitRows.add(u);
        }
        Map<String, Object> familyNode = nodes(List.of(f), false).get(0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("family", familyNode);
        out.put("measure", measure);
        out.put("median", familyMedian);
        out.put("count", all.length);
        out.put("units", unitRows);
        return out;
    }

    /**
     * valueBenchmarks without its targets, from the stored groups alone (one statement, no target read): the
     * family's median and count and each unit's median are those of the numbers the targets would give.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> storedBenchmarks(IndicatorFamilies.Family f) {
        Nodes nodes = nodes(List.of(f), false, true);
        Map<String, Object> familyNode = nodes.nodes().get(0);
        Map<String, Object> row = nodes.rows().getOrDefault(f.id(), Map.of());
        Double familyMedian = row.get("median") == null ? null : ((Number) row.get("median")).doubleValue();
        List<Map<String, Object>> unitRows = new ArrayList<>();
        for (Map<String, Object> d : (List<Map<String, Object>>) familyNode.get("distribution")) {
            double median = ((Number) d.get("median")).doubleValue();
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("unit", d.get("unit"));
            u.put("median", median);
            u.put("difference", median - familyMedian);
            unitRows.add(u);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("family", familyNode);
        out.put("measure", familyNode.get("measure"));
        out.put("median", familyMedian);
        out.put("count", row.get("count") == null ? 0 : ((Number) row.get("count")).intValue());
        out.put("units", unitRows);
        return out;
    }

    private static int sense(Map<String, Object> row) {
        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) row.get("target");
        return Pairing.sense((String) row.get("comparator"), (String) target.get("direction"));
    }

    /** Index of the first value greater than x. */
    static int upperBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the first value not less than x (= how many are less). */
    static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

}
