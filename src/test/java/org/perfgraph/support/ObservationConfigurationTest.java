package org.perfgraph.support;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.instrumentation.Instrumentation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * The service's observation registry times requests but not each of the thousands of data fetchers of a page, and
 * the request's observation is part of the one instrumentation graphql-java runs.
 */
class ObservationConfigurationTest extends GraphTest {

    @Autowired
    ObservationRegistry registry;

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    ListableBeanFactory beans;

    @Test
    void graphql_java_runs_one_instrumentation_that_times_the_request() {
        // not a chain of several, which graphql-java would ask for a context at every field
        assertThat(graphQlSource.graphQl().getInstrumentation().getClass().getSimpleName()).isEqualTo("DocumentLevelChecks");
        assertThat(beans.getBeanNamesForType(Instrumentation.class)).isEmpty();
        // that it still times requests: OperationsTest reads graphql_request_seconds_count off /actuator/prometheus
    }

    @Test
    void data_fetcher_observations_are_off_and_request_observations_stay_on() {
        // a refused observation is the no-op one
        assertThat(Observation.createNotStarted("graphql.datafetcher", registry).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("graphql.request", registry).isNoop()).isFalse();
        assertThat(Observation.createNotStarted("http.server.requests", registry).isNoop()).isFalse();
    }
}
