package org.perfgraph.explore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.validation.ValidationError;

/**
 * The limits that a parsed document is checked against before graphql-java validates it (validation recurses
 * through fragments: 1,000 chained fragments overflowed its stack) and so before any data fetcher or Cypher
 * statement runs: root fields (aliases count each), sort keys per {@code orderBy} (literal or variable) and the
 * depth of fragments spreading fragments. Every walk here is iterative.
 */
final class DocumentLimits implements Instrumentation {

    private final RequestLimitProperties limits;

    DocumentLimits(RequestLimitProperties limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                        InstrumentationState state) {
        check(parameters.getDocument(), parameters.getOperation(), parameters.getVariables());
        return SimpleInstrumentationContext.noOp();
    }

    /** Throws the refusal (an {@link AbortExecutionException} carrying one BAD_USER_INPUT error) of the first limit passed. */
    void check(Document document, String operationName, Map<String, Object> variables) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        for (FragmentDefinition f : document.getDefinitionsOfType(FragmentDefinition.class)) {
            fragments.putIfAbsent(f.getName(), f);
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(op -> operationName == null || operationName.isEmpty() || operationName.equals(op.getName()))
                .toList();
        for (OperationDefinition operation : operations) {
            checkFragmentDepth(operation, fragments);
            int roots = rootFields(operation, fragments);
            if (roots > limits.maxRootFields()) {
                throw RequestLimits.refused("The operation asks for " + roots + " root fields (each alias counts); at most "
                        + limits.maxRootFields() + " are allowed (PERFGRAPH_MAX_ROOT_FIELDS). Send several requests.",
                        "MAX_ROOT_FIELDS");
            }
            checkOrderKeys(operation, fragments, variables == null ? Map.of() : variables);
        }
    }

    /** Root fields of the operation, through inline fragments and fragment spreads (each fragment once). */
    private static int rootFields(OperationDefinition operation, Map<String, FragmentDefinition> fragments) {
        int count = 0;
        Set<String> spread = new HashSet<>();
        @SuppressWarnings("rawtypes")
        Deque<Selection> todo = new ArrayDeque<>(operation.getSelectionSet().getSelections());
        while (!todo.isEmpty()) {
            Selection<?> s = todo.pop();
            if (s instanceof Field) {
                count++;
            } else if (s instanceof InlineFragment inline) {
                todo.addAll(inline.getSelectionSet().getSelections());
            } else if (s instanceof FragmentSpread fs && spread.add(fs.getName()) && fragments.containsKey(fs.getName())) {
                todo.addAll(fragments.get(fs.getName()).getSelectionSet().getSelections());
            }
        }
        return count;
    }

    /** Every field reachable from the operation, each fragment's fields once. */
    private static List<Field> fields(OperationDefinition operation, Map<String, FragmentDefinition> fragments) {
        List<Field> out = new ArrayList<>();
        Set<String> spread = new HashSet<>();
        Deque<SelectionSet> todo = new ArrayDeque<>();
        todo.push(operation.getSelectionSet());
        while (!todo.isEmpty()) {
            SelectionSet set = todo.pop();
            for (Selection<?> s : set.getSelections()) {
                if (s instanceof Field f) {
                    out.add(f);
                    if (f.getSelectionSet() != null) {
                        todo.push(f.getSelectionSet());
                    }
                } else if (s instanceof InlineFragment inline) {
                    todo.push(inline.getSelectionSet());
                } else if (s instanceof FragmentSpread fs && spread.add(fs.getName()) && fragments.containsKey(fs.getName())) {
                    todo.push(fragments.get(fs.getName()).getSelectionSet());
                }
            }
        }
        return out;
    }

    private void checkOrderKeys(OperationDefinition operation, Map<String, FragmentDefinition> fragments,
                                Map<String, Object> variables) {
        Map<String, Value<?>> defaults = new HashMap<>();
        for (VariableDefinition v : operation.getVariableDefinitions()) {
            if (v.getDefaultValue() != null) {
                defaults.put(v.getName(), v.getDefaultValue());
            }
        }
        for (Field field : fields(operation, fragments)) {
            for (Argument argument : field.getArguments()) {
                if (!argument.getName().equals("orderBy")) {
                    continue;
                }
                int keys = size(argument.getValue(), variables, defaults);
                if (keys > limits.maxOrderKeys()) {
                    throw RequestLimits.refused("'orderBy' of '" + field.getName() + "' lists " + keys + " sort keys; at most "
                            + limits.maxOrderKeys() + " are allowed (PERFGRAPH_MAX_ORDER_KEYS).", "MAX_ORDER_KEYS");
                }
            }
        }
    }

