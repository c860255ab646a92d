package org.perfgraph.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.perfgraph.support.ApiException;
import org.perfgraph.support.StoreSessions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An edit does not queue on another transaction's lock for longer than PERFGRAPH_EDIT_TIMEOUT (here 2 s, on edits
 * built beside the context's), and an edit already based on a stale version does not queue at all; both answer
 * CONFLICT, write nothing, and say so; one stopped at the limit after it took the lock is a TIMEOUT that wrote
 * nothing either.
 */
class EditTimeoutTest extends EditingTestSupport {

    @Autowired
    StoreSessions sessions;

    @Autowired
    ObjectProvider<EditHook> hooks;

    /** The context's edits (PERFGRAPH_EDIT_TIMEOUT's default), for the edits that must go through. */
    @Autowired
    FieldEdits contextEdits;

    private FieldEdits edits() {
        return new FieldEdits(new EditTransactions(sessions, hooks, new EditProperties(Duration.ofSeconds(2))));
    }

    private ApiException updateWhileLocked(String target, long expectedVersion) throws Exception {
        try (Session holder = driver.session(); Transaction lock = holder.beginTransaction()) {
            // another writer (an edit or an import) holding the target's lock and not committing
            lock.run("MATCH (t:Target {id: $id}) SET t.heldByTest = true", Map.of("id", target)).consume();
            CompletableFuture<ApiException> edit = CompletableFuture.supplyAsync(() -> catchThrowableOfType(
                    ApiException.class, () -> edits().update(EditableKind.TARGET, target, (int) expectedVersion,
                            Map.of("annual", "≥9"), "UPDATE_TARGET", EDITOR_NAME, FieldEdits.Guards.NONE)));
            ApiException refused;
            try {
                refused = edit.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError("the edit failed otherwise: " + e.getCause().getCause(), e.getCause());
            }
            lock.rollback();
            return refused;
        }
    }

    @Test
    void an_edit_waiting_for_a_held_lock_is_stopped_at_the_edit_timeout_as_a_conflict_that_changed_nothing() throws Exception {
        String target = EditingFixture.target(driver, "111900001");
        int version = EditingFixture.version(driver, target);
        Object annual = EditingFixture.property(driver, target, "annualRaw");

        ApiException refused = updateWhileLocked(target, version);

        assertThat(refused).as("the edit came back refused").isNotNull();
        assertThat(refused.classification()).isEqualTo("CONFLICT");
        assertThat(refused.getMessage()).contains("Target " + target).contains("2000 ms (PERFGRAPH_EDIT_TIMEOUT)")
                .contains("changed nothing");
        assertThat(refused.extensions()).containsEntry("applied", false).containsEntry("retryable", true)
                .containsEntry("entityId", target);
        assertThat(EditingFixture.version(driver, target)).isEqualTo(version);
        assertThat(EditingFixture.property(driver, target, "annualRaw")).isEqualTo(annual);
        assertThat(EditingFixture.single(driver, "MATCH (c:Change {entityId: $id}) RETURN count(c) AS v",
                Map.of("id", target))).isEqualTo(0L);

        // the lock released, the same edit goes through
        contextEdits.update(EditableKind.TARGET, target, version, Map.of("annual", "≥9"), "UPDATE_TARGET", EDITOR_NAME,
                FieldEdits.Guards.NONE);
        assertThat(EditingFixture.version(driver, target)).isEqualTo(version + 1);
    }

    @Test
    void an_edit_stopped_after_it_took_the_lock_is_a_timeout_that_changed_nothing() {
        String target = EditingFixture.target(driver, "111900001");
        int version = EditingFixture.version(driver, target);
        Object annual = EditingFixture.property(driver, target, "annualRaw");
        // a hook that outlasts the limit: the edit's own statements have run, the lock is held, then Neo4j stops it
        var factory = new org.springframework.beans.factory.support.StaticListableBeanFactory();
        factory.addBean("slowHook", (EditHook) (tx, touched) -> tx.run(
                "UNWIND range(1, 5000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS c").consume());
        FieldEdits slow = new FieldEdits(new EditTransactions(sessions, factory.getBeanProvider(EditHook.class),
                new EditProperties(Duration.ofSeconds(2))));

        ApiException stopped = catchThrowableOfType(ApiException.class, () -> slow.update(EditableKind.TARGET, target,
                version, Map.of("annual", "≥9"), "UPDATE_TARGET", EDITOR_NAME, FieldEdits.Guards.NONE));

        assertThat(stopped).as("the edit came back stopped").isNotNull();
        assertThat(stopped.classification()).isEqualTo("TIMEOUT");
        assertThat(stopped.getMessage()).contains("2000 ms (PERFGRAPH_EDIT_TIMEOUT)").contains("changed nothing");
        assertThat(stopped.extensions()).containsEntry("applied", false).doesNotContainKey("retryable");
        assertThat(EditingFixture.version(driver, target)).isEqualTo(version);
        assertThat(EditingFixture.property(driver, target, "annualRaw")).isEqualTo(annual);
        assertThat(EditingFixture.single(driver, "MATCH (c:Change {entityId: $id}) RETURN count(c) AS v",
                Map.of("id", target))).isEqualTo(0L);
    }

    @Test
    void an_edit_based_on_a_stale_version_is_refused_without_waiting_for_the_lock() throws Exception {
        String target = EditingFixture.target(driver, "111900001");
        int version = EditingFixture.version(driver, target);
        contextEdits.update(EditableKind.TARGET, target, version, Map.of("annual", "≥7"), "UPDATE_TARGET", EDITOR_NAME,
                FieldEdits.Guards.NONE);

        ApiException refused = updateWhileLocked(target, version);

        // the version conflict (with the current state), not the lock wait's: it never queued behind the holder
        assertThat(refused.classification()).isEqualTo("CONFLICT");
        assertThat(refused.extensions()).containsEntry("currentVersion", (long) version + 1)
                .containsEntry("expectedVersion", (long) version).doesNotContainKey("retryable");
        assertThat(EditingFixture.version(driver, target)).isEqualTo(version + 1);
    }
}
