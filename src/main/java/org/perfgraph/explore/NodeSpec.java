package org.perfgraph.explore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the API lets a client filter and sort on for one node kind: the whitelist the where-translator and the
 * ordering read. Every Cypher fragment here is fixed text with {@code {n}} for the node's variable (and {@code {m}}
 * for the far node of a link); user input never becomes Cypher, only parameters.
 */
final class NodeSpec {

    /** How a field's filter operators compare and how their values travel as parameters. */
    enum Operand { ID, STRING, INT, FLOAT, MONEY, DATE, BOOLEAN, ENUM }

    /** A filterable (and possibly sortable) field: the Cypher expression and whether it can be null. */
    record Field(String name, String expr, Operand operand, boolean nullable) {
        String on(String var) {
            return expr.replace("{n}", var);
        }
    }

    /** A relationship a filter can follow: {@code many} links take some/none/all, single ones a where of their kind. */
    record Link(String name, String pattern, String target, boolean many) {
        String on(String from, String to) {
            return pattern.replace("{n}", from).replace("{m}", to);
        }
    }

    final String type;
    final String label;
    final Map<String, Field> fields = new LinkedHashMap<>();
    final Map<String, Link> links = new LinkedHashMap<>();
    /** Input fields that group a prefix of properties of the same node (Target.annual, Target.period). */
    final Map<String, NodeSpec> embedded = new LinkedHashMap<>();
    /** The orderBy keys of this kind; a subset of the fields. */
    final Map<String, Field> sorts = new LinkedHashMap<>();
    /** The order when none is given (the id tiebreak is always appended). */
    List<Map<String, Object>> defaultOrder = List.of();

    NodeSpec(String type, String label) {
        this.type = type;
        this.label = label;
    }

    NodeSpec field(String name, String expr, Operand operand) {
        fields.put(name, new Field(name, expr, operand, true));
        return this;
    }

    /** A field that is never null (ids, computed counts): its filters need no null guard. */
    NodeSpec required(String name, String expr, Operand operand) {
        fields.put(name, new Field(name, expr, operand, false));
        return this;
    }

    NodeSpec sortable(String... names) {
        for (String name : names) {
            sorts.put(name, fields.get(name));
        }
        return this;
    }

    /** A sort key that is not a filter; {@code nullable} where a node can lack the value. */
    NodeSpec sort(String name, String expr, boolean nullable) {
        sorts.put(name, new Field(name, expr, Operand.STRING, nullable));
        return this;
    }

    NodeSpec link(String name, String pattern, String target, boolean many) {
        links.put(name, new Link(name, pattern, target, many));
        return this;
    }

    NodeSpec embed(String name, NodeSpec spec) {
        embedded.put(name, spec);
        return this;
    }

    NodeSpec orderByDefault(List<Map<String, Object>> order) {
        this.defaultOrder = order;
        return this;
    }
}
