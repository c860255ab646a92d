package org.perfgraph.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.springframework.stereotype.Component;

/**
 * Runs read queries from {@code cypher/} files in read transactions and returns plain maps (what GraphQL's
 * property fetchers read). Counts the statements it runs, so tests can prove a request costs a bounded number.
 */
@Component
public class GraphReader {

    private final Driver driver;
    private final TransactionConfig config;
    private final Duration timeout;
    private final AtomicLong statements = new AtomicLong();

    public GraphReader(Driver driver, PerfgraphProperties properties) {
        this.driver = driver;
        this.timeout = properties.queryTimeout();
        this.config = timeout == null ? TransactionConfig.empty() : TransactionConfig.builder().withTimeout(timeout).build();
    }

    /** Runs a script by name (see {@link CypherScripts}) and returns its records as maps. */
    public List<Map<String, Object>> rows(String script, Map<String, Object> parameters) {
        return query(CypherScripts.load(script), parameters);
    }

    /** Runs a statement built from fixed fragments; user input only ever travels in {@code parameters}. */
    public List<Map<String, Object>> query(String cypher, Map<String, Object> parameters) {
        statements.incrementAndGet();
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher, parameters).list(GraphReader::toMap), config);
        } catch (Neo4jException e) {
            if (e.code() != null && e.code().contains("TransactionTimedOut")) {
                // Neo4j stopped the statement (PERFGRAPH_QUERY_TIMEOUT): say so instead of an internal error.
                throw new ApiException("TIMEOUT", "The query ran longer than " + timeout.toMillis()
                        + " ms (PERFGRAPH_QUERY_TIMEOUT) and was stopped; narrow the filter or ask for smaller pages.", Map.of());
            }
            throw e;
        }
    }

    public Map<String, Object> single(String script, Map<String, Object> parameters) {
        List<Map<String, Object>> rows = rows(script, parameters);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Statements run so far by this reader. */
    public long statementCount() {
        return statements.get();
    }

    static Map<String, Object> toMap(Record record) {
        return record.asMap(GraphReader::convert);
    }

    static Object convert(Value value) {
        // the driver names the list type "LIST OF ANY?", not "LIST": nodes inside lists need converting too
        String type = value.type().name();
        if (type.startsWith("LIST")) {
            return value.asList(GraphReader::convert);
        }
        return switch (type) {
            case "NODE" -> value.asNode().asMap(GraphReader::convert);
            case "RELATIONSHIP" -> value.asRelationship().asMap(GraphReader::convert);
            case "MAP" -> value.asMap(GraphReader::convert);
            default -> value.asObject();
        };
    }
}
