package org.perfgraph.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import org.perfgraph.explore.ReadAheadLevel.Field;
import org.perfgraph.explore.ReadAheadLevel.Kind;
import org.perfgraph.support.ApiException;
import org.perfgraph.support.PerfgraphProperties;

/**
 * Plans what one root field's statement reads ahead, level by level, from the request's selection
 * ({@link DataFetchingFieldSelectionSet}: fragments, aliases and {@code @skip}/{@code @include} already resolved and
 * fields of one result key merged). A field it does not know, or whose arguments it would refuse, is left to its
 * loader, which answers (or refuses) it as it always did. One planner per statement: its filter parameters and
 * columns are numbered across all levels.
 *
 * <p>The rule for large selections: nodes are read ahead down to {@link #MAX_DEPTH} links below the root page,
 * and at most {@link #MAX_FIELDS} fields per statement, in selection order; the fields beyond are loaded by their
 * loaders, one statement per field and level as before. So the statement's size is bounded whatever the request,
 * and a typical request (a page, its links, one or two nested lists) is one statement.
 */
final class ReadAheadPlanner {

    /** The deepest nodes read ahead: a page's projects (0), their targets (1), the targets' indicators (2), ... (3). */
    static final int MAX_DEPTH = 3;
    /** The most fields one statement answers ahead. */
    static final int MAX_FIELDS = 32;

    /** A link read ahead: the path from {@code parent} to the linked node {@code n}, and the linked kind. */
    private record Link(String pattern, String type) {
    }

    private static final Map<String, Link> LINKS = Map.of(
            "Project.unit", link(Specs.PROJECT, "unit"),
            "Project.document", link(Specs.PROJECT, "document"),
            "Target.indicator", link(Specs.TARGET, "indicator"),
            "Target.project", link(Specs.TARGET, "project"),
            "Target.level1", new Link("(parent)-[:LEVEL1]->(n:Category)", "Category"),
            "Target.level2", new Link("(parent)-[:LEVEL2]->(n:Category)", "Category"),
            "Category.parent", link(Specs.CATEGORY, "parent"),
            "Target.source", link(Specs.TARGET, "document"));

    /** Computed counts; counts stored on the node (indicator and text projectCount) are read with it already. */
    private static final Map<String, String> COUNTS = Map.of(
            "Unit.projectCount", count(Specs.UNIT, "projectCount"),
            "Project.targetCount", count(Specs.PROJECT, "targetCount"),
            "Indicator.targetCount", count(Specs.INDICATOR, "targetCount"),
            "Indicator.unitCount", count(Specs.INDICATOR, "unitCount"),
            "Category.targetCount", count(Specs.CATEGORY, "targetCount"));

    /** Every field a statement can answer ahead: their fetchers look for the answer first ({@link ReadAhead}). */
    static final Set<String> COORDINATES = Stream.of(
            LINKS.keySet().stream(), COUNTS.keySet().stream(), Stream.of("Indicator.categories", "Project.goals"),
            ChildList.ALL.stream().flatMap(l -> Stream.of(l.name(), l.parentType() + "." + l.connectionField())))
            .flatMap(s -> s).collect(Collectors.toUnmodifiableSet());

    private final PerfgraphProperties properties;
    private final WhereTranslator where;
    private int columns;

    ReadAheadPlanner(PerfgraphProperties properties, WhereTranslator where) {
        this.properties = properties;
        this.where = where;
    }

    /** What the nodes of a root list's connection read ahead ({@code edges { node { ... } } }). */
    ReadAheadLevel page(String type, DataFetchingFieldSelectionSet connection) {
        return level(type, nodes(connection), 0);
    }

    /**
     * The node selection under a connection: {@code edges { node }} when each is selected once. Selected under two
     * result keys (aliases), the same nodes would show two selections, so they read nothing ahead.
     */
    private static DataFetchingFieldSelectionSet nodes(DataFetchingFieldSelectionSet connection) {
        return only(only(connection, "edges"), "node");
    }

    private static DataFetchingFieldSelectionSet only(DataFetchingFieldSelectionSet selection, String name) {
        if (selection == null) {
            return null;
        }
        List<SelectedField> found = selection.getImmediateFields().stream().filter(f -> f.getName().equals(name)).toList();
        return found.size() == 1 ? found.get(0).getSelectionSet() : null;
    }

    private ReadAheadLevel level(String type, DataFetchingFieldSelectionSet selection, int depth) {
        if (selection == null) {
            return ReadAheadLevel.NONE;
        }
        List<Field> fields = new ArrayList<>();
        for (SelectedField selected : selection.getImmediateFields()) {
            if (columns >= MAX_FIELDS) {
                break;
            }
            if (!selected.getObjectTypeNames().equals(List.of(type))) {
                continue;
            }
            Field field = field(type, selected, depth);
            if (field != null) {
                fields.add(field);
            }
        }
        String node = NodeProperties.projection(type, selection);
        return fields.isEmpty() && node.equals("n") ? ReadAheadLevel.NONE : new ReadAheadLevel(fields, node);
    }

