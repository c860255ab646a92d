package org.perfgraph.explore;

import java.util.Map;

import graphql.TrivialDataFetcher;
import graphql.schema.idl.RuntimeWiring;
import org.perfgraph.graph.StoredValue;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The fields read straight off a node's stored properties under another name or shape: a target's values (one
 * {@link StoredValue} each), its exact decimals (read from their text; the float beside them is what filters
 * compare), a document's kinds with the defaults of documents stored before kinds existed. Plain graphql-java
 * fetchers marked trivial, not controller methods: a page runs them for every target, and a controller method costs
 * an argument resolution, a reflective call and a context snapshot each time.
 */
@Component
class NodePropertyFetchers implements RuntimeWiringConfigurer {

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Target", type -> type
                .dataFetcher("annual", value("annual"))
                .dataFetcher("period", value("period"))
                .dataFetcher("actual", value("actual"))
                .dataFetcher("weight", property("weightText", null))
                .dataFetcher("score", property("scoreText", null))
                .dataFetcher("points", property("pointsText", null)));
        wiring.type("Document", type -> type
                .dataFetcher("kind", property("kind", "DECLARATION"))
                .dataFetcher("fileKind", property("fileKind", "TEXT"))
                .dataFetcher("truncated", property("truncated", false)));
    }

    private static TrivialDataFetcher<Object> value(String prefix) {
        return env -> StoredValue.read(env.<Map<String, Object>>getSource(), prefix);
    }

    /** The stored property, or {@code missing} where the node has none. */
    private static TrivialDataFetcher<Object> property(String name, Object missing) {
        return env -> {
            Object value = env.<Map<String, Object>>getSource().get(name);
            return value == null ? missing : value;
        };
    }
}
