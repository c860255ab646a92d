package org.perfgraph.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;

/**
 * Every kind of filter against the seeds, with answers read off the seed files: string operators, exact money
 * and number ranges, dates, enums, AND/OR/NOT, and the some/none/all quantifiers over relationships.
 */
class FiltersTest extends GraphTest {

    private static final List<String> ZHUHAI_PROJECTS = List.of("宣传工作经费", "招商代理经费", "招商引资工作经费",
            "招商引资政策扶持奖励资金", "智慧视觉项目联创中心运营经费", "法律服务经费", "评审经费", "项目评估经费",
            "高新区展厅更新经费", "高新区展厅运营管理经费");

    private List<String> projectNames(String where) {
        return graphQl.document("{ projects(where: " + where + ", first: 100) { edges { node { name } } } }").execute()
                .path("projects.edges[*].node.name").entityList(String.class).get();
    }

    private int count(String list, String where) {
        return graphQl.document("{ " + list + "(where: " + where + ") { totalCount } }").execute()
                .path(list + ".totalCount").entity(Integer.class).get();
    }

    @Test
    void projects_having_some_target_whose_indicator_code_starts_with_111_are_the_seven_with_a_quantity_indicator() {
        assertThat(projectNames("{targets: {some: {indicatorCode: {startsWith: \"111\"}}}}")).containsExactly(
                "宣传工作经费", "招商代理经费", "招商引资政策扶持奖励资金", "智慧视觉项目联创中心运营经费", "法律服务经费",
                "评审经费", "高新区展厅运营管理经费");
        // The same through the indicator node rather than the code written on the row.
        assertThat(projectNames("{targets: {some: {indicator: {code: {startsWith: \"111\"}}}}}")).hasSize(7);
    }

    @Test
    void projects_whose_targets_are_all_numeric_are_the_tab_projects_without_a_yes_or_a_sentence() {
        // 高新区展厅运营管理经费 has 是, 招商代理经费 a sentence; every form has a qualitative value (健全, 达标, 契合 ...).
        assertThat(projectNames("{targets: {all: {annual: {kind: {eq: NUMERIC}}}}}")).containsExactly(
                "宣传工作经费", "招商引资工作经费", "招商引资政策扶持奖励资金", "智慧视觉项目联创中心运营经费", "法律服务经费",
                "评审经费", "项目评估经费", "高新区展厅更新经费");
    }

    @Test
    void no_project_has_only_qualitative_targets_and_exactly_the_ten_tab_projects_have_none() {
        assertThat(projectNames("{targets: {all: {annual: {kind: {eq: QUALITATIVE}}}}}")).isEmpty();
        assertThat(projectNames("{targets: {none: {annual: {kind: {eq: QUALITATIVE}}}}}")).isEqualTo(ZHUHAI_PROJECTS);
    }

    @Test
    void coded_indicators_are_identified_by_code_and_uncoded_ones_by_name() {
        assertThat(count("indicators", "{coded: {eq: true}}")).isEqualTo(47);
        assertThat(count("indicators", "{code: {isNull: true}}")).isEqualTo(125);
        assertThat(count("indicators", "{NOT: {coded: {eq: true}}}")).isEqualTo(125);
        assertThat(count("indicators", "{code: {startsWith: \"111\"}}")).isEqualTo(16);
    }

    @Test
    void indicators_used_by_no_project_of_a_unit_are_those_of_the_other_unit() {
        assertThat(count("indicators", "{projects: {none: {unit: {region: {eq: \"珠海高新技术产业开发区\"}}}}}")).isEqualTo(125);
        assertThat(count("indicators", "{projects: {none: {unit: {region: {eq: \"上海市闵行区\"}}}}}")).isEqualTo(47);
        assertThat(count("indicators", "{units: {some: {code: {eq: \"104003\"}}}}")).isEqualTo(47);
    }

    @Test
    void and_or_not_combine_and_nest() {
        String bigOrZhaoshang = "{OR: [{amount: {gte: \"5000000\"}}, {name: {startsWith: \"招商\"}}]}";
        assertThat(projectNames(bigOrZhaoshang)).containsExactlyInAnyOrder("招商引资政策扶持奖励资金", "招商代理经费",
                "招商引资工作经费", "招商咨询费", "招商宣传费", "招商参会经费（国内外）", "招商服务费", "招商经费", "新引进企业购租房补贴");
        assertThat(count("projects", "{NOT: " + bigOrZhaoshang + "}")).isEqualTo(13);
        assertThat(projectNames("{AND: [{name: {startsWith: \"招商\"}}, {amount: {lt: \"1000000\"}}]}"))
                .containsExactly("招商代理经费", "招商服务费");
        assertThat(projectNames("{name: {contains: \"展厅\"}, amount: {in: [\"350000\", \"2200000\"]}}"))
                .containsExactly("高新区展厅更新经费", "高新区展厅运营管理经费");
    }

