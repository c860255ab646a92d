package org.perfgraph.editing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.TransactionContext;
import org.perfgraph.graph.GraphWriter;
import org.springframework.stereotype.Component;

/**
 * Imports are changes too: each import is recorded in the history, and a re-import keeps manual corrections.
 * The writer re-creates a replaced document's projects and targets under the same deterministic ids; the history
 * still holds, per entity and field, the latest change. Where that is a manual correction and the new document
 * says something else, the correction is written again (or, with overwriteEdits, the document wins and the
 * history records that it overwrote the correction); either way the import reports the field.
 */
@Component
class ReimportCorrections implements GraphWriter.Hook {

    /** Operations whose after-value is an analyst's correction of what the document says. */
    private static final List<String> CORRECTIONS = List.of("UPDATE_PROJECT", "UPDATE_TARGET", "RELINK_TARGET");

    private final Editor editor;

    ReimportCorrections(Editor editor) {
        this.editor = editor;
    }

    @Override
    public List<Map<String, Object>> afterWrite(TransactionContext transaction, GraphWriter.Written doc) {
        Tx tx = new Tx(transaction);
        boolean replaced = doc.outcome() == GraphWriter.Outcome.REPLACED;
        List<Map<String, Object>> report = replaced ? reapply(tx, doc) : List.of();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", doc.name());
        after.put("hash", doc.hash());
        after.put("projects", doc.projects());
        after.put("targets", doc.targets());
        after.put("correctionsKept", report.stream().filter(r -> Boolean.TRUE.equals(r.get("kept"))).count());
        after.put("correctionsOverwritten", report.stream().filter(r -> Boolean.FALSE.equals(r.get("kept"))).count());
        ChangeLog.record(tx, new ChangeLog.Entry(doc.by(), replaced ? "REIMPORT" : "IMPORT", "Document", doc.id(),
                doc.id(), null, Map.of(), after, List.of(), null, null));
        return report;
    }

    /** A removal is one history entry on the document: who removed which content. */
    @Override
    public void afterRemove(TransactionContext transaction, GraphWriter.Removed removed) {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("name", removed.name());
        before.put("hash", removed.hash());
        ChangeLog.record(new Tx(transaction), new ChangeLog.Entry(removed.by(), "REMOVE_DOCUMENT", "Document",
                removed.id(), removed.id(), null, before, Map.of(), List.of(), null, null));
    }

    /** One entity's history as far as re-import cares: its last version and the latest change of each field. */
    private static final class EntityHistory {
        final Kind kind;
        long lastVersion;
        final Map<String, Map<String, Object>> latestByField = new LinkedHashMap<>();

        EntityHistory(Kind kind) {
            this.kind = kind;
        }
    }

