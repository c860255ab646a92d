package org.perfgraph.support;

import java.time.Duration;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.springframework.stereotype.Component;

/**
 * Runs read queries from {@code cypher/} files in read transactions and returns plain maps (what GraphQL's
 * property fetchers read). Counts the statements it runs, so tests can prove a request costs a bounded number,
 * and keeps the last one's text.
 */
@Component
public class GraphReader {

    private final StoreSessions sessions;
    private final TransactionConfig config;
    private final Duration timeout;
    private final AtomicLong statements = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicReference<String> last = new java.util.concurrent.atomic.AtomicReference<>();

    private final ReadSlots slots;
    private final TransactionMemory memory;

    /** A reader of its own, without the service's read slots (a test's). */
    public GraphReader(StoreSessions sessions, PerfgraphProperties properties) {
        this(sessions, properties, ReadSlots.unlimited());
    }

    @org.springframework.beans.factory.annotation.Autowired
    public GraphReader(StoreSessions sessions, PerfgraphProperties properties, ReadSlots slots) {
        this.sessions = sessions;
        this.slots = slots;
        this.memory = TransactionMemory.of(properties);
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
        last.set(cypher);
        try {
            return slots.run(timeout, () -> {
                try (var session = sessions.reading()) {
                    // Transient failures are retried by the driver (up to 30 s): the memory pool shared by all
                    // running transactions fills up under concurrent whole-graph requests and frees again.
                    return session.executeRead(tx -> tx.run(cypher, parameters).list(GraphReader::toMap), config);
                }
            });
        } catch (Neo4jException e) {
            if (TransactionMemory.exceeded(e)) {
                // still out of memory after the retries: a statement too large for the database, said plainly
                throw new ApiException("RESOURCE_LIMIT", "The query needed more memory than the database allows "
                        + "a transaction and was stopped; narrow the filter or ask for smaller pages (the limit: "
                        + memory.advice() + ").", Map.of());
            }
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

    /** The text of the statement this reader ran last (by any thread): what a test of a compiled read looks at. */
    public String lastStatement() {
        return last.get();
    }

    /** Statements run so far by this reader. */
    public long statementCount() {
        return statements.get();
    }

    static Map<String, Object> toMap(Record record) {
        return new Row(record.asMap(GraphReader::convert));
    }

    /**
     * An unmodifiable row or node as GraphQL sees it, with its hash computed once: batch loaders key their results
     * by the parent objects, so every parent's hash is asked for several times per request (recomputing the hash of
     * a 30-property target each time was a tenth of a page request's CPU in a profile).
     */
    static final class Row extends AbstractMap<String, Object> {
        private final Map<String, Object> values;
        private int hash;
        private boolean hashed;

        Row(Map<String, Object> values) {
            this.values = values;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return values.entrySet();
        }

        @Override
        public Object get(Object key) {
            return values.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return values.containsKey(key);
        }

        @Override
        public int size() {
            return values.size();
        }

        @Override
        public int hashCode() {
            if (!hashed) {
                hash = values.hashCode();
                hashed = true;
            }
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other == this || values.equals(other);
        }
    }

    static Object convert(Value value) {
        // the driver names the list type "LIST OF ANY?", not "LIST": nodes inside lists need converting too
        String type = value.type().name();
        if (type.startsWith("LIST")) {
            return value.asList(GraphReader::convert);
        }
        return switch (type) {
            case "NODE" -> new Row(value.asNode().asMap(GraphReader::convert));
            case "RELATIONSHIP" -> new Row(value.asRelationship().asMap(GraphReader::convert));
            case "MAP" -> new Row(value.asMap(GraphReader::convert));
            default -> value.asObject();
        };
    }
}
