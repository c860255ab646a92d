package org.perfgraph.editing;

import static org.perfgraph.editing.EditTransaction.node;
import static org.perfgraph.editing.EditTransaction.version;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.perfgraph.support.ApiException;
import org.springframework.stereotype.Service;

/**
 * revertChange: undoes one recorded change in one transaction — a field change by writing its before-values back,
 * a hand entry by removing it, a target deletion by bringing the target back, a merge by restoring the removed
 * indicator — unless a later change of the same node touched the same fields (CONFLICT).
 */
@Service
class ChangeReverts {

    private final EditTransactions transactions;
    private final FieldEdits fieldEdits;

    ChangeReverts(EditTransactions transactions, FieldEdits fieldEdits) {
        this.transactions = transactions;
        this.fieldEdits = fieldEdits;
    }

    @SuppressWarnings("unchecked")
    Edited revert(String changeId, String by) {
        return transactions.write(tx -> {
            Map<String, Object> found = tx.single("editing/change", Map.of("id", changeId == null ? "" : changeId));
            if (found == null) {
                throw ApiException.notFound("no change with id " + changeId);
            }
            Map<String, Object> change = node(found);
            String operation = (String) change.get("operation");
            switch (operation) {
                case "ADD_TARGET", "CREATE_PROJECT", "CREATE_INDICATOR" -> {
                    return revertCreation(tx, change, by);
                }
                case "DELETE_TARGET" -> {
                    return revertTargetDeletion(tx, change, by);
                }
                case "MERGE_INDICATORS" -> {
                    return revertMerge(tx, change, by);
                }
                default -> {
                    if (!FieldEdits.OPERATIONS.contains(operation) || ((List<?>) change.get("fields")).isEmpty()) {
                        throw ApiException.badInput("a " + operation + " change cannot be reverted (a deleted project's"
                                + " targets are not kept in full, an import is undone by importing again)");
                    }
                }
            }
            EditableKind kind = EditableKind.ofLabel((String) change.get("entityKind"));
            String entityId = (String) change.get("entityId");
            Map<String, Object> row = tx.lockChangedEntity(kind, entityId, kind.label + " " + entityId + " no longer exists");
            change = notYetReverted(tx, changeId);
            List<String> fields = (List<String>) change.get("fields");
            tx.refuseIfChangedLater(entityId, change.get("version"), fields, String.join(", ", fields) + " of " + entityId);
            Map<String, Object> requested = new LinkedHashMap<>();
            // in input form an empty text clears a field: a null before-value is written back as that
            HistoryJson.read((String) change.get("before")).forEach((f, v) -> requested.put(f, v == null ? "" : v));
            Edited edited = fieldEdits.edit(tx, kind, entityId, version(node(row)), requested, "REVERT", by,
                    FieldEdits.Guards.NONE, changeId);
            if (edited.change() != null) {
                tx.run("editing/mark-reverted", Map.of("id", changeId, "revertedBy", edited.change().get("id")));
            }
            return edited;
        });
    }

    /** Refuses a change that was reverted already; read under the lock of the node the revert writes. */
    private static Map<String, Object> notYetReverted(EditTransaction tx, String changeId) {
        Map<String, Object> change = node(tx.single("editing/change", Map.of("id", changeId)));
        if (change.get("revertedBy") != null) {
            throw new ApiException("CONFLICT", "change " + changeId + " was already reverted by change "
                    + change.get("revertedBy"), Map.of("revertedBy", change.get("revertedBy")));
        }
        return change;
    }

    private static Edited recordRevert(EditTransaction tx, Map<String, Object> change, String by, String entityKind,
                                       String entityId, Long version, Map<String, Object> before,
                                       Map<String, Object> after, List<String> related) {
        Map<String, Object> revert = ChangeLog.record(tx, new ChangeLog.Entry(by, "REVERT", entityKind, entityId,
                (String) change.get("documentId"), version, before, after, List.of(), related, (String) change.get("id")));
        tx.run("editing/mark-reverted", Map.of("id", change.get("id"), "revertedBy", revert.get("id")));
        return new Edited(null, revert);
    }

    /** Undoes a hand entry: removes the project, target or indicator again, if nothing was changed on it since. */
    @SuppressWarnings("unchecked")
    private static Edited revertCreation(EditTransaction tx, Map<String, Object> change, String by) {
        EditableKind kind = EditableKind.ofLabel((String) change.get("entityKind"));
        String id = (String) change.get("entityId");
        Map<String, Object> row = tx.lockChangedEntity(kind, id, kind.label + " " + id + " no longer exists");
        change = notYetReverted(tx, (String) change.get("id"));
        tx.refuseIfChangedLater(id, change.get("version"), kind.fields, id);
        Map<String, Object> node = node(row);
        switch (kind) {
            case PROJECT -> {
                if (((Number) node.get("targetCount")).intValue() > 0) {
                    throw new ApiException("CONFLICT", "project " + id + " has targets now; delete them first", null);
                }
                StructuralEdits.removeProject(tx, id, version(node));
            }
            case TARGET -> StructuralEdits.removeTarget(tx, id, version(node));
            case INDICATOR -> {
                Number measured = (Number) row.get("targetCount");
                if (measured.intValue() > 0) {
                    throw new ApiException("CONFLICT", "indicator " + id + " is measured by " + measured
                            + " targets now; relink them first", null);
                }
                tx.run("editing/delete-indicator", Map.of("id", id, "expectedVersion", version(node)));
            }
        }
        return recordRevert(tx, change, by, kind.label, id, version(node) + 1,
                HistoryJson.read((String) change.get("after")), Map.of(), (List<String>) change.get("relatedIds"));
    }

