package org.perfgraph.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.perfgraph.support.CypherScripts;
import org.perfgraph.support.GraphReader;
import org.springframework.stereotype.Component;

/**
 * Computes findings at query time, one statement per requested kind. Every kind's file returns its rows ordered
 * by a unique string {@code key} (document, zero-padded line, kind, node ids) and continues after a given key,
 * so a page over several kinds is the merge of each kind's next rows: exact keyset paging without SKIP.
 */
@Component
class Findings {

    /** Row limit that means "all": LIMIT takes no null. */
    static final int ALL = Integer.MAX_VALUE;

    /**
     * The diagnostic codes PARSE_UNCERTAIN reports: the reader inferred, repaired or could not read a category
     * or value. (PROJECT_BLOCK_MERGED, GOAL_TEXT_OF_OTHER_PROJECT and DUPLICATE_INDICATOR are facts, not
     * uncertainty; the last two have their own finding kinds.)
     */
    static final List<String> UNCERTAIN_CODES = java.util.Arrays.stream(org.perfgraph.ingest.DiagnosticCode.values())
            .filter(org.perfgraph.ingest.DiagnosticCode::uncertain).map(Enum::name).toList();

    /** Narrowing of findings; null fields do not narrow. */
    record FindingFilter(String projectId, String documentName, String region, String unitId, Integer year,
                         String documentKind) {

        /** The findings of the projects in an analysis scope. */
        static FindingFilter of(AnalysisScope scope) {
            AnalysisScope s = AnalysisScope.orAll(scope);
            return new FindingFilter(null, s.documentName(), s.region(), s.unitId(), s.year(), s.documentKind());
        }

        AnalysisScope scope() {
            return new AnalysisScope(documentName, region, unitId, year, documentKind);
        }
    }

    /** Least number of projects filing an indicator with one value for BOILERPLATE_TARGET (as boilerplateTargets). */
    static final int BOILERPLATE_PROJECTS = 3;

    private final GraphReader reader;
    private final org.perfgraph.compare.IndicatorFamilies families;

    Findings(GraphReader reader, org.perfgraph.compare.IndicatorFamilies families) {
        this.reader = reader;
        this.families = families;
    }

    /** Up to {@code limit} findings of the given kinds after {@code afterKey}, in key order. */
    List<Map<String, Object>> page(List<FindingKind> kinds, FindingFilter where, String afterKey, int limit) {
        List<Map<String, Object>> merged = new ArrayList<>();
        for (FindingKind kind : kinds) {
            merged.addAll(reader.rows(kind.script(), parameters(kind, where, afterKey, limit)));
        }
        merged.sort(Comparator.comparing(row -> (String) row.get("key")));
        return merged.size() > limit ? new ArrayList<>(merged.subList(0, limit)) : merged;
    }

    /** Number of findings of the given kinds (each kind's file inside a subquery that only counts). */
    long count(List<FindingKind> kinds, FindingFilter where) {
        long total = 0;
        for (FindingKind kind : kinds) {
            String counting = "CALL () {\n" + CypherScripts.load(kind.script()) + "\n}\nRETURN count(*) AS n";
            total += ((Number) reader.query(counting, parameters(kind, where, null, ALL)).get(0).get("n")).longValue();
        }
        return total;
    }

    /**
     * Number of findings per project id and kind, over every kind (what the quality rankings count). Each kind's
     * file runs unchanged inside a subquery that only counts, so no finding's nodes travel to Java.
     */
    Map<String, Map<FindingKind, Integer>> countsByProject(FindingFilter where) {
        Map<String, Map<FindingKind, Integer>> out = new HashMap<>();
        for (FindingKind kind : FindingKind.values()) {
            String counting = "CALL () {\n" + CypherScripts.load(kind.script()) + "\n}\n"
                    + "WITH project WHERE project IS NOT NULL\nRETURN project.id AS projectId, count(*) AS n";
            for (Map<String, Object> row : reader.query(counting, parameters(kind, where, null, ALL))) {
                out.computeIfAbsent((String) row.get("projectId"), id -> new HashMap<>())
                        .merge(kind, ((Number) row.get("n")).intValue(), Integer::sum);
            }
        }
        return out;
    }

    private Map<String, Object> parameters(FindingKind kind, FindingFilter where, String afterKey, int limit) {
        Map<String, Object> p = new HashMap<>();
        p.put("projectId", where == null ? null : AnalysisScope.blankToNull(where.projectId()));
        (where == null ? AnalysisScope.ALL : where.scope()).putInto(p);
        p.put("after", afterKey);
        p.put("limit", limit);
        switch (kind) {
            case PARSE_UNCERTAIN -> p.put("codes", UNCERTAIN_CODES);
            case BOILERPLATE_TARGET -> p.put("minProjects", BOILERPLATE_PROJECTS);
            case TARGET_LOOSER_THAN_PEERS -> {
                p.put("families", families.asParameters());
                p.put("minPeers", org.perfgraph.compare.IndicatorFamilies.MIN_PEERS);
                p.put("looserShare", org.perfgraph.compare.IndicatorFamilies.LOOSER_SHARE);
            }
            default -> {
            }
        }
        return p;
    }
}
