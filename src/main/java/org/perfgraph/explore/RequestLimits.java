package org.perfgraph.explore;

import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import org.perfgraph.support.PerfgraphProperties;
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

    /** The estimate and its message: {@link ComplexityEstimate}. */
    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(PerfgraphProperties properties, FanOuts fanOuts) {
        return ComplexityEstimate.instrumentation(properties.maxQueryComplexity(), fanOuts);
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
