package org.perfgraph.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfgraph.ingest.TextSignature;

/** Candidate pairs from LSH buckets: each pair once, nominated by the MinHash estimate, large buckets as stars. */
class CandidatesTest {

    private static Map<String, Object> text(String id, String normalized) {
        int[] sig = TextSignature.minHash(normalized);
        return Map.of("id", id, "signature", Arrays.stream(sig).boxed().toList());
    }

    private static Map<String, Object> bucket(Map<String, Object>... texts) {
        return Map.of("band", "b", "texts", List.of(texts));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_pair_sharing_several_buckets_is_one_candidate_with_its_estimate() {
        var a = text("X2", "为了更好地完成2024年珠海高新区招商引资工作目标, 预计聘请专业机构或行业专家开展项目评估");
        var b = text("X1", "为了更好地完成2024年珠海高新区招商引资工作目标, 预计开展聘请专业机构或行业专家开展项目评估");
        List<Candidates.Pair> pairs = Candidates.of(List.of(bucket(a, b), bucket(b, a), bucket(a, b)), 0.5, 500);
        assertThat(pairs).hasSize(1);
        assertThat(pairs.get(0).a()).isEqualTo("X1");
        assertThat(pairs.get(0).estimate()).isEqualTo(TextSignature.estimate(
                TextSignature.minHash("为了更好地完成2024年珠海高新区招商引资工作目标, 预计开展聘请专业机构或行业专家开展项目评估"),
                TextSignature.minHash("为了更好地完成2024年珠海高新区招商引资工作目标, 预计聘请专业机构或行业专家开展项目评估")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void pairs_estimated_below_the_floor_are_not_candidates() {
        var a = text("A", "预计制作投资指南, PPT, 大型展板, 宣传册子");
        var b = text("B", "对各镇资源专管员开展培训和技能竞赛等活动");
        assertThat(Candidates.of(List.of(bucket(a, b)), 0.5, 500)).isEmpty();
        assertThat(Candidates.of(List.of(bucket(a, b)), 0.0, 500)).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_bucket_above_the_size_cap_is_paired_around_its_first_text_only() {
        var texts = new Map[5];
        for (int i = 0; i < 5; i++) {
            texts[i] = text("T" + i, "长效管理机制健全性模板文本第" + i + "版");
        }
        List<Candidates.Pair> star = Candidates.of(List.of(bucket(texts)), 0.0, 4);
        assertThat(star).extracting(p -> p.a() + "-" + p.b()).containsExactly("T0-T1", "T0-T2", "T0-T3", "T0-T4");
        assertThat(Candidates.of(List.of(bucket(texts)), 0.0, 5)).hasSize(10);
    }
}
