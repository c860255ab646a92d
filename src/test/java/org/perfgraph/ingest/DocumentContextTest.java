package org.perfgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Year, region and unit given at import: they fill what the document lacks and win only with override. */
class DocumentContextTest {

    private static final String NO_TITLE = "预算单位\t项目名称\t金额（元）\t2024年度总体绩效目标\t2024年度绩效目标\t一级指标\t二级指标\t三级指标\t实施周期指标值\t年度指标值\n"
            + "900003-某中心\t某项目\t100\t总体。\t年度。\t1-产出指标\t11-数量指标\t111000009-某数量\t≥1\t≥1\n";

    private final DocumentReader reader = new DocumentReader();

    @Test
    void context_fills_what_the_document_does_not_say() {
        ParsedDocument doc = reader.read("ctx.txt", NO_TITLE.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new ImportOptions(Map.of(), 2023, "某县", null, false));
        assertThat(doc.year()).isEqualTo(2023);
        assertThat(doc.region()).isEqualTo("某县");
        assertThat(doc.projects().get(0).year()).isEqualTo(2023);
        assertThat(doc.projects().get(0).unit()).isEqualTo(new ParsedUnit("900003", "某中心", "某县"));
        assertThat(doc.diagnostics()).noneMatch(d -> d.code() == DiagnosticCode.CONTEXT_MISMATCH);
    }

    @Test
    void the_document_wins_over_the_context_unless_override_and_the_disagreement_is_a_diagnostic() {
        byte[] seed = Seeds.bytes(Seeds.ZHUHAI);
        ParsedDocument kept = reader.read("seed.txt", seed, new ImportOptions(Map.of(), 2023, null, "别的单位", false));
        assertThat(kept.year()).isEqualTo(2024);
        assertThat(kept.projects().get(0).unit().name()).isEqualTo("投资促进中心");
        assertThat(kept.diagnostics()).filteredOn(d -> d.code() == DiagnosticCode.CONTEXT_MISMATCH)
                .extracting(d -> d.args().get(0)).containsExactly("year", "unit");

        ParsedDocument overridden = reader.read("seed.txt", seed, new ImportOptions(Map.of(), 2023, null, "别的单位", true));
        assertThat(overridden.year()).isEqualTo(2023);
        assertThat(overridden.projects()).allSatisfy(p -> {
            assertThat(p.year()).isEqualTo(2023);
            assertThat(p.unit().name()).isEqualTo("别的单位");
            assertThat(p.unit().code()).isEqualTo("104003");
        });
    }
}
