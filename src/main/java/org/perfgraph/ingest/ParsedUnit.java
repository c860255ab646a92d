package org.perfgraph.ingest;

/**
 * A budget unit. Two units with the same name in different regions are different units.
 *
 * @param code   the unit code where the document gives one (104003), else null
 * @param name   the unit name (投资促进中心)
 * @param region the region from the document title, or null
 */
public record ParsedUnit(String code, String name, String region) {

    /** Identity of the unit across documents: region plus code, or region plus name where there is no code. */
    public String key() {
        return (region == null ? "" : region) + "|" + (code != null ? code : name);
    }
}