    private static int size(Value<?> value, Map<String, Object> variables, Map<String, Value<?>> defaults) {
        if (value instanceof ArrayValue array) {
            return array.getValues().size();
        }
        if (value instanceof VariableReference ref) {
            if (variables.containsKey(ref.getName())) {
                return variables.get(ref.getName()) instanceof List<?> list ? list.size() : 1;
            }
            Value<?> fallback = defaults.get(ref.getName());
            return fallback == null ? 0 : size(fallback, Map.of(), Map.of());
        }
        return 1; // a single object is coerced to a list of one
    }

    /**
     * The longest chain of fragments spreading fragments from the operation, by an iterative depth-first walk that
     * remembers each fragment's depth; a cycle (which validation would reject, recursing) is refused here too.
     */
    private void checkFragmentDepth(OperationDefinition operation, Map<String, FragmentDefinition> fragments) {
        Map<String, Integer> depth = new HashMap<>();
        Map<String, List<String>> spreads = new HashMap<>();
        int deepest = 0;
        String deepestStart = null;
        for (String start : spreadNames(operation.getSelectionSet())) {
            // each stack entry: a fragment whose spreads are being walked; on the path while on the stack
            Deque<String> stack = new ArrayDeque<>();
            Set<String> onPath = new LinkedHashSet<>();
            if (!depth.containsKey(start) && fragments.containsKey(start)) {
                stack.push(start);
                onPath.add(start);
            }
            while (!stack.isEmpty()) {
                String name = stack.peek();
                List<String> next = spreads.computeIfAbsent(name, n -> spreadNames(fragments.get(n).getSelectionSet()).stream()
                        .filter(fragments::containsKey).toList());
                String pending = null;
                for (String n : next) {
                    if (onPath.contains(n)) {
                        throw RequestLimits.refused("Fragment '" + n + "' spreads itself (" + String.join(" → ", path(onPath, n))
                                + "); fragments must not form a cycle.", "MAX_FRAGMENT_DEPTH");
                    }
                    if (!depth.containsKey(n)) {
                        pending = n;
                        break;
                    }
                }
                if (pending != null) {
                    stack.push(pending);
                    onPath.add(pending);
                    if (onPath.size() > limits.maxFragmentDepth()) {
                        throw tooDeep(onPath.size() + " or more", String.join(" → ", onPath));
                    }
                    continue;
                }
                int d = 1;
                for (String n : next) {
                    d = Math.max(d, 1 + depth.get(n));
                }
                depth.put(name, d);
                stack.pop();
                onPath.remove(name);
            }
            Integer d = depth.get(start);
            if (d != null && d > deepest) {
                deepest = d;
                deepestStart = start;
            }
        }
        if (deepest > limits.maxFragmentDepth()) {
            throw tooDeep(String.valueOf(deepest), "from " + deepestStart);
        }
    }

    private AbortExecutionException tooDeep(String depth, String where) {
        return RequestLimits.refused("Fragments spread fragments " + depth + " levels deep (" + where + "); at most "
                + limits.maxFragmentDepth() + " are allowed (PERFGRAPH_MAX_FRAGMENT_DEPTH).", "MAX_FRAGMENT_DEPTH");
    }

    private static List<String> path(Set<String> onPath, String repeated) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String n : onPath) {
            in |= n.equals(repeated);
            if (in) {
                out.add(n);
            }
        }
        out.add(repeated);
        return out;
    }

    /** The names of the fragments a selection set spreads, through nested fields and inline fragments. */
    private static List<String> spreadNames(SelectionSet root) {
        Set<String> names = new LinkedHashSet<>();
        Deque<Node<?>> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node<?> node = todo.pop();
            if (node instanceof SelectionSet set) {
                set.getSelections().forEach(todo::push);
            } else if (node instanceof Field f && f.getSelectionSet() != null) {
                todo.push(f.getSelectionSet());
            } else if (node instanceof InlineFragment inline) {
                todo.push(inline.getSelectionSet());
            } else if (node instanceof FragmentSpread fs) {
                names.add(fs.getName());
            }
        }
        return List.copyOf(names);
    }
}
