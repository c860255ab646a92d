package org.perfgraph.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.perfgraph.support.GraphReader;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Child lists take where, orderBy and first, and have a connection sibling with totalCount, cursors and pageInfo;
 * each level costs one statement for all its parents.
 */
class ChildListsTest extends GraphTest {

    private static final String REUSED = "{ indicator(code: \"112002635\") { %s } }";

    @Autowired
    GraphReader reader;

    @Test
    void a_child_list_without_first_returns_every_linked_node_and_with_first_the_first_ones_per_parent() {
        graphQl.document(REUSED.formatted("all: projects { name } two: projects(first: 2) { name }"))
                .execute()
                .path("indicator.all[*].name").entityList(String.class)
                .containsExactly("招商代理经费", "法律服务经费", "评审经费", "项目评估经费")
                .path("indicator.two[*].name").entityList(String.class).containsExactly("招商代理经费", "法律服务经费");
    }

    @Test
    void a_child_list_filters_and_orders_by_the_same_inputs_as_the_root_lists() {
        graphQl.document(REUSED.formatted("""
                        starting: projects(where: {name: {startsWith: "评"}}) { name }
                        last: projects(orderBy: [{name: DESC}], first: 1) { name }
                        withTargets: projects(where: {targets: {some: {annual: {kind: {eq: NUMERIC}}}}}, orderBy: [{targetCount: DESC}, {name: ASC}]) { name targetCount }
                        units(where: {region: {contains: "珠海"}}) { region }
                        none: units(where: {region: {eq: "上海市闵行区"}}) { region }"""))
                .execute()
                .path("indicator.starting[*].name").entityList(String.class).containsExactly("评审经费")
                .path("indicator.last[*].name").entityList(String.class).containsExactly("项目评估经费")
                .path("indicator.withTargets[*].targetCount").entityList(Integer.class)
                .satisfies(counts -> assertThat(counts).isSortedAccordingTo(java.util.Comparator.reverseOrder()))
                .path("indicator.units[*].region").entityList(String.class).containsExactly("珠海高新技术产业开发区")
                .path("indicator.none").entityList(Object.class).hasSize(0);
    }

    @Test
    void a_child_connection_pages_with_cursors_and_counts_what_its_filter_matches() {
        String page = "projectsConnection(first: 2, after: $after) { totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } }";
        String query = "query($after: String) { indicator(code: \"112002635\") { " + page + " } }";
        String end = graphQl.document(query).execute()
                .path("indicator.projectsConnection.totalCount").entity(Integer.class).isEqualTo(4)
                .path("indicator.projectsConnection.edges[*].node.name").entityList(String.class)
                .containsExactly("招商代理经费", "法律服务经费")
                .path("indicator.projectsConnection.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("indicator.projectsConnection.pageInfo.endCursor").entity(String.class).get();
        graphQl.document(query).variable("after", end).execute()
                .path("indicator.projectsConnection.edges[*].node.name").entityList(String.class)
                .containsExactly("评审经费", "项目评估经费")
                .path("indicator.projectsConnection.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        graphQl.document(REUSED.formatted("projectsConnection(where: {name: {endsWith: \"经费\"}, NOT: {name: {startsWith: \"评\"}}}) { totalCount edges { node { name } } }"))
                .execute()
                .path("indicator.projectsConnection.totalCount").entity(Integer.class).isEqualTo(3)
                .path("indicator.projectsConnection.edges").entityList(Object.class).hasSize(3);
    }

    @Test
    void a_cursor_of_another_list_or_ordering_is_refused_by_a_child_connection() {
        String rootCursor = graphQl.document("{ projects(first: 1) { pageInfo { endCursor } } }").execute()
                .path("projects.pageInfo.endCursor").entity(String.class).get();
        graphQl.document("query($after: String) { indicator(code: \"112002635\") { projectsConnection(after: $after) { totalCount } } }")
                .variable("after", rootCursor).execute().errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getMessage()).contains("cursor of another list or ordering");
                    assertThat(errors.get(0).getExtensions()).containsEntry("classification", "BAD_USER_INPUT");
                });
    }

    @Test
    void every_child_list_has_its_arguments_and_its_connection() {
        graphQl.document("""
                { units(first: 1, orderBy: [{projectCount: DESC}]) { edges { node {
                    projectsConnection(first: 3) { totalCount }
                    projects(first: 1) { name
                      targets(first: 2, orderBy: [{line: DESC}]) { line }
                      targetsConnection(first: 1) { totalCount }
                      texts(first: 1) { projectCount }
                      document { projects(first: 2) { line } projectsConnection(first: 1) { totalCount } } } } } } }""")
                .execute()
                .path("units.edges[0].node.projectsConnection.totalCount").entity(Integer.class).isEqualTo(12)
                .path("units.edges[0].node.projects[0].targets").entityList(Object.class).hasSize(2)
                .path("units.edges[0].node.projects[0].targets[*].line").entityList(Integer.class)
                .satisfies(lines -> assertThat(lines.get(0)).isGreaterThan(lines.get(1)))
                .path("units.edges[0].node.projects[0].texts").entityList(Object.class).hasSize(1)
                .path("units.edges[0].node.projects[0].document.projects").entityList(Object.class).hasSize(2);
        graphQl.document("""
                { categories(where: {level: {eq: 1}}, first: 1) { edges { node { name
                    children(where: {name: {eq: "数量指标"}}) { name } childrenConnection { totalCount } } } } }""")
                .execute()
                .path("categories.edges[0].node.name").entity(String.class).isEqualTo("产出指标")
                .path("categories.edges[0].node.children[*].name").entityList(String.class).containsExactly("数量指标")
                .path("categories.edges[0].node.childrenConnection.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(3));
        graphQl.document("""
                { texts(where: {projectCount: {gte: 2}}, first: 1) { edges { node { projectsConnection { totalCount } projects(first: 1) { name } } } }
                  indicators(first: 1, orderBy: [{projectCount: DESC}]) { edges { node { projectCount
                    targets(first: 1) { line } targetsConnection { totalCount } unitsConnection { totalCount }
                    projectsConnection(first: 1) { totalCount } } } } }""")
                .execute()
                .path("texts.edges[0].node.projectsConnection.totalCount").entity(Integer.class).isEqualTo(2)
                .path("texts.edges[0].node.projects").entityList(Object.class).hasSize(1)
                .path("indicators.edges[0].node.projectCount").entity(Integer.class).isEqualTo(10)
                .path("indicators.edges[0].node.projectsConnection.totalCount").entity(Integer.class).isEqualTo(10)
                .path("indicators.edges[0].node.targets").entityList(Object.class).hasSize(1)
                .path("indicators.edges[0].node.targetsConnection.totalCount").entity(Integer.class).satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(10))
                .path("indicators.edges[0].node.unitsConnection.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void nested_pages_cost_one_statement_whatever_the_number_of_parents() {
        String nested = "{ indicators(first: %d) { edges { node { name projectsConnection(first: 5) { totalCount "
                + "edges { node { name targets(first: 5) { annual { raw } } } } } } } } }";
        for (int first : List.of(3, 30)) {
            long before = reader.statementCount();
            graphQl.document(nested.formatted(first)).execute().path("indicators.edges").entityList(Object.class).hasSize(first);
            // the indicators' page with their projects' pages, counts and targets read ahead (ReadAhead)
            assertThat(reader.statementCount() - before).as("first: %d", first).isEqualTo(1);
        }
    }
}
