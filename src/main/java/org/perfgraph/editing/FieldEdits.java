package org.perfgraph.editing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfgraph.support.ApiException;
import org.springframework.stereotype.Service;

/**
 * Field edits of projects, targets and indicators: lock the node, compare the version the caller read with the
 * committed one (stale → CONFLICT with the current state), validate, write with a compare-and-set statement that
 * bumps the version, record the change. Any refusal throws before commit, so a refused edit changes nothing.
 */
@Service
class FieldEdits {

    /** Operations whose before-values can be written back by revertChange. */
    static final List<String> OPERATIONS = List.of("UPDATE_PROJECT", "UPDATE_TARGET", "RELINK_TARGET",
            "UPDATE_INDICATOR", "KEEP_CORRECTION", "REVERT");

    /** What an edit refuses unless asked not to. */
    record Guards(boolean numericOnly, boolean foreignL2Allowed) {
        /** Writing back what was stored before (reverts, re-imports): nothing to guard against. */
        static final Guards NONE = new Guards(false, true);
    }

    private final EditTransactions transactions;

    FieldEdits(EditTransactions transactions) {
        this.transactions = transactions;
    }

    Edited update(EditableKind kind, String id, int expectedVersion, Map<String, Object> requested, String operation,
                  String by, Guards guards) {
        return transactions.write(tx -> edit(tx, kind, id, expectedVersion, requested, operation, by, guards, null));
    }

    Edited edit(EditTransaction tx, EditableKind kind, String id, long expectedVersion, Map<String, Object> requested,
                String operation, String by, Guards guards, String revertOf) {
        tx.refuseStaleBeforeLock(kind, id, expectedVersion);
        Map<String, Object> row = tx.lockAndRead(kind, id);
        EditTransaction.checkVersion(kind, id, EditTransaction.node(row), expectedVersion);
        Map<String, Object> current = EditableFields.current(kind, row);
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        requested.forEach((field, value) -> {
            Object v = EditableFields.normalise(kind, field, value);
            if (!EditableFields.same(current.get(field), v)) {
                before.put(field, current.get(field));
                after.put(field, v);
            }
        });
        if (after.isEmpty()) {
            return new Edited(EditTransaction.node(row), null);
        }
        if (kind == EditableKind.TARGET && !guards.foreignL2Allowed()
                && (after.containsKey("level1") || after.containsKey("level2"))) {
            EditableFields.refuseForeignL2(
                    (String) (after.containsKey("level1") ? after : current).get("level1"),
                    (String) (after.containsKey("level2") ? after : current).get("level2"));
        }
        if (after.containsKey("indicator")) {
            tx.requireIndicator((String) after.get("indicator"));
        }
        if (kind == EditableKind.INDICATOR && after.get("code") != null) {
            refuseTakenCode(tx, (String) after.get("code"), id);
        }
        Map<String, Object> written = tx.set(kind, id, expectedVersion,
                EditableFields.plan(kind, after, row, guards.numericOnly()));
        if (written == null) {
            // Cannot happen under the lock; refusing keeps the transaction from committing half an edit.
            throw new ApiException("CONFLICT", kind.label + " " + id + " changed while it was being edited", null);
        }
        Map<String, Object> node = EditTransaction.node(written);
        Map<String, Object> change = ChangeLog.record(tx, new ChangeLog.Entry(by, operation, kind.label, id,
                documentId(kind, row), EditTransaction.version(node), before, after, new ArrayList<>(after.keySet()),
                null, revertOf));
        return new Edited(node, change);
    }

    /** Another indicator carrying the code is a CONFLICT: the two are one indicator, to be merged. */
    static void refuseTakenCode(EditTransaction tx, String code, String id) {
        Map<String, Object> other = tx.single("editing/indicator-by-code", Map.of("code", code, "id", id == null ? "" : id));
        if (other != null) {
            throw new ApiException("CONFLICT", "indicator " + other.get("id") + " (" + other.get("name")
                    + ") already has code " + code + "; merge the two with mergeIndicators",
                    Map.of("indicatorId", other.get("id")));
        }
    }

    private static String documentId(EditableKind kind, Map<String, Object> row) {
        return kind == EditableKind.INDICATOR ? null : (String) row.get("documentId");
    }
}
