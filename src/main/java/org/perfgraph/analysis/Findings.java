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
            if (kind.byDocument() && (where == null || AnalysisScope.blankToNull(where.documentName()) == null)) {
                merged.addAll(byDocuments(kind, where, afterKey, limit));
            } else {
                merged.addAll(reader.rows(kind.script(), parameters(kind, where, afterKey, limit)));
            }
        }
        merged.sort(Comparator.comparing(row -> (String) row.get("key")));
        return merged.size() > limit ? new ArrayList<>(merged.subList(0, limit)) : merged;
    }

    /**
     * The first {@code limit} findings of a kind after {@code afterKey}, reading the documents in key order (a key
     * starts with its document's name and '|') in chunks of 1, 2, 4... documents until the rows found are certainly
     * the first: those with a key below the next unread document's name and '|'. A first page reads the first
     * documents with findings, not the whole graph (whole-graph statements took 13-15 s at 1M targets); a kind with
     * no findings reads every document in about log2(documents) statements.
     */
    private List<Map<String, Object>> byDocuments(FindingKind kind, FindingFilter where, String afterKey, int limit) {
        List<String> prefixes = new ArrayList<>();
        for (Map<String, Object> row : reader.rows("analysis/document-names", Map.of())) {
            String prefix = row.get("name") + "|";
            // every key of a document whose prefix sorts before the cursor, and is not the cursor's, is before it
            if (afterKey == null || prefix.compareTo(afterKey) >= 0 || afterKey.startsWith(prefix)) {
                prefixes.add(prefix);
            }
        }
        prefixes.sort(Comparator.naturalOrder());
        List<Map<String, Object>> rows = new ArrayList<>();
        int from = 0;
        for (int size = 1; from < prefixes.size(); size *= 2) {
            List<String> names = prefixes.subList(from, Math.min(prefixes.size(), from + size)).stream()
                    .map(prefix -> prefix.substring(0, prefix.length() - 1)).toList();
            Map<String, Object> p = parameters(kind, where, afterKey, limit);
            p.put("documentNames", names);
            rows.addAll(reader.rows(kind.script(), p));
            from += names.size();
            if (from < prefixes.size()) {
                String bound = prefixes.get(from);
                if (rows.stream().filter(r -> ((String) r.get("key")).compareTo(bound) < 0).count() >= limit) {
                    break;
                }
            }
        }
        return rows;
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
        p.put("documentNames", null);
        switch (kind) {
            case PARSE_UNCERTAIN -> p.put("codes", UNCERTAIN_CODES);
            case BOILERPLATE_TARGET -> p.put("minProjects", BOILERPLATE_PROJECTS);
            case TARGET_LOOSER_THAN_PEERS -> {
                p.putAll(families.looserRanked());
            }
            default -> {
            }
        }
        return p;
    }
}
