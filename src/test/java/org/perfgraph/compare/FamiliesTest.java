package org.perfgraph.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** indicatorFamilies and valueBenchmarks on the seeds with the second unit's fixture beside them. */
class FamiliesTest extends CompareFixtures {

    private static final String ZHUHAI = "珠海高新技术产业开发区";

    @SuppressWarnings("unchecked")
    private Map<String, Object> family(String id) {
        List<Map<String, Object>> nodes = graphQl.documentName("indicatorFamilies").variable("where", Map.of("id", id))
                .execute().path("indicatorFamilies.edges[*].node").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
        assertThat(nodes).hasSize(1);
        return nodes.get(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void satisfaction_indicators_of_every_name_form_one_family_with_a_distribution_per_unit_in_percent() {
        Map<String, Object> satisfaction = family("satisfaction");
        assertThat(satisfaction.get("source")).isEqualTo("RULE");
        assertThat(satisfaction.get("measure")).isEqualTo("%");
        assertThat((List<Map<String, Object>>) satisfaction.get("members")).extracting(m -> m.get("name"))
                .contains("企业满意度", "服务对象满意度", "补贴对象满意度", "群众对宣传工作满意度", "入驻团队满意度");
        List<Map<String, Object>> distribution = (List<Map<String, Object>>) satisfaction.get("distribution");
        Map<String, Object> peer = distribution.stream()
                .filter(d -> "科技创新服务中心".equals(((Map<String, Object>) d.get("unit")).get("name"))).findFirst().orElseThrow();
        // ≥70%, ≥75%, ≥80%: the peer unit's three satisfaction targets
        assertThat(List.of(num(peer.get("min")), num(peer.get("median")), num(peer.get("max")))).containsExactly(70.0, 75.0, 80.0);
        assertThat(peer.get("count")).isEqualTo(3);
        Map<String, Object> zhuhai = distribution.stream()
                .filter(d -> ZHUHAI.equals(((Map<String, Object>) d.get("unit")).get("region"))
                        && "投资促进中心".equals(((Map<String, Object>) d.get("unit")).get("name"))).findFirst().orElseThrow();
        // the unit's two years: 90, 100, 90, 90, 90 (>90%) in the 2024 tab seed, 95, 100, 90 in the 2023 fixture
        assertThat(List.of(num(zhuhai.get("min")), num(zhuhai.get("max")))).containsExactly(90.0, 100.0);
        assertThat(zhuhai.get("count")).isEqualTo(8);
        assertThat((Integer) satisfaction.get("unitCount")).isGreaterThanOrEqualTo(3);
        assertThat((List<Map<String, Object>>) satisfaction.get("projects")).extracting(p -> p.get("name"))
                .contains("科技企业服务经费", "招商引资政策扶持奖励资金");
    }

    @Test
    @SuppressWarnings("unchecked")
    void funds_paid_on_time_and_funds_arrived_on_time_are_one_family_under_its_rule_key() {
        Map<String, Object> funds = family("funds-timeliness");
        assertThat((List<Map<String, Object>>) funds.get("members")).extracting(m -> m.get("name"))
                .contains("资金拨付及时率", "资金到位及时率");
        assertThat(funds.get("unitCount")).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void families_page_by_keyset_in_the_requested_order_without_repeats() {
        List<String> all = graphQl.documentName("indicatorFamilies").variable("orderBy", "ID_ASC").variable("first", 100)
                .execute().path("indicatorFamilies.edges[*].node.id").entityList(String.class).get();
        assertThat(all).isSorted().doesNotHaveDuplicates().contains("satisfaction", "funds-timeliness");
        String after = null;
        List<String> paged = new java.util.ArrayList<>();
        do {
            Map<String, Object> page = graphQl.documentName("indicatorFamilies").variable("orderBy", "ID_ASC")
                    .variable("first", 2).variable("after", after).execute().path("indicatorFamilies").entity(Map.class).get();
            ((List<Map<String, Object>>) page.get("edges")).forEach(e -> paged.add((String) ((Map<String, Object>) e.get("node")).get("id")));
            Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
            after = Boolean.TRUE.equals(info.get("hasNextPage")) ? (String) info.get("endCursor") : null;
        } while (after != null);
        assertThat(paged).isEqualTo(all);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_peer_units_low_satisfaction_target_is_looser_than_its_peers() {
        Map<String, Object> bench = graphQl.documentName("valueBenchmarks").variable("family", "satisfaction").execute()
                .path("valueBenchmarks").entity(Map.class).get();
        assertThat(bench.get("measure")).isEqualTo("%");
        List<Map<String, Object>> units = (List<Map<String, Object>>) bench.get("units");
        Map<String, Object> peer = units.stream()
                .filter(u -> "科技创新服务中心".equals(((Map<String, Object>) u.get("unit")).get("name"))).findFirst().orElseThrow();
        assertThat(num(peer.get("difference"))).isNegative();
        List<Map<String, Object>> targets = (List<Map<String, Object>>) peer.get("targets");
        Map<String, Object> seventy = targets.stream().filter(t -> num(t.get("number")) == 70.0).findFirst().orElseThrow();
        assertThat(seventy.get("looserThanPeers")).isEqualTo(true);
        assertThat(num(seventy.get("looserThan"))).isGreaterThanOrEqualTo(0.75);
        // the tab seed's 100% 企业满意度 asks the most: nobody asks more
        Map<String, Object> zhuhai = units.stream()
                .filter(u -> ZHUHAI.equals(((Map<String, Object>) u.get("unit")).get("region"))
                        && "投资促进中心".equals(((Map<String, Object>) u.get("unit")).get("name"))).findFirst().orElseThrow();
        assertThat((List<Map<String, Object>>) zhuhai.get("targets")).filteredOn(t -> num(t.get("number")) == 100.0)
                .isNotEmpty().allSatisfy(t -> assertThat(num(t.get("looserThan"))).isEqualTo(0.0));
    }

    @Test
    @SuppressWarnings("unchecked")
    void benchmarks_without_their_targets_come_from_the_stored_groups_with_the_same_figures() {
        String withTargets = "{ valueBenchmarks(family: \"%s\") { measure median count units { unit { id } median difference "
                + "targets { number } } } }";
        String without = "{ valueBenchmarks(family: \"%s\") { measure median count units { unit { id } median difference } } }";
        List<String> ids = graphQl.document("{ indicatorFamilies(first: 100) { edges { node { id } } } }").execute()
                .path("indicatorFamilies.edges[*].node.id").entityList(String.class).get();
        assertThat(ids).contains("satisfaction");
        for (String id : ids) {
            Map<String, Object> read = graphQl.document(withTargets.formatted(id)).execute().path("valueBenchmarks")
                    .entity(Map.class).get();
            ((List<Map<String, Object>>) read.get("units")).forEach(u -> u.remove("targets"));
            Map<String, Object> stored = graphQl.document(without.formatted(id)).execute().path("valueBenchmarks")
                    .entity(Map.class).get();
            assertThat(stored).as(id).isEqualTo(read);
        }
    }

    @Test
    void an_unknown_family_is_not_found_by_name() {
        graphQl.documentName("valueBenchmarks").variable("family", "no-such-family").execute().errors()
                .expect(e -> e.getMessage().contains("no-such-family")).verify();
    }
}
