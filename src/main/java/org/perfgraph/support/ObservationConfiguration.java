package org.perfgraph.support;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the request-level observations (HTTP, graphql.request) and drops the one Spring for GraphQL opens for every
 * data fetcher: a 50-project page with its targets runs a few thousand fetchers, and timing each one cost about a
 * tenth of the request's CPU in a profile (see README, Performance).
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

    static final String DATA_FETCHER = "graphql.datafetcher";

    @Bean
    ObservationPredicate noDataFetcherObservations() {
        return (name, context) -> !DATA_FETCHER.equals(name);
    }
}
