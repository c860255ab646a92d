package org.perfgraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The one selector for the test database: NEO4J_URI if set (that database is wiped by the tests), else a
 * Testcontainers Neo4j if a Docker daemon answers, else the embedded DBMS on a fresh temporary store with a
 * random Bolt port.
 */
public final class TestDatabase {

    private static Neo4jContainer container;
    private static Path embeddedStore;

    private TestDatabase() {
    }

    public static synchronized void configure(DynamicPropertyRegistry registry) {
        String uri = System.getenv("NEO4J_URI");
        if (uri != null && !uri.isBlank()) {
            registry.add("perfgraph.neo4j-uri", () -> uri);
            return;
        }
        if (dockerAvailable()) {
            if (container == null) {
                container = new Neo4jContainer("neo4j:5.26-community").withAdminPassword("perfgraph-test");
                container.start();
            }
            registry.add("perfgraph.neo4j-uri", container::getBoltUrl);
            registry.add("perfgraph.neo4j-username", () -> "neo4j");
            registry.add("perfgraph.neo4j-password", container::getAdminPassword);
            return;
        }
        if (embeddedStore == null) {
            try {
                embeddedStore = Files.createTempDirectory("perfgraph-test-store");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        registry.add("perfgraph.neo4j-uri", () -> "");
        registry.add("perfgraph.data-dir", () -> embeddedStore.toString());
        registry.add("perfgraph.bolt-port", () -> "0");
    }

    /** Which of the three the tests run on, for the log. */
    public static String describe() {
        String uri = System.getenv("NEO4J_URI");
        if (uri != null && !uri.isBlank()) {
            return "NEO4J_URI " + uri;
        }
        return container != null ? "Testcontainers " + container.getBoltUrl() : "embedded " + embeddedStore;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
