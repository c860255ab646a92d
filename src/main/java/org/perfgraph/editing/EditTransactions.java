package org.perfgraph.editing;

import java.util.Map;
import java.util.function.Function;

import org.perfgraph.support.StoreSessions;
import org.springframework.stereotype.Component;

/**
 * Runs an edit as one write transaction: the edit's statements and its history entry, then the recount of the
 * stored counts it marked and the bump of the write generation. A refusal (or a client that went away) before the
 * commit leaves nothing behind; after it, the change and its history entry are both there.
 */
@Component
class EditTransactions {

    private final StoreSessions sessions;
    private final org.springframework.beans.factory.ObjectProvider<EditHook> hooks;

    EditTransactions(StoreSessions sessions, org.springframework.beans.factory.ObjectProvider<EditHook> hooks) {
        this.sessions = sessions;
        this.hooks = hooks;
    }

    <T> T write(Function<EditTransaction, T> work) {
        try (var session = sessions.writing()) {
            return session.executeWrite(tx -> {
                EditTransaction edit = new EditTransaction(tx);
                T result = work.apply(edit);
                // stored counts of the indicators and texts the edit relinked (the statements mark them)
                edit.run("ingest/recount-stale", Map.of());
                // aggregates kept at write time (family groups), after the counts: the import's order too
                hooks.orderedStream().forEach(h -> h.beforeCommit(tx, edit.touched()));
                // cached aggregates of the previous generation are no longer served
                edit.run("support/bump-generation", Map.of());
                return result;
            });
        }
    }
}
