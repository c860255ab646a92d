package org.perfgraph.explore;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

import graphql.schema.DataFetchingEnvironment;

/**
 * A node as GraphQL reads it (its properties) that also carries the answers of some of its fields, read ahead by
 * the statement of its root field ({@link ReadAheadLevel}), keyed by each field's result key (its alias, else its
 * name). Within one selection a result key names one field with one set of arguments (GraphQL's field merging), and
 * each prefetched node is shown under exactly one selection, so the key is enough. Equal to its node, so that
 * loaders keyed by parent (the fields not read ahead) see the node they always saw.
 */
final class Prefetched extends AbstractMap<String, Object> {

    private final Map<String, Object> node;
    private final Map<String, Object> answers;

    Prefetched(Map<String, Object> node, Map<String, Object> answers) {
        this.node = node;
        this.answers = answers;
    }

    /** Whether the field being fetched was read ahead for this source (its answer may be null: a missing link). */
    static boolean answered(DataFetchingEnvironment env) {
        return env.getSource() instanceof Prefetched p && p.answers.containsKey(env.getExecutionStepInfo().getResultKey());
    }

    static Object answer(DataFetchingEnvironment env) {
        return ((Prefetched) env.getSource()).answers.get(env.getExecutionStepInfo().getResultKey());
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return node.entrySet();
    }

    @Override
    public Object get(Object key) {
        return node.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return node.containsKey(key);
    }

    @Override
    public int size() {
        return node.size();
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    @Override
    public boolean equals(Object other) {
        return other == this || node.equals(other instanceof Prefetched p ? p.node : other);
    }
}
