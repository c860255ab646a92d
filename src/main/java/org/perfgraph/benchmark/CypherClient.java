package org.perfgraph.benchmark;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;

/** Raw Cypher over Bolt: one driver, a session per client thread, each statement in a read transaction. */
final class CypherClient implements AutoCloseable {

    private final Driver driver;

    CypherClient(String uri, int clients) {
        this.driver = GraphDatabase.driver(uri, AuthTokens.none(),
                Config.builder().withMaxConnectionPoolSize(Math.max(clients * 2, 8)).withoutEncryption()
                        .withLogging(Logging.none()).build());
        driver.verifyConnectivity();
    }

    Session session() {
        return driver.session();
    }

    @Override
    public void close() {
        driver.close();
    }
}
