package org.perfgraph.graph;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Metrics;

/**
 * Import figures for /actuator/prometheus: documents by outcome with their time ({@code perfgraph.import}, a timer
 * tagged {@code status}) and target rows written ({@code perfgraph.import.targets}). Recorded in Micrometer's global
 * registry, which Boot's registries join, so the importer needs no wiring and the import command costs nothing.
 */
final class ImportMetrics {

    private ImportMetrics() {
    }

    static void imported(String status, int targets, long nanos) {
        Metrics.timer("perfgraph.import", "status", status).record(nanos, TimeUnit.NANOSECONDS);
        if (!status.equals("DRY_RUN") && !status.equals("UNCHANGED")) {
            Metrics.counter("perfgraph.import.targets").increment(targets);
        }
    }

    static void refused(long nanos) {
        Metrics.timer("perfgraph.import", "status", "REFUSED").record(nanos, TimeUnit.NANOSECONDS);
    }
}
