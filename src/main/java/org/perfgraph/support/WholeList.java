package org.perfgraph.support;

import java.util.function.Supplier;

/**
 * A whole-list read on this thread: the spreadsheet export runs a GraphQL field through the same resolvers as a
 * request, asking for every row at once (a list without cursors) or in large keyset pages. While it runs, the
 * page-size cap ({@link PerfgraphProperties#pageSize}) is the export's own row limit
 * (PERFGRAPH_EXPORT_MAX_ROWS) and the complexity estimate does not multiply by {@code first}; the export counts
 * and bounds its rows itself. Nothing else sets it.
 */
public final class WholeList {

    private static final ThreadLocal<Integer> ROWS = new ThreadLocal<>();

    private WholeList() {
    }

    /** Runs {@code read} with the page-size cap raised to {@code rows}. */
    public static <T> T read(int rows, Supplier<T> read) {
        Integer outer = ROWS.get();
        ROWS.set(rows);
        try {
            return read.get();
        } finally {
            if (outer == null) {
                ROWS.remove();
            } else {
                ROWS.set(outer);
            }
        }
    }

    /** Whether a whole-list read runs on this thread. */
    public static boolean active() {
        return ROWS.get() != null;
    }

    /** The page-size cap on this thread: the configured one, or the whole-list read's row limit. */
    static int cap(int configured) {
        Integer rows = ROWS.get();
        return rows == null ? configured : Math.max(configured, rows);
    }
}
