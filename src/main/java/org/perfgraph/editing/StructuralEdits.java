package org.perfgraph.editing;

import static org.perfgraph.editing.EditTransaction.checkVersion;
import static org.perfgraph.editing.EditTransaction.node;
import static org.perfgraph.editing.EditTransaction.version;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.perfgraph.ingest.TextNormalizer;
import org.perfgraph.support.ApiException;
import org.perfgraph.support.Ids;
import org.springframework.stereotype.Service;

/**
 * Structural edits: what the reader missed entered by hand (projects, targets, indicators), duplicates removed
 * (targets, projects), indicators merged. Each is one transaction with its history entry, version-checked like a
 * field edit.
 */
@Service
class StructuralEdits {

    private final EditTransactions transactions;

    StructuralEdits(EditTransactions transactions) {
        this.transactions = transactions;
    }

    /** Moves every target of {@code from} to {@code into}, removes {@code from}; one history entry names them all. */
    Edited mergeIndicators(String fromId, int fromVersion, String intoId, int intoVersion, String by) {
        if (fromId != null && fromId.equals(intoId)) {
            throw ApiException.badInput("an indicator cannot be merged into itself");
        }
        return transactions.write(tx -> {
            // Lock in id order: two merges of the same pair in opposite directions cannot deadlock.
            boolean fromFirst = fromId == null || intoId == null || fromId.compareTo(intoId) < 0;
            Map<String, Object> first = tx.lockAndRead(EditableKind.INDICATOR, fromFirst ? fromId : intoId);
            Map<String, Object> second = tx.lockAndRead(EditableKind.INDICATOR, fromFirst ? intoId : fromId);
            Map<String, Object> from = node(fromFirst ? first : second);
            Map<String, Object> into = node(fromFirst ? second : first);
            checkVersion(EditableKind.INDICATOR, fromId, from, fromVersion);
            checkVersion(EditableKind.INDICATOR, intoId, into, intoVersion);
            Map<String, Object> result = tx.single("editing/merge-indicators", Map.of("fromId", fromId, "intoId", intoId));
            List<String> targetIds = ((List<?>) result.get("targetIds")).stream().map(Object::toString).toList();
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("indicator", HistoryJson.safe(from));
            before.put("targets", targetIds);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("into", intoId);
            after.put("targets", targetIds);
            List<String> related = new ArrayList<>();
            related.add(intoId);
            related.addAll(targetIds);
            Map<String, Object> change = ChangeLog.record(tx, new ChangeLog.Entry(by, "MERGE_INDICATORS",
                    EditableKind.INDICATOR.label, fromId, null, version(from) + 1, before, after, List.of(), related, null));
            return new Edited(tx.recountedIndicator(intoId), change);
        });
    }

