package org.perfgraph.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code perfgraph.*}; application.yml maps each to its environment variable (README table).
 *
 * @param neo4jUri      NEO4J_URI: an external Neo4j (bolt://, neo4j:// for a cluster); blank starts the embedded one
 * @param neo4jUsername NEO4J_USERNAME
 * @param neo4jPassword NEO4J_PASSWORD
 * @param dataDir       PERFGRAPH_DATA_DIR: the embedded store
 * @param boltPort      PERFGRAPH_BOLT_PORT: the embedded Bolt port on 127.0.0.1 (0 = any free port)
 * @param pageCacheMb   PERFGRAPH_PAGE_CACHE_MB: the embedded page cache
 * @param loadSamples   PERFGRAPH_LOAD_SAMPLES: load the bundled seed documents into an empty store at start-up
 * @param maxPageSize   PERFGRAPH_MAX_PAGE_SIZE: the cap on {@code first} of every list
 * @param maxQueryDepth PERFGRAPH_MAX_QUERY_DEPTH: the deepest field nesting a GraphQL request may have
 * @param maxQueryComplexity PERFGRAPH_MAX_QUERY_COMPLEXITY: the largest estimated cost of a request (each field 1,
 *                      times {@code first} under a paged list, times 5 under an unpaged one)
 * @param queryTimeout  PERFGRAPH_QUERY_TIMEOUT: the longest one read statement may run before Neo4j stops it
 * @param corsOrigins   PERFGRAPH_CORS_ORIGINS: origins (comma-separated) of dashboards allowed to call /graphql
 *                      from a browser; empty allows none
 * @param txMemoryMb    PERFGRAPH_TX_MEMORY_MB: the memory one transaction may hold in the embedded
 *                      database; 0 is 60 % of the heap ({@link TransactionMemory})
 */
@ConfigurationProperties("perfgraph")
public record PerfgraphProperties(
        String neo4jUri,
        String neo4jUsername,
        String neo4jPassword,
        Path dataDir,
        int boltPort,
        long pageCacheMb,
        boolean loadSamples,
        int maxPageSize,
        int maxQueryDepth,
        int maxQueryComplexity,
        Duration queryTimeout,
        List<String> corsOrigins,
        long txMemoryMb) {

    /**
     * The page size a request asked for ({@code first}, or 20), refused with BAD_USER_INPUT when negative or above
     * the cap ({@code PERFGRAPH_MAX_PAGE_SIZE}): the one check every paged list applies.
     */
    public int pageSize(Integer first) {
        int n = first == null ? 20 : first;
        if (n < 0) {
            throw ApiException.badInput("'first' must not be negative");
        }
        if (n > WholeList.cap(maxPageSize)) {
            throw ApiException.badInput("'first' is " + n + "; at most " + maxPageSize
                    + " per page (PERFGRAPH_MAX_PAGE_SIZE). Page on with 'after'.");
        }
        return n;
    }

    public boolean embedded() {
        return neo4jUri == null || neo4jUri.isBlank();
    }
}