    /** Undoes a target deletion: the target comes back under the same id, values, categories and indicator. */
    @SuppressWarnings("unchecked")
    private static Edited revertTargetDeletion(EditTransaction tx, Map<String, Object> change, String by) {
        String id = (String) change.get("entityId");
        List<String> related = (List<String>) change.get("relatedIds");
        String projectId = related == null || related.isEmpty() ? null : related.get(0);
        Map<String, Object> projectRow = tx.lockChangedEntity(EditableKind.PROJECT, projectId,
                "the project of target " + id + " no longer exists");
        change = notYetReverted(tx, (String) change.get("id"));
        if (tx.single(EditableKind.TARGET.readScript(), Map.of("id", id)) != null) {
            throw new ApiException("CONFLICT", "target " + id + " exists again (a re-import brought it back)", null);
        }
        Map<String, Object> was = HistoryJson.read((String) change.get("before"));
        if (was.get("indicatorId") != null && was.get("indicator") instanceof Map<?, ?> indicator
                && tx.single("editing/indicator", Map.of("id", was.get("indicatorId"))) == null) {
            tx.run("editing/restore-indicator", Map.of("props", indicator));
        }
        if (was.get("indicatorId") == null || tx.single("editing/indicator", Map.of("id", was.get("indicatorId"))) == null) {
            throw new ApiException("CONFLICT", "the indicator target " + id + " measured no longer exists", null);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("annual", was.get("annualRaw"));
        values.put("period", was.get("periodRaw"));
        values.put("level1", was.get("level1"));
        values.put("level2", was.get("level2"));
        values.put("indicator", was.get("indicatorId"));
        values.values().removeIf(Objects::isNull);
        StructuralEdits.insertTarget(tx, id, projectRow, values);
        // What it was besides its values: where it was read and what the row said.
        Map<String, Object> identity = new HashMap<>();
        for (String p : List.of("line", "ordinal", "indicatorName", "indicatorCode", "level1Raw", "level2Raw",
                "categoryInferred", "manual")) {
            identity.put(p, was.get(p));
        }
        tx.set(EditableKind.TARGET, id, 1, new EditableFields.Write(identity, EditableFields.noLinks()));
        long version = ((Number) change.get("version")).longValue() + 1;
        tx.run("editing/restore-version", Map.of("id", id, "version", version));
        return recordRevert(tx, change, by, EditableKind.TARGET.label, id, version, Map.of(), values, related);
    }

    /** Undoes a merge: the removed indicator comes back and takes its targets back. */
    @SuppressWarnings("unchecked")
    private static Edited revertMerge(EditTransaction tx, Map<String, Object> change, String by) {
        Map<String, Object> was = HistoryJson.read((String) change.get("before"));
        Map<String, Object> indicator = (Map<String, Object>) was.get("indicator");
        String intoId = (String) HistoryJson.read((String) change.get("after")).get("into");
        tx.lockChangedEntity(EditableKind.INDICATOR, intoId, "indicator " + intoId + " no longer exists");
        change = notYetReverted(tx, (String) change.get("id"));
        if (tx.single("editing/indicator-taken", Map.of("id", indicator.get("id"), "key", indicator.get("key"))) != null) {
            throw new ApiException("CONFLICT", "an indicator with the id or key of " + indicator.get("id")
                    + " exists again", null);
        }
        Map<String, Object> props = new HashMap<>(indicator);
        props.put("version", ((Number) change.get("version")).longValue() + 1);
        Map<String, Object> result = tx.single("editing/unmerge-indicator",
                Map.of("props", props, "intoId", intoId, "targetIds", was.get("targets")));
        List<String> moved = ((List<?>) result.get("targetIds")).stream().map(Object::toString).toList();
        List<String> related = new ArrayList<>();
        related.add(intoId);
        related.addAll(moved);
        Edited edited = recordRevert(tx, change, by, EditableKind.INDICATOR.label, (String) indicator.get("id"),
                ((Number) props.get("version")).longValue(), Map.of("into", intoId), Map.of("targets", moved), related);
        return new Edited(tx.recountedIndicator((String) indicator.get("id")), edited.change());
    }
}
