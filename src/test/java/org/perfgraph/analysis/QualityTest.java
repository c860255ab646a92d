package org.perfgraph.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfgraph.analysis.FindingsTest.at;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;

/**
 * Quality rankings on the seeds. Figures counted off 003_… lines 121-132 (招商咨询费: seven numbers, 合规 and 健全,
 * two 及时，2024年12月底前完成 deadlines; boilerplate 项目成本控制率 ≤100万元, 长效管理机制健全性 健全, 企业满意度 ≥90%) and
 * lines 148-159 (党组工作经费: four numbers, seven words, nothing boilerplate).
 */
class QualityTest extends GraphTest {

    private static final String PROJECTS = """
            query($order: QualityOrder) { qualityByProject(orderBy: $order) {
              project { name } targetCount numeric qualitative boolean text deadline frequency
              numericShare qualitativeShare deadlineShare boilerplate boilerplateShare findings findingsPerTarget
              findingsByKind { kind count } } }""";

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> projects(String order) {
        return graphQl.document(PROJECTS).variable("order", order).execute().path("qualityByProject")
                .entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
    }

    private static Map<String, Object> named(List<Map<String, Object>> rows, String name) {
        return rows.stream().filter(r -> name.equals(at(r, "project.name"))).findFirst().orElseThrow();
    }

    @Test
    void a_project_shows_its_value_kinds_boilerplate_and_findings() {
        List<Map<String, Object>> rows = projects(null);
        assertThat(rows).hasSize(22);
        Map<String, Object> consulting = named(rows, "招商咨询费");
        assertThat(consulting).containsEntry("targetCount", 11).containsEntry("numeric", 7).containsEntry("qualitative", 2)
                .containsEntry("deadline", 2).containsEntry("boilerplate", 3).containsEntry("findings", 7);
        assertThat(((Number) consulting.get("numericShare")).doubleValue()).isEqualTo(7.0 / 11);
        assertThat(((Number) consulting.get("boilerplateShare")).doubleValue()).isEqualTo(3.0 / 11);
        // 项目成本控制率 in 万元 (line 121) and the L1 inferred for 助力重点企业落户数 (line 128); two values in words;
        // three boilerplate rows (the same three that count as boilerplate above)
        assertThat((List<Object>) (List<?>) consulting.get("findingsByKind"))
                .containsExactly(Map.of("kind", "UNIT_NAME_MISMATCH", "count", 1), Map.of("kind", "PARSE_UNCERTAIN", "count", 1),
                        Map.of("kind", "VAGUE_TARGET", "count", 2), Map.of("kind", "BOILERPLATE_TARGET", "count", 3));
        Map<String, Object> party = named(rows, "党组工作经费");
        assertThat(party).containsEntry("targetCount", 11).containsEntry("numeric", 4).containsEntry("qualitative", 7)
                .containsEntry("boilerplate", 0);
        assertThat(((Number) party.get("qualitativeShare")).doubleValue()).isEqualTo(7.0 / 11);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_project_with_the_most_findings_ranks_first() {
        List<Map<String, Object>> ranked = projects("FINDINGS_DESC");
        assertThat(ranked).extracting(p -> ((Number) p.get("findings")).intValue()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // 高新区展厅运营管理经费: six copied goal blocks and two duplicate indicators, besides the value kinds
        Map<String, Object> hall = ranked.stream().filter(p -> "高新区展厅运营管理经费".equals(at(p, "project.name"))).findFirst().orElseThrow();
        assertThat((List<Object>) (List<?>) hall.get("findingsByKind"))
                .contains(Map.of("kind", "TEXT_FROM_OTHER_PROJECT", "count", 6), Map.of("kind", "DUPLICATE_INDICATOR", "count", 2));
    }

    @Test
    void the_least_measurable_project_ranks_first_by_qualitative_share() {
        // 新引进企业购租房补贴: eight of twelve values are words (符合政策规定, 合规, 及时 ×3, 提升 ×2, 健全)
        Map<String, Object> top = projects("QUALITATIVE_SHARE_DESC").get(0);
        assertThat(at(top, "project.name")).isEqualTo("新引进企业购租房补贴");
        assertThat(((Number) top.get("qualitativeShare")).doubleValue()).isEqualTo(8.0 / 12);
    }

    @Test
    @SuppressWarnings("unchecked")
    void units_sum_their_projects() {
        List<Map<String, Object>> units = graphQl.document("""
                { qualityByUnit { unit { region } projectCount targetCount boilerplate findings findingsByKind { kind count } } }""")
                .execute().path("qualityByUnit").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(units).extracting(u -> at(u, "unit.region") + ":" + u.get("projectCount") + "/" + u.get("targetCount"))
                .containsExactly("上海市闵行区:12/152", "珠海高新技术产业开发区:10/62");
        Map<String, Object> zhuhai = units.get(1);
        // one code mismatch, two duplicates, six copied blocks, one period/annual disagreement, and line 41's two
        // import diagnostics (L2_FOREIGN_L1, CODE_PREFIX_MISMATCH)
        assertThat((List<Object>) zhuhai.get("findingsByKind")).containsExactlyInAnyOrder(
                Map.of("kind", "CODE_LABEL_MISMATCH", "count", 1), Map.of("kind", "DUPLICATE_INDICATOR", "count", 2),
                Map.of("kind", "TEXT_FROM_OTHER_PROJECT", "count", 6), Map.of("kind", "PERIOD_ANNUAL_DIFFER", "count", 1),
                Map.of("kind", "PARSE_UNCERTAIN", "count", 2), Map.of("kind", "VAGUE_TARGET", "count", 1),
                Map.of("kind", "BOILERPLATE_TARGET", "count", 4), Map.of("kind", "TARGET_LOOSER_THAN_PEERS", "count", 2));
        assertThat(zhuhai.get("findings")).isEqualTo(12 + 1 + 4 + 2);
    }
}
