package org.perfgraph.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;

/**
 * Dashboard aggregates: GROUP BY over any combination of dimensions, ordering by an aggregate, exact money.
 * Expected figures are read off the seed files (金额 of the tab export, 年度资金申请总额 of the forms).
 */
class AggregatesTest extends GraphTest {

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> groups(String query, String field) {
        return graphQl.document(query).execute().path(field).entity(List.class).get();
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> map, String path) {
        Object current = map;
        for (String part : path.split("\\.")) {
            current = current == null ? null : ((Map<String, Object>) current).get(part);
        }
        return current;
    }

    private static BigDecimal money(Object value) {
        return new BigDecimal(value.toString());
    }

    @Test
    void project_money_per_unit_is_summed_exactly() {
        List<Map<String, Object>> groups = groups("""
                { projectStats(groupBy: [UNIT]) { key { unit { region name code } } label count targetCount
                    amountSum amountMin amountMax amountAvg } }""", "projectStats");
        assertThat(groups).hasSize(2);
        Map<String, Object> minhang = groups.get(0);
        assertThat(minhang.get("label")).isEqualTo("上海市闵行区 投资促进中心");
        assertThat(minhang.get("count")).isEqualTo(12);
        assertThat(minhang.get("targetCount")).isEqualTo(152);
        assertThat(money(minhang.get("amountSum"))).isEqualByComparingTo("38581850.00");
        assertThat(money(minhang.get("amountMin"))).isEqualByComparingTo("10000.00");
        assertThat(money(minhang.get("amountMax"))).isEqualByComparingTo("26641350.00");
        // 38581850.00 / 12 = 3215154.1666..., half-even to the fen
        assertThat(minhang.get("amountAvg").toString()).isEqualTo("3215154.17");
        Map<String, Object> zhuhai = groups.get(1);
        assertThat(zhuhai.get("label")).isEqualTo("珠海高新技术产业开发区 投资促进中心");
        assertThat(at(zhuhai, "key.unit.code")).isEqualTo("104003");
        assertThat(zhuhai.get("count")).isEqualTo(10);
        assertThat(zhuhai.get("targetCount")).isEqualTo(62);
        assertThat(money(zhuhai.get("amountSum"))).isEqualByComparingTo("36275332");
        assertThat(money(zhuhai.get("amountMin"))).isEqualByComparingTo("20000");
        assertThat(money(zhuhai.get("amountMax"))).isEqualByComparingTo("19258132");
        assertThat(zhuhai.get("amountAvg").toString()).isEqualTo("3627533.20");
    }

