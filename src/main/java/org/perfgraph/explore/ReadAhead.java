package org.perfgraph.explore;

import java.util.List;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.perfgraph.support.PerfgraphProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A root list's whole selection in one statement: what its nodes' fields need (links, child lists and their
 * connections, computed counts) is planned from the selection ({@link ReadAheadPlanner}) and read by the page's own
 * statement, so a request costs one round trip per root field whatever its depth. The fetchers of those fields
 * answer from their source when it carries the answer ({@link Prefetched}) and load it as before otherwise.
 * {@code PERFGRAPH_COMPILED_READS=false} turns it off: every level is then its own statement again (the batched
 * read path, kept as the fallback and for comparison).
 */
@Configuration(proxyBeanMethods = false)
class ReadAhead {

    private final PerfgraphProperties properties;
    private volatile boolean enabled;

    ReadAhead(PerfgraphProperties properties, @Value("${perfgraph.compiled-reads:true}") boolean enabled) {
        this.properties = properties;
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    /** Tests compare the compiled answers with the batched ones in one context. */
    void enabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** A planner for one statement, numbering its parameters with the statement's translator. */
    ReadAheadPlanner planner(WhereTranslator where) {
        return new ReadAheadPlanner(properties, where);
    }

    @Bean
    GraphQlSourceBuilderCustomizer answersReadAhead() {
        return builder -> builder.typeVisitors(List.of(new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
                                                                TraverserContext<GraphQLSchemaElement> context) {
                if (context.getParentNode() instanceof GraphQLFieldsContainer type
                        && ReadAheadPlanner.COORDINATES.contains(type.getName() + "." + field.getName())) {
                    GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
                    FieldCoordinates coordinates = FieldCoordinates.coordinates(type.getName(), field.getName());
                    DataFetcher<?> loader = registry.getDataFetcher(coordinates, field);
                    registry.dataFetcher(coordinates, (DataFetcher<Object>) env ->
                            Prefetched.answered(env) ? Prefetched.answer(env) : loader.get(env));
                }
                return TraversalControl.CONTINUE;
            }
        }));
    }
}
