package org.perfgraph.support;

import org.neo4j.driver.exceptions.Neo4jException;

/**
 * How much memory one transaction may hold: {@code PERFGRAPH_TX_MEMORY_MB}, by default 60 % of the heap. The embedded
 * database gets it as the limit of one transaction ({@code db.memory.transaction.max}) and, a tenth of the heap
 * higher, as the limit of all together ({@code dbms.memory.transaction.total.max}; by default 70 % of the heap, Neo4j's
 * own default): so a document too large is stopped by its own limit while its transaction is still open, and rolled
 * back, without the driver's retries ({@link #ownLimitExceeded}); the shared pool's limit (a transient error, retried for 30 s) is
 * left to concurrent transactions that together fill it. A limit near or above the heap would let the commit itself
 * run out of heap after the transaction log was written (measured: the document is then recovered into the store at
 * the next start although the import was reported as failed), hence the upper bound the settings check applies
 * ({@link #MAX_SHARE_OF_HEAP}).
 */
public record TransactionMemory(boolean embedded, long configuredMb) {

    /** The variable users set. */
    public static final String VARIABLE = "PERFGRAPH_TX_MEMORY_MB";

    /** The default share of the heap one transaction may hold. */
    static final double DEFAULT_SHARE_OF_HEAP = 0.6;

    /** The most of the heap the setting may give one transaction: the rest is the commit's and the service's. */
    static final double MAX_SHARE_OF_HEAP = 0.7;

    /** What all transactions together may hold beyond one transaction's limit, as a share of the heap. */
    static final double POOL_HEADROOM_SHARE_OF_HEAP = 0.1;

    /**
     * The smallest limit allowed: a floor against a value meant in GiB (8 for 8 GiB); the test store's 32 MiB writes a
     * seed document, but start-up migrations of a large store need more.
     */
    static final long MIN_MB = 32;

    /** The setting as the service has it. */
    public static TransactionMemory of(PerfgraphProperties properties) {
        return new TransactionMemory(properties.embedded(), properties.txMemoryMb());
    }

    /** The heap of this JVM in MiB. */
    static long heapMb() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    /** The limit in MiB: the setting, or without one (0) the default share of the heap. */
    public long limitMb() {
        return limitMb(configuredMb);
    }

    /** The limit in MiB for a setting of {@code configuredMb} (0: 60 % of the heap). */
    public static long limitMb(long configuredMb) {
        return configuredMb > 0 ? configuredMb : Math.max(MIN_MB, (long) (heapMb() * DEFAULT_SHARE_OF_HEAP));
    }

    /** The limit of all transactions together in MiB for a setting of {@code configuredMb}. */
    public static long poolMb(long configuredMb) {
        return limitMb(configuredMb) + (long) (heapMb() * POOL_HEADROOM_SHARE_OF_HEAP);
    }

    /** The largest setting allowed on this heap. */
    static long maxMb() {
        return (long) (heapMb() * MAX_SHARE_OF_HEAP);
    }

    /**
     * Whether Neo4j stopped a transaction at its own limit (db.memory.transaction.max): another try holds as much
     * again, so it is not to be retried, although Neo4j 5.26 sends it as a transient error, which the driver retries
     * for 30 s.
     */
    public static boolean ownLimitExceeded(Neo4jException e) {
        String code = e.code() == null ? "" : e.code();
        String message = e.getMessage() == null ? "" : e.getMessage();
        return code.endsWith(".TransactionMemoryLimit") || message.contains("db.memory.transaction.max ");
    }

    /** Whether Neo4j stopped a transaction because it held more memory than its limit or the pool allowed. */
    public static boolean exceeded(Neo4jException e) {
        String code = e.code() == null ? "" : e.code();
        String message = e.getMessage() == null ? "" : e.getMessage();
        return code.endsWith(".TransactionMemoryLimit") || code.endsWith(".MemoryPoolOutOfMemoryError")
                || code.endsWith(".TransactionOutOfMemoryError")
                || message.contains("db.memory.transaction.max") || message.contains("dbms.memory.transaction.total.max");
    }

    /**
     * What the limit is and how to raise it, for the messages of refused work: on the embedded database the setting,
     * its value and the heap; on an external server that server's settings.
     */
    public String advice() {
        if (!embedded) {
            return "the Neo4j server's db.memory.transaction.max and dbms.memory.transaction.total.max; raise them "
                    + "(and its heap)";
        }
        return VARIABLE + ", now " + limitMb() + " MiB (" + (configuredMb > 0 ? "" : "60 % ") + "of the " + heapMb()
                + " MiB heap); start with a larger heap (-Xmx) and, where it is set, a larger " + VARIABLE
                + " (up to 70 % of the heap)";
    }
}
