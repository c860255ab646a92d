package org.perfgraph;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

/** Tests against NEO4J_URI start from an empty database: wiped once per JVM. */
final class ExternalWipe {

    private static boolean done;

    private ExternalWipe() {
    }

    static synchronized void once() {
        String uri = System.getenv("NEO4J_URI");
        if (done || uri == null || uri.isBlank()) {
            return;
        }
        String password = System.getenv("NEO4J_PASSWORD");
        var auth = password == null || password.isEmpty() ? AuthTokens.none()
                : AuthTokens.basic(System.getenv().getOrDefault("NEO4J_USERNAME", "neo4j"), password);
        try (var driver = GraphDatabase.driver(uri, auth); var session = driver.session()) {
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
        }
        done = true;
    }
}