    @Test
    void without_group_by_one_group_holds_every_project() {
        List<Map<String, Object>> groups = groups("{ projectStats { label count targetCount amountSum amountAvg } }", "projectStats");
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).get("label")).isEqualTo("all");
        assertThat(groups.get(0).get("count")).isEqualTo(22);
        assertThat(groups.get(0).get("targetCount")).isEqualTo(214);
        assertThat(groups.get(0).get("amountSum").toString()).isEqualTo("74857182.00");
        assertThat(groups.get(0).get("amountAvg").toString()).isEqualTo("3402599.18");
    }

    @Test
    void project_groups_order_by_an_aggregate() {
        // 项目性质 is only on the forms: 阶段性项目 = the two 升级改造 systems (1,094,500 + 342,500).
        List<Map<String, Object>> groups = groups("""
                { projectStats(groupBy: [NATURE], orderBy: [{amountSum: DESC}]) { key { nature } count amountSum } }""",
                "projectStats");
        assertThat(groups).extracting(g -> at(g, "key.nature"))
                .containsExactly("经常性项目", null, "阶段性项目");
        assertThat(groups).extracting(g -> (Object) g.get("count")).containsExactly(10, 10, 2);
        assertThat(groups).extracting(g -> (Object) g.get("amountSum").toString())
                .containsExactly("37144850.00", "36275332.00", "1437000.00");
        List<Map<String, Object>> smallestFirst = groups(
                "{ projectStats(groupBy: [NATURE], orderBy: [{amountSum: ASC}], first: 1) { key { nature } } }", "projectStats");
        assertThat(smallestFirst).extracting(g -> at(g, "key.nature")).containsExactly("阶段性项目");
    }

    @Test
    void project_groups_combine_dimensions_and_filters() {
        List<Map<String, Object>> groups = groups("""
                { projectStats(where: {amount: {gte: "1000000"}}, groupBy: [DOCUMENT, YEAR], orderBy: [{key: ASC}]) {
                    key { document { name format } year } count amountSum } }""", "projectStats");
        assertThat(groups).hasSize(2);
        assertThat(groups).extracting(g -> at(g, "key.document.name"))
                .containsExactly("000_4081c7b18e37fcb4.txt", "003_97f8f01bbb414fd2.txt");
        assertThat(groups).extracting(g -> at(g, "key.year")).containsExactly(2024, 2024);
        // Tab: 11347200 + 19258132 + 2500000 + 2200000; forms: 1094500 + 5000000 + 1000000 + 1300000 + 2700000 + 26641350
        assertThat(groups).extracting(g -> (Object) g.get("count")).containsExactly(4, 6);
        assertThat(groups).extracting(g -> money(g.get("amountSum")))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("35305332"), new BigDecimal("37735850.00"));
    }

    @Test
    void targets_per_unit_count_projects_and_indicators_distinctly() {
        List<Map<String, Object>> groups = groups("""
                { targetStats(groupBy: [UNIT]) { key { unit { region } } count distinctProjects distinctIndicators } }""",
                "targetStats");
        assertThat(groups).extracting(g -> at(g, "key.unit.region"))
                .containsExactly("上海市闵行区", "珠海高新技术产业开发区");
        assertThat(groups).extracting(g -> (Object) g.get("count")).containsExactly(152, 62);
        assertThat(groups).extracting(g -> (Object) g.get("distinctProjects")).containsExactly(12, 10);
        assertThat(groups).extracting(g -> (Object) g.get("distinctIndicators")).containsExactly(125, 47);
    }

    @Test
    void tab_export_targets_by_level1_in_key_order() {
        List<Map<String, Object>> groups = groups("""
                { targetStats(where: {document: {format: {eq: TAB_EXPORT}}}, groupBy: [LEVEL1], orderBy: [{key: ASC}]) {
                    key { level1 } count distinctProjects distinctIndicators } }""", "targetStats");
        assertThat(groups).extracting(g -> at(g, "key.level1")).containsExactly("产出指标", "效益指标", "满意度指标");
        assertThat(groups).extracting(g -> (Object) g.get("count")).containsExactly(40, 17, 5);
        assertThat(groups).extracting(g -> (Object) g.get("distinctProjects")).containsExactly(10, 8, 4);
        assertThat(groups).extracting(g -> (Object) g.get("distinctIndicators")).containsExactly(29, 14, 4);
    }

    @Test
    void tab_export_targets_by_value_kind_and_comparator() {
        List<Map<String, Object>> groups = groups("""
                { targetStats(where: {document: {format: {eq: TAB_EXPORT}}}, groupBy: [VALUE_KIND, COMPARATOR]) {
                    label key { valueKind comparator } count } }""", "targetStats");
        assertThat(groups).extracting(g -> (Object) g.get("label") + "=" + g.get("count")).containsExactly(
                "NUMERIC · EQ=33", "NUMERIC · GE=19", "NUMERIC · GT=7", "BOOLEAN · (none)=2", "TEXT · (none)=1");
    }

    @Test
    void the_most_filed_indicators_are_the_boilerplate_ones() {
        List<Map<String, Object>> groups = groups("""
                { targetStats(groupBy: [INDICATOR], first: 4) { key { indicator { code name } } count distinctProjects } }""",
                "targetStats");
        assertThat(groups).extracting(g -> at(g, "key.indicator.name"))
                .containsExactly("长效管理机制健全性", "项目成本控制率", "项目验收通过率", "招商宣传工作开展及时率");
        assertThat(groups).extracting(g -> (Object) g.get("count")).containsExactly(10, 9, 4, 4);
        // 113002878 is filed twice by 高新区展厅运营管理经费 (lines 50 and 65, two of its seven header blocks).
        assertThat(groups).extracting(g -> (Object) g.get("distinctProjects")).containsExactly(10, 9, 4, 3);
    }

    @Test
    void grouping_by_an_unknown_dimension_or_ordering_by_two_fields_at_once_is_refused() {
        graphQl.document("{ targetStats(groupBy: [LEVEL1], orderBy: [{count: DESC, key: ASC}]) { count } }").execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getMessage()).contains("exactly one field"));
        graphQl.document("{ targetStats(groupBy: [YEAR]) { count } }").execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
    }
}
