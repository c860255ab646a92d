package org.perfgraph.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.perfgraph.graph.GraphWriter;
import org.perfgraph.ingest.DocumentReader;
import org.springframework.beans.factory.annotation.Autowired;

/** Cached aggregates are served only while nothing is written: an import and a removal each show at once. */
class ResultCacheTest extends GraphTest {

    private static final String NAME = "result-cache-test.txt";
    private static final String DOCUMENT = "\n\n缓存测试区投资促进中心2024年度重点绩效管理项目绩效目标\n\n"
            + "预算单位\t项目名称\t金额（元）\t2024年度总体绩效目标\t2024年度绩效目标\t一级指标\t二级指标\t三级指标\t实施周期指标值\t年度指标值\n"
            + "900088-缓存测试中心\t缓存项目\t1000\t总体目标。\t年度目标。\t1-产出指标\t11-数量指标\t111900088-缓存测试数量\t≥6\t≥6\n"
            + "\t\t\t\t\t3-满意度指标\t31-服务对象满意度\t331900088-缓存测试满意度\t90%\t90%\n";

    @Autowired
    GraphWriter writer;

    @Autowired
    ResultCache cache;

    private long targets() {
        List<Map<String, Object>> groups = graphQl.document("{ targetStats { count } }").execute()
                .path("targetStats").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        return ((Number) groups.get(0).get("count")).longValue();
    }

    @Test
    void an_import_and_a_removal_are_seen_by_the_next_aggregate() {
        long before = targets();
        long generation = cache.generation();
        assertThat(targets()).isEqualTo(before); // served again: nothing written
        writer.write(new DocumentReader().read(NAME, DOCUMENT.getBytes(StandardCharsets.UTF_8)));
        try {
            assertThat(cache.generation()).isGreaterThan(generation);
            assertThat(targets()).isEqualTo(before + 2);
        } finally {
            writer.delete(NAME);
        }
        assertThat(targets()).isEqualTo(before);
    }

    @Test
    void one_computation_per_generation_and_a_failure_is_not_kept() {
        int[] computed = {0};
        String key = "result-cache-test|" + System.nanoTime();
        assertThat((Integer) cache.get(key, () -> ++computed[0])).isEqualTo(1);
        assertThat((Integer) cache.get(key, () -> ++computed[0])).isEqualTo(1);
        cypher("RETURN 1", Map.of()); // bumps the generation
        assertThat((Integer) cache.get(key, () -> ++computed[0])).isEqualTo(2);
        String failing = key + "|failing";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.get(failing, () -> {
            throw ApiException.badInput("no");
        })).isInstanceOf(ApiException.class);
        assertThat((String) cache.get(failing, () -> "computed again")).isEqualTo("computed again");
    }
}