    /**
     * Hand-entered projects and targets went with the replaced document, and removed ones came back with the new
     * one. Unless overwriteEdits, the entered ones are created again (same ids) and the removed ones removed again;
     * either way each is reported, with field {@code structure}.
     */
    private static List<Map<String, Object>> restructure(Tx tx, GraphWriter.Written doc) {
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
            Kind kind = Kind.ofLabel((String) c.get("entityKind"));
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
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("entityId", entityId);
            r.put("entityKind", kind.label);
            r.put("field", "structure");
            r.put("corrected", created ? "entered" : "removed");
            r.put("imported", created ? "absent" : "present");
            r.put("kept", !doc.overwriteEdits());
            r.put("changeId", c.get("id"));
            r.put("by", c.get("by"));
            report.add(r);
        });
        return report;
    }

    /** @return false where the edit cannot be made again (its project or indicator is gone) */
    private static boolean reapplyStructure(Tx tx, GraphWriter.Written doc, Kind kind, String entityId,
                                            Map<String, Object> change, Map<String, Object> row, boolean created) {
        if (!created) {
            long version = Editor.version(Editor.node(row));
            if (kind == Kind.TARGET) {
                Editor.removeTarget(tx, entityId, version);
            } else {
                Editor.removeProject(tx, entityId, version);
            }
            return true;
        }
        Map<String, Object> values = Editor.given(kind, Json.read((String) change.get("after")));
        List<?> related = (List<?>) change.get("relatedIds");
        String parentId = related == null || related.isEmpty() ? null : related.get(0).toString();
        if (kind == Kind.PROJECT) {
            return Editor.insertProject(tx, entityId, doc.id(), parentId, values) != null;
        }
        Map<String, Object> projectRow = parentId == null ? null : tx.single("editing/project", Map.of("id", parentId));
        if (projectRow == null || tx.single("editing/indicator", Map.of("id", values.get("indicator"))) == null) {
            return false;
        }
        Editor.insertTarget(tx, entityId, projectRow, values);
        return true;
    }

    private List<Map<String, Object>> reapply(Tx tx, GraphWriter.Written doc) {
        List<Map<String, Object>> report = new ArrayList<>(restructure(tx, doc));
        Map<String, EntityHistory> histories = new LinkedHashMap<>();
        // Rows come per entity in version order, so the last row seen for a field is its latest change.
        for (Map<String, Object> c : tx.rows("editing/document-edits", Map.of("documentId", doc.id()))) {
            EntityHistory h = histories.computeIfAbsent((String) c.get("entityId"),
                    k -> new EntityHistory(Kind.ofLabel((String) c.get("entityKind"))));
            if (c.get("version") != null) {
                h.lastVersion = Math.max(h.lastVersion, ((Number) c.get("version")).longValue());
            }
            @SuppressWarnings("unchecked")
            List<String> fields = (List<String>) c.get("fields");
            for (String f : fields) {
                h.latestByField.put(f, c);
            }
        }
        histories.forEach((entityId, h) -> {
            Map<String, Object> row = tx.single(h.kind.readScript(), Map.of("id", entityId));
            if (row == null) {
                return; // the new document no longer declares it
            }
            long version = h.lastVersion + 1;
            tx.run("editing/restore-version", Map.of("id", entityId, "version", version));
            Map<String, Object> imported = Fields.current(h.kind, row);
            Map<String, Object> corrected = new LinkedHashMap<>();
            Map<String, Map<String, Object>> sources = new LinkedHashMap<>();
            h.latestByField.forEach((field, change) -> {
                if (!CORRECTIONS.contains((String) change.get("operation"))) {
                    return;
                }
                Object value = Fields.normalise(h.kind, field, Json.read((String) change.get("after")).get(field));
                if (!Fields.same(imported.get(field), value)) {
                    corrected.put(field, value);
                    sources.put(field, change);
                }
            });
            if (corrected.isEmpty()) {
                return;
            }
            // A hand-entered node has no document value to disagree with: its corrections go back without a report.
            boolean manual = Boolean.TRUE.equals(Editor.node(row).get("manual"));
            Map<String, Object> before = new LinkedHashMap<>();
            corrected.keySet().forEach(f -> before.put(f, imported.get(f)));
            if (doc.overwriteEdits() && !manual) {
                ChangeLog.record(tx, new ChangeLog.Entry(doc.by(), "REIMPORT", h.kind.label, entityId, doc.id(), version,
                        corrected, before, new ArrayList<>(corrected.keySet()), null, null));
            } else {
                Map<String, Object> requested = new LinkedHashMap<>(corrected);
                requested.replaceAll((f, v) -> v == null ? "" : v);
                editor.applyWithoutRecord(tx, h.kind, entityId, version, requested);
            }
            if (manual) {
                return;
            }
            corrected.forEach((field, value) -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("entityId", entityId);
                r.put("entityKind", h.kind.label);
                r.put("field", field);
                r.put("corrected", Json.safeValue(value));
                r.put("imported", Json.safeValue(imported.get(field)));
                r.put("kept", !doc.overwriteEdits());
                r.put("changeId", sources.get(field).get("id"));
                r.put("by", sources.get(field).get("by"));
                report.add(r);
            });
        });
        return report;
    }
}