    @Test
    void money_compares_exactly_to_the_fen() {
        assertThat(projectNames("{amount: {gt: \"1094499.99\", lte: \"1094500.00\"}}")).containsExactly("闵行区招商服务管理系统（升级改造）");
        assertThat(projectNames("{amount: {eq: \"1094500\"}}")).containsExactly("闵行区招商服务管理系统（升级改造）");
        assertThat(projectNames("{amount: {gt: \"1094500.00\", lt: \"1094500.01\"}}")).isEmpty();
        assertThat(projectNames("{totalAmount: {eq: \"1144250\"}}")).containsExactly("闵行区招商服务管理系统（升级改造）");
    }

    @Test
    void years_and_dates_filter_by_range_and_by_presence() {
        assertThat(count("projects", "{year: {eq: 2024}}")).isEqualTo(22);
        assertThat(count("projects", "{year: {lt: 2024}}")).isEqualTo(0);
        assertThat(projectNames("{endDate: {gt: \"2024-12-31\"}}"))
                .containsExactly("闵行区招商服务管理系统（升级改造）", "闵行区招商资源管理系统（升级改造）");
        assertThat(count("projects", "{startDate: {eq: \"2024-01-01\"}}")).isEqualTo(12);
        assertThat(count("projects", "{startDate: {isNull: true}}")).isEqualTo(10);
        assertThat(count("projects", "{nature: {eq: \"阶段性项目\"}}")).isEqualTo(2);
        // ne, like every comparison, is false on a missing value: the tab export's projects have no 项目性质
        assertThat(count("projects", "{nature: {ne: \"经常性项目\"}}")).isEqualTo(2);
        assertThat(count("projects", "{name: {endsWith: \"（升级改造）\"}}")).isEqualTo(2);
    }

    @Test
    void target_numbers_and_comparators_filter_the_tab_export_as_written() {
        String tab = "document: {format: {eq: TAB_EXPORT}}";
        assertThat(count("targets", "{" + tab + "}")).isEqualTo(62);
        // 90%, 大于等于80个, >80%, 大于等于90% (x5), 大于等于80, >90%
        assertThat(count("targets", "{" + tab + ", annual: {number: {gte: 80, lt: 100}}}")).isEqualTo(10);
        assertThat(count("targets", "{" + tab + ", annual: {comparator: {eq: GT}}}")).isEqualTo(7);
        assertThat(count("targets", "{" + tab + ", annual: {comparator: {eq: GE}}}")).isEqualTo(19);
        assertThat(count("targets", "{" + tab + ", annual: {kind: {in: [BOOLEAN, TEXT]}}}")).isEqualTo(3);
        assertThat(count("targets", "{" + tab + ", indicatorName: {contains: \"满意度\"}}")).isEqualTo(5);
        assertThat(count("targets", "{" + tab + ", level1: {eq: \"产出指标\"}}")).isEqualTo(40);
    }

    @Test
    void goal_texts_stated_by_more_than_one_project_are_the_pasted_one() {
        graphQl.document("{ texts(where: {projectCount: {gte: 2}}) { totalCount edges { node { projectCount projects { name } } } } }")
                .execute()
                .path("texts.totalCount").entity(Integer.class).isEqualTo(1)
                .path("texts.edges[0].node.projects[*].name").entityList(String.class)
                .containsExactly("项目评估经费", "高新区展厅运营管理经费");
    }

    @Test
    void a_filter_value_is_data_never_cypher() {
        // A value crafted as Cypher matches nothing and changes nothing: it travels as a parameter.
        assertThat(count("projects", "{name: {eq: \"x' OR 1=1 //\"}}")).isEqualTo(0);
        assertThat(count("projects", "{name: {contains: \"\\\"}) DETACH DELETE n //\"}}")).isEqualTo(0);
        assertThat(count("projects", "{}")).isEqualTo(22);
    }
}
