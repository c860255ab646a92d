package org.perfgraph.analysis;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.perfgraph.GraphTest;

/**
 * Base of the analysis GraphQL tests: the shared seeded context, with a response timeout that allows for the
 * first planning of several analytic statements on a busy two-core machine (the tester's default is 5 s).
 */
abstract class AnalysisTest extends GraphTest {

    @BeforeEach
    void allowSlowFirstPlans() {
        graphQl = graphQl.mutate().webTestClient(client -> client.responseTimeout(Duration.ofSeconds(60)))
                .responseTimeout(Duration.ofSeconds(60)).build();
    }
}
