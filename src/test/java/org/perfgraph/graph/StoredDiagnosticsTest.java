package org.perfgraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;
import org.perfgraph.GraphTest;
import org.perfgraph.ingest.DiagnosticCode;
import org.perfgraph.support.GraphSchema;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * A document's diagnostics are stored as one DiagnosticList (parallel arrays), not one node each: every diagnostic
 * of the import report is there, and the PARSE_UNCERTAIN findings read from it say what the report said.
 */
class StoredDiagnosticsTest extends GraphTest {

    static final String NAME = "stored-diagnostics-fixture.txt";
    static final int INFERRED_ROWS = 40;

    private static final String IMPORT = """
            mutation($name: String!, $content: String!) {
              importDocument(input: {name: $name, content: $content}) {
                status diagnostics { line place severity code args message }
              }
            }""";

    private static final String FINDINGS = """
            query($where: FindingFilter, $first: Int, $after: String) {
              findings(kinds: [PARSE_UNCERTAIN], where: $where, first: $first, after: $after) {
                pageInfo { hasNextPage endCursor }
                edges { node { kind severity message line document { name } target { line indicator { code } } } }
              }
            }""";

    @Autowired
    GraphWriter writer;

    @AfterEach
    void removeFixture() {
        removeImported(NAME);
    }

    /** One full row, then rows whose category cells are empty (each a CATEGORY_INFERRED diagnostic with arguments). */
    static String fixture() {
        StringBuilder doc = new StringBuilder(ImportDocumentTest.HEADER)
                .append("900001-测试中心\t诊断项目\t1000.50\t总体目标。\t年度目标。\t1-产出指标\t11-数量指标\t111000001-测试数量\t≥6\t≥6\n");
        for (int i = 2; i <= INFERRED_ROWS + 1; i++) {
            doc.append("\t\t\t\t\t\t\t1110000").append(String.format("%02d", i)).append("-测试数量").append(i)
                    .append("\t≥").append(i).append("\t≥").append(i).append('\n');
        }
        return doc.toString();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> findings(int first) {
        List<Map<String, Object>> out = new ArrayList<>();
        String after = null;
        while (true) {
            Map<String, Object> page = graphQl.mutate().header("Accept-Language", "en").build().document(FINDINGS)
                    .variable("where", Map.of("documentName", NAME)).variable("first", first).variable("after", after)
                    .execute().path("findings").entity(Map.class).get();
            ((List<Map<String, Object>>) page.get("edges")).forEach(e -> out.add((Map<String, Object>) e.get("node")));
            Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
            if (!(Boolean) info.get("hasNextPage")) {
                return out;
            }
            after = (String) info.get("endCursor");
        }
    }

    private static Object at(Map<String, Object> map, String path) {
        Object current = map;
        for (String part : path.split("\\.")) {
            current = current == null ? null : ((Map<?, ?>) current).get(part);
        }
        return current;
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_diagnostic_is_kept_in_one_node_and_the_findings_read_them_back() {
        Map<String, Object> report = editor().mutate().header("Accept-Language", "en").build().document(IMPORT)
                .variable("name", NAME).variable("content", fixture()).execute().path("importDocument").entity(Map.class).get();
        assertThat(report.get("status")).isEqualTo("IMPORTED");
        List<Map<String, Object>> diagnostics = (List<Map<String, Object>>) report.get("diagnostics");
        List<Map<String, Object>> uncertain = diagnostics.stream()
                .filter(d -> DiagnosticCode.valueOf((String) d.get("code")).uncertain()).toList();
        assertThat(uncertain).hasSizeGreaterThanOrEqualTo(INFERRED_ROWS);

        try (var session = driver.session()) {
            var stored = session.run("""
                    MATCH (:Document {name: $name})-[:NOTED]->(l)
                    RETURN labels(l) AS labels, l.count AS count, l.lines AS lines, l.codes AS codes,
                           l.severities AS severities, l.places AS places, l.argCounts AS argCounts, l.args AS args""",
                    Map.of("name", NAME)).list();
            assertThat(stored).as("one node holds all the document's diagnostics").hasSize(1);
            var list = stored.get(0);
            assertThat(list.get("labels").asList()).containsExactly("DiagnosticList");
            assertThat(list.get("count").asInt()).isEqualTo(diagnostics.size());
            assertThat(list.get("lines").asList(Value::asInt)).isEqualTo(diagnostics.stream().map(d -> d.get("line")).toList());
            assertThat(list.get("codes").asList(Value::asString)).isEqualTo(diagnostics.stream().map(d -> d.get("code")).toList());
            assertThat(list.get("severities").asList(Value::asString))
                    .isEqualTo(diagnostics.stream().map(d -> d.get("severity")).toList());
            assertThat(list.get("places").asList(Value::asString))
                    .isEqualTo(diagnostics.stream().map(d -> d.get("place") == null ? "" : d.get("place")).toList());
            List<String> args = list.get("args").asList(Value::asString);
            List<Integer> counts = list.get("argCounts").asList(Value::asInt);
            for (int i = 0; i < diagnostics.size(); i++) {
                List<String> expected = (List<String>) diagnostics.get(i).get("args");
                assertThat(counts.get(i)).isEqualTo(expected.size());
                assertThat(counts.get(i) == 0 ? List.of() : List.of(args.get(i).split(GraphWriter.ARG_SEPARATOR, -1))).isEqualTo(expected);
            }
            assertThat(session.run("MATCH (g:Diagnostic) RETURN count(g) AS n").single().get("n").asInt()).isZero();
            assertThat(session.run("MATCH (:Target)-[r:FLAGGED]->() RETURN count(r) AS n").single().get("n").asInt()).isZero();
        }

        // PARSE_UNCERTAIN: one finding per uncertain diagnostic (each on a line with one target), the report's message
        List<Map<String, Object>> found = findings(100);
        assertThat(found).extracting(f -> f.get("line")).containsExactlyElementsOf(uncertain.stream().map(d -> d.get("line")).toList());
        for (int i = 0; i < found.size(); i++) {
            Map<String, Object> f = found.get(i);
            Map<String, Object> d = uncertain.get(i);
            assertThat(f.get("message")).isEqualTo(d.get("code") + ": " + d.get("message"));
            assertThat(f.get("severity")).isEqualTo(d.get("severity"));
            assertThat(at(f, "target.line")).isEqualTo(d.get("line"));
        }
        assertThat(found).extracting(f -> at(f, "target.indicator.code")).contains("111000002", "111000041");
        assertThat(findings(7)).as("paged by 7, the same list").isEqualTo(found);
    }

    @Test
    void removing_the_document_removes_its_diagnostics() {
        editor().document(IMPORT).variable("name", NAME).variable("content", fixture()).execute();
        writer.delete(NAME);
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (l:DiagnosticList) WHERE NOT (l)<-[:NOTED]-(:Document) RETURN count(l) AS n")
                    .single().get("n").asInt()).isZero();
        }
    }

