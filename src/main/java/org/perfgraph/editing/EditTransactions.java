package org.perfgraph.editing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.perfgraph.support.ApiException;
import org.perfgraph.support.StoreSessions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Runs an edit as one write transaction: the edit's statements and its history entry, then the recount of the
 * stored counts it marked and the bump of the write generation. A refusal (or a client that went away) before the
 * commit leaves nothing behind; after it, the change and its history entry are both there.
 *
 * <p>The transaction runs at most {@code PERFGRAPH_EDIT_TIMEOUT}: ten editors of one target otherwise queue on its
 * lock for longer than their clients wait (measured by {@code bench/load-edits.sh}: 20 of 400 edits unanswered within
 * 30 s), and a client that gave up cannot tell whether its edit was applied. Stopped while waiting for a lock, the
 * edit is a CONFLICT (another edit or an import holds the node; retry on the current version); stopped later, a
 * TIMEOUT; either way nothing was written, and the extensions say {@code applied: false}.
 */
@Component
@EnableConfigurationProperties(EditProperties.class)
class EditTransactions {

    private final StoreSessions sessions;
    private final org.springframework.beans.factory.ObjectProvider<EditHook> hooks;
    private final Duration timeout;
    private final TransactionConfig config;

    EditTransactions(StoreSessions sessions, org.springframework.beans.factory.ObjectProvider<EditHook> hooks,
                     EditProperties properties) {
        this.sessions = sessions;
        this.hooks = hooks;
        this.timeout = properties.editTimeout();
        this.config = timeout == null ? TransactionConfig.empty() : TransactionConfig.builder().withTimeout(timeout).build();
    }

    <T> T write(Function<EditTransaction, T> work) {
        return write(work, false);
    }

    /**
     * Runs an edit through every step of {@link #write} (its statements, the recount, the hooks, the generation
     * bump) and then rolls it back: what {@link EditRehearsal} does so that those statements are planned before the
     * first real edit. Answers what the work answered.
     */
    <T> T rehearse(Function<EditTransaction, T> work) {
        try {
            write(work, true);
            throw new IllegalStateException("a rehearsed edit was not rolled back");
        } catch (RolledBack done) {
            @SuppressWarnings("unchecked")
            T result = (T) done.result;
            return result;
        }
    }

    /** Thrown at the end of a rehearsed edit: the driver rolls the transaction back and passes it on. */
    private static final class RolledBack extends RuntimeException {
        private final transient Object result;

        RolledBack(Object result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    private <T> T write(Function<EditTransaction, T> work, boolean rollback) {
        // the attempt the driver runs last (it retries transient failures): what it was doing when stopped
        AtomicReference<EditTransaction> attempt = new AtomicReference<>();
        long started = System.nanoTime();
        try (var session = sessions.writing()) {
            return session.executeWrite(tx -> {
                EditTransaction edit = new EditTransaction(tx);
                attempt.set(edit);
                T result = work.apply(edit);
                // stored counts of the indicators and texts the edit relinked (the statements mark them)
                edit.run("ingest/recount-stale", Map.of());
                // aggregates kept at write time (family groups), after the counts: the import's order too
                hooks.orderedStream().forEach(h -> h.beforeCommit(tx, edit.touched()));
                // cached aggregates of the previous generation are no longer served
                edit.run("support/bump-generation", Map.of());
                if (rollback) {
                    throw new RolledBack(result);
                }
                return result;
            }, config);
        } catch (Neo4jException e) {
            if (!stoppedAtTimeout(e, System.nanoTime() - started)) {
                throw e;
            }
            throw stopped(attempt.get() == null ? null : attempt.get().waitingFor());
        }
    }

    /**
     * Whether Neo4j stopped the transaction at the time limit: said so, or (a transaction stopped while waiting for a
     * lock is "terminated" and "can acquire no more locks") terminated once the limit had passed.
     */
    private boolean stoppedAtTimeout(Neo4jException e, long elapsedNanos) {
        String code = e.code() == null ? "" : e.code();
        return timeout != null && (code.contains("TransactionTimedOut")
                || (code.contains("Terminated") || code.contains("LockClientStopped")) && elapsedNanos >= timeout.toNanos());
    }

    /** The answer to an edit Neo4j stopped at the time limit: nothing of it was written. */
    private ApiException stopped(String waitingFor) {
        String limit = timeout.toMillis() + " ms (PERFGRAPH_EDIT_TIMEOUT)";
        if (waitingFor != null) {
            return new ApiException("CONFLICT", waitingFor + " is being changed by another edit or an import; this edit "
                    + "waited " + limit + " for it and changed nothing. Reload it and edit again.",
                    Map.of("entityId", waitingFor.substring(waitingFor.lastIndexOf(' ') + 1), "applied", false,
                            "retryable", true));
        }
        return new ApiException("TIMEOUT", "The edit ran longer than " + limit + " and was stopped; it changed nothing.",
                Map.of("applied", false));
    }
}
