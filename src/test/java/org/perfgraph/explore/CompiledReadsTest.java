package org.perfgraph.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import graphql.schema.GraphQLFieldDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfgraph.GraphTest;
import org.perfgraph.support.GraphReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A root list's whole selection is one statement ({@link ReadAhead}), and answers exactly what the batched read
 * path (a statement per level) answers: the same data, cursors and errors, for the documents in graphql-test/
 * named readAhead*.
 */
class CompiledReadsTest extends GraphTest {

    /** The write generation the complexity estimate reads when a request has an unpaged child list. */
    private static final int GENERATION = 1;

    @Autowired
    GraphReader reader;

    @Autowired
    ReadAhead readAhead;

    @Autowired
    GraphQlSource graphQlSource;

    @AfterEach
    void compiledAgain() {
        readAhead.enabled(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"readAheadProjectPage", "readAheadAliases", "readAheadFragments", "readAheadNestedPaging",
            "readAheadChildLists", "readAheadNulls", "readAheadDeep", "readAheadRefusedCursor", "readAheadTargetFields",
            "readAheadNodeFields"})
    void a_compiled_answer_equals_the_batched_answer(String document) {
        Map<String, Object> compiled = answer(true, () -> graphQl.documentName(document));
        assertThat(compiled).isEqualTo(answer(false, () -> graphQl.documentName(document)));
        // a nested field's error empties the whole answer (its non-null parents up to the root): only there
        boolean refused = document.equals("readAheadRefusedCursor");
        assertThat(compiled.get("data") == null).isEqualTo(refused);
        assertThat(compiled.containsKey("errors")).isEqualTo(refused);
    }

