package org.perfgraph.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** documentComparison and Unit.yearOverYear on the 2023 fixture against the 2024 tab seed. */
class CompareTest extends CompareFixtures {

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> pairs() {
        return graphQl.documentName("documentComparison").variable("a", YEAR_2023).variable("b", SEED).execute()
                .path("documentComparison.projects.edges[*].node").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> project(List<Map<String, Object>> pairs, String side, String name) {
        return pairs.stream().filter(p -> p.get(side) != null && name.equals(((Map<String, Object>) p.get(side)).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no pair with " + side + " = " + name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> target(Map<String, Object> pair, String indicator) {
        List<Map<String, Object>> edges = (List<Map<String, Object>>) ((Map<String, Object>) pair.get("targets")).get("edges");
        return edges.stream().map(e -> (Map<String, Object>) e.get("node"))
                .filter(t -> indicator.equals(name(t, "a")) || indicator.equals(name(t, "b")))
                .findFirst().orElseThrow(() -> new AssertionError("no target pair with " + indicator));
    }

    @SuppressWarnings("unchecked")
    private static String name(Map<String, Object> targetPair, String side) {
        Map<String, Object> t = (Map<String, Object>) targetPair.get(side);
        return t == null ? null : (String) t.get("indicatorName");
    }

    @Test
    void every_kind_of_change_is_found_with_both_sides_lines() {
        List<Map<String, Object>> pairs = pairs();
        Map<String, Object> subsidy = project(pairs, "a", "招商引资政策扶持奖励资金");
        assertThat(num(subsidy.get("score"))).isEqualTo(1.0);
        Map<String, Object> raised = target(subsidy, "扶持企业数量");
        assertThat(raised.get("kind")).isEqualTo("STRICTER");
        assertThat(((Map<String, Object>) raised.get("a")).get("line")).isEqualTo(6);
        assertThat(((Map<String, Object>) raised.get("b")).get("line")).isEqualTo(6);
        assertThat(target(subsidy, "补贴对象满意度").get("kind")).isEqualTo("LOOSER");
        assertThat(target(subsidy, "资金拨付及时率").get("kind")).isEqualTo("UNCHANGED");

        Map<String, Object> legal = project(pairs, "a", "法律服务经费");
        assertThat(target(legal, "法律顾问解决问题数").get("kind")).isEqualTo("REWORDED");
        Map<String, Object> removed = target(legal, "合同审查完成率");
        assertThat(removed.get("kind")).isEqualTo("REMOVED");
        assertThat(removed.get("b")).isNull();
        Map<String, Object> added = target(legal, "购买(审计、考核、检查、法律咨询)课题数量");
        assertThat(added.get("kind")).isEqualTo("ADDED");
        assertThat(((Map<String, Object>) added.get("b")).get("line")).isEqualTo(12);
        // the edited annual goal: 聘请2家 in 2023, 聘请1家 in 2024
        List<Map<String, Object>> diff = (List<Map<String, Object>>) legal.get("goalDiff");
        assertThat(diff).contains(Map.of("op", "DELETE", "text", "2"), Map.of("op", "INSERT", "text", "1"));
        assertThat(num(legal.get("goalSimilarity"))).isBetween(0.8, 0.999);

        Map<String, Object> loosened = target(project(pairs, "a", "招商引资工作经费"), "招商意向企业数");
        assertThat(loosened.get("kind")).isEqualTo("LOOSER");

        // a renamed project and a renamed indicator pair by near name, with their scores
        Map<String, Object> review = project(pairs, "a", "项目评审经费");
        assertThat(((Map<String, Object>) review.get("b")).get("name")).isEqualTo("评审经费");
        assertThat(num(review.get("score"))).isEqualTo(0.6);
        Map<String, Object> renamed = target(project(pairs, "a", "项目评估经费"), "评审项目按期完成率");
        assertThat(renamed.get("kind")).isEqualTo("REWORDED");
        assertThat(name(renamed, "b")).isEqualTo("评审项目按时完成率");
        assertThat(num(renamed.get("score"))).isEqualTo(0.6);

        // a project dropped after 2023, and the projects new in 2024 (every target ADDED)
        assertThat(project(pairs, "a", "招商推介会经费").get("b")).isNull();
        Map<String, Object> hall = project(pairs, "b", "宣传工作经费");
        assertThat(hall.get("a")).isNull();
        assertThat((List<Map<String, Object>>) hall.get("totals")).containsExactly(Map.of("kind", "ADDED", "count", 4));
    }

    @Test
    @SuppressWarnings("unchecked")
    void totals_count_every_target_pair_of_both_documents() {
        List<Map<String, Object>> totals = graphQl.documentName("documentComparison").variable("a", YEAR_2023)
                .variable("b", SEED).execute().path("documentComparison.totals").entityList(Map.class).get()
                .stream().map(m -> (Map<String, Object>) m).toList();
        Map<String, Integer> byKind = new java.util.HashMap<>();
        totals.forEach(t -> byKind.put((String) t.get("kind"), (Integer) t.get("count")));
        assertThat(byKind.keySet()).containsExactlyInAnyOrder("UNCHANGED", "STRICTER", "LOOSER", "REWORDED", "ADDED", "REMOVED");
        // 2023 has 30 targets, 2024 62: the pairs of both sides add up to each document's count
        int a = byKind.get("UNCHANGED") + byKind.get("STRICTER") + byKind.get("LOOSER") + byKind.get("REWORDED") + byKind.get("REMOVED");
        int b = byKind.get("UNCHANGED") + byKind.get("STRICTER") + byKind.get("LOOSER") + byKind.get("REWORDED") + byKind.get("ADDED");
        assertThat(a).isEqualTo(30);
        assertThat(b).isEqualTo(62);
        assertThat(byKind.get("STRICTER")).isEqualTo(1);
        assertThat(byKind.get("LOOSER")).isEqualTo(2);
        assertThat(byKind.get("REMOVED")).isEqualTo(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void year_over_year_lists_the_units_documents_in_year_order_with_the_share_carried_over() {
        List<Map<String, Object>> years = graphQl.document("""
                { units(where: {code: {eq: "104003"}, region: {eq: "珠海高新技术产业开发区"}}) { edges { node {
                    yearOverYear { year document { name } targetCount unchanged unchangedShare } } } } }""")
                .execute().path("units.edges[0].node.yearOverYear").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
        assertThat(years).extracting(y -> y.get("year")).containsExactly(2023, 2024);
        assertThat(years.get(0)).containsEntry("unchanged", null).containsEntry("targetCount", 30);
        int unchanged = graphQl.documentName("documentComparison").variable("a", YEAR_2023).variable("b", SEED).execute()
                .path("documentComparison.totals[?(@.kind == 'UNCHANGED')].count").entityList(Integer.class).get().get(0);
        assertThat(years.get(1)).containsEntry("unchanged", unchanged).containsEntry("targetCount", 62);
        assertThat(num(years.get(1).get("unchangedShare"))).isEqualTo(unchanged / 62.0);
    }

    @Test
    void an_unknown_document_is_named_in_the_error() {
        graphQl.documentName("documentComparison").variable("a", "no-such.txt").variable("b", SEED).execute().errors()
                .expect(e -> e.getMessage().contains("no-such.txt") && e.getMessage().contains("'a'")).verify();
    }
}
