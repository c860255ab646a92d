package org.perfgraph.editing;

import static org.perfgraph.editing.EditTransaction.node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.neo4j.driver.TransactionContext;
import org.perfgraph.graph.GraphWriter;
import org.springframework.stereotype.Component;

/**
 * Imports are changes too: each import is recorded in the history, and a re-import keeps manual corrections.
 * The writer re-creates a replaced document's projects and targets under the same deterministic ids; the history
 * still holds, per entity and field, the latest change. Where that is a manual correction and the new document
 * says something else, the correction is written again (or, with overwriteEdits, the document wins); either way the
 * import reports the field.
 *
 * <p>Versions only ever increase: a re-created node that had been changed continues from the version it had (read
 * before the writer removed it) or its history's, whichever is higher, and every step is a history entry: the
 * re-import (REIMPORT: the document's values where they differ from the corrected ones) and, where a correction is
 * kept, writing it again (KEEP_CORRECTION, whose related ids name the original correction of each field).
 */
@Component
class ReimportCorrections implements GraphWriter.Hook {

    /** Operations whose after-value is an analyst's correction of what the document says. */
    private static final List<String> CORRECTIONS = List.of("UPDATE_PROJECT", "UPDATE_TARGET", "RELINK_TARGET",
            "KEEP_CORRECTION");

    /** Versions of the replaced document's changed nodes, from beforeReplace to afterWrite of one transaction. */
    private final Map<TransactionContext, Map<String, Previous>> replaced = Collections.synchronizedMap(new WeakHashMap<>());

    /** A node of the replaced document as it was: its kind and version. */
    private record Previous(EditableKind kind, long version) {
    }

    @Override
    public void beforeReplace(TransactionContext transaction, String documentId) {
        Map<String, Previous> versions = new HashMap<>();
        for (Map<String, Object> r : new EditTransaction(transaction).rows("editing/document-versions",
                Map.of("documentId", documentId))) {
            versions.put((String) r.get("id"), new Previous(EditableKind.ofLabel((String) r.get("kind")),
                    ((Number) r.get("version")).longValue()));
        }
        replaced.put(transaction, versions);
    }

    @Override
    public List<Map<String, Object>> afterWrite(TransactionContext transaction, GraphWriter.Written doc) {
        EditTransaction tx = new EditTransaction(transaction);
        Map<String, Previous> previous = replaced.remove(transaction);
        boolean replacing = doc.outcome() == GraphWriter.Outcome.REPLACED;
        List<Map<String, Object>> report = replacing ? reapply(tx, doc, previous == null ? Map.of() : previous) : List.of();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", doc.name());
        after.put("hash", doc.hash());
        after.put("projects", doc.projects());
        after.put("targets", doc.targets());
        after.put("correctionsKept", report.stream().filter(r -> Boolean.TRUE.equals(r.get("kept"))).count());
        after.put("correctionsOverwritten", report.stream().filter(r -> Boolean.FALSE.equals(r.get("kept"))).count());
        ChangeLog.record(tx, new ChangeLog.Entry(doc.by(), replacing ? "REIMPORT" : "IMPORT", "Document", doc.id(),
                doc.id(), null, Map.of(), after, List.of(), null, null));
        return report;
    }

    /** A removal is one history entry on the document: who removed which content. */
    @Override
    public void afterRemove(TransactionContext transaction, GraphWriter.Removed removed) {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("name", removed.name());
        before.put("hash", removed.hash());
        ChangeLog.record(new EditTransaction(transaction), new ChangeLog.Entry(removed.by(), "REMOVE_DOCUMENT", "Document",
                removed.id(), removed.id(), null, before, Map.of(), List.of(), null, null));
    }

    /** One entity's history as far as re-import cares: its last version and the latest change of each field. */
    private static final class EntityHistory {
        final EditableKind kind;
        long lastVersion;
        final Map<String, Map<String, Object>> latestByField = new LinkedHashMap<>();

        EntityHistory(EditableKind kind) {
            this.kind = kind;
        }
    }

