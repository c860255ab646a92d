package org.perfgraph.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The service's observation registry times requests but not each of the thousands of data fetchers of a page. */
class ObservationConfigurationTest extends GraphTest {

    @Autowired
    ObservationRegistry registry;

    @Test
    void data_fetcher_observations_are_off_and_request_observations_stay_on() {
        // a refused observation is the no-op one
        assertThat(Observation.createNotStarted("graphql.datafetcher", registry).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("graphql.request", registry).isNoop()).isFalse();
        assertThat(Observation.createNotStarted("http.server.requests", registry).isNoop()).isFalse();
    }
}
