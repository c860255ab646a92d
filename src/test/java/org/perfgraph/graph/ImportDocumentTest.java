package org.perfgraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.springframework.beans.factory.annotation.Autowired;

/** importDocument over GraphQL: idempotent re-import, replacement in one transaction, dry runs, refusals. */
class ImportDocumentTest extends GraphTest {

    static final String NAME = "import-test-fixture.txt";

    static final String HEADER = "\n\n测试区投资促进中心2024年度重点绩效管理项目绩效目标\n\n"
            + "预算单位\t项目名称\t金额（元）\t2024年度总体绩效目标\t2024年度绩效目标\t一级指标\t二级指标\t三级指标\t实施周期指标值\t年度指标值\n";

    static final String VERSION_1 = HEADER
            + "900001-测试中心\t测试项目甲\t1000.50\t总体目标甲。\t年度目标甲。\t1-产出指标\t11-数量指标\t111000001-测试数量\t≥6\t≥6\n"
            + "\t\t\t\t\t3-满意度指标\t31-服务对象满意度\t331000001-测试满意度\t90%\t90%\n";

    static final String VERSION_2 = HEADER
            + "900001-测试中心\t测试项目甲\t1000.50\t总体目标甲。\t年度目标甲。\t1-产出指标\t11-数量指标\t111000001-测试数量\t≥8\t≥8\n";

    private static final String IMPORT = """
            mutation($name: String!, $content: String!, $dryRun: Boolean) {
              importDocument(input: {name: $name, content: $content, dryRun: $dryRun}) {
                document status format projects targets texts indicators diagnostics { line severity code message }
              }
            }""";

    @Autowired
    GraphWriter writer;

    @AfterEach
    void removeFixture() {
        removeImported(NAME);
    }

    private Map<String, Object> stats() {
        return graphQl.document("{ stats { units projects indicators targets texts documents } }").execute()
                .path("stats").entity(Map.class).get();
    }

    private String importFixture(String content, boolean dryRun) {
        return editor().document(IMPORT).variable("name", NAME).variable("content", content).variable("dryRun", dryRun)
                .execute().path("importDocument.status").entity(String.class).get();
    }

    @Test
    void importing_the_same_content_twice_changes_nothing() {
        assertThat(importFixture(VERSION_1, false)).isEqualTo("IMPORTED");
        Map<String, Object> after = stats();
        assertThat(importFixture(VERSION_1, false)).isEqualTo("UNCHANGED");
        assertThat(stats()).isEqualTo(after);
    }

    @Test
    void a_changed_version_replaces_the_old_one_and_leaves_no_orphans() {
        Map<String, Object> before = stats();
        importFixture(VERSION_1, false);
        assertThat(importFixture(VERSION_2, false)).isEqualTo("REPLACED");
        try (var session = driver.session()) {
            var raws = session.run("MATCH (t:Target)-[:SOURCE]->(:Document {name: $name}) RETURN t.annualRaw AS raw",
                    Map.of("name", NAME)).list(r -> r.get("raw").asString());
            assertThat(raws).containsExactly("≥8");
            // The satisfaction indicator only version 1 used is gone with it.
            assertThat(session.run("MATCH (i:Indicator {code: '331000001'}) RETURN count(i) AS n").single().get("n").asInt()).isZero();
        }
        writer.delete(NAME);
        assertThat(stats()).isEqualTo(before);
    }

