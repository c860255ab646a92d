package org.perfgraph.explore;

import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLType;
import org.perfgraph.support.PerfgraphProperties;
import org.perfgraph.support.WholeList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Guards of the read API, all from configuration: query depth and estimated complexity (refused before anything
 * runs, with the limit and its setting in the message), and the browser origins allowed to call /graphql. The
 * per-statement timeout lives in GraphReader (Neo4j stops the statement itself).
 */
@Configuration(proxyBeanMethods = false)
class RequestLimits {

    /** Unpaged child lists (a project's targets) are estimated at this many elements each. */
    static final int LIST_FAN_OUT = 5;

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(PerfgraphProperties properties) {
        return new MaxQueryDepthInstrumentation(properties.maxQueryDepth()) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return refused("The query nests " + depth + " levels deep; at most " + maxDepth
                        + " are allowed (PERFGRAPH_MAX_QUERY_DEPTH).", "MAX_QUERY_DEPTH");
            }
        };
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(PerfgraphProperties properties) {
        return new MaxQueryComplexityInstrumentation(properties.maxQueryComplexity(), complexity()) {
            @Override
            protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
                return refused("The query's estimated cost is " + complexity + "; at most " + maxComplexity
                        + " is allowed (PERFGRAPH_MAX_QUERY_COMPLEXITY). Each field costs 1, multiplied by 'first' under a paged list and by "
                        + LIST_FAN_OUT + " under an unpaged one: ask for smaller pages or fewer nested lists.", "MAX_QUERY_COMPLEXITY");
            }
        };
    }

    /** A field costs 1 plus its children; under a paged list ('first') the children count per row, likewise under a list. */
    static FieldComplexityCalculator complexity() {
        return (env, childComplexity) -> {
            if (WholeList.active()) {
                // an export's own read: it bounds its rows by PERFGRAPH_EXPORT_MAX_ROWS instead
                return 1 + childComplexity;
            }
            Object first = env.getArguments().get("first");
            if (first instanceof Number n && env.getFieldDefinition().getArgument("after") != null) {
                return 1 + childComplexity * Math.max(1, n.intValue());
            }
            // A connection's edges are the page that 'first' already counted.
            boolean edges = env.getParentType().getName().endsWith("Connection");
            if (!edges && isList(env.getFieldDefinition().getType())) {
                return 1 + childComplexity * LIST_FAN_OUT;
            }
            return 1 + childComplexity;
        };
    }

    private static boolean isList(GraphQLType type) {
        GraphQLType t = type instanceof GraphQLNonNull nn ? nn.getWrappedType() : type;
        return t instanceof GraphQLList;
    }

    private static AbortExecutionException refused(String message, String limit) {
        GraphQLError error = GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(message)
                .extensions(Map.of("classification", "BAD_USER_INPUT", "limit", limit)).build();
        return new AbortExecutionException(List.of(error));
    }

    /** Dashboards on other origins may call /graphql from a browser only if listed in PERFGRAPH_CORS_ORIGINS. */
    @Bean
    WebMvcConfigurer graphQlCors(PerfgraphProperties properties) {
        List<String> origins = properties.corsOrigins() == null ? List.of()
                : properties.corsOrigins().stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        return new WebMvcConfigurer() {
            @Override
            public void addCorsMappings(CorsRegistry registry) {
                if (!origins.isEmpty()) {
                    registry.addMapping("/graphql").allowedOrigins(origins.toArray(String[]::new))
                            .allowedMethods("GET", "POST").allowedHeaders("*").maxAge(3600);
                }
            }
        };
    }
}