    @Test
    void a_store_with_one_node_per_diagnostic_is_converted_at_start_up() {
        cypher("""
                CREATE (d:Document {id: 'D-migration-fixture', name: 'migration-fixture.txt'})
                CREATE (d)-[:NOTED]->(:Diagnostic {id: 'G2', line: 7, severity: 'INFO', code: 'CATEGORY_INFERRED',
                                                   args: ['1-产出指标', '11-数量指标'], message: 'inferred'})
                CREATE (d)-[:NOTED]->(:Diagnostic {id: 'G1', line: 3, severity: 'WARNING', code: 'PROJECT_BLOCK_MERGED',
                                                   place: 'sheet 1', message: 'merged'})""", Map.of());
        try (var session = driver.session()) {
            for (String statement : GraphSchema.statements(new ClassPathResource("cypher/schema/060_write_path.cypher"))) {
                session.run(statement).consume();
            }
            var list = session.run("""
                    MATCH (:Document {name: 'migration-fixture.txt'})-[:NOTED]->(l)
                    RETURN collect(labels(l)) AS labels, collect(properties(l)) AS lists""").single();
            assertThat(list.get("labels").asList()).containsExactly(List.of("DiagnosticList"));
            Map<String, Object> stored = list.get("lists").asList(Value::asMap).get(0);
            assertThat(stored).containsEntry("count", 2L).containsEntry("lines", List.of(3L, 7L))
                    .containsEntry("severities", List.of("WARNING", "INFO"))
                    .containsEntry("codes", List.of("PROJECT_BLOCK_MERGED", "CATEGORY_INFERRED"))
                    .containsEntry("places", List.of("sheet 1", "")).containsEntry("messages", List.of("merged", "inferred"))
                    .containsEntry("argCounts", List.of(0L, 2L))
                    .containsEntry("args", List.of("", "1-产出指标" + GraphWriter.ARG_SEPARATOR + "11-数量指标"));
            assertThat(session.run("MATCH (g:Diagnostic) RETURN count(g) AS n").single().get("n").asInt()).isZero();
        } finally {
            cypher("MATCH (d:Document {name: 'migration-fixture.txt'}) OPTIONAL MATCH (d)-[:NOTED]->(x) DETACH DELETE x, d", Map.of());
        }
    }
}
