package org.perfgraph.explore;

import static org.perfgraph.explore.NodeSpec.Operand.BOOLEAN;
import static org.perfgraph.explore.NodeSpec.Operand.DATE;
import static org.perfgraph.explore.NodeSpec.Operand.ENUM;
import static org.perfgraph.explore.NodeSpec.Operand.FLOAT;
import static org.perfgraph.explore.NodeSpec.Operand.ID;
import static org.perfgraph.explore.NodeSpec.Operand.INT;
import static org.perfgraph.explore.NodeSpec.Operand.MONEY;
import static org.perfgraph.explore.NodeSpec.Operand.STRING;

import java.util.List;
import java.util.Map;

import org.perfgraph.graph.StoredValue;
/**
 * The filter and sort whitelist of every node kind, mirroring the {@code *Where} and {@code *Order} inputs of
 * schema/explore.graphqls. Counts are degree lookups where one hop suffices, stored properties for the distinct
 * projects of an indicator or a text, and the degree of the USES relationships for the distinct units of an
 * indicator (see cypher/schema/040_counts.cypher).
 */
final class Specs {

    /**
     * Distinct projects measuring an indicator: stored on the node (kept by the import and by edits, see
     * cypher/schema/040_counts.cypher), so sorting on it reads an index rather than every target.
     */
    static final String INDICATOR_PROJECTS = "{n}.projectCount";
    /** Distinct units: the degree of the indicator's USES relationships (one per unit, kept like projectCount). */
    static final String INDICATOR_UNITS = "COUNT { ({n})<-[:USES]-() }";
    /** One-hop counts with no label on the far end are degree lookups (only targets measure, only units own projects). */
    static final String INDICATOR_TARGETS = "COUNT { ({n})<-[:MEASURES]-() }";
    static final String TEXT_PROJECTS = "{n}.projectCount";
    static final String UNIT_PROJECTS = "COUNT { ({n})-[:HAS_PROJECT]->() }";
    static final String PROJECT_TARGETS = "COUNT { ({n})-[:HAS_TARGET]->() }";

    static final NodeSpec UNIT = new NodeSpec("Unit", "Unit")
            .required("id", "{n}.id", ID)
            .field("code", "{n}.code", STRING)
            .required("name", "{n}.name", STRING)
            .field("region", "{n}.region", STRING)
            .required("projectCount", UNIT_PROJECTS, INT)
            .sortable("id", "code", "name", "region", "projectCount")
            .link("projects", "({n})-[:HAS_PROJECT]->({m}:Project)", "Project", true)
            .orderByDefault(List.of(Map.of("name", "ASC")));

    static final NodeSpec PROJECT = new NodeSpec("Project", "Project")
            .required("id", "{n}.id", ID)
            .required("name", "{n}.name", STRING)
            .field("year", "{n}.year", INT)
            .field("amount", "{n}.amountCents", MONEY)
            .field("totalAmount", "{n}.totalAmountCents", MONEY)
            .field("nature", "{n}.nature", STRING)
            .field("category", "{n}.category", STRING)
            .field("department", "{n}.department", STRING)
            .field("startDate", "{n}.startDate", DATE)
            .field("endDate", "{n}.endDate", DATE)
            .required("line", "{n}.line", INT)
            .required("blocks", "{n}.blocks", INT)
            .required("targetCount", PROJECT_TARGETS, INT)
            .sortable("id", "name", "year", "amount", "totalAmount", "nature", "startDate", "endDate", "line", "targetCount")
            .link("unit", "({n})<-[:HAS_PROJECT]-({m}:Unit)", "Unit", false)
            .link("document", "({n})-[:DECLARED_IN]->({m}:Document)", "Document", false)
            .link("targets", "({n})-[:HAS_TARGET]->({m}:Target)", "Target", true)
            .link("texts", "({n})-[:STATES]->({m}:Text)", "Text", true)
            .orderByDefault(List.of(Map.of("name", "ASC")));

    /** A TargetValue's filters; the property names are {@link StoredValue}'s. */
    static NodeSpec value(String prefix) {
        return new NodeSpec("TargetValue", "Target")
                .field("raw", valueProperty(prefix, "raw"), STRING)
                .field("kind", valueProperty(prefix, "kind"), ENUM)
                .field("comparator", valueProperty(prefix, "comparator"), ENUM)
                .field("number", valueProperty(prefix, "number"), FLOAT)
                .field("unit", valueProperty(prefix, "unit"), STRING)
                .field("qualifier", valueProperty(prefix, "qualifier"), STRING)
                .field("deadline", valueProperty(prefix, "deadline"), DATE)
                .field("normalized", valueProperty(prefix, "normalized"), STRING);
    }

    private static String valueProperty(String prefix, String field) {
        return "{n}." + StoredValue.property(prefix, field);
    }

