package org.perfgraph.analysis;

import java.util.Map;

/**
 * The narrowing every analysis follows (the dashboard's filters): a document, a region, a document kind, a unit and
 * a budget year (the project's, else its document's). Null or blank fields do not narrow. Each analysis file in
 * {@code cypher/analysis/} takes the five as parameters of the same names.
 */
record AnalysisScope(String documentName, String region, String unitId, Integer year, String documentKind) {

    /** Narrows nothing. */
    static final AnalysisScope ALL = new AnalysisScope(null, null, null, null, null);

    AnalysisScope {
        documentName = blankToNull(documentName);
        region = blankToNull(region);
        unitId = blankToNull(unitId);
        documentKind = blankToNull(documentKind);
    }

    static AnalysisScope orAll(AnalysisScope scope) {
        return scope == null ? ALL : scope;
    }

    boolean narrows() {
        return !equals(ALL);
    }

    /** The five statement parameters. */
    void putInto(Map<String, Object> params) {
        params.put("documentName", documentName);
        params.put("region", region);
        params.put("unitId", unitId);
        params.put("year", year);
        params.put("documentKind", documentKind);
    }

    /** The scope as part of a result-cache key. */
    String cacheKey() {
        return documentName + "|" + region + "|" + unitId + "|" + year + "|" + documentKind;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
