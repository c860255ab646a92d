package org.perfgraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.perfgraph.support.Ids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;

/**
 * importDocument with files (contentBase64), document kind and file kind, the document's own lines, provenance,
 * and removeDocument; the defects a mutated document used to provoke in the writer.
 */
class FileImportTest extends GraphTest {

    static final String NAME = "file-import-fixture";

    static final String DOCUMENT = "\n测试区投资促进中心2024年度重点绩效管理项目绩效目标\n\n"
            + "预算单位\t项目名称\t金额（元）\t2024年度总体绩效目标\t2024年度绩效目标\t一级指标\t二级指标\t三级指标\t实施周期指标值\t年度指标值\n"
            + "900002-文件中心\t文件项目\t2000\t总体目标。\t年度目标。\t1-产出指标\t11-数量指标\t111000002-文件数量\t≥6\t≥6\n"
            // the 二级指标 cell emptied: once a NullPointerException in the writer, now carried from the row above
            + "\t\t\t\t\t1-产出指标\t\t111000003-文件份数\t≥2份\t≥2份\n"
            + "\t\t\t\t\t3-满意度指标\t31-服务对象满意度\t331000002-文件满意度\t90%\t90%\n";

    @Autowired
    GraphWriter writer;

    @AfterEach
    void removeFixture() {
        removeImported(NAME);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> stats() {
        return graphQl.document("{ stats { units projects indicators targets texts documents } }").execute()
                .path("stats").entity(Map.class).get();
    }

    @Test
    void the_seeds_are_text_declarations_and_their_lines_are_kept() throws Exception {
        List<String> seed = Files.readAllLines(Path.of("src/test/resources/seeds/000_4081c7b18e37fcb4.txt"));
        var response = graphQl.documentName("documentSource").variable("name", "000_4081c7b18e37fcb4.txt")
                .variable("from", 4).variable("to", 5).execute();
        response.path("documents.edges[0].node.kind").entity(String.class).isEqualTo("DECLARATION");
        response.path("documents.edges[0].node.fileKind").entity(String.class).isEqualTo("TEXT");
        response.path("documents.edges[0].node.truncated").entity(Boolean.class).isEqualTo(false);
        response.path("documents.edges[0].node.source[*].line").entityList(Integer.class).containsExactly(4, 5);
        response.path("documents.edges[0].node.source[0].text").entity(String.class).isEqualTo(seed.get(3));
        response.path("documents.edges[0].node.source[1].text").entity(String.class).isEqualTo(seed.get(4));
    }

    @Test
    void source_refuses_a_range_that_is_too_large() {
        graphQl.documentName("documentSource").variable("name", "000_4081c7b18e37fcb4.txt")
                .variable("from", 1).variable("to", 20_000).execute()
                .errors().satisfy(errors -> assertThat(errors).extracting(ResponseError::getMessage)
                        .anyMatch(m -> m.contains("at most 10000 lines")));
    }

    @Test
    void documents_filter_on_kind_and_file_kind() {
        graphQl.documentName("documentsByKind").variable("kinds", List.of("DECLARATION")).variable("fileKinds", List.of("TEXT"))
                .execute().path("documents.totalCount").entity(Integer.class).isEqualTo(2);
        graphQl.documentName("documentsByKind").variable("kinds", List.of("SELF_ASSESSMENT")).variable("fileKinds", List.of("TEXT"))
                .execute().path("documents.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void a_base64_document_imports_with_an_emptied_category_cell_carried_and_flagged() {
        var response = editor().documentName("importFile").variable("name", NAME).variable("contentBase64", base64(DOCUMENT))
                .execute();
        response.path("importDocument.status").entity(String.class).isEqualTo("IMPORTED");
        response.path("importDocument.fileKind").entity(String.class).isEqualTo("TEXT");
        response.path("importDocument.kind").entity(String.class).isEqualTo("DECLARATION");
        response.path("importDocument.truncated").entity(Boolean.class).isEqualTo(false);
        response.path("importDocument.targets").entity(Integer.class).isEqualTo(3);
        response.path("importDocument.diagnostics[?(@.code == 'CATEGORY_INFERRED')].line").entityList(Integer.class)
                .containsExactly(6);
        var targets = graphQl.documentName("targetProvenance").variable("name", NAME).execute();
        targets.path("targets.edges[*].node.source.line").entityList(Integer.class).containsExactly(5, 6, 7);
        targets.path("targets.edges[1].node.source.place").valueIsNull();
        targets.path("targets.edges[1].node.actual").valueIsNull();
        targets.path("targets.edges[1].node.source.document.kind").entity(String.class).isEqualTo("DECLARATION");
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (t:Target {indicatorCode: '111000003'})-[:LEVEL2]->(c) RETURN c.name AS n")
                    .single().get("n").asString()).isEqualTo("数量指标");
        }
    }

