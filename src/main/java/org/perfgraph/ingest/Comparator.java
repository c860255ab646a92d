package org.perfgraph.ingest;

/** Comparator of a numeric target value. */
public enum Comparator {
    GE("≥"), GT(">"), LE("≤"), LT("<"), EQ("=");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
