package org.perfgraph.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfgraph.analysis.FindingsTest.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;

/**
 * Reuse of indicators, goal texts and values on the seeds. Expected figures are counted off the seed files:
 * 长效管理机制健全性 = 健全 closes 10 of the 12 Minhang forms (not 党组工作经费, not 法律顾问费), 项目成本控制率 opens the
 * nine forms with a 成本指标, 112002635 项目验收通过率 stands in four Zhuhai projects.
 */
class ReuseTest extends GraphTest {

    private static final String REUSE = """
            query($min: Int, $first: Int, $after: String, $where: IndicatorReuseFilter) {
              indicatorReuse(minProjects: $min, first: $first, after: $after, where: $where) {
                totalCount pageInfo { hasNextPage endCursor }
                edges { cursor node { indicator { code name } projectCount unitCount documentCount targetCount
                                      projects { name } units { region } documents { name } } }
              }
            }""";

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> reuseNodes(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("edges")).stream().map(e -> (Map<String, Object>) e.get("node")).toList();
    }

    private Map<?, ?> reusePage(Integer first, String after, Map<String, Object> where) {
        return graphQl.document(REUSE).variable("first", first).variable("after", after).variable("where", where)
                .execute().path("indicatorReuse").entity(Map.class).get();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_most_reused_indicators_come_first_with_their_projects_units_and_documents() {
        Map<String, Object> page = (Map<String, Object>) reusePage(3, null, null);
        // 9 coded indicators shared between Zhuhai projects and 10 uncoded ones between Minhang forms
        assertThat(page.get("totalCount")).isEqualTo(19);
        List<Map<String, Object>> nodes = reuseNodes(page);
        assertThat(nodes).extracting(n -> at(n, "indicator.name") + "=" + n.get("projectCount"))
                .containsExactly("长效管理机制健全性=10", "项目成本控制率=9", "项目验收通过率=4");
        Map<String, Object> top = nodes.get(0);
        assertThat(at(top, "indicator.code")).isNull();
        assertThat(top.get("unitCount")).isEqualTo(1);
        assertThat(top.get("documentCount")).isEqualTo(1);
        assertThat((List<Map<String, Object>>) top.get("projects")).extracting(p -> p.get("name"))
                .doesNotContain("党组工作经费", "法律顾问费").hasSize(10);
        assertThat((List<Object>) top.get("units")).extracting(u -> at(u, "region")).containsExactly("上海市闵行区");
        assertThat(at(nodes.get(2), "indicator.code")).isEqualTo("112002635");
    }

    @Test
    void keyset_pages_add_up_to_the_whole_list() {
        List<Object> whole = reuseNodes(cast(reusePage(100, null, null))).stream().map(n -> at(n, "indicator.name")).toList();
        List<Object> paged = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> page = cast(reusePage(4, after, null));
            reuseNodes(page).forEach(n -> paged.add(at(n, "indicator.name")));
            assertThat(page.get("totalCount")).isEqualTo(19);
            after = Boolean.TRUE.equals(at(page, "pageInfo.hasNextPage")) ? (String) at(page, "pageInfo.endCursor") : null;
        } while (after != null);
        assertThat(paged).hasSize(19).isEqualTo(whole);
    }

    @Test
    void coded_only_reuse_counts_the_nine_shared_library_indicators_of_zhuhai() {
        Map<String, Object> page = cast(reusePage(100, null, Map.of("coded", true)));
        assertThat(page.get("totalCount")).isEqualTo(9);
        // 113002878 is filed twice by one project: three projects, four targets
        Map<String, Object> hall = reuseNodes(page).stream().filter(n -> "113002878".equals(at(n, "indicator.code")))
                .findFirst().orElseThrow();
        assertThat(hall.get("projectCount")).isEqualTo(3);
        assertThat(hall.get("targetCount")).isEqualTo(4);
    }

    @Test
    void reuse_counted_in_one_region_only_sees_that_regions_projects() {
        Map<String, Object> page = cast(reusePage(100, null, Map.of("region", "珠海高新技术产业开发区")));
        assertThat(page.get("totalCount")).isEqualTo(9);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_project_evaluation_goal_text_is_shared_by_two_projects_in_seven_blocks() {
        List<Map<String, Object>> shared = graphQl.document("""
                { sharedTexts { projectCount blockCount text { normalized }
                                statements { project { name } document { name } kind line raw } } }""")
                .execute().path("sharedTexts").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(shared).hasSize(2);
        Map<String, Object> first = shared.get(0);
        assertThat(at(first, "text.normalized")).isEqualTo("预计聘请专业机构或行业专家开展项目评估, 尽职调查预计1个项目, 8万元/个, 更好地完成2024年珠海高新区招商引资工作目标。");
        assertThat(first.get("projectCount")).isEqualTo(2);
        assertThat(first.get("blockCount")).isEqualTo(7);
        assertThat((List<Object>) first.get("statements")).extracting(s -> at(s, "project.name") + "@" + at(s, "line"))
                .containsExactly("项目评估经费@14", "高新区展厅运营管理经费@46", "高新区展厅运营管理经费@50", "高新区展厅运营管理经费@54",
                        "高新区展厅运营管理经费@58", "高新区展厅运营管理经费@62", "高新区展厅运营管理经费@66");
        // the overall goal the six pasted blocks carry: one project, six blocks
        assertThat(shared.get(1).get("projectCount")).isEqualTo(1);
        assertThat(shared.get(1).get("blockCount")).isEqualTo(6);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_pasted_overall_goal_is_a_near_duplicate_of_the_original_with_two_characters_inserted() {
        List<Map<String, Object>> clusters = graphQl.document("""
                { similarTexts { size bestScore
                    texts { text { normalized } statements { project { name } line } }
                    pairs { score estimate a { normalized } b { normalized } diff { op text } changes { offset a b } } } }""")
                .execute().path("similarTexts").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        // at 0.8 one pair of the seeds' 35 texts qualifies: 3-gram Jaccard 60/64 = 0.9375
        assertThat(clusters).hasSize(1);
        Map<String, Object> pair = ((List<Map<String, Object>>) clusters.get(0).get("pairs")).get(0);
        assertThat(((Number) pair.get("score")).doubleValue()).isEqualTo(0.9375);
        assertThat((List<Object>) pair.get("changes")).containsExactly(Map.of("offset", 29, "a", "", "b", "开展"));
        assertThat((List<Object>) pair.get("diff")).extracting(s -> at(s, "op")).containsExactly("EQUAL", "INSERT", "EQUAL");
        assertThat((List<Object>) clusters.get(0).get("texts"))
                .extracting(t -> ((List<Object>) at(t, "statements")).size()).containsExactly(1, 6);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_lower_threshold_finds_more_templated_pairs_largest_and_closest_first() {
        List<Map<String, Object>> clusters = graphQl.document("{ similarTexts(threshold: 0.7) { size bestScore } }")
                .execute().path("similarTexts").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        // pairs at 0.9375, 0.7952 (展厅 update vs operation, annual), 0.725 and 0.72 (computed from the seed texts)
        assertThat(clusters).extracting(c -> c.get("size")).containsOnly(2);
        assertThat(clusters).extracting(c -> Math.round(((Number) c.get("bestScore")).doubleValue() * 10000) / 10000.0)
                .containsExactly(0.9375, 0.7952, 0.725, 0.72);
    }

    @Test
    @SuppressWarnings("unchecked")
    void sound_long_term_mechanism_is_boilerplate_in_ten_projects() {
        List<Map<String, Object>> rows = graphQl.document("""
                { boilerplateTargets(minProjects: 3) { indicator { name } value projectCount unitCount
                    projects { name } targets { line source { document { name } } } } }""")
                .execute().path("boilerplateTargets").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(rows).extracting(r -> at(r, "indicator.name") + "=" + r.get("value") + "×" + r.get("projectCount"))
                .containsExactly("长效管理机制健全性=健全×10", "项目成本控制率=≤100万元×4", "招商宣传工作开展及时率==100%×3", "企业满意度=≥90%×3");
        assertThat((List<Object>) rows.get(0).get("targets")).extracting(t -> at(t, "line"))
                .containsExactly(28, 50, 76, 104, 131, 199, 232, 258, 313, 345);
    }

    @Test
    @SuppressWarnings("unchecked")
    void minhangs_uncoded_enterprise_satisfaction_is_suggested_as_331002391() {
        List<Map<String, Object>> rows = graphQl.document("""
                { indicatorMatches { indicator { code name } match { code name } score sameName targetCount
                                     documents { name } matchDocuments { name } } }""")
                .execute().path("indicatorMatches").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(rows).extracting(r -> at(r, "indicator.name") + "→" + at(r, "match.code") + " " + at(r, "match.name"))
                .containsExactly("企业满意度→331002391 企业满意度", "资金拨付及时性→113001668 资金拨付及时率");
        Map<String, Object> best = rows.get(0);
        assertThat(((Number) best.get("score")).doubleValue()).isEqualTo(1.0);
        assertThat(best.get("sameName")).isEqualTo(true);
        assertThat(at(best, "indicator.code")).isNull();
        assertThat(best.get("targetCount")).isEqualTo(3);
        assertThat((List<Object>) best.get("documents")).extracting(d -> at(d, "name")).containsExactly(FindingsTest.MINHANG);
        assertThat((List<Object>) best.get("matchDocuments")).extracting(d -> at(d, "name")).containsExactly(FindingsTest.ZHUHAI);
        // bigrams 资金 金拨 拨付 付及 及时 shared, 时性 / 时率 not: 5 of 7
        assertThat(((Number) rows.get(1).get("score")).doubleValue()).isEqualTo(5.0 / 7);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
