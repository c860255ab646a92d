package org.perfgraph.editing;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Once the service has started, runs one edit of a stored target through the whole edit path and rolls it back, so
 * that Neo4j has planned the edit's statements (the lock, the compare-and-set, the history entry, the recount, the
 * family-group refresh) before the first real edit. Measured by {@code bench/load.sh}: without it the first edits
 * after a start, planned while 50 readers held the CPU, ran past {@code PERFGRAPH_EDIT_TIMEOUT} (7 transactions
 * stopped in the run's first 25 s, none after). Nothing is written; an empty store has nothing to rehearse on. The
 * {@code import} command (no web server) skips it. A rehearsal that fails is one warning line, never a failed start.
 */
@Component
class EditRehearsal implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EditRehearsal.class);

    private final EditTransactions transactions;
    private final FieldEdits edits;
    private final ApplicationContext context;

    EditRehearsal(EditTransactions transactions, FieldEdits edits, ApplicationContext context) {
        this.transactions = transactions;
        this.edits = edits;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!(context instanceof WebServerApplicationContext)) {
            return;
        }
        long start = System.nanoTime();
        try {
            String target = rehearse();
            if (target != null) {
                log.info("Edit path rehearsed on target {} and rolled back in {} ms", target,
                        (System.nanoTime() - start) / 1_000_000);
            }
        } catch (RuntimeException e) {
            // only a warm-up: the service serves without it (the first edits are then planned when they come)
            log.warn("Edit path not rehearsed ({}); the first edits will be slower", e.getMessage());
        }
    }

    /** Rehearses one value edit of a target; answers the target's id, or null on a store without targets. */
    String rehearse() {
        return transactions.rehearse(tx -> {
            Map<String, Object> target = tx.single("editing/rehearsal-target", Map.of());
            if (target == null) {
                return null;
            }
            String id = (String) target.get("id");
            String value = "≥12345".equals(target.get("annual")) ? "≥12346" : "≥12345";
            edits.edit(tx, EditableKind.TARGET, id, ((Number) target.get("version")).longValue(), Map.of("annual", value),
                    "UPDATE_TARGET", "rehearsal", FieldEdits.Guards.NONE, null);
            return id;
        });
    }
}
