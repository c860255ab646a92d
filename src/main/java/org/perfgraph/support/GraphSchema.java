package org.perfgraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies {@code cypher/schema/*.cypher} (constraints and indexes, idempotent) in name order when the service
 * starts, against the embedded or external database alike. Also the first contact with the database: an
 * unreachable {@code NEO4J_URI} is reported here, naming the setting.
 */
@Component
public class GraphSchema {

    private static final Logger log = LoggerFactory.getLogger(GraphSchema.class);

    public GraphSchema(Driver driver, PerfgraphProperties properties) {
        String where = properties.embedded() ? "the embedded database" : "NEO4J_URI " + properties.neo4jUri();
        try {
            driver.verifyConnectivity();
        } catch (AuthenticationException e) {
            throw new DatabaseStartupException("Neo4j at " + where + " refused the credentials: " + e.getMessage(),
                    "Set NEO4J_USERNAME and NEO4J_PASSWORD to an account of that server.", e);
        } catch (ServiceUnavailableException | SessionExpiredException e) {
            throw new DatabaseStartupException("Neo4j at " + where + " cannot be reached: " + e.getMessage(),
                    "Start that server or correct NEO4J_URI (unset it to use the embedded database).", e);
        }
        // each file with its time: on a store written by the bulk importer, this is where its indexes are populated
        List<String> applied = new ArrayList<>();
        try (var session = driver.session()) {
            for (Resource file : schemaFiles()) {
                long start = System.nanoTime();
                for (String statement : statements(file)) {
                    session.run(statement).consume();
                }
                applied.add(file.getFilename() + " " + seconds(start));
            }
            long start = System.nanoTime();
            session.run("CALL db.awaitIndexes(300)").consume();
            applied.add("indexes online " + seconds(start));
        }
        log.info("Graph schema applied: {}", applied);
    }

    private static String seconds(long startNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    static List<Resource> schemaFiles() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:cypher/schema/*.cypher");
            return Arrays.stream(files).sorted(Comparator.comparing(Resource::getFilename)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Statements of a Cypher file: separated by ';' at the end of a line; '//' comment lines dropped. */
    public static List<String> statements(Resource file) {
        try {
            String text = file.getContentAsString(StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : text.split("\n")) {
                String trimmed = line.strip();
                if (trimmed.startsWith("//") || trimmed.isEmpty()) {
                    continue;
                }
                current.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    String s = current.toString().strip();
                    out.add(s.substring(0, s.length() - 1));
                    current.setLength(0);
                }
            }
            if (!current.isEmpty()) {
                out.add(current.toString().strip());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
