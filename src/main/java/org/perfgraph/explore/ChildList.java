package org.perfgraph.explore;

import java.util.List;
import java.util.Map;

import org.perfgraph.explore.ListQuery.Key;

/**
 * A list of linked nodes below a parent, as a GraphQL field of the parent's type ({@code Project.targets}) and its
 * paged sibling ({@code Project.targetsConnection}). The table of every such list, read by the field wiring
 * ({@link ChildLists}), the statement ({@link ListQuery#children}) and the complexity estimate ({@link FanOuts}).
 * The parent is a node, or an analytics answer that holds the ids of the list's nodes in its own order
 * ({@code IndicatorReuse.projects}: the projects using the indicator, by document and line); such a list filters,
 * sorts and pages those nodes exactly as a node's list does, its default order the answer's.
 *
 * @param parentType  the parent's type and label
 * @param field       the list field; its connection is {@code field + "Connection"}
 * @param match       fixed Cypher from {@code parent} to the linked nodes {@code n}, ending in the WITH that binds
 *                    {@code n} once per linked node (DISTINCT where the path can reach a node twice)
 * @param spec        the linked kind: its filters ({@code where}) and sort keys ({@code orderBy})
 * @param defaultKeys the order when none is given, the id tiebreak last
 * @param count       the number of linked nodes without a filter as one expression on {@code parent} (a stored count
 *                    or a degree), or null to count them
 * @param tree        each linked node has one parent in this list (a target one project): distinct parents have
 *                    distinct children, so a level's rows are bounded by the list's links in the store
 * @param members     for the list of an analytics answer, the answer's entry holding the ids of its nodes (then
 *                    {@code parent} is that list of ids); null for the list of a node
 */
record ChildList(String parentType, String field, String match, NodeSpec spec, List<Key> defaultKeys, String count,
                 boolean tree, String members) {

    static final List<ChildList> ALL = List.of(
            of("Unit", "projects", "MATCH (parent)-[:HAS_PROJECT]->(n:Project) WITH n", Specs.PROJECT, order("name"),
                    "COUNT { (parent)-[:HAS_PROJECT]->() }", true),
            of("Project", "targets", "MATCH (parent)-[:HAS_TARGET]->(n:Target) WITH n", Specs.TARGET, order("line", "ordinal"),
                    "COUNT { (parent)-[:HAS_TARGET]->() }", true),
            // First stated first: the smallest line of the project's statements of the text.
            new ChildList("Project", "texts", "MATCH (parent)-[st:STATES]->(n:Text) WITH n, min(st.line) AS stated", Specs.TEXT,
                    List.of(new Key("stated", "stated", false, false), new Key("id", "n.id", false, false)), null, false, null),
            of("Indicator", "targets", "MATCH (parent)<-[:MEASURES]-(n:Target) WITH n", Specs.TARGET, Specs.TARGET.defaultOrder,
                    "COUNT { (parent)<-[:MEASURES]-() }", true),
            of("Indicator", "projects", "MATCH (parent)<-[:MEASURES]-(:Target)<-[:HAS_TARGET]-(n:Project) WITH DISTINCT n",
                    Specs.PROJECT, order("name"), "parent.projectCount", false),
            of("Indicator", "units", "MATCH (parent)<-[:USES]-(n:Unit) WITH n", Specs.UNIT, order("region", "name"),
                    "COUNT { (parent)<-[:USES]-() }", false),
            of("Text", "projects", "MATCH (parent)<-[:STATES]-(n:Project) WITH DISTINCT n", Specs.PROJECT, order("name"),
                    "parent.projectCount", false),
            of("Category", "children", "MATCH (parent)<-[:UNDER]-(n:Category) WITH n", Specs.CATEGORY, order("name"),
                    "COUNT { (parent)<-[:UNDER]-() }", true),
            of("Document", "projects", "MATCH (parent)<-[:DECLARED_IN]-(n:Project) WITH n", Specs.PROJECT, order("line"),
                    "COUNT { (parent)<-[:DECLARED_IN]-() }", true),
            // The lists of analytics answers (schema/analysis.graphqls): the ids each answer holds.
            ofAnswer("IndicatorReuse", "projects", "projectIds", Specs.PROJECT),
            ofAnswer("IndicatorReuse", "units", "unitIds", Specs.UNIT),
            ofAnswer("IndicatorReuse", "documents", "documentIds", Specs.DOCUMENT),
            ofAnswer("BoilerplateTarget", "projects", "projectIds", Specs.PROJECT),
            ofAnswer("BoilerplateTarget", "targets", "targetIds", Specs.TARGET),
            ofAnswer("IndicatorMatch", "documents", "documentIds", Specs.DOCUMENT),
            ofAnswer("IndicatorMatch", "matchDocuments", "matchDocumentIds", Specs.DOCUMENT));

    private static final Map<String, ChildList> BY_FIELD = index();

    /** The child list behind {@code Type.field} or {@code Type.fieldConnection}, or null. */
    static ChildList of(String parentType, String field) {
        ChildList list = BY_FIELD.get(parentType + "." + field);
        if (list == null && field.endsWith("Connection")) {
            list = BY_FIELD.get(parentType + "." + field.substring(0, field.length() - "Connection".length()));
        }
        return list;
    }

    /** The list's name in the complexity estimate's table of widest lists (cypher/explore/child-list-widest.cypher). */
    String name() {
        return parentType + "." + field;
    }

    String connectionField() {
        return field + "Connection";
    }

    /** Ties a cursor to this list of this parent kind and its ordering. */
    String signature(List<Key> keys) {
        StringBuilder sb = new StringBuilder(parentType).append('.').append(field).append(':').append(spec.type);
        for (Key k : keys) {
            sb.append(',').append(k.name()).append(k.descending() ? "-" : "+");
        }
        return sb.toString();
    }

    /** The sort keys of a request: its orderBy, else this list's default; the id breaks ties. */
    List<Key> keys(List<Map<String, Object>> orderBy) {
        return orderBy == null || orderBy.isEmpty() ? defaultKeys : ListQuery.keys(spec, orderBy);
    }

    private static ChildList of(String parentType, String field, String match, NodeSpec spec,
                                List<Map<String, Object>> order, String count, boolean tree) {
        return new ChildList(parentType, field, match, spec, ListQuery.keys(spec, order), count, tree, null);
    }

    /**
     * The list of an analytics answer whose entry {@code members} holds its nodes' ids: each id is looked up by the
     * kind's id constraint, and its position in the answer is the default order (the id the tiebreak, as always).
     */
    private static ChildList ofAnswer(String parentType, String field, String members, NodeSpec spec) {
        return new ChildList(parentType, field, "UNWIND range(0, size(parent) - 1) AS position\n  MATCH (n:" + spec.label
                + " {id: parent[position]})\n  WITH n, position", spec,
                List.of(new Key("position", "position", false, false), new Key("id", "n.id", false, false)),
                "size(parent)", false, members);
    }

    private static List<Map<String, Object>> order(String... fields) {
        return java.util.Arrays.stream(fields).<Map<String, Object>>map(f -> Map.of(f, "ASC")).toList();
    }

    private static Map<String, ChildList> index() {
        Map<String, ChildList> out = new java.util.HashMap<>();
        for (ChildList list : ALL) {
            out.put(list.parentType + "." + list.field, list);
        }
        return Map.copyOf(out);
    }
}
