package org.perfgraph.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.CoercedVariables;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

/**
 * The estimate on a store as wide as the 100k-target corpus (an indicator filed by 6,674 projects, a project with
 * 25 targets): unpaged child lists count at their widest, 'first' counts as given, at every level.
 */
class ComplexityEstimateTest {

    private static final Map<String, Long> WIDE_STORE = Map.of("Indicator.projects", 6674L, "Project.targets", 25L,
            "Indicator.targets", 9000L, "Unit.projects", 700L, "Indicator.units", 10L, "IndicatorReuse.projects", 6674L,
            "SharedText.statements", 300L);
    private static final GraphQLSchema SCHEMA = schema();

    private static GraphQLSchema schema() {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.list(Path.of("schema"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".graphqls")).sorted().toList()) {
                registry.merge(new SchemaParser().parse(Files.readString(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }

    private static final FanOuts WIDE = new FanOuts(null, null) {
        @Override
        long widest(String name, long otherwise) {
            return WIDE_STORE.getOrDefault(name, otherwise);
        }
    };

    /** The estimate of a request; each root field adds its statement's cost. */
    private static int estimate(String query) {
        return QueryComplexityCalculator.newCalculator().schema(SCHEMA)
                .fieldComplexityCalculator(ComplexityEstimate.calculator(WIDE))
                .document(Parser.parse(query)).variables(CoercedVariables.emptyVariables()).build().calculate();
    }

    @Test
    void unpaged_child_lists_count_at_the_widest_list_of_the_store() {
        // raw 1; annual 2; targets 1+25*2; projects 1+6674*51; node, edges +1 each; indicators 1+20*edges
        int cost = estimate("{ indicators(first: 20) { edges { node { projects { targets { annual { raw } } } } } } }");
        // and three statements: indicators, projects, targets
        assertThat(cost).isEqualTo(1 + 20 * (2 + (1 + 6674 * (1 + 25 * 2))) + 3 * ComplexityEstimate.ROOT_STATEMENT_COST);
        assertThat(cost).isGreaterThan(50_000);
    }

    @Test
    void the_real_first_of_every_level_counts_and_a_connection_pages_by_default() {
        // raw 1; annual 2; targets(first: 5) 1+5*2=11; name 1; node 13; edges 14; totalCount 1;
        // projectsConnection(first: 5) 1+5*15=76; name 1; node 78; edges 79; indicators 1+20*79
        int paged = estimate("{ indicators(first: 20) { edges { node { name projectsConnection(first: 5) { totalCount "
                + "edges { node { name targets(first: 5) { annual { raw } } } } } } } } }");
        assertThat(paged).isEqualTo(1 + 20 * 79 + 3 * ComplexityEstimate.ROOT_STATEMENT_COST);
        int byDefault = estimate("{ indicators(first: 20) { edges { node { projectsConnection { edges { node { name } } } } } } }");
        // name 1; node 2; edges 3; projectsConnection (20 by default) 1+20*3=61; node 62; edges 63; indicators 1+20*63
        assertThat(byDefault).isEqualTo(1 + 20 * 63 + 2 * ComplexityEstimate.ROOT_STATEMENT_COST);
    }

    @Test
    void lists_that_are_no_child_lists_keep_their_fixed_fan_out() {
        // categories is an indicator's list that is not a child list: 5 each
        assertThat(estimate("{ indicator(code: \"1\") { categories { name } } }")).isEqualTo(1 + (1 + 5) + ComplexityEstimate.ROOT_STATEMENT_COST);
    }

    @Test
    void the_node_lists_of_analytics_answers_count_as_child_lists() {
        // name 1; projects 1+6674*1 at its widest; node, edges +1 each; indicatorReuse(first: 10) 1+10*6677
        assertThat(estimate("{ indicatorReuse(first: 10) { edges { node { projects { name } } } } }"))
                .isEqualTo(1 + 10 * 6677 + 2 * ComplexityEstimate.ROOT_STATEMENT_COST);
        // projects(first: 5) 1+5*1; node 7; edges 8
        assertThat(estimate("{ indicatorReuse(first: 10) { edges { node { projects(first: 5) { name } } } } }"))
                .isEqualTo(1 + 10 * 8 + 2 * ComplexityEstimate.ROOT_STATEMENT_COST);
        // a connection pages by default: 1+20*3
        assertThat(estimate("{ indicatorReuse(first: 10) { edges { node { projectsConnection { edges { node { name } } } } } } }"))
                .isEqualTo(1 + 10 * (2 + 1 + 20 * 3) + 2 * ComplexityEstimate.ROOT_STATEMENT_COST);
    }

    @Test
    void the_value_lists_of_analytics_answers_count_first_else_their_widest_else_the_fixed_fan_out() {
        // sharedTexts is a list of 5; statements unpaged at the most statements of one text: 1+300*1
        assertThat(estimate("{ sharedTexts(first: 10) { statements { line } } }"))
                .isEqualTo(1 + 5 * (1 + 300) + ComplexityEstimate.ROOT_STATEMENT_COST);
        assertThat(estimate("{ sharedTexts(first: 10) { statements(first: 3) { line } } }"))
                .isEqualTo(1 + 5 * (1 + 3) + ComplexityEstimate.ROOT_STATEMENT_COST);
        // line 1; node 2; edges 3; statementsConnection(first: 3) 1+3*3
        assertThat(estimate("{ sharedTexts(first: 10) { statementsConnection(first: 3) { edges { node { line } } } } }"))
                .isEqualTo(1 + 5 * (1 + 3 * 3) + ComplexityEstimate.ROOT_STATEMENT_COST);
        // the store keeps no width of a cluster's pairs: 5, as before they took 'first'
        assertThat(estimate("{ similarTexts { pairs { score } } }")).isEqualTo(1 + 5 * (1 + 5) + ComplexityEstimate.ROOT_STATEMENT_COST);
        assertThat(estimate("{ similarTexts { pairs(first: 50) { score } } }")).isEqualTo(1 + 5 * (1 + 50) + ComplexityEstimate.ROOT_STATEMENT_COST);
    }

    @Test
    void each_distinct_child_list_costs_a_statement_once_whatever_its_rows_and_aliases() {
        int fields = 1 + 20 * (2 + 3 * (1 + 2 * 1)); // id 1; three targets(first: 2) 1+2*1 each; node, edges; projects
        String same = "{ projects(first: 20) { edges { node { a: targets(first: 2) { id } b: targets(first: 2) { id } "
                + "c: targets(first: 2) { id } } } } }";
        // the same arguments are one statement for the level's parents: the root's and one
        assertThat(estimate(same)).isEqualTo(fields + 2 * ComplexityEstimate.ROOT_STATEMENT_COST);
        String distinct = "{ projects(first: 20) { edges { node { a: targets(first: 2) { id } "
                + "b: targets(first: 2, where: {line: {gt: 1}}) { id } c: targets(first: 2, where: {line: {gt: 2}}) { id } } } } }";
        assertThat(estimate(distinct)).isEqualTo(fields + 4 * ComplexityEstimate.ROOT_STATEMENT_COST);
    }
}