    /**
     * Hand-entered projects and targets went with the replaced document, and removed ones came back with the new
     * one. Unless overwriteEdits, the entered ones are created again (same ids) and the removed ones removed again;
     * either way each is reported, with field {@code structure}.
     */
    private static List<Map<String, Object>> restructure(EditTransaction tx, GraphWriter.Written doc) {
        Map<String, Map<String, Object>> latest = new LinkedHashMap<>();
        for (Map<String, Object> c : tx.rows("editing/document-structure-edits", Map.of("documentId", doc.id()))) {
            latest.remove((String) c.get("entityId"));
            latest.put((String) c.get("entityId"), c); // re-inserted: the map's order is the order of latest edits
        }
        List<Map<String, Object>> report = new ArrayList<>();
        latest.forEach((entityId, c) -> {
            String operation = (String) c.get("operation");
            if (operation.equals("REIMPORT")) {
                return; // an earlier re-import overrode this edit
            }
            EditableKind kind = EditableKind.ofLabel((String) c.get("entityKind"));
            boolean created = operation.equals("CREATE_PROJECT") || operation.equals("ADD_TARGET");
            Map<String, Object> row = tx.single(kind.readScript(), Map.of("id", entityId));
            if (created == (row != null)) {
                return; // the new document agrees: it holds what was entered, or lacks what was removed
            }
            if (doc.overwriteEdits()) {
                ChangeLog.record(tx, new ChangeLog.Entry(doc.by(), "REIMPORT", kind.label, entityId, doc.id(), null,
                        Map.of("structure", created ? "entered" : "removed"),
                        Map.of("structure", created ? "absent" : "present"), List.of("structure"), null, null));
            } else if (!reapplyStructure(tx, doc, kind, entityId, c, row, created)) {
                return;
            }
            report.add(correction(entityId, kind, "structure", created ? "entered" : "removed",
                    created ? "absent" : "present", !doc.overwriteEdits(), c.get("id"), c.get("by")));
        });
        return report;
    }

