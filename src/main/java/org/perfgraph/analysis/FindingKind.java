package org.perfgraph.analysis;

/** The kinds of finding, each computed by its own file {@code cypher/analysis/finding-<kind>.cypher}. */
enum FindingKind {
    CODE_LABEL_MISMATCH,
    DUPLICATE_INDICATOR,
    TEXT_FROM_OTHER_PROJECT,
    UNIT_NAME_MISMATCH,
    CATEGORY_BY_NAME,
    PERIOD_ANNUAL_DIFFER,
    PARSE_UNCERTAIN,
    VAGUE_TARGET,
    BOILERPLATE_TARGET,
    TARGET_LOOSER_THAN_PEERS,
    TARGET_UNCHANGED_ACROSS_YEARS;

    /**
     * Whether a page of this kind is read document by document ($documentNames, see Findings): the kinds whose
     * statement over the whole graph is too slow for a first page.
     */
    boolean byDocument() {
        return this == TARGET_LOOSER_THAN_PEERS || this == TARGET_UNCHANGED_ACROSS_YEARS;
    }

    /** analysis/finding-code-label-mismatch for CODE_LABEL_MISMATCH. */
    String script() {
        return "analysis/finding-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
