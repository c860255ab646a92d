package org.perfgraph.explore;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;

/**
 * Ordering by stored fields and by computed counts, checked against counts read off the seed files (indicator
 * rows per project: 26 for 高新区展厅运营管理经费 over its seven blocks, 25/17/16 for the largest forms).
 */
class OrderingTest extends GraphTest {

    @Test
    void projects_by_target_count_descending_start_with_the_repeated_header_project() {
        graphQl.document("{ projects(orderBy: [{targetCount: DESC}], first: 4) { edges { node { name targetCount } } } }").execute()
                .path("projects.edges[*].node.name").entityList(String.class)
                .containsExactly("高新区展厅运营管理经费", "招商宣传费", "招商参会经费（国内外）", "招商经费")
                .path("projects.edges[*].node.targetCount").entityList(Integer.class).containsExactly(26, 25, 17, 16);
        graphQl.document("{ projects(orderBy: [{targetCount: ASC}], first: 10) { edges { node { targetCount } } } }").execute()
                .path("projects.edges[*].node.targetCount").entityList(Integer.class)
                .containsExactly(4, 4, 4, 4, 4, 4, 4, 4, 4, 7);
    }

    @Test
    void indicators_by_target_count_and_units_by_project_count() {
        graphQl.document("{ indicators(orderBy: [{targetCount: DESC}, {code: ASC}], first: 4) { edges { node { code name targetCount unitCount } } } }")
                .execute()
                .path("indicators.edges[*].node.targetCount").entityList(Integer.class).containsExactly(10, 9, 4, 4)
                .path("indicators.edges[*].node.code").entityList(String.class).containsExactly(null, null, "112002635", "113002878")
                .path("indicators.edges[*].node.unitCount").entityList(Integer.class).containsExactly(1, 1, 1, 1);
        graphQl.document("{ units(orderBy: [{projectCount: DESC}]) { edges { node { region projectCount } } } }").execute()
                .path("units.edges[*].node.region").entityList(String.class).containsExactly("上海市闵行区", "珠海高新技术产业开发区")
                .path("units.edges[*].node.projectCount").entityList(Integer.class).containsExactly(12, 10);
        graphQl.document("{ documents(orderBy: [{projectCount: ASC}]) { edges { node { name projectCount targetCount } } } }").execute()
                .path("documents.edges[*].node.name").entityList(String.class)
                .containsExactly("000_4081c7b18e37fcb4.txt", "003_97f8f01bbb414fd2.txt")
                .path("documents.edges[*].node.targetCount").entityList(Integer.class).containsExactly(62, 152);
    }

    @Test
    void targets_by_their_annual_number_descending_put_the_values_without_a_number_first() {
        graphQl.document("""
                { targets(where: {document: {format: {eq: TAB_EXPORT}}}, orderBy: [{annualNumber: DESC}], first: 6) {
                    edges { node { annual { raw } } } } }""").execute()
                .path("targets.edges[*].node.annual.raw").entityList(String.class)
                .containsExactly("进一步提高珠海高新区知名度, 美誉度", "是", "是", ">5000", ">3000", "1074平方米");
        graphQl.document("""
                { targets(where: {document: {format: {eq: TAB_EXPORT}}, annual: {number: {isNull: false}}},
                          orderBy: [{annualNumber: DESC}], first: 3) { edges { node { annual { raw } } } } }""").execute()
                .path("targets.edges[*].node.annual.raw").entityList(String.class).containsExactly(">5000", ">3000", "1074平方米");
    }

    @Test
    void categories_by_level_then_name_by_default_and_l2s_under_one_l1() {
        graphQl.document("{ categories(first: 4) { edges { node { level name } } } }").execute()
                .path("categories.edges[*].node.level").entityList(Integer.class).containsExactly(1, 1, 1, 1);
        graphQl.document("{ categories(where: {parent: {name: {eq: \"效益指标\"}}}) { edges { node { name } } } }").execute()
                .path("categories.edges[*].node.name").entityList(String.class)
                .containsExactly("可持续影响指标", "社会效益指标", "经济效益指标");
    }
}
