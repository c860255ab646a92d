package org.perfgraph.compare;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import org.perfgraph.analysis.TextDiff;
import org.perfgraph.ingest.TextSignature;
import org.perfgraph.support.Connection;
import org.perfgraph.support.PerfgraphProperties;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** documentComparison and its pairs over GraphQL; the pages are cut from the (cached) comparison in memory. */
@Controller
class CompareController {

    private final Comparisons comparisons;
    private final PerfgraphProperties properties;

    CompareController(Comparisons comparisons, PerfgraphProperties properties) {
        this.comparisons = comparisons;
        this.properties = properties;
    }

    /** Narrowing of the project pairs; null fields do not narrow. */
    record ProjectPairFilter(List<ChangeKind> kinds, Boolean paired, String nameContains) {
    }

    @QueryMapping
    Comparisons.Comparison documentComparison(@Argument String a, @Argument String b) {
        return comparisons.of(a, b);
    }

    @SchemaMapping(typeName = "DocumentComparison", field = "a")
    Map<String, Object> comparisonA(Comparisons.Comparison c) {
        return c.a();
    }

    @SchemaMapping(typeName = "DocumentComparison", field = "b")
    Map<String, Object> comparisonB(Comparisons.Comparison c) {
        return c.b();
    }

    @SchemaMapping(typeName = "DocumentComparison", field = "totals")
    List<Map<String, Object>> comparisonTotals(Comparisons.Comparison c) {
        return totals(c.totals());
    }

    @SchemaMapping(typeName = "DocumentComparison", field = "projects")
    Map<String, Object> comparisonProjects(Comparisons.Comparison c, @Argument ProjectPairFilter where,
                                           @Argument Integer first, @Argument String after) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < c.projects().size(); i++) {
            if (matches(c.projects().get(i), where)) {
                positions.add(i);
            }
        }
        return page(positions, "documentComparison.projects", first, after, i -> c.projects().get(i));
    }

    private static boolean matches(Pairing.ProjectMatch p, ProjectPairFilter where) {
        if (where == null) {
            return true;
        }
        if (where.paired() != null && where.paired() != (p.a() != null && p.b() != null)) {
            return false;
        }
        if (where.kinds() != null && !where.kinds().isEmpty()
                && p.targets().stream().noneMatch(t -> where.kinds().contains(t.kind()))) {
            return false;
        }
        String part = where.nameContains();
        return part == null || part.isEmpty()
                || (p.a() != null && p.a().name().contains(part)) || (p.b() != null && p.b().name().contains(part));
    }

    @SchemaMapping(typeName = "ProjectPair", field = "a")
    Map<String, Object> pairA(Pairing.ProjectMatch p) {
        return p.a() == null ? null : p.a().node();
    }

    @SchemaMapping(typeName = "ProjectPair", field = "b")
    Map<String, Object> pairB(Pairing.ProjectMatch p) {
        return p.b() == null ? null : p.b().node();
    }

    @SchemaMapping(typeName = "ProjectPair", field = "score")
    Double pairScore(Pairing.ProjectMatch p) {
        return p.score();
    }

    @SchemaMapping(typeName = "ProjectPair", field = "goalSimilarity")
    Double goalSimilarity(Pairing.ProjectMatch p) {
        String[] goals = goals(p);
        return goals == null ? null : TextSignature.jaccard(goals[0], goals[1]);
    }

    @SchemaMapping(typeName = "ProjectPair", field = "goalDiff")
    List<Map<String, Object>> goalDiff(Pairing.ProjectMatch p) {
        String[] goals = goals(p);
        if (goals == null) {
            return List.of();
        }
        return TextDiff.diff(goals[0], goals[1]).stream()
                .map(s -> Map.<String, Object>of("op", s.op().name(), "text", s.text())).toList();
    }

    private static String[] goals(Pairing.ProjectMatch p) {
        if (p.a() == null || p.b() == null || p.a().goal() == null || p.b().goal() == null) {
            return null;
        }
        return new String[] {p.a().goal(), p.b().goal()};
    }

    @SchemaMapping(typeName = "ProjectPair", field = "totals")
    List<Map<String, Object>> pairTotals(Pairing.ProjectMatch p) {
        return totals(Comparisons.totalsOf(p.targets()));
    }

    @SchemaMapping(typeName = "ProjectPair", field = "targets")
    Map<String, Object> pairTargets(Pairing.ProjectMatch p, @Argument List<ChangeKind> kinds, @Argument Integer first,
                                    @Argument String after) {
        Set<ChangeKind> chosen = kinds == null || kinds.isEmpty() ? EnumSet.allOf(ChangeKind.class) : EnumSet.copyOf(kinds);
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < p.targets().size(); i++) {
            if (chosen.contains(p.targets().get(i).kind())) {
                positions.add(i);
            }
        }
        return page(positions, "ProjectPair.targets", first, after, i -> p.targets().get(i));
    }

    @SchemaMapping(typeName = "TargetPair", field = "a")
    Map<String, Object> targetA(Pairing.TargetMatch t) {
        return t.a() == null ? null : t.a().node();
    }

    @SchemaMapping(typeName = "TargetPair", field = "b")
    Map<String, Object> targetB(Pairing.TargetMatch t) {
        return t.b() == null ? null : t.b().node();
    }

    @SchemaMapping(typeName = "TargetPair", field = "kind")
    ChangeKind targetKind(Pairing.TargetMatch t) {
        return t.kind();
    }

    @SchemaMapping(typeName = "TargetPair", field = "score")
    Double targetScore(Pairing.TargetMatch t) {
        return t.score();
    }

    /**
     * A page over an in-memory list: {@code positions} are the filtered rows' places in the whole list, and a
     * cursor holds the place of its row, so a page continues after it whatever the filter.
     */
    private Map<String, Object> page(List<Integer> positions, String list, Integer first, String after,
                                     IntFunction<Object> node) {
        return Connection.byPosition(positions, list, properties.pageSize(first), after, node);
    }

    static List<Map<String, Object>> totals(Map<ChangeKind, Integer> totals) {
        List<Map<String, Object>> out = new ArrayList<>();
        totals.forEach((k, n) -> out.add(Map.of("kind", k.name(), "count", n)));
        return out;
    }
}
