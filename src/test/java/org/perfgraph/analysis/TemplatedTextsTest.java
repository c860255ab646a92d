package org.perfgraph.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.perfgraph.graph.GraphWriter;
import org.perfgraph.ingest.DocumentReader;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A family of templated goal texts (one template, twelve small edits): one cluster whose 66 pairs all reach the
 * threshold; the response lists the 50 most similar and counts them all (more with 'first', all through its
 * connection), and shows every text with its statement.
 * The document is imported next to the seeds and removed afterwards.
 */
class TemplatedTextsTest extends GraphTest {

    private static final String NAME = "templated-texts-test.txt";

    @Autowired
    GraphWriter writer;

    private static String document() {
        StringBuilder doc = new StringBuilder("\n\n模板测试区投资促进中心2024年度重点绩效管理项目绩效目标\n\n"
                + "预算单位\t项目名称\t金额（元）\t2024年度总体绩效目标\t2024年度绩效目标\t一级指标\t二级指标\t三级指标\t实施周期指标值\t年度指标值\n");
        String[] places = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "子", "丑"};
        for (String place : places) {
            String goal = "完成" + place + "园区招商引资宣传推介活动不少于十二场，提升投资环境知名度和美誉度，服务企业落地发展。";
            doc.append("900077-模板测试中心\t模板项目").append(place).append("\t1000\t").append(goal).append('\t')
                    .append(goal).append("\t1-产出指标\t11-数量指标\t111900077-模板测试数量\t≥6\t≥6\n");
        }
        return doc.toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_family_of_templated_texts_is_one_cluster_with_its_pairs_capped_and_counted() throws Exception {
        writer.write(new DocumentReader().read(NAME, document().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            List<Map<String, Object>> clusters = graphQl.document("""
                    { similarTexts(threshold: 0.8, first: 5) { size pairCount pairs { score } texts { statements { line } } } }""")
                    .execute().path("similarTexts").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
            Map<String, Object> family = clusters.get(0);
            assertThat(family.get("size")).isEqualTo(12);
            assertThat(family.get("pairCount")).isEqualTo(66);
            List<Map<String, Object>> pairs = (List<Map<String, Object>>) family.get("pairs");
            assertThat(pairs).hasSize(50);
            List<Double> scores = pairs.stream().map(p -> ((Number) p.get("score")).doubleValue()).toList();
            assertThat(scores).isSortedAccordingTo((x, y) -> Double.compare(y, x)).allMatch(s -> s >= 0.8);
            // the overall and the annual goal are one text: one STATES line each, two statements per text
            assertThat((List<Map<String, Object>>) family.get("texts"))
                    .allSatisfy(t -> assertThat((List<Object>) t.get("statements")).hasSize(2));

            // past the 50: 'first' lists more, and the connection walks all 66 once, most similar first, with diffs
            String more = "{ similarTexts(threshold: 0.8, first: 1) { pairs(first: 60) { score changes { a b } } } }";
            assertThat(graphQl.document(more).execute().path("similarTexts[0].pairs").entityList(Object.class).get()).hasSize(60);
            List<Double> walked = new java.util.ArrayList<>();
            String after = null;
            do {
                Map<String, Object> page = (Map<String, Object>) graphQl.document("""
                        query($after: String) { similarTexts(threshold: 0.8, first: 1) {
                          pairsConnection(first: 30, after: $after) { totalCount edges { node { score diff { op } } }
                                                                      pageInfo { hasNextPage endCursor } } } }""")
                        .variable("after", after).execute().path("similarTexts[0].pairsConnection").entity(Map.class).get();
                assertThat(page.get("totalCount")).isEqualTo(66);
                for (Map<String, Object> edge : (List<Map<String, Object>>) page.get("edges")) {
                    Map<String, Object> node = (Map<String, Object>) edge.get("node");
                    assertThat((List<Object>) node.get("diff")).isNotEmpty();
                    walked.add(((Number) node.get("score")).doubleValue());
                }
                Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
                after = Boolean.TRUE.equals(info.get("hasNextPage")) ? (String) info.get("endCursor") : null;
            } while (after != null);
            assertThat(walked).hasSize(66).startsWith(scores.toArray(Double[]::new))
                    .isSortedAccordingTo((x, y) -> Double.compare(y, x));
        } finally {
            writer.delete(NAME);
        }
    }
}
