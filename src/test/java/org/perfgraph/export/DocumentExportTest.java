package org.perfgraph.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GET /export/documents/{name}.tsv: a document written back in the tab layout from the graph, read again by the
 * importer into the same projects, targets, values and categories.
 */
class DocumentExportTest extends GraphTest {

    static final String SEED = "000_4081c7b18e37fcb4.txt";

    @LocalServerPort
    int port;

    private HttpResponse<String> fetch(String pathAndQuery) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String tsv(String name) throws Exception {
        HttpResponse<String> r = fetch("/export/documents/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + ".tsv");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/tab-separated-values");
        return r.body();
    }

    private void importText(String name, String text) {
        editor().documentName("importDocument").variable("name", name).variable("content", text).execute()
                .path("importDocument.status").entity(String.class).satisfies(s -> assertThat(s).isIn("IMPORTED", "REPLACED"));
    }

    private void remove(String name) {
        editor().documentName("removeDocument").variable("name", name).execute();
    }

    /** Projects (unit, name, amount) and targets (project, indicator, categories, every value) of a document, sorted. */
    private List<String> content(String document) {
        List<String> out = new ArrayList<>();
        try (var session = driver.session()) {
            session.run("""
                    MATCH (u:Unit)-[:HAS_PROJECT]->(p:Project)-[:DECLARED_IN]->(:Document {name: $name})
                    RETURN 'P|' + coalesce(u.code, '') + '|' + u.name + '|' + coalesce(u.region, '') + '|' + p.name
                           + '|' + coalesce(toString(p.amountCents), '') + '|' + coalesce(toString(p.year), '')
                           + '|' + coalesce(p.nature, '') + '|' + coalesce(p.category, '') + '|' + coalesce(p.department, '')
                           + '|' + coalesce(toString(p.startDate), '') + '|' + coalesce(toString(p.endDate), '')
                           + '|' + coalesce(toString(p.totalAmountCents), '') AS row
                    UNION ALL
                    MATCH (p:Project)-[:DECLARED_IN]->(:Document {name: $name})
                    MATCH (p)-[:HAS_TARGET]->(t:Target)-[:MEASURES]->(i:Indicator)
                    MATCH (t)-[:LEVEL1]->(c1:Category), (t)-[:LEVEL2]->(c2:Category)
                    RETURN 'T|' + p.name + '|' + coalesce(i.code, '') + '|' + i.name + '|' + c1.name + '|' + c2.name
                           + '|' + coalesce(t.periodRaw, '') + '|' + coalesce(t.annualRaw, '') + '|' + coalesce(t.annualNormalized, '')
                           + '|' + coalesce(t.actualRaw, '') + '|' + coalesce(t.weightText, '') + '|' + coalesce(t.scoreText, '')
                           + '|' + coalesce(t.pointsText, '') + '|' + coalesce(t.direction, '') + '|' + coalesce(t.notes, '') AS row
                    """, Map.of("name", document)).forEachRemaining(r -> out.add(r.get("row").asString()));
        }
        out.sort(null);
        return out;
    }

    @Test
    void the_tab_seed_written_back_imports_as_the_same_projects_targets_values_and_categories() throws Exception {
        String text = tsv(SEED);
        String[] lines = text.split("\n");
        assertThat(lines[0]).isEqualTo("珠海高新技术产业开发区投资促进中心2024年度重点绩效管理项目绩效目标");
        assertThat(lines[2]).isEqualTo("预算单位\t项目名称\t金额（元）\t2024年度总体绩效目标\t2024年度绩效目标\t一级指标\t二级指标\t三级指标\t实施周期指标值\t年度指标值");
        assertThat(text).contains("104003-投资促进中心\t招商引资政策扶持奖励资金\t11347200\t")
                .contains("\t1-产出指标\t13-时效指标\t113001668-资金拨付及时率\t100%\t100%\n");
        String copy = "round-trip-seed.tsv";
        try {
            importText(copy, text);
            List<String> original = content(SEED);
            assertThat(original).hasSize(10 + 62); // the seed: 10 projects, 62 targets
            assertThat(content(copy)).isEqualTo(original);
            // the goal texts come back too, each project stating what it stated
            try (var session = driver.session()) {
                String goals = """
                        MATCH (p:Project)-[:DECLARED_IN]->(:Document {name: $name}) MATCH (p)-[s:STATES]->(x:Text)
                        WITH p.name + '|' + s.kind + '|' + x.normalized AS g ORDER BY g RETURN collect(DISTINCT g) AS goals""";
                assertThat(session.run(goals, Map.of("name", copy)).single().get("goals").asList())
                        .isEqualTo(session.run(goals, Map.of("name", SEED)).single().get("goals").asList());
            }
        } finally {
            remove(copy);
        }
    }

