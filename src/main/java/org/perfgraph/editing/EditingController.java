package org.perfgraph.editing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.perfgraph.support.ApiException;
import org.perfgraph.support.Connection;
import org.perfgraph.support.GraphReader;
import org.perfgraph.support.PerfgraphProperties;
import org.perfgraph.support.security.Caller;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL mutations that correct the graph, and the history queries. Every mutation runs with the caller the
 * access gate identified (an editor key's name), which the history records as "by".
 */
@Controller
class EditingController {

    private final FieldEdits fieldEdits;
    private final StructuralEdits structuralEdits;
    private final ChangeReverts reverts;
    private final GraphReader reader;
    private final PerfgraphProperties properties;

    EditingController(FieldEdits fieldEdits, StructuralEdits structuralEdits, ChangeReverts reverts, GraphReader reader,
                      PerfgraphProperties properties) {
        this.fieldEdits = fieldEdits;
        this.structuralEdits = structuralEdits;
        this.reverts = reverts;
        this.reader = reader;
        this.properties = properties;
    }

    record UpdateProjectInput(String id, int expectedVersion, String name, Integer year, BigDecimal amount,
                              BigDecimal totalAmount, String nature, String category, String department,
                              LocalDate startDate, LocalDate endDate) {
    }

    record UpdateTargetInput(String id, int expectedVersion, String annual, String period, String level1,
                             String level2, Boolean allowKindChange, Boolean allowForeignL2) {
    }

    record RelinkTargetInput(String id, int expectedVersion, String indicatorId) {
    }

    record UpdateIndicatorInput(String id, int expectedVersion, String name, String code) {
    }

    record MergeIndicatorsInput(String fromId, int fromVersion, String intoId, int intoVersion) {
    }

    record CreateProjectInput(String documentId, String unitId, String name, Integer year, BigDecimal amount,
                              BigDecimal totalAmount, String nature, String category, String department,
                              LocalDate startDate, LocalDate endDate) {
    }

    record AddTargetInput(String projectId, int projectVersion, String indicatorId, String level1, String level2,
                          String annual, String period, Boolean allowForeignL2) {
    }

    record CreateIndicatorInput(String code, String name) {
    }

    record DeleteTargetInput(String id, int expectedVersion) {
    }

    record DeleteProjectInput(String id, int expectedVersion) {
    }

    record RevertChangeInput(String id) {
    }

    record UpdateProjectPayload(Map<String, Object> project, Map<String, Object> change) {
    }

    record UpdateTargetPayload(Map<String, Object> target, Map<String, Object> change) {
    }

    record RelinkTargetPayload(Map<String, Object> target, Map<String, Object> change) {
    }

    record UpdateIndicatorPayload(Map<String, Object> indicator, Map<String, Object> change) {
    }

    record MergeIndicatorsPayload(Map<String, Object> indicator, int movedTargets, Map<String, Object> change) {
    }

    record CreateProjectPayload(Map<String, Object> project, Map<String, Object> change) {
    }

    record AddTargetPayload(Map<String, Object> target, Map<String, Object> change) {
    }

    record CreateIndicatorPayload(Map<String, Object> indicator, Map<String, Object> change) {
    }

    record DeleteTargetPayload(String deletedId, Map<String, Object> change) {
    }

    record DeleteProjectPayload(String deletedId, Map<String, Object> change) {
    }

    record RevertChangePayload(Map<String, Object> change, Map<String, Object> reverted) {
    }

    @MutationMapping
    UpdateProjectPayload updateProject(@Argument UpdateProjectInput input,
                                       @ContextValue(name = Caller.CONTEXT_KEY) Caller caller) {
        Map<String, Object> fields = given("name", input.name(), "year", input.year(), "amount", input.amount(),
                "totalAmount", input.totalAmount(), "nature", input.nature(), "category", input.category(),
                "department", input.department(), "startDate", input.startDate(), "endDate", input.endDate());
        Edited e = fieldEdits.update(EditableKind.PROJECT, input.id(), input.expectedVersion(), fields, "UPDATE_PROJECT",
                caller.name(), FieldEdits.Guards.NONE);
        return new UpdateProjectPayload(e.node(), e.change());
    }

    @MutationMapping
    UpdateTargetPayload updateTarget(@Argument UpdateTargetInput input,
                                     @ContextValue(name = Caller.CONTEXT_KEY) Caller caller) {
        Map<String, Object> fields = given("annual", input.annual(), "period", input.period(), "level1", input.level1(),
                "level2", input.level2());
        Edited e = fieldEdits.update(EditableKind.TARGET, input.id(), input.expectedVersion(), fields, "UPDATE_TARGET",
                caller.name(), new FieldEdits.Guards(!Boolean.TRUE.equals(input.allowKindChange()),
                        Boolean.TRUE.equals(input.allowForeignL2())));
        return new UpdateTargetPayload(e.node(), e.change());
    }

    @MutationMapping
    RelinkTargetPayload relinkTarget(@Argument RelinkTargetInput input,
                                     @ContextValue(name = Caller.CONTEXT_KEY) Caller caller) {
        if (input.indicatorId() == null || input.indicatorId().isBlank()) {
            throw ApiException.badInput("relinkTarget needs the indicatorId to point the target at");
        }
        Edited e = fieldEdits.update(EditableKind.TARGET, input.id(), input.expectedVersion(),
                given("indicator", input.indicatorId()), "RELINK_TARGET", caller.name(), FieldEdits.Guards.NONE);
        return new RelinkTargetPayload(e.node(), e.change());
    }

    @MutationMapping
    UpdateIndicatorPayload updateIndicator(@Argument UpdateIndicatorInput input,
                                           @ContextValue(name = Caller.CONTEXT_KEY) Caller caller) {
        Edited e = fieldEdits.update(EditableKind.INDICATOR, input.id(), input.expectedVersion(),
                given("name", input.name(), "code", input.code()), "UPDATE_INDICATOR", caller.name(), FieldEdits.Guards.NONE);
        return new UpdateIndicatorPayload(e.node(), e.change());
    }

    @MutationMapping
    MergeIndicatorsPayload mergeIndicators(@Argument MergeIndicatorsInput input,
                                           @ContextValue(name = Caller.CONTEXT_KEY) Caller caller) {
        Edited e = structuralEdits.mergeIndicators(input.fromId(), input.fromVersion(), input.intoId(), input.intoVersion(),
                caller.name());
        int moved = ((List<?>) HistoryJson.read((String) e.change().get("after")).get("targets")).size();
        return new MergeIndicatorsPayload(e.node(), moved, e.change());
    }

    @MutationMapping
    CreateProjectPayload createProject(@Argument CreateProjectInput input,
                                       @ContextValue(name = Caller.CONTEXT_KEY) Caller caller) {
        Map<String, Object> fields = given("name", input.name(), "year", input.year(), "amount", input.amount(),
                "totalAmount", input.totalAmount(), "nature", input.nature(), "category", input.category(),
                "department", input.department(), "startDate", input.startDate(), "endDate", input.endDate());
        if (!fields.containsKey("name")) {
            fields.put("name", "");
        }
        Edited e = structuralEdits.createProject(input.documentId(), input.unitId(), fields, caller.name());
        return new CreateProjectPayload(e.node(), e.change());
    }

    @MutationMapping
    AddTargetPayload addTarget(@Argument AddTargetInput input, @ContextValue(name = Caller.CONTEXT_KEY) Caller caller) {
        Map<String, Object> fields = given("indicator", input.indicatorId(), "level1", input.level1(),
                "level2", input.level2(), "annual", input.annual(), "period", input.period());
        Edited e = structuralEdits.addTarget(input.projectId(), input.projectVersion(), fields,
                Boolean.TRUE.equals(input.allowForeignL2()), caller.name());
        return new AddTargetPayload(e.node(), e.change());
    }

    @MutationMapping
    CreateIndicatorPayload createIndicator(@Argument CreateIndicatorInput input,
                                           @ContextValue(name = Caller.CONTEXT_KEY) Caller caller) {
        Edited e = structuralEdits.createIndicator(input.code(), input.name(), caller.name());
        return new CreateIndicatorPayload(e.node(), e.change());
    }

    @MutationMapping
    DeleteTargetPayload deleteTarget(@Argument DeleteTargetInput input,
                                     @ContextValue(name = Caller.CONTEXT_KEY) Caller caller) {
        Edited e = structuralEdits.deleteTarget(input.id(), input.expectedVersion(), caller.name());
        return new DeleteTargetPayload(input.id(), e.change());
    }

    @MutationMapping
    DeleteProjectPayload deleteProject(@Argument DeleteProjectInput input,
                                       @ContextValue(name = Caller.CONTEXT_KEY) Caller caller) {
        Edited e = structuralEdits.deleteProject(input.id(), input.expectedVersion(), caller.name());
        return new DeleteProjectPayload(input.id(), e.change());
    }

    @MutationMapping
    RevertChangePayload revertChange(@Argument RevertChangeInput input,
                                     @ContextValue(name = Caller.CONTEXT_KEY) Caller caller) {
        Edited e = reverts.revert(input.id(), caller.name());
        Map<String, Object> reverted = reader.single("editing/change", Map.of("id", input.id()));
        @SuppressWarnings("unchecked")
        Map<String, Object> revertedNode = reverted == null ? null : (Map<String, Object>) reverted.get("node");
        return new RevertChangePayload(e.change(), revertedNode);
    }

    @QueryMapping
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> history(@Argument String entityId) {
        return reader.rows("editing/history", Map.of("entityId", entityId)).stream()
                .map(r -> (Map<String, Object>) r.get("node")).toList();
    }

    @QueryMapping
    @SuppressWarnings("unchecked")
    Map<String, Object> changes(@Argument OffsetDateTime since, @Argument String by, @Argument Integer first,
                                @Argument String after, @Argument String order) {
        boolean newestFirst = "DESC".equals(order);
        int limit = properties.pageSize(first);
        Map<String, Object> params = new HashMap<>();
        params.put("since", since == null ? null : since.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        params.put("by", by);
        params.put("afterAt", null);
        params.put("afterId", null);
        if (after != null) {
            String[] keys = decode(after, newestFirst);
            params.put("afterAt", keys[0]);
            params.put("afterId", keys[1]);
        }
        params.put("limit", limit + 1);
        List<Map<String, Object>> rows = reader.rows(newestFirst ? "editing/changes-page-newest-first"
                : "editing/changes-page", params);
        long total = ((Number) reader.single("editing/changes-count", params).get("count")).longValue();
        Map<String, Object> out = Connection.of(rows, limit, row -> {
            Map<String, Object> node = (Map<String, Object>) row.get("node");
            return encode((ZonedDateTime) node.get("at"), (String) node.get("id"), newestFirst);
        }, row -> (Map<String, Object>) row.get("node"));
        out.put("totalCount", total);
        return out;
    }

    @SchemaMapping(typeName = "Change", field = "before")
    Map<String, Object> before(Map<String, Object> change) {
        return HistoryJson.read((String) change.get("before"));
    }

    @SchemaMapping(typeName = "Change", field = "after")
    Map<String, Object> after(Map<String, Object> change) {
        return HistoryJson.read((String) change.get("after"));
    }

    /** The fields a mutation names (non-null arguments), in order; a null argument leaves its field as it is. */
    private static Map<String, Object> given(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                out.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return out;
    }

    /**
     * Keyset cursor over (at, id): the instant and id of the last change of a page, opaque to clients; a cursor of
     * the newest-first order says so, and is refused by the other order.
     */
    static String encode(ZonedDateTime at, String id, boolean newestFirst) {
        String key = at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "|" + id + (newestFirst ? "|DESC" : "");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    static String[] decode(String cursor, boolean newestFirst) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] keys = text.split("\\|", -1);
            if (keys.length != (newestFirst ? 3 : 2) || (newestFirst && !keys[2].equals("DESC"))) {
                throw new IllegalArgumentException();
            }
            OffsetDateTime.parse(keys[0]);
            return keys;
        } catch (RuntimeException e) {
            throw ApiException.badInput("'after' is not a cursor of this list in this order (pass a pageInfo.endCursor"
                    + " you received with the same order)");
        }
    }
}