    /** A sheet as budget units save them: a title, the money unit, a header, unit/project/amount merged down. */
    private static byte[] workbook() throws Exception {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var bytes = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet("项目表");
            String[][] rows = {
                    {"某县文旅局2025年度项目支出绩效目标表"},
                    {"单位：万元"},
                    {"单位名称", "项目名称", "预算数", "一级指标", "二级指标", "三级指标", "指标值"},
                    {"301009-某县文旅局", "送戏下乡经费", "12", "产出指标", "数量指标", "演出场次", "≥12场"},
                    {"", "", "", "", "时效指标", "演出完成及时率", "100%"},
                    {"", "", "", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            for (int c = 0; c < 3; c++) {
                sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(3, 5, c, c));
            }
            sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(3, 4, 3, 3));
            wb.write(bytes);
            return bytes.toByteArray();
        }
    }

    @Test
    void an_xlsx_imports_with_sheet_places_its_rows_as_source_and_the_amount_in_yuan() throws Exception {
        String xlsx = Base64.getEncoder().encodeToString(workbook());
        var response = editor().documentName("importFile").variable("name", NAME).variable("contentBase64", xlsx).execute();
        response.path("importDocument.status").entity(String.class).isEqualTo("IMPORTED");
        response.path("importDocument.fileKind").entity(String.class).isEqualTo("XLSX");
        response.path("importDocument.format").entity(String.class).isEqualTo("HEADER_TABLE");
        response.path("importDocument.targets").entity(Integer.class).isEqualTo(3);
        var targets = graphQl.documentName("targetProvenance").variable("name", NAME).execute();
        targets.path("targets.edges[*].node.indicatorName").entityList(String.class)
                .containsExactly("演出场次", "演出完成及时率", "群众满意度");
        targets.path("targets.edges[*].node.annual.raw").entityList(String.class).containsExactly("≥12场", "100%", "≥90%");
        targets.path("targets.edges[*].node.source.place").entityList(String.class)
                .containsExactly("sheet 项目表, row 4", "sheet 项目表, row 5", "sheet 项目表, row 6");
        int line = targets.path("targets.edges[0].node.source.line").entity(Integer.class).get();
        graphQl.documentName("documentSource").variable("name", NAME).variable("from", line).variable("to", line).execute()
                .path("documents.edges[0].node.source[0].text").entity(String.class)
                .satisfies(text -> assertThat(text).startsWith("301009-某县文旅局\t送戏下乡经费\t12\t产出指标"));
        try (var session = driver.session()) {
            var project = session.run("MATCH (p:Project)-[:DECLARED_IN]->(:Document {name: $name}) "
                    + "RETURN p.amount AS amount, p.moneyUnit AS unit", Map.of("name", NAME)).single();
            assertThat(new java.math.BigDecimal(project.get("amount").asString())).isEqualByComparingTo("120000");
            assertThat(project.get("unit").asString()).isEqualTo("万元");
        }
    }

    @Test
    void a_self_assessment_keeps_actual_weight_score_and_points_through_the_api() throws Exception {
        String text = Files.readString(Path.of("src/test/resources/layouts/tab-self-assessment.txt"));
        var response = editor().documentName("importFile").variable("name", NAME).variable("contentBase64", base64(text))
                .execute();
        response.path("importDocument.kind").entity(String.class).isEqualTo("SELF_ASSESSMENT");
        var targets = graphQl.documentName("targetProvenance").variable("name", NAME).execute();
        targets.path("targets.edges[0].node.indicatorName").entity(String.class).isEqualTo("维修校舍面积");
        targets.path("targets.edges[0].node.actual.raw").entity(String.class).isEqualTo("520平方米");
        targets.path("targets.edges[0].node.weight").entity(java.math.BigDecimal.class)
                .satisfies(w -> assertThat(w).isEqualByComparingTo("20"));
        targets.path("targets.edges[2].node.score").entity(java.math.BigDecimal.class)
                .satisfies(w -> assertThat(w).isEqualByComparingTo("12"));
        targets.path("targets.edges[0].node.points").entity(java.math.BigDecimal.class)
                .satisfies(w -> assertThat(w).isEqualByComparingTo("50"));
        targets.path("targets.edges[2].node.notes").entity(String.class).satisfies(n -> assertThat(n).contains("雨季延误工期"));
        targets.path("targets.edges[0].node.source.document.kind").entity(String.class).isEqualTo("SELF_ASSESSMENT");
    }

    @Test
    void the_value_type_a_document_states_is_stored_on_its_targets() {
        String text = "某县文旅局2025年度项目支出绩效目标表\n"
                + "单位名称\t项目名称\t预算数\t一级指标\t二级指标\t三级指标\t指标值\t指标值类型\n"
                + "301009-某县文旅局\t送戏下乡经费\t12\t产出指标\t数量指标\t演出场次\t≥12场\t定量\n"
                + "\t\t\t效益指标\t社会效益指标\t群众文化参与度\t明显提升\t定性\n"
                + "\t\t\t满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t\n";
        var response = editor().documentName("importFile").variable("name", NAME).variable("contentBase64", base64(text))
                .execute();
        response.path("importDocument.status").entity(String.class).isEqualTo("IMPORTED");
        response.path("importDocument.format").entity(String.class).isEqualTo("HEADER_TABLE");
        var targets = graphQl.documentName("targetProvenance").variable("name", NAME).execute();
        targets.path("targets.edges[*].node.indicatorName").entityList(String.class)
                .containsExactly("演出场次", "群众文化参与度", "群众满意度");
        targets.path("targets.edges[0].node.valueType").entity(String.class).isEqualTo("QUANTITATIVE");
        targets.path("targets.edges[1].node.valueType").entity(String.class).isEqualTo("QUALITATIVE");
        targets.path("targets.edges[2].node.valueType").valueIsNull();
    }

    @Test
    void content_and_content_base64_together_are_refused() {
        editor().documentName("importBoth").variable("name", NAME).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getMessage()).contains("exactly one of 'content'");
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_USER_INPUT");
                }));
    }

    @Test
    void a_seed_with_commas_for_tabs_is_refused_with_its_line_or_read_never_an_internal_error() throws Exception {
        String seed = Files.readString(Path.of("src/test/resources/seeds/000_4081c7b18e37fcb4.txt")).replace('\t', ',');
        editor().documentName("importFile").variable("name", NAME).variable("contentBase64", base64(seed))
                .variable("dryRun", true).execute().errors().satisfy(errors -> assertThat(errors).allSatisfy(e -> {
                    assertThat(e.getErrorType().toString()).isNotEqualTo("INTERNAL_ERROR");
                    assertThat(e.getMessage()).contains(NAME);
                }));
    }

    @Test
    void remove_document_takes_it_out_with_what_only_it_referenced_and_records_it() {
        Map<String, Object> before = stats();
        editor().documentName("importFile").variable("name", NAME).variable("contentBase64", base64(DOCUMENT))
                .execute().path("importDocument.status").entity(String.class).isEqualTo("IMPORTED");
        editor().documentName("removeDocument").variable("name", NAME).execute()
                .path("removeDocument.removed").entity(Boolean.class).isEqualTo(true);
        assertThat(stats()).isEqualTo(before);
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (c:Change {documentId: $id, operation: 'REMOVE_DOCUMENT'}) RETURN c.by AS by",
                    Map.of("id", Ids.of('D', NAME))).list(r -> r.get("by").asString())).containsExactly(EDITOR_NAME);
            assertThat(session.run("MATCH (s:SourceLines {documentId: $id}) RETURN count(s) AS n",
                    Map.of("id", Ids.of('D', NAME))).single().get("n").asInt()).isZero();
        }
        editor().documentName("removeDocument").variable("name", NAME).execute()
                .path("removeDocument.removed").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void remove_document_needs_an_editor_key() {
        graphQl.documentName("removeDocument").variable("name", "000_4081c7b18e37fcb4.txt").execute().errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());
        assertThat(stats().get("documents")).isEqualTo(2);
    }
}
