package org.perfgraph.explore;

import org.perfgraph.support.ResultCache;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a dashboard polling the same queries needs from /graphql: queries over GET with an ETag from the store's
 * write generation ({@link GetRequests}), and persisted queries by hash over GET and POST ({@link PersistedQueries}),
 * so that a poll costs a short URL and, while nothing was written, one read of the generation.
 * Only in the web service: the command-line tools (import, backup, ...) start the same context without HTTP.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PollingRequests {

    private final PersistedQueries persisted = new PersistedQueries();

    /** Before Spring for GraphQL's own router (order 0), which answers every GET with 405. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphQlGet(WebGraphQlHandler handler, ResultCache generations, JsonMapper json) {
        return RouterFunctions.route(RequestPredicates.GET("/graphql")
                        .and(request -> request.param("query").isPresent() || request.param("extensions").isPresent()),
                new GetRequests(persisted, handler, generations, json));
    }

    /** After the body size check (RequestLimits), before Spring for GraphQL reads the body. */
    @Bean
    FilterRegistrationBean<PersistedQueryFilter> persistedQueryFilter(JsonMapper json) {
        FilterRegistrationBean<PersistedQueryFilter> registration =
                new FilterRegistrationBean<>(new PersistedQueryFilter(persisted, json));
        registration.addUrlPatterns("/graphql");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