    private Field field(String type, SelectedField selected, int depth) {
        String coordinate = type + "." + selected.getName();
        String count = COUNTS.get(coordinate);
        if (count != null) {
            return new Field(selected.getResultKey(), column(), Kind.COUNT, count, ReadAheadLevel.NONE, null);
        }
        if (depth >= MAX_DEPTH) {
            return null;
        }
        ChildList list = ChildList.of(type, selected.getName());
        if (list != null) {
            return childList(list, selected, depth);
        }
        Link link = LINKS.get(coordinate);
        if (link != null) {
            boolean source = coordinate.equals("Target.source");
            String column = column();
            ReadAheadLevel below = level(link.type(), source ? only(selected.getSelectionSet(), "document")
                    : selected.getSelectionSet(), depth + 1);
            String cypher = around("MATCH " + link.pattern() + optional(below.calls())
                    + "\nRETURN head(collect({node: " + below.node() + below.entries() + "})) AS linked", column);
            return new Field(selected.getResultKey(), column, source ? Kind.SOURCE : Kind.LINK, cypher, below, null);
        }
        if (coordinate.equals("Indicator.categories")) {
            // as cypher/explore/indicator-categories.cypher: the distinct L2 categories of its targets, by name
            String column = column();
            ReadAheadLevel below = level("Category", selected.getSelectionSet(), depth + 1);
            String order = " ORDER BY n.name, n.id";
            String again = below.columns().isEmpty() ? "" : "\nWITH n, " + String.join(", ", below.columns()) + order;
            String cypher = around("MATCH (parent)<-[:MEASURES]-(:Target)-[:LEVEL2]->(n:Category)"
                    + "\nWITH DISTINCT n\nWITH n" + order + optional(below.calls()) + again
                    + "\nRETURN collect({node: " + below.node() + below.entries() + "}) AS linked", column);
            return new Field(selected.getResultKey(), column, Kind.LINKS, cypher, below, null);
        }
        if (coordinate.equals("Project.goals")) {
            // as cypher/explore/project-goals.cypher; the goal's text loads its own fields
            String column = column();
            String cypher = around("MATCH (parent)-[s:STATES]->(x:Text)\nWITH s, x ORDER BY s.line, s.kind DESC"
                    + "\nRETURN collect({kind: s.kind, line: s.line, raw: s.raw, text: properties(x)}) AS linked", column);
            return new Field(selected.getResultKey(), column, Kind.GOALS, cypher, ReadAheadLevel.NONE, null);
        }
        return null;
    }

    private Field childList(ChildList list, SelectedField selected, int depth) {
        boolean connection = selected.getName().equals(list.connectionField());
        ChildLists.Request request;
        ListQuery query;
        try {
            request = ChildLists.request(list, selected.getArguments(), connection,
                    connection && selected.getSelectionSet().contains("totalCount"), properties);
            query = new ListQuery(list.spec(), request.keys(), request.where(), where);
        } catch (ApiException refused) {
            // the loader refuses it as this field's own error, the rest of the answer unharmed
            return null;
        }
        String column = column();
        ReadAheadLevel below = level(list.spec().type,
                connection ? nodes(selected.getSelectionSet()) : selected.getSelectionSet(), depth + 1);
        return new Field(selected.getResultKey(), column, connection ? Kind.CONNECTION : Kind.LIST,
                query.childReadingAhead(list, request, below, column), below, new ReadAheadLevel.Page(query, request));
    }

    private String column() {
        return "f" + columns++;
    }

    /**
     * A subquery on the level's node {@code n} binding {@code column} from {@code body}'s one row ({@code linked}).
     * The body sees only {@code parent} (the node, renamed), so the linked node can be {@code n} again, as the
     * levels below expect: a name imported into a subquery cannot be bound anew in it, one not imported can.
     */
    private static String around(String body, String column) {
        return "CALL (n) {\nWITH n AS parent\nCALL (parent) {\n" + body + "\n}\nRETURN linked AS " + column + "\n}";
    }

    private static String optional(String calls) {
        return calls.isEmpty() ? "" : "\n" + calls;
    }

    private static Link link(NodeSpec spec, String name) {
        NodeSpec.Link link = spec.links.get(name);
        return new Link(link.on("parent", "n"), link.target());
    }

    /** A computed count as its filter and sort read it, so the number shown is the one filtered and sorted on. */
    private static String count(NodeSpec spec, String field) {
        return spec.fields.get(field).on("n");
    }
}
