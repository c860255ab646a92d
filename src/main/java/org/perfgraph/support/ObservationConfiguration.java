package org.perfgraph.support;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Keeps the request-level observations (HTTP, graphql.request) and drops the one Spring for GraphQL opens for every
 * data fetcher: a 50-project page with its targets runs a few thousand fetchers, and timing each one cost about a
 * tenth of the request's CPU in a profile (see README, Performance). The request observation is made here, not by
 * Spring Boot's {@code GraphQlObservationAutoConfiguration} (excluded in application.yml), so that it joins the one
 * instrumentation graphql-java runs ({@link RequestObservation}).
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

    static final String DATA_FETCHER = "graphql.datafetcher";

    @Bean
    ObservationPredicate noDataFetcherObservations() {
        return (name, context) -> !DATA_FETCHER.equals(name);
    }

    @Bean
    RequestObservation requestObservation(ObservationRegistry registry) {
        return new RequestObservation(new GraphQlObservationInstrumentation(registry));
    }
}
