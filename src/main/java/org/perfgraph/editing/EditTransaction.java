package org.perfgraph.editing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.perfgraph.support.ApiException;
import org.perfgraph.support.CypherScripts;

/**
 * One edit's write transaction: runs the editing scripts in it (plain maps back), takes the node locks and compares
 * versions. Everything an edit writes, its history entry included, goes through one of these, so it commits or rolls
 * back as a whole.
 */
final class EditTransaction {

    private final TransactionContext tx;
    /** Operations that change one target's fields only: the hooks refresh what that target is part of, not its document. */
    private static final java.util.Set<String> TARGET_FIELD_EDITS = java.util.Set.of("UPDATE_TARGET", "RELINK_TARGET");

    /** The documents, indicators and targets the recorded changes concern: what the {@link EditHook}s are told. */
    private final java.util.Set<String> documentIds = new java.util.TreeSet<>();
    private final java.util.Set<String> indicatorIds = new java.util.TreeSet<>();
    private final Map<String, java.util.Set<String>> targets = new java.util.TreeMap<>();

    /** The node whose lock this transaction is waiting for ("Target T1"), or null. */
    private volatile String waitingFor;

    EditTransaction(TransactionContext tx) {
        this.tx = tx;
    }

    /** The node whose lock the transaction waits for now ("Target T1"), or null when it is not waiting for one. */
    String waitingFor() {
        return waitingFor;
    }

    TransactionContext context() {
        return tx;
    }

    /** Notes what a recorded change concerns: its document, and an indicator edit's indicators (merges: both). */
    void touched(ChangeLog.Entry e) {
        if (EditableKind.TARGET.label.equals(e.entityKind()) && TARGET_FIELD_EDITS.contains(e.operation())
                && e.entityId() != null) {
            java.util.Set<String> named = targets.computeIfAbsent(e.entityId(), k -> new java.util.TreeSet<>());
            for (Map<String, Object> side : java.util.Arrays.asList(e.before(), e.after())) {
                if (side != null && side.get("indicator") instanceof String id) {
                    named.add(id);
                }
            }
        } else if (e.documentId() != null) {
            documentIds.add(e.documentId());
        }
        if (EditableKind.INDICATOR.label.equals(e.entityKind()) && e.entityId() != null) {
            indicatorIds.add(e.entityId());
            if (e.relatedIds() != null) {
                // related ids of an indicator change name indicators (I...) and the targets moved (T...)
                e.relatedIds().stream().filter(id -> id != null && id.startsWith("I")).forEach(indicatorIds::add);
            }
        }
    }

    /** What the hooks are told (a copy). */
    EditHook.Touched touched() {
        Map<String, java.util.Set<String>> alone = new java.util.TreeMap<>();
        targets.forEach((id, named) -> alone.put(id, java.util.Set.copyOf(named)));
        return new EditHook.Touched(java.util.Set.copyOf(documentIds), java.util.Set.copyOf(indicatorIds), alone);
    }

    List<Map<String, Object>> rows(String script, Map<String, Object> params) {
        return tx.run(CypherScripts.load(script), params).list(Record::asMap);
    }

    Map<String, Object> single(String script, Map<String, Object> params) {
        List<Map<String, Object>> rows = rows(script, params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    void run(String script, Map<String, Object> params) {
        tx.run(CypherScripts.load(script), params).consume();
    }

    /**
     * Locks the node, then reads it: the compare that follows sees the committed version. A node that another
     * transaction deleted while this one waited for the lock is matched by the lock but read as nothing: NOT_FOUND too.
     */
    Map<String, Object> lockAndRead(EditableKind kind, String id) {
        Map<String, Object> row = id == null || lock(kind, id) == 0 ? null : single(kind.readScript(), Map.of("id", id));
        if (row == null || node(row) == null) {
            throw ApiException.notFound("no " + kind.label.toLowerCase() + " with id " + id);
        }
        return row;
    }

    private int lock(EditableKind kind, String id) {
        waitingFor = kind.label + " " + id;
        int found = ((Number) single(kind.lockScript(), Map.of("id", id)).get("found")).intValue();
        waitingFor = null;
        return found;
    }

    /**
     * A stale version refused before the lock is taken: versions only grow, so an edit based on a version already
     * behind the committed one is a CONFLICT whatever happens next, and it need not queue behind the edits that
     * hold the lock. A version that is current here is compared again under the lock.
     */
    void refuseStaleBeforeLock(EditableKind kind, String id, long expectedVersion) {
        Map<String, Object> row = id == null ? null : single(kind.readScript(), Map.of("id", id));
        if (row != null && node(row) != null && version(node(row)) > expectedVersion) {
            checkVersion(kind, id, node(row), expectedVersion);
        }
    }

    /** Locks and reads the node a recorded change was made to; a node deleted since makes the change a CONFLICT. */
    Map<String, Object> lockChangedEntity(EditableKind kind, String id, String gone) {
        try {
            return lockAndRead(kind, id);
        } catch (ApiException notFound) {
            throw new ApiException("CONFLICT", gone, null);
        }
    }

    /** The indicator as stored, or NOT_FOUND. */
    Map<String, Object> requireIndicator(String indicatorId) {
        Map<String, Object> row = single("editing/indicator", Map.of("id", indicatorId));
        if (row == null) {
            throw ApiException.notFound("no indicator with id " + indicatorId);
        }
        return node(row);
    }

    /**
     * An indicator with the stored counts this transaction will commit: the statements so far marked what they
     * relinked, and the recount runs now instead of only at the end, so a payload does not show the counts before.
     */
    Map<String, Object> recountedIndicator(String indicatorId) {
        run("ingest/recount-stale", Map.of());
        return requireIndicator(indicatorId);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> node(Map<String, Object> row) {
        return (Map<String, Object>) row.get("node");
    }

    static long version(Map<String, Object> node) {
        return ((Number) node.get("version")).longValue();
    }

    /** A stale version is a CONFLICT carrying the current state. */
    static void checkVersion(EditableKind kind, String id, Map<String, Object> node, long expected) {
        long current = version(node);
        if (current != expected) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("entityId", id);
            ext.put("expectedVersion", expected);
            ext.put("currentVersion", current);
            ext.put("current", HistoryJson.safe(node));
            throw new ApiException("CONFLICT", kind.label + " " + id + " is at version " + current
                    + ", the edit was based on version " + expected + "; reload it and edit again.", ext);
        }
    }

    /** A later change of the entity that touched any of the fields blocks undoing an earlier one. */
    void refuseIfChangedLater(String entityId, Object version, List<String> fields, String what) {
        Map<String, Object> later = single("editing/later-changes", Map.of("entityId", entityId, "version", version,
                "fields", fields));
        if (later != null) {
            throw new ApiException("CONFLICT", "change " + later.get("id") + " (" + later.get("operation") + " by "
                    + later.get("by") + ") later changed " + what + "; revert that one first",
                    Map.of("laterChangeId", later.get("id")));
        }
    }

    /** Writes a set-&lt;kind&gt; statement's planned properties and links (compare-and-set on the version). */
    Map<String, Object> set(EditableKind kind, String id, long expectedVersion, EditableFields.Write write) {
        Map<String, Object> params = new java.util.HashMap<>(write.params());
        params.put("id", id);
        params.put("expectedVersion", expectedVersion);
        params.put("props", write.props());
        return single(kind.setScript(), params);
    }
}
