package org.perfgraph.explore;

import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLType;
import org.perfgraph.support.PerfgraphProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Guards of the read API, all from configuration: body size, root fields, sort keys, fragment depth, query depth and
 * estimated complexity (refused before anything runs, with the limit and its setting in the message), and the
 * browser origins allowed to call /graphql. The
 * per-statement timeout lives in GraphReader (Neo4j stops the statement itself).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimitProperties.class)
class RequestLimits {

    /** Unpaged child lists (a project's targets) are estimated at this many elements each. */
    static final int LIST_FAN_OUT = 5;

    /**
     * What a root field adds to the estimate for the Cypher statement(s) it runs: a statement costs far more than a
     * field read from its rows (2,000 aliases of {@code stats} were 4,000 fields but 2,000 statements and 59 s).
     */
    static final int ROOT_STATEMENT_COST = 1000;

    /** Root fields, sort keys and fragment depth, checked before graphql-java validates the document. */
    @Bean
    Instrumentation documentLimits(RequestLimitProperties limits) {
        return new DocumentLimits(limits);
    }

    /** The body size of /graphql, checked before the body is parsed. */
    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(RequestLimitProperties limits) {
        FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(new RequestSizeFilter(limits.maxRequestBytes()));
        registration.addUrlPatterns("/graphql", "/graphql/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

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
                        + LIST_FAN_OUT + " under an unpaged one, and each root field " + ROOT_STATEMENT_COST
                        + " for its statements: ask for smaller pages, fewer nested lists or fewer root fields.", "MAX_QUERY_COMPLEXITY");
            }
        };
    }

    /**
     * A field costs 1 plus its children; under a paged list ('first') the children count per row, likewise under a
     * list; a root field also costs its statement.
     */
    static FieldComplexityCalculator complexity() {
        FieldComplexityCalculator fields = fieldsOnly();
        return (env, childComplexity) -> fields.calculate(env, childComplexity)
                + (env.getParentEnvironment() == null ? ROOT_STATEMENT_COST : 0);
    }

    private static FieldComplexityCalculator fieldsOnly() {
        return (env, childComplexity) -> {
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

    static AbortExecutionException refused(String message, String limit) {
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
