package org.perfgraph.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import org.perfgraph.support.PerfgraphProperties;
import org.perfgraph.support.RequestObservation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
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

    /**
     * The document's checks, in order: root fields, sort keys and fragment depth before graphql-java validates it
     * ({@link DocumentLimits}), then its depth and the complexity estimate ({@link ComplexityEstimate}), after the
     * request's observation ({@link RequestObservation}) so that it times them too: the one instrumentation
     * graphql-java runs, doing nothing per field ({@link DocumentLevelChecks}). Set on graphql-java directly, not as
     * an {@code Instrumentation} bean, which Spring would wrap in a chain of its own that runs at every field.
     */
    @Bean
    GraphQlSourceBuilderCustomizer requestLimitChecks(RequestLimitProperties limits, PerfgraphProperties properties,
                                                      FanOuts fanOuts, ObjectProvider<RequestObservation> observation) {
        List<Instrumentation> members = new ArrayList<>();
        observation.ifAvailable(o -> members.add(o.instrumentation()));
        members.add(new DocumentLimits(limits));
        members.add(maxQueryDepth(properties));
        members.add(ComplexityEstimate.instrumentation(properties.maxQueryComplexity(), fanOuts));
        Instrumentation checks = new DocumentLevelChecks(members);
        return builder -> builder.configureGraphQl(graphQl -> graphQl.instrumentation(checks));
    }

    /** The body size of /graphql, checked before the body is parsed. */
    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(RequestLimitProperties limits) {
        FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(new RequestSizeFilter(limits.maxRequestBytes()));
        registration.addUrlPatterns("/graphql", "/graphql/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    private static MaxQueryDepthInstrumentation maxQueryDepth(PerfgraphProperties properties) {
        return new MaxQueryDepthInstrumentation(properties.maxQueryDepth()) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return refused("The query nests " + depth + " levels deep; at most " + maxDepth
                        + " are allowed (PERFGRAPH_MAX_QUERY_DEPTH).", "MAX_QUERY_DEPTH");
            }
        };
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