    @Test
    void fragments_skipped_by_their_variables_are_skipped_in_the_statement_too() {
        for (Map<String, Object> variables : List.of(Map.<String, Object>of("withTargets", false),
                Map.<String, Object>of("noUnit", true), Map.<String, Object>of("withTargets", false, "noUnit", true))) {
            Supplier<GraphQlTester.Request<?>> request = () -> {
                GraphQlTester.Request<?> r = graphQl.documentName("readAheadFragments");
                variables.forEach(r::variable);
                return r;
            };
            assertThat(answer(true, request)).as("%s", variables).isEqualTo(answer(false, request));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_cursors_of_a_compiled_page_page_on_in_both_read_paths() {
        Map<String, Object> first = answer(true, () -> graphQl.documentName("readAheadNestedPaging").variable("first", 1));
        List<Map<String, Object>> edges = (List<Map<String, Object>>) path(first, "data", "indicators", "edges");
        int more = 0;
        while (!(Boolean) path(edges.get(more), "node", "projectsConnection", "pageInfo", "hasNextPage")) {
            more++;
        }
        String after = (String) path(edges.get(more), "node", "projectsConnection", "pageInfo", "endCursor");
        Supplier<GraphQlTester.Request<?>> nested = () -> graphQl.documentName("readAheadNestedPaging").variable("first", 1).variable("after", after);
        Map<String, Object> compiled = answer(true, nested);
        assertThat(compiled).isEqualTo(answer(false, nested));
        assertThat((List<Object>) path(compiled, "data", "indicators", "edges", more, "node", "projectsConnection", "edges")).isNotEmpty();

        String root = (String) path(answer(false, () -> graphQl.documentName("readAheadProjectPage").variable("first", 2)),
                "data", "projects", "pageInfo", "endCursor");
        Supplier<GraphQlTester.Request<?>> next = () -> graphQl.documentName("readAheadProjectPage").variable("first", 3).variable("after", root);
        assertThat(answer(true, next)).isEqualTo(answer(false, next));
        assertThat((String) path(answer(true, next), "data", "projects", "edges", 0, "cursor")).isNotEqualTo(root);
    }

    @Test
    void a_request_with_nested_levels_costs_one_statement_per_root_field() {
        graphQl.documentName("readAheadProjectPage").execute(); // the estimate's widths are read once per write generation
        assertThat(statements(() -> graphQl.documentName("readAheadNestedPaging"))).isEqualTo(1);
        assertThat(statements(() -> graphQl.documentName("readAheadAliases"))).isEqualTo(5 + 2 + GENERATION); // five roots, and the two distinct lists under the nodes shown twice
        // one statement, and the write generation the estimate of its unpaged targets reads
        assertThat(statements(() -> graphQl.documentName("readAheadProjectPage"))).isEqualTo(1 + GENERATION);
        assertThat(statements(() -> graphQl.documentName("readAheadChildLists"))).isEqualTo(6 + GENERATION);
        // with compiled reads off, the same request is a statement per level and field
        readAhead.enabled(false);
        assertThat(statements(() -> graphQl.documentName("readAheadNestedPaging"))).isEqualTo(3);
    }

    @Test
    void targets_read_ahead_return_only_the_properties_their_selection_reads() {
        String page = "{ projects(first: 3) { edges { node { name targets { id line indicatorName "
                + "annual { raw kind normalized } indicator { code name } } } } } }";
        graphQl.document(page).execute().errors().verify();
        // a value: its raw text and the value fields selected
        assertThat(reader.lastStatement()).contains("{node: n {.id, .line, .indicatorName, .annualRaw, .annualKind, .annualNormalized}")
                .doesNotContain(".periodRaw").doesNotContain(".level1Raw").doesNotContain(".annualComparator");
        graphQl.document("{ targets(first: 2) { edges { node { annual { number } period { kind } } } } }").execute().errors().verify();
        assertThat(reader.lastStatement()).contains("{node: n {.id, .annualRaw, .annualNumberText, .periodRaw, .periodKind}, s: [");
        graphQl.document("{ targets(first: 2) { edges { node { line __typename } } } }").execute().errors().verify();
        assertThat(reader.lastStatement()).contains("{node: n {.id, .line}, s: [");
    }

    @Test
    void projects_units_and_indicators_read_ahead_return_only_the_properties_their_selection_reads() {
        graphQl.document("{ projects(first: 3) { edges { node { name amount unit { name } targets { line "
                + "indicator { code name projectCount } } } } } }").execute().errors().verify();
        assertThat(reader.lastStatement()).contains("{node: n {.id, .name, .amount}, s: [")
                .contains("{node: n {.id, .name}")
                .contains("{node: n {.id, .code, .name, .projectCount}")
                .doesNotContain("{node: n,").doesNotContain("{node: n}");
        // a root list reading nothing ahead is projected too
        graphQl.document("{ indicators(first: 2) { edges { node { name coded } } } }").execute().errors().verify();
        assertThat(reader.lastStatement()).contains("{node: n {.id, .name, .coded}, s: [");
    }

    @Test
    void the_projection_tables_know_every_field_of_their_kinds() {
        for (String type : List.of("Target", "Project", "Unit", "Indicator")) {
            var object = graphQlSource.schema().getObjectType(type);
            assertThat(NodeProperties.fields(type)).as(type)
                    .containsExactlyInAnyOrderElementsOf(object.getFieldDefinitions().stream()
                            .map(GraphQLFieldDefinition::getName).toList());
        }
    }

    @Test
    void nodes_below_the_deepest_level_read_ahead_load_by_level() {
        graphQl.documentName("readAheadDeep").execute();
        // units down to the targets' indicators in one; the indicators' projects, and their units, one each
        assertThat(statements(() -> graphQl.documentName("readAheadDeep"))).isEqualTo(3);
        assertThat(answer(true, () -> graphQl.documentName("readAheadDeep")).toString()).contains("unit={name=");
    }

    @Test
    void fields_beyond_the_most_one_statement_reads_ahead_load_by_level() {
        int over = 3;
        StringBuilder aliases = new StringBuilder();
        for (int i = 1; i <= ReadAheadPlanner.MAX_FIELDS + over; i++) {
            aliases.append(" t").append(i).append(": targets(first: ").append(i).append(") { line }");
        }
        String document = "{ projects(first: 2) { edges { node { name" + aliases + " } } } }";
        graphQl.document(document).execute();
        // the page with the first MAX_FIELDS lists, then one statement for each list beyond (other arguments each)
        assertThat(statements(() -> graphQl.document(document))).isEqualTo(1 + over);
        assertThat(answer(true, () -> graphQl.document(document))).isEqualTo(answer(false, () -> graphQl.document(document)));
    }

    @Test
    void a_request_the_limits_refuse_is_refused_alike_and_runs_nothing() {
        String tooWide = "{ indicators(first: 100) { edges { node { projects { targets { indicator { projects { targets { indicator { name } } } } } } } } } }";
        String tooDeep = "{ categories { edges { node { " + "children { parent { ".repeat(7) + "name" + " } }".repeat(7) + " } } } }";
        for (String document : List.of(tooWide, tooDeep)) {
            graphQl.document(document).execute();
            long before = reader.statementCount();
            Map<String, Object> compiled = answer(true, () -> graphQl.document(document));
            long compiledStatements = reader.statementCount() - before;
            before = reader.statementCount();
            Map<String, Object> batched = answer(false, () -> graphQl.document(document));
            // at most the estimate's own read of the store's write generation, in both
            assertThat(compiledStatements).isEqualTo(reader.statementCount() - before).isLessThanOrEqualTo(GENERATION);
            assertThat(compiled).containsKey("errors").doesNotContainKey("data").isEqualTo(batched);
        }
    }

    private long statements(Supplier<GraphQlTester.Request<?>> request) {
        long before = reader.statementCount();
        request.get().execute().errors().satisfy(errors -> assertThat(errors).isEmpty());
        return reader.statementCount() - before;
    }

    /** The whole response (data and errors; errors in path order, which the two paths may finish in differently). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> answer(boolean compiled, Supplier<GraphQlTester.Request<?>> request) {
        readAhead.enabled(compiled);
        try {
            List<ResponseError> seen = new ArrayList<>();
            GraphQlTester.Response response = request.get().execute();
            response.errors().satisfy(seen::addAll);
            Map<String, Object> whole = new java.util.LinkedHashMap<>(response.path("$").entity(Map.class).get());
            if (whole.get("errors") instanceof List<?> errors) {
                List<Object> sorted = new ArrayList<>(errors);
                sorted.sort(Comparator.comparing(Object::toString));
                whole.put("errors", sorted);
            }
            return whole;
        } finally {
            readAhead.enabled(true);
        }
    }

    private static Object path(Object from, Object... steps) {
        Object at = from;
        for (Object step : steps) {
            at = step instanceof Integer i ? ((List<?>) at).get(i) : ((Map<?, ?>) at).get(step);
        }
        return at;
    }
}
