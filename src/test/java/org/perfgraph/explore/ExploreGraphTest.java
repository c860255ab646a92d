package org.perfgraph.explore;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.perfgraph.GraphTest;

/**
 * The shared graph test context with a patient client: the tester's default 5 s response timeout fails requests
 * on a loaded build machine; these tests assert answers, never durations.
 */
abstract class ExploreGraphTest extends GraphTest {

    @BeforeEach
    void patientClient() {
        graphQl = graphQl.mutate().responseTimeout(Duration.ofSeconds(60))
                .webTestClient(client -> client.responseTimeout(Duration.ofSeconds(60))).build();
    }
}