    /**
     * A library indicator no document has filed yet, entered by hand so that targets can be relinked to it. Its id
     * and key are those an import would give it, so a document that files it later finds it.
     */
    Edited createIndicator(String code, String name, String by) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", EditableFields.normalise(EditableKind.INDICATOR, "code", code));
        values.put("name", EditableFields.normalise(EditableKind.INDICATOR, "name", name == null ? "" : name));
        String normalizedName = TextNormalizer.normalizeName((String) values.get("name"));
        String key = values.get("code") != null ? "C:" + values.get("code") : "N:" + normalizedName;
        String id = Ids.of('I', key);
        return transactions.write(tx -> {
            if (values.get("code") != null) {
                FieldEdits.refuseTakenCode(tx, (String) values.get("code"), id);
            }
            Map<String, Object> props = new HashMap<>();
            props.put("id", id);
            props.put("key", key);
            props.put("code", values.get("code"));
            props.put("name", values.get("name"));
            props.put("normalizedName", normalizedName);
            props.put("coded", values.get("code") != null);
            props.put("manual", true);
            Map<String, Object> created = tx.single("editing/create-indicator", Map.of("props", props));
            if (!Boolean.TRUE.equals(created.get("created"))) {
                Map<String, Object> other = node(created);
                throw new ApiException("CONFLICT", "indicator " + other.get("id") + " (" + other.get("name") + ") is "
                        + (values.get("code") != null ? "the one with code " + values.get("code")
                        : "the uncoded one named " + values.get("name")) + " already", Map.of("indicatorId", other.get("id")));
            }
            Map<String, Object> change = ChangeLog.record(tx, new ChangeLog.Entry(by, "CREATE_INDICATOR",
                    EditableKind.INDICATOR.label, id, null, 1L, Map.of(), values, List.of(), null, null));
            return new Edited(node(created), change);
        });
    }

    /** A project the reader missed, entered by hand under a document and a unit. */
    Edited createProject(String documentId, String unitId, Map<String, Object> fields, String by) {
        Map<String, Object> values = EditableFields.given(EditableKind.PROJECT, fields);
        if (!values.containsKey("name")) {
            throw ApiException.badInput("a project needs a name");
        }
        if (!values.containsKey("amount")) {
            throw ApiException.badInput("a project needs an amount");
        }
        return transactions.write(tx -> {
            String id = Ids.of('P', "manual|" + UUID.randomUUID());
            Map<String, Object> node = insertProject(tx, id, documentId, unitId, values);
            if (node == null) {
                throw ApiException.notFound("no document " + documentId + " or no unit " + unitId);
            }
            Map<String, Object> change = ChangeLog.record(tx, new ChangeLog.Entry(by, "CREATE_PROJECT",
                    EditableKind.PROJECT.label, id, documentId, 1L, Map.of(), values, List.of(), List.of(unitId), null));
            return new Edited(node, change);
        });
    }

    /** Creates a hand-entered project (also when a re-import brings one back); null if document or unit is missing. */
    static Map<String, Object> insertProject(EditTransaction tx, String id, String documentId, String unitId,
                                             Map<String, Object> values) {
        Map<String, Object> props = new HashMap<>();
        props.put("id", id);
        props.put("key", "manual|" + id);
        props.put("documentId", documentId);
        props.put("unitId", unitId);
        props.put("line", 0);
        props.put("blocks", 0);
        props.put("targetCount", 0);
        props.put("manual", true);
        props.putAll(EditableFields.plan(EditableKind.PROJECT, values, Map.of("node", Map.of()), false).props());
        Map<String, Object> created = tx.single("editing/create-project",
                Map.of("documentId", documentId == null ? "" : documentId, "unitId", unitId == null ? "" : unitId,
                        "props", props));
        return created == null ? null : node(created);
    }

    /** A target the reader missed, added to a project (whose version it checks and bumps). */
    Edited addTarget(String projectId, int projectVersion, Map<String, Object> fields, boolean foreignL2Allowed, String by) {
        return transactions.write(tx -> {
            Map<String, Object> projectRow = tx.lockAndRead(EditableKind.PROJECT, projectId);
            checkVersion(EditableKind.PROJECT, projectId, node(projectRow), projectVersion);
            Map<String, Object> values = EditableFields.given(EditableKind.TARGET, fields);
            for (String required : List.of("indicator", "level1", "level2", "annual")) {
                if (!values.containsKey(required)) {
                    throw ApiException.badInput("a target needs " + required);
                }
            }
            if (!foreignL2Allowed) {
                EditableFields.refuseForeignL2((String) values.get("level1"), (String) values.get("level2"));
            }
            String id = Ids.of('T', projectId + "|manual|" + UUID.randomUUID());
            Map<String, Object> node = insertTarget(tx, id, projectRow, values);
            Map<String, Object> change = ChangeLog.record(tx, new ChangeLog.Entry(by, "ADD_TARGET",
                    EditableKind.TARGET.label, id, (String) projectRow.get("documentId"), version(node), Map.of(), values,
                    List.of(), List.of(projectId), null));
            return new Edited(node, change);
        });
    }

    /**
     * Creates a hand-entered target under a project read by {@code editing/project} (also when a re-import brings
     * one back): a bare node, then the values, categories and indicator written as any edit writes them.
     */
    static Map<String, Object> insertTarget(EditTransaction tx, String id, Map<String, Object> projectRow,
                                            Map<String, Object> values) {
        Map<String, Object> indicator = tx.requireIndicator((String) values.get("indicator"));
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
        return node(tx.set(EditableKind.TARGET, id, 0, EditableFields.plan(EditableKind.TARGET, values, row, false)));
    }

    /** Removes a target; the history keeps what it was. */
    Edited deleteTarget(String id, int expectedVersion, String by) {
        return transactions.write(tx -> {
            Map<String, Object> row = tx.lockAndRead(EditableKind.TARGET, id);
            checkVersion(EditableKind.TARGET, id, node(row), expectedVersion);
            // The indicator too: the deletion may leave it without targets, and then it goes.
            Map<String, Object> indicator = row.get("indicatorId") == null ? null
                    : tx.requireIndicator((String) row.get("indicatorId"));
            removeTarget(tx, id, expectedVersion);
            Map<String, Object> before = new LinkedHashMap<>(HistoryJson.safe(node(row)));
            before.put("indicatorId", row.get("indicatorId"));
            before.put("indicator", indicator == null ? null : HistoryJson.safe(indicator));
            List<String> related = row.get("projectId") == null ? List.of() : List.of((String) row.get("projectId"));
            Map<String, Object> change = ChangeLog.record(tx, new ChangeLog.Entry(by, "DELETE_TARGET",
                    EditableKind.TARGET.label, id, (String) row.get("documentId"), expectedVersion + 1L, before, Map.of(),
                    List.of(), related, null));
            return new Edited(node(row), change);
        });
    }

    static void removeTarget(EditTransaction tx, String id, long version) {
        Map<String, Object> result = tx.single("editing/delete-target", Map.of("id", id, "expectedVersion", version));
        deleteOrphans(tx, List.of(), (List<?>) result.get("indicatorIds"), List.of());
    }

    /** Removes a project with its targets and goal statements; the history keeps what it was. */
    Edited deleteProject(String id, int expectedVersion, String by) {
        return transactions.write(tx -> {
            Map<String, Object> row = tx.lockAndRead(EditableKind.PROJECT, id);
            checkVersion(EditableKind.PROJECT, id, node(row), expectedVersion);
            List<?> targetIds = removeProject(tx, id, expectedVersion);
            Map<String, Object> before = new LinkedHashMap<>(HistoryJson.safe(node(row)));
            before.put("targetIds", targetIds);
            Map<String, Object> change = ChangeLog.record(tx, new ChangeLog.Entry(by, "DELETE_PROJECT",
                    EditableKind.PROJECT.label, id, (String) row.get("documentId"), expectedVersion + 1L, before,
                    Map.of(), List.of(), null, null));
            return new Edited(node(row), change);
        });
    }

    /** @return the ids of the targets removed with it */
    static List<?> removeProject(EditTransaction tx, String id, long version) {
        Map<String, Object> result = tx.single("editing/delete-project", Map.of("id", id, "expectedVersion", version));
        deleteOrphans(tx, (List<?>) result.get("textIds"), (List<?>) result.get("indicatorIds"), (List<?>) result.get("unitIds"));
        return (List<?>) result.get("targetIds");
    }

    private static void deleteOrphans(EditTransaction tx, List<?> textIds, List<?> indicatorIds, List<?> unitIds) {
        tx.run("ingest/delete-orphans", Map.of("textIds", textIds, "indicatorIds", indicatorIds, "unitIds", unitIds, "categoryIds", List.of()));
    }
}
