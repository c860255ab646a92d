package org.perfgraph.explore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;

/** Lookups and the links between node kinds, walked both ways, with the computed counts users sort by. */
class LinksTest extends GraphTest {

    private String unitId(String region) {
        return graphQl.document("query($r: String!) { units(where: {region: {eq: $r}}) { edges { node { id } } } }")
                .variable("r", region).execute().path("units.edges[0].node.id").entity(String.class).get();
    }

    @Test
    void a_unit_leads_to_its_projects_their_targets_indicators_and_categories_up_to_l1() {
        graphQl.document("""
                query($id: ID!) { unit(id: $id) { code name projectCount projects { name targetCount
                    targets { line indicator { code } level2 { name parent { name } } source { document { name } line } project { name } } } } }""")
                .variable("id", unitId("珠海高新技术产业开发区")).execute()
                .path("unit.code").entity(String.class).isEqualTo("104003")
                .path("unit.projectCount").entity(Integer.class).isEqualTo(10)
                .path("unit.projects[*].name").entityList(String.class).hasSize(10)
                .path("unit.projects[2].name").entity(String.class).isEqualTo("招商引资工作经费")
                .path("unit.projects[3].name").entity(String.class).isEqualTo("招商引资政策扶持奖励资金")
                .path("unit.projects[3].targetCount").entity(Integer.class).isEqualTo(4)
                .path("unit.projects[3].targets[0].indicator.code").entity(String.class).isEqualTo("111002681")
                .path("unit.projects[3].targets[0].level2.name").entity(String.class).isEqualTo("数量指标")
                .path("unit.projects[3].targets[0].level2.parent.name").entity(String.class).isEqualTo("产出指标")
                .path("unit.projects[3].targets[0].source.line").entity(Integer.class).isEqualTo(6)
                .path("unit.projects[3].targets[0].source.document.name").entity(String.class).isEqualTo("000_4081c7b18e37fcb4.txt")
                .path("unit.projects[3].targets[3].line").entity(Integer.class).isEqualTo(9)
                .path("unit.projects[3].targets[3].project.name").entity(String.class).isEqualTo("招商引资政策扶持奖励资金");
    }

    @Test
    void an_indicator_by_code_leads_back_to_its_targets_projects_and_units() {
        graphQl.document("""
                { indicator(code: "112002635") { id name coded projectCount unitCount targetCount
                    projects { name } units { region } targets { project { name } } categories { name } } }""")
                .execute()
                .path("indicator.name").entity(String.class).isEqualTo("项目验收通过率")
                .path("indicator.coded").entity(Boolean.class).isEqualTo(true)
                .path("indicator.projectCount").entity(Integer.class).isEqualTo(4)
                .path("indicator.unitCount").entity(Integer.class).isEqualTo(1)
                .path("indicator.targetCount").entity(Integer.class).isEqualTo(4)
                .path("indicator.projects[*].name").entityList(String.class)
                .containsExactly("招商代理经费", "法律服务经费", "评审经费", "项目评估经费")
                .path("indicator.units[*].region").entityList(String.class).containsExactly("珠海高新技术产业开发区")
                .path("indicator.targets[*].project.name").entityList(String.class).hasSize(4)
                .path("indicator.categories[*].name").entityList(String.class).containsExactly("质量指标");
    }

    @Test
    void an_indicator_by_id_is_the_same_as_by_code_and_asking_both_ways_at_once_is_refused() {
        String id = graphQl.document("{ indicator(code: \"112002635\") { id } }").execute()
                .path("indicator.id").entity(String.class).get();
        graphQl.document("query($id: ID) { indicator(id: $id) { code } }").variable("id", id).execute()
                .path("indicator.code").entity(String.class).isEqualTo("112002635");
        graphQl.document("{ indicator(code: \"999999999\") { id } }").execute().path("indicator").valueIsNull();
        graphQl.document("query($id: ID) { indicator(id: $id, code: \"112002635\") { id } }").variable("id", id).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getMessage()).contains("either 'id' or 'code'");
                    assertThat(errors.get(0).getExtensions()).containsEntry("classification", "BAD_USER_INPUT");
                });
    }

    @Test
    void a_project_by_id_lists_every_distinct_goal_text_including_the_pasted_ones() {
        String id = graphQl.document("{ projects(where: {name: {eq: \"高新区展厅运营管理经费\"}}) { edges { node { id } } } }")
                .execute().path("projects.edges[0].node.id").entity(String.class).get();
        graphQl.document("query($id: ID!) { project(id: $id) { name blocks texts { projectCount } goals { kind line } document { name } unit { region } } }")
                .variable("id", id).execute()
                .path("project.blocks").entity(Integer.class).isEqualTo(7)
                // its own overall and annual goal, and the two of 项目评估经费 pasted into six of its blocks
                .path("project.texts[*].projectCount").entityList(Integer.class).hasSize(4).contains(2)
                .path("project.goals").entityList(Object.class).hasSize(14)
                .path("project.document.name").entity(String.class).isEqualTo("000_4081c7b18e37fcb4.txt")
                .path("project.unit.region").entity(String.class).isEqualTo("珠海高新技术产业开发区");
        graphQl.document("{ project(id: \"P0000000000000000\") { id } }").execute().path("project").valueIsNull();
    }

    @Test
    void categories_link_down_to_their_l2s_and_documents_to_their_projects_in_document_order() {
        graphQl.document("{ categories(where: {level: {eq: 1}, name: {eq: \"产出指标\"}}) { edges { node { children { name parent { name } } } } } }")
                .execute()
                .path("categories.edges[0].node.children[*].name").entityList(String.class)
                .containsExactly("数量指标", "时效指标", "质量指标");
        graphQl.document("{ documents(where: {format: {eq: TAB_EXPORT}}) { totalCount edges { node { name projectCount projects { name } } } } }")
                .execute()
                .path("documents.totalCount").entity(Integer.class).isEqualTo(1)
                .path("documents.edges[0].node.projects[*].name").entityList(String.class).containsExactly(
                        "招商引资政策扶持奖励资金", "法律服务经费", "项目评估经费", "评审经费", "招商代理经费", "招商引资工作经费",
                        "智慧视觉项目联创中心运营经费", "宣传工作经费", "高新区展厅更新经费", "高新区展厅运营管理经费");
    }

    @Test
    void l1_categories_are_the_four_of_both_trees() {
        graphQl.document("{ categories(where: {level: {eq: 1}}, orderBy: [{targetCount: DESC}]) { totalCount edges { node { name } } } }")
                .execute()
                .path("categories.totalCount").entity(Integer.class).isEqualTo(4)
                .path("categories.edges[*].node.name").entityList(String.class)
                .hasSize(4).contains("产出指标", "效益指标", "满意度指标", "成本指标");
    }
}
