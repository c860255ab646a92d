package org.perfgraph.explore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one node selection that its root field's statement answers ahead, and how their answers are
 * shaped: each field is a column of the statement ({@code f0, f1 ...}), a subquery per node for lists and links, an
 * expression for computed counts. A node of this selection becomes a {@link Prefetched} with those answers; a
 * selection that reads nothing ahead leaves its nodes as they are (their fields load as they always did).
 */
final class ReadAheadLevel {

    static final ReadAheadLevel NONE = new ReadAheadLevel(List.of(), "n");

    /** What an answer read ahead is, which says how its column is shaped into the field's value. */
    enum Kind {
        /** a child list: its nodes */
        LIST,
        /** a child list's connection: {rows, total} */
        CONNECTION,
        /** one linked node or null */
        LINK,
        /** linked nodes that are no child list (an indicator's categories) */
        LINKS,
        /** a project's goal statements, maps as the loader's script returns them */
        GOALS,
        /** a target's provenance: its document, with the line and place of the target itself */
        SOURCE,
        /** a computed count: an expression, no subquery */
        COUNT
    }

    /**
     * One field read ahead.
     *
     * @param resultKey the field's alias, else its name: the key its answer has in the node
     * @param column    the statement's name for it
     * @param cypher    the subquery binding {@code column}, or for a count its expression on {@code n}
     * @param below     what the nodes it answers read ahead in turn
     * @param page      for a connection, the list's query (cursors) and the request (page size, count)
     */
    record Field(String resultKey, String column, Kind kind, String cypher, ReadAheadLevel below, Page page) {
    }

    /** What a connection read ahead needs to make its page as {@link ChildLists} makes it. */
    record Page(ListQuery query, ChildLists.Request request) {
    }

    private final List<Field> fields;
    private final String node;

    /** @param node what the statement returns for a node: {@code n}, or a map projection of the properties read */
    ReadAheadLevel(List<Field> fields, String node) {
        this.fields = fields;
        this.node = node;
    }

    /** The expression a row's {@code node} is: the whole node, or only the properties the selection reads. */
    String node() {
        return node;
    }

    /** The subqueries, one per list or link, each on the level's node {@code n}. */
    String calls() {
        StringBuilder sb = new StringBuilder();
        for (Field field : fields) {
            if (field.kind() != Kind.COUNT) {
                sb.append(sb.isEmpty() ? "" : "\n").append(field.cypher());
            }
        }
        return sb.toString();
    }

    /** The columns the subqueries bind. */
    List<String> columns() {
        return fields.stream().filter(f -> f.kind() != Kind.COUNT).map(Field::column).toList();
    }

    /** The entries of a node's row map after {@code node}: each column, and each count's expression. */
    String entries() {
        StringBuilder sb = new StringBuilder();
        for (Field field : fields) {
            sb.append(", ").append(field.column()).append(": ")
                    .append(field.kind() == Kind.COUNT ? field.cypher() : field.column());
        }
        return sb.toString();
    }

    /** A row ({@code node} and the columns) as GraphQL reads it: the node, with the answers when there are any. */
    @SuppressWarnings("unchecked")
    Map<String, Object> shape(Map<String, Object> row) {
        Map<String, Object> node = (Map<String, Object>) row.get("node");
        if (fields.isEmpty()) {
            return node;
        }
        Map<String, Object> answers = new HashMap<>();
        for (Field field : fields) {
            answers.put(field.resultKey(), answer(field, row.get(field.column()), node));
        }
        return new Prefetched(node, answers);
    }

    @SuppressWarnings("unchecked")
    private static Object answer(Field field, Object value, Map<String, Object> node) {
        return switch (field.kind()) {
            case LIST, LINKS -> ((List<Map<String, Object>>) value).stream().map(field.below()::shape).toList();
            case LINK -> value == null ? null : field.below().shape((Map<String, Object>) value);
            case CONNECTION -> {
                Map<String, Object> read = (Map<String, Object>) value;
                ChildLists.Request request = field.page().request();
                Map<String, Object> page = field.page().query().connection((List<Map<String, Object>>) read.get("rows"),
                        request.limit(), request.list().signature(request.keys()), field.below()::shape);
                if (request.count()) {
                    page.put("totalCount", ((Number) read.get("total")).intValue());
                }
                yield page;
            }
            case SOURCE -> {
                // as LinksController.targetSource makes it
                Map<String, Object> source = new HashMap<>();
                source.put("document", value == null ? null : field.below().shape((Map<String, Object>) value));
                source.put("line", node.get("line"));
                source.put("place", node.get("place"));
                yield source;
            }
            case GOALS -> value;
            case COUNT -> ((Number) value).intValue();
        };
    }
}