    static final NodeSpec TARGET = new NodeSpec("Target", "Target")
            .required("id", "{n}.id", ID)
            .required("line", "{n}.line", INT)
            .field("indicatorName", "{n}.indicatorName", STRING)
            .field("indicatorCode", "{n}.indicatorCode", STRING)
            .field("level1", "{n}.level1", STRING)
            .field("level2", "{n}.level2", STRING)
            .field("level1Raw", "{n}.level1Raw", STRING)
            .field("level2Raw", "{n}.level2Raw", STRING)
            .field("categoryInferred", "{n}.categoryInferred", BOOLEAN)
            .sortable("id", "line", "indicatorName", "level1", "level2")
            // Sort keys only: their filters are annual.number and annual.deadline.
            .sort("annualNumber", "{n}." + StoredValue.property("annual", "number"), true)
            .sort("annualDeadline", "{n}." + StoredValue.property("annual", "deadline"), true)
            .embed("annual", value("annual"))
            .embed("period", value("period"))
            .embed("actual", value("actual"))
            .field("weight", "{n}.weight", FLOAT)
            .field("score", "{n}.score", FLOAT)
            .field("direction", "{n}.direction", ENUM)
            .link("indicator", "({n})-[:MEASURES]->({m}:Indicator)", "Indicator", false)
            .link("project", "({n})<-[:HAS_TARGET]-({m}:Project)", "Project", false)
            .link("document", "({n})-[:SOURCE]->({m}:Document)", "Document", false)
            // Document order: by document, then line, then position on the line.
            .sort("document", "{n}.documentId", false)
            .sort("ordinal", "{n}.ordinal", false)
            .orderByDefault(List.of(Map.of("document", "ASC"), Map.of("line", "ASC"), Map.of("ordinal", "ASC")));

    static final NodeSpec INDICATOR = new NodeSpec("Indicator", "Indicator")
            .required("id", "{n}.id", ID)
            .field("code", "{n}.code", STRING)
            .required("name", "{n}.name", STRING)
            .field("normalizedName", "{n}.normalizedName", STRING)
            .field("coded", "{n}.coded", BOOLEAN)
            .required("targetCount", INDICATOR_TARGETS, INT)
            .required("projectCount", INDICATOR_PROJECTS, INT)
            .required("unitCount", INDICATOR_UNITS, INT)
            .sortable("id", "code", "name", "targetCount", "projectCount", "unitCount")
            .link("targets", "({n})<-[:MEASURES]-({m}:Target)", "Target", true)
            .link("projects", "({n})<-[:MEASURES]-(:Target)<-[:HAS_TARGET]-({m}:Project)", "Project", true)
            .link("units", "({n})<-[:USES]-({m}:Unit)", "Unit", true)
            .orderByDefault(List.of(Map.of("name", "ASC")));

    static final NodeSpec CATEGORY = new NodeSpec("Category", "Category")
            .required("id", "{n}.id", ID)
            .required("name", "{n}.name", STRING)
            .required("level", "{n}.level", INT)
            .field("code", "{n}.code", STRING)
            .required("targetCount", "COUNT { ({n})<-[:LEVEL1|LEVEL2]-() }", INT)
            .sortable("id", "name", "level", "targetCount")
            .link("parent", "({n})-[:UNDER]->({m}:Category)", "Category", false)
            .link("children", "({n})<-[:UNDER]-({m}:Category)", "Category", true)
            .link("targets", "({n})<-[:LEVEL1|LEVEL2]-({m}:Target)", "Target", true)
            .orderByDefault(List.of(Map.of("level", "ASC"), Map.of("name", "ASC")));

    static final NodeSpec TEXT = new NodeSpec("Text", "Text")
            .required("id", "{n}.id", ID)
            .required("text", "{n}.text", STRING)
            .required("normalized", "{n}.normalized", STRING)
            .field("length", "{n}.length", INT)
            .required("projectCount", TEXT_PROJECTS, INT)
            .sortable("id", "normalized", "length", "projectCount")
            .link("projects", "({n})<-[:STATES]-({m}:Project)", "Project", true)
            .orderByDefault(List.of(Map.of("normalized", "ASC")));

    static final NodeSpec DOCUMENT = new NodeSpec("Document", "Document")
            .required("id", "{n}.id", ID)
            .required("name", "{n}.name", STRING)
            .field("hash", "{n}.hash", STRING)
            .field("format", "{n}.format", ENUM)
            .field("kind", "coalesce({n}.kind, 'DECLARATION')", ENUM)
            .field("fileKind", "coalesce({n}.fileKind, 'TEXT')", ENUM)
            .field("truncated", "coalesce({n}.truncated, false)", BOOLEAN)
            .field("title", "{n}.title", STRING)
            .field("region", "{n}.region", STRING)
            .field("year", "{n}.year", INT)
            .field("lineCount", "{n}.lineCount", INT)
            .field("projectCount", "{n}.projectCount", INT)
            .field("targetCount", "{n}.targetCount", INT)
            .sortable("id", "name", "year", "region", "projectCount", "targetCount")
            .link("projects", "({n})<-[:DECLARED_IN]-({m}:Project)", "Project", true)
            .orderByDefault(List.of(Map.of("name", "ASC")));

    private static final Map<String, NodeSpec> BY_TYPE = Map.of(
            "Unit", UNIT, "Project", PROJECT, "Target", TARGET, "Indicator", INDICATOR,
            "Category", CATEGORY, "Text", TEXT, "Document", DOCUMENT);

    private Specs() {
    }

    static NodeSpec of(String type) {
        NodeSpec spec = BY_TYPE.get(type);
        if (spec == null) {
            throw new IllegalStateException("No filter spec for " + type);
        }
        return spec;
    }
}
