package org.perfgraph.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Many editors racing on one target over HTTP: one wins per version, the rest get CONFLICT, no update is lost. */
class ConcurrentEditsTest extends EditingTestSupport {

    private static final int EDITORS = 8;
    private static final int ROUNDS = 6;

    @Test
    void racing_editors_win_exactly_once_per_version_and_the_history_chains_without_a_lost_update() throws Exception {
        String target = EditingFixture.target(driver, "111900001");
        HttpGraphQlTester tester = editor();
        ExecutorService pool = Executors.newFixedThreadPool(EDITORS);
        List<String> winners = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                int version = EditingFixture.version(driver, target);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<ResponseError>>> attempts = new ArrayList<>();
                for (int e = 0; e < EDITORS; e++) {
                    String value = "≥" + (100 * (round + 1) + e);
                    attempts.add(pool.submit(() -> {
                        start.await();
                        return errors(tester.document(UPDATE_TARGET).variable("input",
                                Map.of("id", target, "expectedVersion", version, "annual", value)).execute());
                    }));
                }
                start.countDown();
                int won = 0;
                for (Future<List<ResponseError>> attempt : attempts) {
                    List<ResponseError> errors = attempt.get(60, TimeUnit.SECONDS);
                    if (errors.isEmpty()) {
                        won++;
                    } else {
                        assertThat(classification(errors)).isEqualTo("CONFLICT");
                    }
                }
                assertThat(won).as("winners of round %d", round).isEqualTo(1);
                assertThat(EditingFixture.version(driver, target)).isEqualTo(version + 1);
                winners.add((String) EditingFixture.property(driver, target, "annualRaw"));
            }
        } finally {
            pool.shutdownNow();
        }
        // The history is one unbroken chain: each change's before is the previous change's after.
        List<Map<String, Object>> history = graphQl.document("""
                        query($id: ID!) { history(entityId: $id) { version before after by } }""")
                .variable("id", target).execute().path("history").entityList(Map.class).get()
                .stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(history).hasSize(ROUNDS);
        String previous = "≥6";
        for (int i = 0; i < ROUNDS; i++) {
            Map<String, Object> change = history.get(i);
            assertThat(change.get("version")).isEqualTo(i + 2);
            assertThat(((Map<?, ?>) change.get("before")).get("annual")).isEqualTo(previous);
            previous = (String) ((Map<?, ?>) change.get("after")).get("annual");
            assertThat(previous).isEqualTo(winners.get(i));
        }
        assertThat(EditingFixture.property(driver, target, "annualRaw")).isEqualTo(previous);
    }
}
