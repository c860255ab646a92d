package org.perfgraph.benchmark;

import java.util.Arrays;
import java.util.List;

/**
 * Latencies of one measured run (every completed request of every client) and the time the run took.
 * Percentiles are nearest-rank over all samples, not interpolated: p95 is a latency some request really had.
 */
record LatencyStats(long[] sortedNanos, double seconds, long errors, String firstError) {

    LatencyStats {
        sortedNanos = sortedNanos.clone();
        Arrays.sort(sortedNanos);
    }

    /** Merges the samples of several clients or rounds; their durations add up (rounds run one after another). */
    static LatencyStats merge(List<LatencyStats> parts, double seconds) {
        int n = 0;
        for (LatencyStats p : parts) {
            n += p.sortedNanos.length;
        }
        long[] all = new long[n];
        int at = 0;
        long errors = 0;
        String first = null;
        for (LatencyStats p : parts) {
            System.arraycopy(p.sortedNanos, 0, all, at, p.sortedNanos.length);
            at += p.sortedNanos.length;
            errors += p.errors;
            if (first == null) {
                first = p.firstError;
            }
        }
        return new LatencyStats(all, seconds, errors, first);
    }

    int count() {
        return sortedNanos.length;
    }

    /** Nearest-rank percentile in milliseconds: the smallest sample with at least p% of the samples at or below it. */
    double percentileMs(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(rank, 1) - 1] / 1e6;
    }

    /** Completed requests per second of wall time over all clients. */
    double throughput() {
        return seconds <= 0 ? Double.NaN : sortedNanos.length / seconds;
    }

    /** True when not a single request completed: the figures mean nothing, the error says why. */
    boolean failed() {
        return sortedNanos.length == 0;
    }
}
