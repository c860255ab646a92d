package org.perfgraph.explore;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * The single links between node kinds, the lists that are not child lists (goal statements, an indicator's
 * categories) and the computed counts: each field is batch loaded, one statement per field per level of a request,
 * whatever the page size. The child lists with their filters and connections are {@link ChildLists}.
 */
@Controller
class LinksController {

    private final Batches batches;

    LinksController(Batches batches) {
        this.batches = batches;
    }

    // Unit

    @BatchMapping(typeName = "Unit", field = "projectCount")
    Map<Map<String, Object>, Integer> unitProjectCount(List<Map<String, Object>> units) {
        return batches.count(Specs.UNIT, "projectCount", units);
    }

    // Project

    @BatchMapping(typeName = "Project", field = "unit")
    Map<Map<String, Object>, Map<String, Object>> projectUnit(List<Map<String, Object>> projects) {
        return batches.one("explore/project-units", projects);
    }

    @BatchMapping(typeName = "Project", field = "document")
    Map<Map<String, Object>, Map<String, Object>> projectDocument(List<Map<String, Object>> projects) {
        return batches.one("explore/project-documents", projects);
    }

    @BatchMapping(typeName = "Project", field = "targetCount")
    Map<Map<String, Object>, Integer> projectTargetCount(List<Map<String, Object>> projects) {
        return batches.count(Specs.PROJECT, "targetCount", projects);
    }

    @BatchMapping(typeName = "Project", field = "goals")
    Map<Map<String, Object>, List<Map<String, Object>>> projectGoals(List<Map<String, Object>> projects) {
        return batches.many("explore/project-goals", projects);
    }

    // Target

    @BatchMapping(typeName = "Target", field = "indicator")
    Map<Map<String, Object>, Map<String, Object>> targetIndicator(List<Map<String, Object>> targets) {
        return batches.one("explore/target-indicators", targets);
    }

    @BatchMapping(typeName = "Target", field = "level1")
    Map<Map<String, Object>, Map<String, Object>> targetLevel1(List<Map<String, Object>> targets) {
        return batches.one("explore/target-level1", targets);
    }

    @BatchMapping(typeName = "Target", field = "level2")
    Map<Map<String, Object>, Map<String, Object>> targetLevel2(List<Map<String, Object>> targets) {
        return batches.one("explore/target-level2", targets);
    }

    @BatchMapping(typeName = "Target", field = "project")
    Map<Map<String, Object>, Map<String, Object>> targetProject(List<Map<String, Object>> targets) {
        return batches.one("explore/target-projects", targets);
    }

    /** Provenance needs the document node; the line is on the target itself. */
    @BatchMapping(typeName = "Target", field = "source")
    Map<Map<String, Object>, Map<String, Object>> targetSource(List<Map<String, Object>> targets) {
        Map<Map<String, Object>, Map<String, Object>> documents = batches.one("explore/target-documents", targets);
        Map<Map<String, Object>, Map<String, Object>> out = new LinkedHashMap<>();
        documents.forEach((target, document) -> {
            Map<String, Object> source = new HashMap<>();
            source.put("document", document);
            source.put("line", target.get("line"));
            source.put("place", target.get("place"));
            out.put(target, source);
        });
        return out;
    }

    // Indicator

    @BatchMapping(typeName = "Indicator", field = "categories")
    Map<Map<String, Object>, List<Map<String, Object>>> indicatorCategories(List<Map<String, Object>> indicators) {
        return batches.many("explore/indicator-categories", indicators);
    }

    @BatchMapping(typeName = "Indicator", field = "targetCount")
    Map<Map<String, Object>, Integer> indicatorTargetCount(List<Map<String, Object>> indicators) {
        return batches.count(Specs.INDICATOR, "targetCount", indicators);
    }

    @BatchMapping(typeName = "Indicator", field = "projectCount")
    Map<Map<String, Object>, Integer> indicatorProjectCount(List<Map<String, Object>> indicators) {
        return batches.count(Specs.INDICATOR, "projectCount", indicators);
    }

    @BatchMapping(typeName = "Indicator", field = "unitCount")
    Map<Map<String, Object>, Integer> indicatorUnitCount(List<Map<String, Object>> indicators) {
        return batches.count(Specs.INDICATOR, "unitCount", indicators);
    }

    // Category

    @BatchMapping(typeName = "Category", field = "parent")
    Map<Map<String, Object>, Map<String, Object>> categoryParent(List<Map<String, Object>> categories) {
        return batches.one("explore/category-parents", categories);
    }

    @BatchMapping(typeName = "Category", field = "targetCount")
    Map<Map<String, Object>, Integer> categoryTargetCount(List<Map<String, Object>> categories) {
        return batches.count(Specs.CATEGORY, "targetCount", categories);
    }

    // Text

    @BatchMapping(typeName = "Text", field = "projectCount")
    Map<Map<String, Object>, Integer> textProjectCount(List<Map<String, Object>> texts) {
        return batches.count(Specs.TEXT, "projectCount", texts);
    }

    // Document
}
