package org.perfgraph.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Consumer;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.Scalars;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.perfgraph.support.ApiException;
import org.perfgraph.support.WholeList;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analytics lists as sheets, read through the GraphQL field itself: the export builds a query of the field with
 * the request's parameters as variables and the sheet's columns as selection, and runs it in-process (no HTTP, the
 * read key was checked by the export), so every row is what the API answers and nothing of the analytics is
 * repeated here. The arguments come from the field's definition in the schema: each query parameter must name one
 * (list and input-object arguments as JSON, Int/Float/Boolean as JSON literals, strings, ids and enums as
 * themselves), so an argument added to a field is an export parameter at once. A field with cursors
 * ({@code after}) is read in keyset pages and counted first by its {@code totalCount}; a field without is asked for
 * every row at once ({@code first} at the export's row limit, see {@link WholeList}) as its resolver computes them
 * anyway.
 */
@Component
class AnalyticsExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ExecutionGraphQlService graphQl;
    private final GraphQlSource source;

    AnalyticsExport(ExecutionGraphQlService graphQl, GraphQlSource source) {
        this.graphQl = graphQl;
        this.source = source;
    }

    static boolean isList(String list) {
        return AnalyticsSheets.OF.containsKey(list);
    }

    /**
     * The export of {@code list} with these arguments (query parameters, the export's own removed), checked now:
     * a parameter that is no argument of the field, or whose value does not read, is refused naming it.
     */
    Plan plan(String list, Map<String, String> arguments, long maxRows) {
        GraphQLFieldDefinition field = source.schema().getQueryType().getFieldDefinition(list);
        if (field == null || !isList(list)) {
            throw ApiException.badInput("list: '" + list + "' is not an analytics list");
        }
        boolean paged = field.getArgument("after") != null;
        Map<String, Object> variables = new LinkedHashMap<>();
        arguments.forEach((name, text) -> {
            GraphQLArgument argument = field.getArgument(name);
            if (argument == null || name.equals("first") || name.equals("after")) {
                throw ApiException.badInput(name + ": not a parameter of the " + list + " export ("
                        + String.join(", ", exportArguments(field)) + ", headers); an export is not paged: it writes the whole list");
            }
            variables.put(name, value(name, text, argument.getType()));
        });
        return new Plan(list, field, variables, paged, maxRows);
    }

    /** The field's arguments an export takes: all but the paging ones. */
    private static List<String> exportArguments(GraphQLFieldDefinition field) {
        return field.getArguments().stream().map(GraphQLArgument::getName)
                .filter(n -> !n.equals("first") && !n.equals("after")).toList();
    }

    private static Object value(String name, String text, GraphQLInputType type) {
        GraphQLType t = GraphQLTypeUtil.unwrapNonNull(type);
        boolean json = t instanceof GraphQLList || t instanceof GraphQLInputObjectType || t == Scalars.GraphQLInt
                || t == Scalars.GraphQLFloat || t == Scalars.GraphQLBoolean;
        if (!json) {
            return text;
        }
        try {
            return JSON.readValue(text, Object.class);
        } catch (JacksonException e) {
            throw ApiException.badInput(name + ": '" + text + "' is not " + (t instanceof GraphQLNamedType n
                    ? "a " + n.getName() : "a JSON list") + " (list and input arguments are JSON): " + e.getOriginalMessage());
        }
    }

    /** One prepared export: the field, its variables, its sheet. */
    final class Plan {
        private final String list;
        private final GraphQLFieldDefinition field;
        private final Map<String, Object> variables;
        private final boolean paged;
        private final int cap;
        private final AnalyticsSheets.Sheet sheet;
        private final String selection;
        private List<Map<String, Object>> whole;

        private Plan(String list, GraphQLFieldDefinition field, Map<String, Object> variables, boolean paged, long maxRows) {
            this.list = list;
            this.field = field;
            this.variables = variables;
            this.paged = paged;
            this.cap = (int) Math.min(Integer.MAX_VALUE - 1, maxRows) + 1;
            this.sheet = AnalyticsSheets.OF.get(list);
            this.selection = selection(sheet.columns());
        }

        List<Columns.Column> columns() {
            return sheet.columns();
        }

        /**
         * Lines the sheet will have: a paged field's totalCount, else the rows of the whole answer (computed now and
         * kept for {@link #forEachLine}), each row counting as many lines as its exploded list has elements.
         */
        long count() {
            if (paged) {
                Map<String, Object> vars = new LinkedHashMap<>(variables);
                vars.put("first", 0);
                return ((Number) run("totalCount", vars).get("totalCount")).longValue();
            }
            Map<String, Object> vars = new LinkedHashMap<>(variables);
            if (field.getArgument("first") != null) {
                vars.put("first", cap);
            }
            whole = answerRows(run(selection, vars));
            long lines = 0;
            for (Map<String, Object> row : whole) {
                lines += sheet.explode() == null ? 1 : Math.max(1, list(row.get(sheet.explode())).size());
            }
            return lines;
        }

        /** Hands every sheet line's cells, in list order, to {@code line}; a paged field page after page. */
        void forEachLine(int pageSize, Consumer<List<Object>> line) {
            int ordinal = 0;
            if (!paged) {
                if (whole == null) {
                    count();
                }
                for (Map<String, Object> row : whole) {
                    lines(row, ++ordinal, line);
                }
                return;
            }
            Object after = null;
            while (true) {
                Map<String, Object> vars = new LinkedHashMap<>(variables);
                vars.put("first", pageSize);
                vars.put("after", after);
                Map<String, Object> page = run("edges { node { " + selection + " } } pageInfo { hasNextPage endCursor }", vars);
                for (Map<String, Object> edge : rows(page.get("edges"))) {
                    lines(asMap(edge.get("node")), ++ordinal, line);
                }
                Map<String, Object> pageInfo = asMap(page.get("pageInfo"));
                if (!Boolean.TRUE.equals(pageInfo.get("hasNextPage"))) {
                    return;
                }
                after = pageInfo.get("endCursor");
            }
        }

        private void lines(Map<String, Object> row, int ordinal, Consumer<List<Object>> line) {
            List<Object> elements = sheet.explode() == null ? null : list(row.get(sheet.explode()));
            int n = elements == null || elements.isEmpty() ? 1 : elements.size();
            for (int i = 0; i < n; i++) {
                Map<String, Object> element = elements == null || elements.isEmpty() ? null : asMap(elements.get(i));
                List<Object> cells = new ArrayList<>(sheet.columns().size());
                for (Columns.Column c : sheet.columns()) {
                    cells.add(cell(c.key(), row, element, ordinal));
                }
                line.accept(cells);
            }
        }

        private Object cell(String path, Map<String, Object> row, Map<String, Object> element, int ordinal) {
            if (path.equals(AnalyticsSheets.ORDINAL)) {
                return ordinal;
            }
            String[] steps = path.split("\\.");
            Object at = row;
            int from = 0;
            if (sheet.explode() != null && steps[0].equals(sheet.explode())) {
                at = element;
                from = 1;
            }
            List<Object> values = new ArrayList<>();
            collect(at, steps, from, values);
            if (values.isEmpty()) {
                return null;
            }
            if (values.size() == 1 && !(at instanceof List<?>) && !throughList(at, steps, from)) {
                return values.get(0);
            }
            StringJoiner joined = new StringJoiner("; ");
            values.forEach(v -> joined.add(Cells.text(v)));
            return joined.toString();
        }

        /** Runs the field with this selection and these variables; the field's answer, or the error as an exception. */
        private Map<String, Object> run(String selection, Map<String, Object> vars) {
            StringJoiner declared = new StringJoiner(", ", "(", ")");
            StringJoiner passed = new StringJoiner(", ", "(", ")");
            vars.keySet().forEach(name -> {
                declared.add("$" + name + ": " + GraphQLTypeUtil.simplePrint(field.getArgument(name).getType()));
                passed.add(name + ": $" + name);
            });
            String document = "query Export" + (vars.isEmpty() ? "" : declared) + " { rows: " + field.getName()
                    + (vars.isEmpty() ? "" : passed) + " { " + selection + " } }";
            var request = new DefaultExecutionGraphQlRequest(document, "Export", vars, null,
                    UUID.randomUUID().toString(), null);
            ExecutionResult result = WholeList.read(cap, () -> graphQl.execute(request).block()).getExecutionResult();
            if (!result.getErrors().isEmpty()) {
                GraphQLError error = result.getErrors().get(0);
                Object classification = error.getExtensions() == null ? null : error.getExtensions().get("classification");
                // an error without a path is the request's own (a variable that does not coerce), not a resolver's
                boolean input = "BAD_USER_INPUT".equals(classification)
                        || error.getErrorType() == graphql.ErrorType.ValidationError
                        || error.getPath() == null || error.getPath().isEmpty();
                throw new ApiException(input ? "BAD_USER_INPUT" : classification == null ? "INTERNAL" : classification.toString(),
                        list + ": " + error.getMessage(), Map.of());
            }
            Map<String, Object> data = result.getData();
            Object rows = data.get("rows");
            return rows instanceof Map<?, ?> ? asMap(rows) : Map.of("rows", rows);
        }

        private List<Map<String, Object>> answerRows(Map<String, Object> answer) {
            return rows(answer.get("rows"));
        }
    }

    /** The selection set of these column paths, merged into one tree: {@code a.b, a.c, d} → {@code a { b c } d}. */
    static String selection(List<Columns.Column> columns) {
        Map<String, Object> tree = new LinkedHashMap<>();
        for (Columns.Column c : columns) {
            if (c.key().equals(AnalyticsSheets.ORDINAL)) {
                continue;
            }
            Map<String, Object> at = tree;
            for (String step : c.key().split("\\.")) {
                at = asMap(at.computeIfAbsent(step, s -> new LinkedHashMap<String, Object>()));
            }
        }
        return print(tree);
    }

    private static String print(Map<String, Object> tree) {
        StringJoiner out = new StringJoiner(" ");
        tree.forEach((name, children) -> {
            Map<String, Object> sub = asMap(children);
            out.add(sub.isEmpty() ? name : name + " { " + print(sub) + " }");
        });
        return out.toString();
    }

    private static void collect(Object at, String[] steps, int from, List<Object> values) {
        if (at == null) {
            return;
        }
        if (at instanceof List<?> l) {
            l.forEach(e -> collect(e, steps, from, values));
            return;
        }
        if (from == steps.length) {
            values.add(at);
            return;
        }
        if (at instanceof Map<?, ?> m) {
            collect(m.get(steps[from]), steps, from + 1, values);
        }
    }

    private static boolean throughList(Object at, String[] steps, int from) {
        Object here = at;
        for (int i = from; i < steps.length && here instanceof Map<?, ?> m; i++) {
            here = m.get(steps[i]);
            if (here instanceof List<?>) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }
}
