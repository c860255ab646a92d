package org.perfgraph.editing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.perfgraph.support.Ids;

/** Writes history entries: one (:Change) per change, in the transaction of the change itself. */
final class ChangeLog {

    private ChangeLog() {
    }

    /** An entry to record; {@code before}/{@code after} hold the changed fields in input form. */
    record Entry(String by, String operation, String entityKind, String entityId, String documentId, Long version,
                 Map<String, Object> before, Map<String, Object> after, List<String> fields, List<String> relatedIds,
                 String revertOf) {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> record(EditTransaction tx, Entry e) {
        Map<String, Object> change = new HashMap<>();
        change.put("id", Ids.of('H', UUID.randomUUID().toString()));
        change.put("by", e.by());
        change.put("operation", e.operation());
        change.put("entityKind", e.entityKind());
        change.put("entityId", e.entityId());
        change.put("documentId", e.documentId());
        change.put("version", e.version());
        change.put("before", HistoryJson.write(e.before()));
        change.put("after", HistoryJson.write(e.after()));
        change.put("fields", e.fields() == null ? List.of() : new ArrayList<>(e.fields()));
        change.put("relatedIds", e.relatedIds());
        change.put("revertOf", e.revertOf());
        tx.touched(e);
        return (Map<String, Object>) tx.single("editing/record-change", Map.of("change", change)).get("node");
    }
}