    @Test
    void a_self_assessment_comes_back_with_actual_weight_and_score_and_its_edits() throws Exception {
        String original = "round-trip-self-assessment.txt";
        String copy = "round-trip-self-assessment.tsv";
        try {
            importText(original, Files.readString(Path.of("src/test/resources/layouts/tab-self-assessment.txt")));
            String id;
            try (var session = driver.session()) {
                id = session.run("MATCH (:Document {name: $name})<-[:SOURCE]-(t:Target {indicatorName: '完工及时率'}) RETURN t.id AS id",
                        Map.of("name", original)).single().get("id").asString();
            }
            editor().documentName("updateTargetValue")
                    .variable("input", Map.of("id", id, "expectedVersion", 1, "annual", "≥95%")).execute()
                    .path("updateTarget.target.annual.raw").entity(String.class).isEqualTo("≥95%");

            String text = tsv(original);
            // the form's L1 points, its 偏差原因 notes and its 主管部门 come along as trailing columns too
            assertThat(text.split("\n")[2]).endsWith("\t实施周期指标值\t年度指标值\t实际完成值\t权重\t得分\t一级指标分值\t备注\t主管部门");
            assertThat(text).contains("500201-某县第一中学\t校舍维修改造\t")
                    .contains("时效指标\t完工及时率\t\t≥95%\t90%\t15\t12\t50\t");
            importText(copy, text);
            assertThat(content(copy)).isEqualTo(content(original)).anySatisfy(r -> assertThat(r).contains("|≥95%|"));
        } finally {
            remove(copy);
            remove(original);
        }
    }

    @Test
    void a_header_table_comes_back_with_its_l1_points_direction_and_notes() throws Exception {
        String original = "round-trip-header-table.csv";
        String copy = "round-trip-header-table.tsv";
        try {
            importText(original, Files.readString(Path.of("src/test/resources/layouts/header-direction-notes.csv")));
            String text = tsv(original);
            assertThat(text.split("\n")[2]).endsWith("\t年度指标值\t权重\t一级指标分值\t指标方向性\t备注");
            importText(copy, text);
            List<String> before = content(original);
            assertThat(before).anySatisfy(r -> assertThat(r).contains("场均成本").endsWith("|10|NEGATIVE|不超过年度预算"))
                    .anySatisfy(r -> assertThat(r).contains("举办演出场次").endsWith("|60|POSITIVE|含流动演出"));
            assertThat(content(copy)).isEqualTo(before);
        } finally {
            remove(copy);
            remove(original);
        }
    }

    @Test
    void the_form_seed_comes_back_with_its_department_dates_and_total_amount() throws Exception {
        String form = "003_97f8f01bbb414fd2.txt";
        String copy = "round-trip-form-seed.tsv";
        try {
            String text = tsv(form);
            assertThat(text.split("\n")[2]).contains("\t主管部门\t计划开始日期\t计划完成日期\t项目资金总额（元）");
            importText(copy, text);
            List<String> original = content(form);
            assertThat(original).anySatisfy(r -> assertThat(r).startsWith("P|").contains("|阶段性项目|特定目标类|")
                    .contains("|2024-01-01|2025-12-31|114425000"));
            assertThat(content(copy)).isEqualTo(original);
        } finally {
            remove(copy);
        }
    }

    @Test
    void an_unknown_document_is_a_404_and_another_format_a_400() throws Exception {
        HttpResponse<String> missing = fetch("/export/documents/nope.txt.tsv");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).startsWith("{\"error\":").contains("nope.txt");
        assertThat(fetch("/export/documents/" + SEED + ".csv").statusCode()).isEqualTo(400);
    }

    @Test
    void export_link_signs_a_document_url() {
        String link = graphQl.documentName("exportLink").variable("list", "documents/" + SEED).variable("format", "tsv")
                .execute().path("exportLink").entity(String.class).get();
        assertThat(link).startsWith("/export/documents/" + SEED + ".tsv?expires=").contains("&signature=");
        graphQl.documentName("exportLink").variable("list", "documents/nope.txt").variable("format", "tsv")
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains("nope.txt")));
    }
}