    @Test
    void concurrent_imports_of_one_new_document_store_it_once() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var statuses = pool.invokeAll(java.util.Collections.nCopies(4, () -> importFixture(VERSION_1, false)))
                    .stream().map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();
            assertThat(statuses).containsOnlyOnce("IMPORTED").containsOnly("IMPORTED", "UNCHANGED");
        } finally {
            pool.shutdown();
        }
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (d:Document {name: $name}) RETURN count(d) AS n", Map.of("name", NAME))
                    .single().get("n").asInt()).isEqualTo(1);
        }
    }

    @Test
    void a_dry_run_reports_counts_and_writes_nothing() {
        Map<String, Object> before = stats();
        editor().document(IMPORT).variable("name", NAME).variable("content", VERSION_1).variable("dryRun", true).execute()
                .path("importDocument.status").entity(String.class).isEqualTo("DRY_RUN")
                .path("importDocument.format").entity(String.class).isEqualTo("TAB_EXPORT")
                .path("importDocument.projects").entity(Integer.class).isEqualTo(1)
                .path("importDocument.targets").entity(Integer.class).isEqualTo(2)
                .path("importDocument.indicators").entity(Integer.class).isEqualTo(2)
                .path("importDocument.texts").entity(Integer.class).isEqualTo(2);
        assertThat(stats()).isEqualTo(before);
    }

    @Test
    void the_seed_form_document_reports_its_counts_and_flagged_rows() throws Exception {
        String content = Files.readString(Path.of("src/test/resources/seeds/003_97f8f01bbb414fd2.txt"), StandardCharsets.UTF_8);
        editor().document(IMPORT).variable("name", "003_97f8f01bbb414fd2.txt").variable("content", content).variable("dryRun", true)
                .execute()
                .path("importDocument.format").entity(String.class).isEqualTo("FORM")
                .path("importDocument.projects").entity(Integer.class).isEqualTo(12)
                .path("importDocument.targets").entity(Integer.class).isEqualTo(152)
                .path("importDocument.diagnostics[*].line").entityList(Integer.class).contains(27, 312);
    }

    @Test
    void a_document_cut_inside_its_last_row_keeps_the_complete_rows_and_says_truncated() {
        String truncated = VERSION_1.substring(0, VERSION_1.lastIndexOf('\t'));
        truncated = truncated.substring(0, truncated.lastIndexOf('\t'));
        editor().document("""
                mutation($name: String!, $content: String!) {
                  importDocument(input: {name: $name, content: $content}) {
                    status truncated targets diagnostics { line severity code message }
                  }
                }""").variable("name", NAME).variable("content", truncated).execute()
                .path("importDocument.status").entity(String.class).isEqualTo("IMPORTED")
                .path("importDocument.truncated").entity(Boolean.class).isEqualTo(true)
                .path("importDocument.targets").entity(Integer.class).isEqualTo(1)
                .path("importDocument.diagnostics[?(@.code == 'TRUNCATED')].line").entityList(Integer.class)
                .containsExactly(7)
                .path("importDocument.diagnostics[?(@.code == 'TRUNCATED')].severity").entityList(String.class)
                .containsExactly("WARNING");
    }

    @Test
    void a_row_with_too_few_cells_inside_the_document_is_refused_and_nothing_is_written() {
        Map<String, Object> before = stats();
        String shortRow = VERSION_1.replace("\t90%\t90%\n", "\n") + "\t\t\t\t\t1-产出指标\t11-数量指标\t111000002-另一数量\t≥1\t≥1\n";
        editor().document(IMPORT).variable("name", NAME).variable("content", shortRow).variable("dryRun", false).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getMessage()).contains(NAME).contains("line 7");
                    assertThat(errors.get(0).getExtensions()).containsEntry("classification", "BAD_USER_INPUT")
                            .containsEntry("document", NAME).containsEntry("line", 7);
                });
        assertThat(stats()).isEqualTo(before);
    }

    @Test
    void an_empty_document_is_refused() {
        editor().document(IMPORT).variable("name", NAME).variable("content", "").variable("dryRun", false).execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getMessage()).contains(NAME).containsIgnoringCase("empty"));
    }

    @Test
    void an_unknown_layout_is_refused_saying_what_was_expected() {
        editor().document(IMPORT).variable("name", NAME).variable("content", "name,value\na,1\n").variable("dryRun", false).execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getMessage()).contains(NAME).contains("申报表"));
    }
}