    private static Map<String, Object> correction(String entityId, EditableKind kind, String field, Object corrected,
                                                  Object imported, boolean kept, Object changeId, Object by) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("entityId", entityId);
        r.put("entityKind", kind.label);
        r.put("field", field);
        r.put("corrected", corrected);
        r.put("imported", imported);
        r.put("kept", kept);
        r.put("changeId", changeId);
        r.put("by", by);
        return r;
    }

    /** @return false where the edit cannot be made again (its project or indicator is gone) */
    private static boolean reapplyStructure(EditTransaction tx, GraphWriter.Written doc, EditableKind kind,
                                            String entityId, Map<String, Object> change, Map<String, Object> row,
                                            boolean created) {
        if (!created) {
            long version = EditTransaction.version(node(row));
            if (kind == EditableKind.TARGET) {
                StructuralEdits.removeTarget(tx, entityId, version);
            } else {
                StructuralEdits.removeProject(tx, entityId, version);
            }
            return true;
        }
        Map<String, Object> values = EditableFields.given(kind, HistoryJson.read((String) change.get("after")));
        List<?> related = (List<?>) change.get("relatedIds");
        String parentId = related == null || related.isEmpty() ? null : related.get(0).toString();
        if (kind == EditableKind.PROJECT) {
            return StructuralEdits.insertProject(tx, entityId, doc.id(), parentId, values) != null;
        }
        Map<String, Object> projectRow = parentId == null ? null : tx.single("editing/project", Map.of("id", parentId));
        if (projectRow == null || tx.single("editing/indicator", Map.of("id", values.get("indicator"))) == null) {
            return false;
        }
        StructuralEdits.insertTarget(tx, entityId, projectRow, values);
        return true;
    }

    private static List<Map<String, Object>> reapply(EditTransaction tx, GraphWriter.Written doc,
                                                     Map<String, Previous> previous) {
        List<Map<String, Object>> report = new ArrayList<>(restructure(tx, doc));
        Map<String, EntityHistory> histories = new LinkedHashMap<>();
        // Rows come per entity in version order, so the last row seen for a field is its latest change.
        for (Map<String, Object> c : tx.rows("editing/document-edits", Map.of("documentId", doc.id()))) {
            EntityHistory h = histories.computeIfAbsent((String) c.get("entityId"),
                    k -> new EntityHistory(EditableKind.ofLabel((String) c.get("entityKind"))));
            if (c.get("version") != null) {
                h.lastVersion = Math.max(h.lastVersion, ((Number) c.get("version")).longValue());
            }
            @SuppressWarnings("unchecked")
            List<String> fields = (List<String>) c.get("fields");
            for (String f : fields) {
                h.latestByField.put(f, c);
            }
        }
        // Nodes changed without an entry of their own (a project that got a target, a target a merge moved).
        previous.forEach((id, was) -> histories.computeIfAbsent(id, k -> new EntityHistory(was.kind())));
        histories.forEach((entityId, h) -> {
            Map<String, Object> row = tx.single(h.kind.readScript(), Map.of("id", entityId));
            Previous was = previous.get(entityId);
            long last = Math.max(h.lastVersion, was == null ? 0 : was.version());
            if (row == null || last <= 1) {
                return; // the new document no longer declares it, or it was never changed: version 1 as imported
            }
            long version = last + 1;
            tx.run("editing/restore-version", Map.of("id", entityId, "version", version));
            report.addAll(reapplyFields(tx, doc, entityId, h, row, version));
        });
        return report;
    }

    /**
     * Records what the re-import did to one node's fields (REIMPORT, at {@code version}) and, unless the document is
     * to win, writes the corrections again (KEEP_CORRECTION, one version later).
     */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> reapplyFields(EditTransaction tx, GraphWriter.Written doc, String entityId,
                                                           EntityHistory h, Map<String, Object> row, long version) {
        Map<String, Object> imported = EditableFields.current(h.kind, row);
        Map<String, Object> corrected = new LinkedHashMap<>();
        Map<String, Object> documentSays = new LinkedHashMap<>();
        List<String> originals = new ArrayList<>();
        h.latestByField.forEach((field, change) -> {
            if (!CORRECTIONS.contains((String) change.get("operation"))) {
                return;
            }
            Object value = EditableFields.normalise(h.kind, field,
                    HistoryJson.read((String) change.get("after")).get(field));
            if (!EditableFields.same(imported.get(field), value)) {
                corrected.put(field, value);
                documentSays.put(field, imported.get(field));
                originals.add(change.get("operation").equals("KEEP_CORRECTION")
                        ? ((List<String>) change.get("relatedIds")).get(((List<String>) change.get("fields")).indexOf(field))
                        : (String) change.get("id"));
            }
        });
        List<String> fields = new ArrayList<>(corrected.keySet());
        ChangeLog.record(tx, new ChangeLog.Entry(doc.by(), "REIMPORT", h.kind.label, entityId, doc.id(), version,
                corrected, documentSays, fields, null, null));
        // A hand-entered node has no document value to disagree with: its corrections go back without a report.
        boolean manual = Boolean.TRUE.equals(node(row).get("manual"));
        boolean keep = !doc.overwriteEdits() || manual;
        if (corrected.isEmpty()) {
            return List.of();
        }
        if (keep) {
            Map<String, Object> values = new LinkedHashMap<>(corrected);
            if (values.get("indicator") != null
                    && tx.single("editing/indicator", Map.of("id", values.get("indicator"))) == null) {
                values.remove("indicator"); // the indicator it was relinked to is gone: the document's stays
            }
            if (!values.isEmpty()) {
                tx.set(h.kind, entityId, version, EditableFields.plan(h.kind, values, row, false));
                List<String> keptFields = new ArrayList<>(values.keySet());
                Map<String, Object> keptBefore = new LinkedHashMap<>();
                keptFields.forEach(f -> keptBefore.put(f, documentSays.get(f)));
                ChangeLog.record(tx, new ChangeLog.Entry(doc.by(), "KEEP_CORRECTION", h.kind.label, entityId, doc.id(),
                        version + 1, keptBefore, values, keptFields,
                        keptFields.stream().map(f -> originals.get(fields.indexOf(f))).toList(), null));
            }
        }
        if (manual) {
            return List.of();
        }
        Map<String, Object> authors = new HashMap<>();
        List<Map<String, Object>> report = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            String original = originals.get(i);
            Object by = authors.computeIfAbsent(original, id -> node(tx.single("editing/change", Map.of("id", id))).get("by"));
            report.add(correction(entityId, h.kind, field, HistoryJson.safeValue(corrected.get(field)),
                    HistoryJson.safeValue(documentSays.get(field)), keep, original, by));
        }
        return report;
    }
}
