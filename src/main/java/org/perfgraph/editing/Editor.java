package org.perfgraph.editing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.perfgraph.support.ApiException;
import org.perfgraph.support.Ids;
import org.springframework.stereotype.Service;

/**
 * Every edit is one write transaction: lock the node, compare the version the caller read with the committed one
 * (stale → CONFLICT with the current state), validate, write with a compare-and-set statement that bumps the
 * version, record the change. Any refusal throws before commit, so a refused edit changes nothing.
 */
@Service
class Editor {

    /** Operations whose before-values can be written back by revertChange. */
    static final List<String> FIELD_OPERATIONS = List.of("UPDATE_PROJECT", "UPDATE_TARGET", "RELINK_TARGET",
            "UPDATE_INDICATOR", "REVERT");

    private final Driver driver;

    Editor(Driver driver) {
        this.driver = driver;
    }

    /** A node after an edit, and the history entry (null where nothing differed and nothing was written). */
    record Edited(Map<String, Object> node, Map<String, Object> change) {
    }

    <T> T write(Function<Tx, T> work) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                Tx edit = new Tx(tx);
                T result = work.apply(edit);
                // stored counts of the indicators and texts the edit relinked (the statements mark them)
                edit.run("ingest/recount-stale", Map.of());
                // cached aggregates of the previous generation are no longer served
                edit.run("support/bump-generation", Map.of());
                return result;
            });
        }
    }

    Edited update(Kind kind, String id, int expectedVersion, Map<String, Object> requested, String operation,
                  String by, boolean numericOnly) {
        return write(tx -> edit(tx, kind, id, expectedVersion, requested, operation, by, numericOnly, null));
    }

    /** Locks the node, then reads it: the compare that follows sees the committed version. */
    static Map<String, Object> lockAndRead(Tx tx, Kind kind, String id) {
        if (id == null || ((Number) tx.single(kind.lockScript(), Map.of("id", id)).get("found")).intValue() == 0) {
            throw ApiException.notFound("no " + kind.label.toLowerCase() + " with id " + id);
        }
        return tx.single(kind.readScript(), Map.of("id", id));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> node(Map<String, Object> row) {
        return (Map<String, Object>) row.get("node");
    }

    static long version(Map<String, Object> node) {
        return ((Number) node.get("version")).longValue();
    }

    static void checkVersion(Kind kind, String id, Map<String, Object> node, long expected) {
        long current = version(node);
        if (current != expected) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("entityId", id);
            ext.put("expectedVersion", expected);
            ext.put("currentVersion", current);
            ext.put("current", Json.safe(node));
            throw new ApiException("CONFLICT", kind.label + " " + id + " is at version " + current
                    + ", the edit was based on version " + expected + "; reload it and edit again.", ext);
        }
    }

    Edited edit(Tx tx, Kind kind, String id, long expectedVersion, Map<String, Object> requested, String operation,
                String by, boolean numericOnly, String revertOf) {
        Map<String, Object> row = lockAndRead(tx, kind, id);
        checkVersion(kind, id, node(row), expectedVersion);
        Map<String, Object> current = Fields.current(kind, row);
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        requested.forEach((field, value) -> {
            Object v = Fields.normalise(kind, field, value);
            if (!Fields.same(current.get(field), v)) {
                before.put(field, current.get(field));
                after.put(field, v);
            }
        });
        if (after.isEmpty()) {
            return new Edited(node(row), null);
        }
        if (after.containsKey("indicator")) {
            requireIndicator(tx, (String) after.get("indicator"));
        }
        if (kind == Kind.INDICATOR && after.get("code") != null) {
            Map<String, Object> other = tx.single("editing/indicator-by-code", Map.of("code", after.get("code"), "id", id));
            if (other != null) {
                throw new ApiException("CONFLICT", "indicator " + other.get("id") + " (" + other.get("name")
                        + ") already has code " + after.get("code") + "; merge the two with mergeIndicators",
                        Map.of("indicatorId", other.get("id")));
            }
        }
        Fields.Write w = Fields.plan(kind, after, row, numericOnly);
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("id", id);
        params.put("expectedVersion", expectedVersion);
        params.put("props", w.props());
        Map<String, Object> written = tx.single(kind.setScript(), params);
        if (written == null) {
            // Cannot happen under the lock; refusing keeps the transaction from committing half an edit.
            throw new ApiException("CONFLICT", kind.label + " " + id + " changed while it was being edited", null);
        }
        Map<String, Object> node = node(written);
        Map<String, Object> change = ChangeLog.record(tx, new ChangeLog.Entry(by, operation, kind.label, id,
                documentId(kind, row), version(node), before, after, new ArrayList<>(after.keySet()), null, revertOf));
        return new Edited(node, change);
    }

    private static String documentId(Kind kind, Map<String, Object> row) {
        return kind == Kind.INDICATOR ? null : (String) row.get("documentId");
    }

    static Map<String, Object> requireIndicator(Tx tx, String indicatorId) {
        Map<String, Object> row = tx.single("editing/indicator", Map.of("id", indicatorId));
        if (row == null) {
            throw ApiException.notFound("no indicator with id " + indicatorId);
        }
        return node(row);
    }

    /**
     * Writes corrected values again after a re-import re-created the node (no lock needed: the node was created in
     * this very transaction). A correction that cannot be written any more (its indicator is gone) is skipped.
     */
    void applyWithoutRecord(Tx tx, Kind kind, String id, long expectedVersion, Map<String, Object> requested) {
        Map<String, Object> row = tx.single(kind.readScript(), Map.of("id", id));
        Map<String, Object> values = new LinkedHashMap<>();
        requested.forEach((f, v) -> values.put(f, Fields.normalise(kind, f, v)));
        if (values.get("indicator") != null
                && tx.single("editing/indicator", Map.of("id", values.get("indicator"))) == null) {
            values.remove("indicator");
        }
        if (values.isEmpty()) {
            return;
        }
        Fields.Write w = Fields.plan(kind, values, row, false);
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("id", id);
        params.put("expectedVersion", expectedVersion);
        params.put("props", w.props());
        tx.run(kind.setScript(), params);
    }

    /** Writes a change's before-values back, if no later change of the same entity touched the same fields. */
    @SuppressWarnings("unchecked")
    Edited revert(String changeId, String by) {
        return write(tx -> {
            Map<String, Object> found = tx.single("editing/change", Map.of("id", changeId == null ? "" : changeId));
            if (found == null) {
                throw ApiException.notFound("no change with id " + changeId);
            }
            Map<String, Object> change = (Map<String, Object>) found.get("node");
            String operation = (String) change.get("operation");
            switch (operation) {
                case "ADD_TARGET", "CREATE_PROJECT" -> {
                    return revertCreation(tx, change, by);
                }
                case "DELETE_TARGET" -> {
                    return revertTargetDeletion(tx, change, by);
                }
                case "MERGE_INDICATORS" -> {
                    return revertMerge(tx, change, by);
                }
                default -> {
                    if (!FIELD_OPERATIONS.contains(operation) || ((List<?>) change.get("fields")).isEmpty()) {
                        throw ApiException.badInput("a " + operation + " change cannot be reverted (a deleted project's"
                                + " targets are not kept in full, an import is undone by importing again)");
                    }
                }
            }
            Kind kind = Kind.ofLabel((String) change.get("entityKind"));
            String entityId = (String) change.get("entityId");
            Map<String, Object> row = lockChangedEntity(tx, kind, entityId);
            // Read again under the entity's lock: two reverts of one change cannot both pass.
            change = (Map<String, Object>) tx.single("editing/change", Map.of("id", changeId)).get("node");
            if (change.get("revertedBy") != null) {
                throw new ApiException("CONFLICT", "change " + changeId + " was already reverted by change "
                        + change.get("revertedBy"), Map.of("revertedBy", change.get("revertedBy")));
            }
            List<String> fields = (List<String>) change.get("fields");
            Map<String, Object> later = tx.single("editing/later-changes", Map.of("entityId", entityId,
                    "version", change.get("version"), "fields", fields));
            if (later != null) {
                throw new ApiException("CONFLICT", "change " + later.get("id") + " (" + later.get("operation") + " by "
                        + later.get("by") + ") later changed " + String.join(", ", fields) + " of " + entityId
                        + "; revert that one first", Map.of("laterChangeId", later.get("id")));
            }
            Map<String, Object> requested = new LinkedHashMap<>();
            Json.read((String) change.get("before")).forEach((f, v) ->
                    requested.put(f, v == null ? clearing(f) : v));
            Edited edited = edit(tx, kind, entityId, version(node(row)), requested, "REVERT", by, false, changeId);
            if (edited.change() != null) {
                tx.run("editing/mark-reverted", Map.of("id", changeId, "revertedBy", edited.change().get("id")));
            }
            return edited;
        });
    }

    /** Refuses a change that was reverted already; read under the lock of the node the revert writes. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> notYetReverted(Tx tx, String changeId) {
        Map<String, Object> change = (Map<String, Object>) tx.single("editing/change", Map.of("id", changeId)).get("node");
        if (change.get("revertedBy") != null) {
            throw new ApiException("CONFLICT", "change " + changeId + " was already reverted by change "
                    + change.get("revertedBy"), Map.of("revertedBy", change.get("revertedBy")));
        }
        return change;
    }

    private static Edited recordRevert(Tx tx, Map<String, Object> change, String by, String entityKind, String entityId,
                                       Long version, Map<String, Object> before, Map<String, Object> after,
                                       List<String> related) {
        Map<String, Object> revert = ChangeLog.record(tx, new ChangeLog.Entry(by, "REVERT", entityKind, entityId,
                (String) change.get("documentId"), version, before, after, List.of(), related, (String) change.get("id")));
        tx.run("editing/mark-reverted", Map.of("id", change.get("id"), "revertedBy", revert.get("id")));
        return new Edited(null, revert);
    }

    /** Locks and reads the node a change was made to; a node deleted since makes the revert a CONFLICT. */
    private static Map<String, Object> lockChangedEntity(Tx tx, Kind kind, String id) {
        try {
            return lockAndRead(tx, kind, id);
        } catch (ApiException gone) {
            throw new ApiException("CONFLICT", kind.label + " " + id + " no longer exists", null);
        }
    }

    /** Undoes a hand entry: removes the project or target again, if nothing was changed on it since. */
    @SuppressWarnings("unchecked")
    private static Edited revertCreation(Tx tx, Map<String, Object> change, String by) {
        Kind kind = Kind.ofLabel((String) change.get("entityKind"));
        String id = (String) change.get("entityId");
        Map<String, Object> row = lockChangedEntity(tx, kind, id);
        change = notYetReverted(tx, (String) change.get("id"));
        Map<String, Object> later = tx.single("editing/later-changes", Map.of("entityId", id,
                "version", change.get("version"), "fields", kind.fields));
        if (later != null) {
            throw new ApiException("CONFLICT", "change " + later.get("id") + " (" + later.get("operation") + " by "
                    + later.get("by") + ") later changed " + id + "; revert that one first",
                    Map.of("laterChangeId", later.get("id")));
        }
        Map<String, Object> node = node(row);
        if (kind == Kind.PROJECT && ((Number) node.get("targetCount")).intValue() > 0) {
            throw new ApiException("CONFLICT", "project " + id + " has targets now; delete them first", null);
        }
        if (kind == Kind.TARGET) {
            removeTarget(tx, id, version(node));
        } else {
            removeProject(tx, id, version(node));
        }
        return recordRevert(tx, change, by, kind.label, id, version(node) + 1,
                Json.read((String) change.get("after")), Map.of(), (List<String>) change.get("relatedIds"));
    }

    /** Undoes a target deletion: the target comes back under the same id, values, categories and indicator. */
    @SuppressWarnings("unchecked")
    private static Edited revertTargetDeletion(Tx tx, Map<String, Object> change, String by) {
        String id = (String) change.get("entityId");
        List<String> related = (List<String>) change.get("relatedIds");
        String projectId = related == null || related.isEmpty() ? null : related.get(0);
        Map<String, Object> projectRow;
        try {
            projectRow = lockAndRead(tx, Kind.PROJECT, projectId);
        } catch (ApiException gone) {
            throw new ApiException("CONFLICT", "the project of target " + id + " no longer exists", null);
        }
        change = notYetReverted(tx, (String) change.get("id"));
        if (tx.single(Kind.TARGET.readScript(), Map.of("id", id)) != null) {
            throw new ApiException("CONFLICT", "target " + id + " exists again (a re-import brought it back)", null);
        }
        Map<String, Object> was = Json.read((String) change.get("before"));
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
        values.values().removeIf(java.util.Objects::isNull);
        insertTarget(tx, id, projectRow, values);
        // What it was besides its values: where it was read and what the row said.
        Map<String, Object> identity = new HashMap<>();
        for (String p : List.of("line", "ordinal", "indicatorName", "indicatorCode", "level1Raw", "level2Raw",
                "categoryInferred", "manual")) {
            identity.put(p, was.get(p));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("expectedVersion", 1);
        params.put("props", identity);
        params.put("level1", null);
        params.put("level2", null);
        params.put("indicatorId", null);
        tx.single("editing/set-target", params);
        long version = ((Number) change.get("version")).longValue() + 1;
        tx.run("editing/restore-version", Map.of("id", id, "version", version));
        return recordRevert(tx, change, by, Kind.TARGET.label, id, version, Map.of(), values, related);
    }

    /** Undoes a merge: the removed indicator comes back and takes its targets back. */
    @SuppressWarnings("unchecked")
    private static Edited revertMerge(Tx tx, Map<String, Object> change, String by) {
        Map<String, Object> was = Json.read((String) change.get("before"));
        Map<String, Object> indicator = (Map<String, Object>) was.get("indicator");
        String intoId = (String) Json.read((String) change.get("after")).get("into");
        try {
            lockAndRead(tx, Kind.INDICATOR, intoId);
        } catch (ApiException gone) {
            throw new ApiException("CONFLICT", "indicator " + intoId + " no longer exists", null);
        }
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
        Edited edited = recordRevert(tx, change, by, Kind.INDICATOR.label, (String) indicator.get("id"),
                ((Number) props.get("version")).longValue(), Map.of("into", intoId), Map.of("targets", moved), related);
        return new Edited(node(result), edited.change());
    }

    /** In input form an empty text clears a field; a null before-value is written back as that. */
    private static Object clearing(String field) {
        return "";
    }

    /** Moves every target of {@code from} to {@code into}, removes {@code from}; one history entry names them all. */
    Edited mergeIndicators(String fromId, int fromVersion, String intoId, int intoVersion, String by) {
        if (fromId != null && fromId.equals(intoId)) {
            throw ApiException.badInput("an indicator cannot be merged into itself");
        }
        return write(tx -> {
            // Lock in id order: two merges of the same pair in opposite directions cannot deadlock.
            boolean fromFirst = fromId == null || intoId == null || fromId.compareTo(intoId) < 0;
            Map<String, Object> first = lockAndRead(tx, Kind.INDICATOR, fromFirst ? fromId : intoId);
            Map<String, Object> second = lockAndRead(tx, Kind.INDICATOR, fromFirst ? intoId : fromId);
            Map<String, Object> from = node(fromFirst ? first : second);
            Map<String, Object> into = node(fromFirst ? second : first);
            checkVersion(Kind.INDICATOR, fromId, from, fromVersion);
            checkVersion(Kind.INDICATOR, intoId, into, intoVersion);
            Map<String, Object> result = tx.single("editing/merge-indicators", Map.of("fromId", fromId, "intoId", intoId));
            List<String> targetIds = ((List<?>) result.get("targetIds")).stream().map(Object::toString).toList();
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("indicator", Json.safe(from));
            before.put("targets", targetIds);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("into", intoId);
            after.put("targets", targetIds);
            List<String> related = new ArrayList<>();
            related.add(intoId);
            related.addAll(targetIds);
            Map<String, Object> node = node(result);
            Map<String, Object> change = ChangeLog.record(tx, new ChangeLog.Entry(by, "MERGE_INDICATORS",
                    Kind.INDICATOR.label, fromId, null, version(from) + 1, before, after, List.of(), related, null));
            return new Edited(node, change);
        });
    }

    /** A project the reader missed, entered by hand under a document and a unit. */
    Edited createProject(String documentId, String unitId, Map<String, Object> fields, String by) {
        Map<String, Object> values = given(Kind.PROJECT, fields);
        if (!values.containsKey("name")) {
            throw ApiException.badInput("a project needs a name");
        }
        if (!values.containsKey("amount")) {
            throw ApiException.badInput("a project needs an amount");
        }
        return write(tx -> {
            String id = Ids.of('P', "manual|" + UUID.randomUUID());
            Map<String, Object> node = insertProject(tx, id, documentId, unitId, values);
            if (node == null) {
                throw ApiException.notFound("no document " + documentId + " or no unit " + unitId);
            }
            Map<String, Object> change = ChangeLog.record(tx, new ChangeLog.Entry(by, "CREATE_PROJECT",
                    Kind.PROJECT.label, id, documentId, 1L, Map.of(), values, List.of(), List.of(unitId), null));
            return new Edited(node, change);
        });
    }

    /** The non-null fields in input form. */
    static Map<String, Object> given(Kind kind, Map<String, Object> fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((f, v) -> {
            Object n = Fields.normalise(kind, f, v);
            if (n != null) {
                values.put(f, n);
            }
        });
        return values;
    }

    /** Creates a hand-entered project (also when a re-import brings one back); null if document or unit is missing. */
    static Map<String, Object> insertProject(Tx tx, String id, String documentId, String unitId, Map<String, Object> values) {
        Map<String, Object> props = new HashMap<>();
        props.put("id", id);
        props.put("key", "manual|" + id);
        props.put("documentId", documentId);
        props.put("unitId", unitId);
        props.put("line", 0);
        props.put("blocks", 0);
        props.put("targetCount", 0);
        props.put("manual", true);
        props.putAll(Fields.plan(Kind.PROJECT, values, Map.of("node", Map.of()), false).props());
        Map<String, Object> created = tx.single("editing/create-project",
                Map.of("documentId", documentId == null ? "" : documentId, "unitId", unitId == null ? "" : unitId,
                        "props", props));
        return created == null ? null : node(created);
    }

    /** A target the reader missed, added to a project (whose version it checks and bumps). */
    Edited addTarget(String projectId, int projectVersion, Map<String, Object> fields, String by) {
        return write(tx -> {
            Map<String, Object> projectRow = lockAndRead(tx, Kind.PROJECT, projectId);
            checkVersion(Kind.PROJECT, projectId, node(projectRow), projectVersion);
            Map<String, Object> values = given(Kind.TARGET, fields);
            for (String required : List.of("indicator", "level1", "level2", "annual")) {
                if (!values.containsKey(required)) {
                    throw ApiException.badInput("a target needs " + required);
                }
            }
            String id = Ids.of('T', projectId + "|manual|" + UUID.randomUUID());
            Map<String, Object> node = insertTarget(tx, id, projectRow, values);
            Map<String, Object> change = ChangeLog.record(tx, new ChangeLog.Entry(by, "ADD_TARGET", Kind.TARGET.label,
                    id, (String) projectRow.get("documentId"), version(node), Map.of(), values, List.of(),
                    List.of(projectId), null));
            return new Edited(node, change);
        });
    }

    /**
     * Creates a hand-entered target under a project read by {@code editing/project} (also when a re-import brings
     * one back): a bare node, then the values, categories and indicator written as any edit writes them.
     */
    static Map<String, Object> insertTarget(Tx tx, String id, Map<String, Object> projectRow, Map<String, Object> values) {
        Map<String, Object> indicator = requireIndicator(tx, (String) values.get("indicator"));
        Map<String, Object> project = node(projectRow);
        Map<String, Object> props = new HashMap<>();
        props.put("id", id);
        props.put("projectId", project.get("id"));
        props.put("documentId", projectRow.get("documentId"));
        props.put("line", 0);
        props.put("indicatorName", indicator.get("name"));
        props.put("indicatorCode", indicator.get("code"));
        props.put("categoryInferred", false);
        props.put("manual", true);
        Map<String, Object> created = tx.single("editing/create-target",
                Map.of("projectId", project.get("id"), "expectedVersion", project.get("version"), "props", props));
        Map<String, Object> row = new HashMap<>();
        row.put("node", node(created));
        row.put("documentYear", projectRow.get("documentYear"));
        Fields.Write w = Fields.plan(Kind.TARGET, values, row, false);
        Map<String, Object> params = new HashMap<>(w.params());
        params.put("id", id);
        params.put("expectedVersion", 0);
        params.put("props", w.props());
        return node(tx.single("editing/set-target", params));
    }

    /** Removes a target; the history keeps what it was. */
    Edited deleteTarget(String id, int expectedVersion, String by) {
        return write(tx -> {
            Map<String, Object> row = lockAndRead(tx, Kind.TARGET, id);
            checkVersion(Kind.TARGET, id, node(row), expectedVersion);
            // The indicator too: the deletion may leave it without targets, and then it goes.
            Map<String, Object> indicator = row.get("indicatorId") == null ? null
                    : requireIndicator(tx, (String) row.get("indicatorId"));
            removeTarget(tx, id, expectedVersion);
            Map<String, Object> before = new LinkedHashMap<>(Json.safe(node(row)));
            before.put("indicatorId", row.get("indicatorId"));
            before.put("indicator", indicator == null ? null : Json.safe(indicator));
            List<String> related = row.get("projectId") == null ? List.of() : List.of((String) row.get("projectId"));
            Map<String, Object> change = ChangeLog.record(tx, new ChangeLog.Entry(by, "DELETE_TARGET", Kind.TARGET.label,
                    id, (String) row.get("documentId"), expectedVersion + 1L, before, Map.of(), List.of(), related, null));
            return new Edited(node(row), change);
        });
    }

    static void removeTarget(Tx tx, String id, long version) {
        Map<String, Object> result = tx.single("editing/delete-target", Map.of("id", id, "expectedVersion", version));
        deleteOrphans(tx, List.of(), (List<?>) result.get("indicatorIds"), List.of());
    }

    /** Removes a project with its targets and goal statements; the history keeps what it was. */
    Edited deleteProject(String id, int expectedVersion, String by) {
        return write(tx -> {
            Map<String, Object> row = lockAndRead(tx, Kind.PROJECT, id);
            checkVersion(Kind.PROJECT, id, node(row), expectedVersion);
            List<?> targetIds = removeProject(tx, id, expectedVersion);
            Map<String, Object> before = new LinkedHashMap<>(Json.safe(node(row)));
            before.put("targetIds", targetIds);
            Map<String, Object> change = ChangeLog.record(tx, new ChangeLog.Entry(by, "DELETE_PROJECT", Kind.PROJECT.label,
                    id, (String) row.get("documentId"), expectedVersion + 1L, before, Map.of(), List.of(), null, null));
            return new Edited(node(row), change);
        });
    }

    /** @return the ids of the targets removed with it */
    static List<?> removeProject(Tx tx, String id, long version) {
        Map<String, Object> result = tx.single("editing/delete-project", Map.of("id", id, "expectedVersion", version));
        deleteOrphans(tx, (List<?>) result.get("textIds"), (List<?>) result.get("indicatorIds"), (List<?>) result.get("unitIds"));
        return (List<?>) result.get("targetIds");
    }

    private static void deleteOrphans(Tx tx, List<?> textIds, List<?> indicatorIds, List<?> unitIds) {
        tx.run("ingest/delete-orphans", Map.of("textIds", textIds, "indicatorIds", indicatorIds, "unitIds", unitIds));
    }

}
