package org.perfgraph.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The graph's figures for /actuator/prometheus: nodes per label (from Neo4j's count store, read at most every 15 s
 * whatever the scrape rate), the embedded store's size on disk and the read statements run. Requests (http.server.requests, graphql.request) and imports
 * (perfgraph.import.*) are timed where they happen.
 */
@Configuration(proxyBeanMethods = false)
class StoreMetrics {

    static final List<String> LABELS = List.of("Document", "Unit", "Project", "Target", "Indicator", "Category", "Text", "DiagnosticList");
    private static final long REFRESH_NANOS = 15_000_000_000L;

    @Bean
    MeterBinder graphMeters(GraphReader reader, ObjectProvider<EmbeddedNeo4j> embedded) {
        return registry -> {
            NodeCounts counts = new NodeCounts(reader);
            for (String label : LABELS) {
                // strongly held: nothing else references the counts, and a gauge's weak reference would lose them to GC
                Gauge.builder("perfgraph.graph.nodes", counts, c -> c.get(label)).tag("label", label).strongReference(true)
                        .description("Nodes with this label in the graph").register(registry);
            }
            FunctionCounter.builder("perfgraph.cypher.read.statements", reader, GraphReader::statementCount)
                    .description("Read statements the API has run").register(registry);
            EmbeddedNeo4j neo4j = embedded.getIfAvailable();
            if (neo4j != null) {
                Gauge.builder("perfgraph.store.size", neo4j.directory(), StoreMetrics::size).baseUnit("bytes")
                        .description("Size of the embedded store folder (PERFGRAPH_DATA_DIR)").register(registry);
            }
        };
    }

    private static double size(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Node counts per label, one statement for all labels, refreshed at most every 15 s. */
    private static final class NodeCounts {
        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StoreMetrics.class);
        private final GraphReader reader;
        private final AtomicReference<Map<String, Object>> counts = new AtomicReference<>(Map.of());
        private volatile long readAt = Long.MIN_VALUE;

        NodeCounts(GraphReader reader) {
            this.reader = reader;
        }

        double get(String label) {
            long now = System.nanoTime();
            if (readAt == Long.MIN_VALUE || now - readAt > REFRESH_NANOS) {
                synchronized (this) {
                    if (readAt == Long.MIN_VALUE || now - readAt > REFRESH_NANOS) {
                        try {
                            Map<String, Object> row = reader.single("support/node-counts", Map.of());
                            counts.set(row == null ? Map.of() : row);
                            readAt = now;
                        } catch (RuntimeException e) {
                            // database not reachable: the gauges say NaN, and the next scrape tries again
                            log.warn("perfgraph.graph.nodes: cannot count the nodes: {}", e.getMessage());
                            counts.set(Map.of());
                        }
                    }
                }
            }
            Object n = counts.get().get(label);
            return n instanceof Number number ? number.doubleValue() : Double.NaN;
        }
    }
}
