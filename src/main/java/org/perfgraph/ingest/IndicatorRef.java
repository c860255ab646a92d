package org.perfgraph.ingest;

/**
 * An L3 indicator as named on a row.
 *
 * @param code           the library code where the cell reads CODE-NAME, else null; an opaque identifier
 * @param name           the name exactly as written
 * @param normalizedName the name with whitespace removed and full-width punctuation folded
 */
public record IndicatorRef(String code, String name, String normalizedName) {

    /** Identity: a coded indicator by its code, an uncoded one by its normalised name. */
    public String key() {
        return code != null ? "C:" + code : "N:" + normalizedName;
    }
}
