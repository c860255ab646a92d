package org.perfgraph.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.perfgraph.support.GraphReader;
import org.perfgraph.support.security.ReadAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The analytics lists as CSV and xlsx: each export is its GraphQL field's whole answer, under fixed headers. */
class AnalyticsExportTest extends GraphTest {

    @LocalServerPort
    int port;

    @Autowired
    GraphReader reader;

    @Autowired
    AnalyticsExport analytics;

    private HttpResponse<byte[]> fetch(String pathAndQuery) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The data lines of a CSV export (header first), checked to be a 200 with the BOM. */
    private List<String> csv(String pathAndQuery) throws Exception {
        HttpResponse<byte[]> r = fetch(pathAndQuery);
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).as(pathAndQuery + ": " + text).isEqualTo(200);
        assertThat(text).startsWith("\uFEFF");
        return List.of(text.substring(1).split("\r\n"));
    }

    private long count(String cypher) {
        try (var session = driver.session()) {
            return session.run(cypher).single().get(0).asLong();
        }
    }

    private Map<String, Object> fields(List<String> kinds) {
        return graphQl.documentName("analyticsExportCounts").variable("kinds", kinds).execute()
                .path("").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    private static long total(Object connection) {
        return ((Number) ((Map<String, Object>) connection).get("totalCount")).longValue();
    }

    @Test
    void indicator_reuse_is_the_whole_ranking_past_the_page_cap_most_reused_first() throws Exception {
        List<String> lines = csv("/export/indicatorReuse.csv?minProjects=1");
        assertThat(lines.get(0)).isEqualTo("指标编号,指标编码,指标名称,项目数,单位数,文档数,目标数");
        long indicators = count("MATCH (i:Indicator) WHERE EXISTS { (:Target)-[:MEASURES]->(i) } RETURN count(i)");
        assertThat(indicators).isGreaterThan(100); // more than one GraphQL page may hold
        assertThat(lines).hasSize(1 + (int) indicators);
        assertThat((long) lines.size() - 1).isEqualTo(total(fields(null).get("indicatorReuse")));
        assertThat(lines.get(1)).contains(",长效管理机制健全性,10,");
        assertThat(lines.subList(1, lines.size())).doesNotHaveDuplicates();
    }

    @Test
    void every_analytics_list_exports_as_csv_and_xlsx_under_its_fixed_headers() throws Exception {
        for (var sheet : AnalyticsSheets.OF.entrySet()) {
            String list = sheet.getKey();
            List<String> zh = sheet.getValue().columns().stream().map(c -> c.header(false)).toList();
            List<String> en = sheet.getValue().columns().stream().map(c -> c.header(true)).toList();
            List<String> lines = csv("/export/" + list + ".csv");
            assertThat(lines.get(0)).as(list).isEqualTo(String.join(",", zh));
            assertThat(lines.size()).as(list + " has rows on the seeds").isGreaterThan(1);
            assertThat(csv("/export/" + list + ".csv?headers=en").get(0)).as(list).isEqualTo(String.join(",", en));
            HttpResponse<byte[]> xlsx = fetch("/export/" + list + ".xlsx");
            assertThat(xlsx.statusCode()).as(list).isEqualTo(200);
            assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).contains(list + ".xlsx");
            try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                var first = book.getSheetAt(0);
                assertThat(first.getLastRowNum() + 1).as(list).isEqualTo(lines.size());
                assertThat(first.getRow(0).getCell(0).getStringCellValue()).isEqualTo(zh.get(0));
            }
        }
    }

    @Test
    void findings_take_kinds_as_json_and_hold_what_the_field_counts() throws Exception {
        List<String> duplicates = csv("/export/findings.csv?kinds=" + q("[\"DUPLICATE_INDICATOR\"]"));
        assertThat((long) duplicates.size() - 1).isEqualTo(total(fields(List.of("DUPLICATE_INDICATOR")).get("findings")));
        assertThat(duplicates.subList(1, duplicates.size())).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains(",DUPLICATE_INDICATOR,"))
                .anySatisfy(l -> assertThat(l).contains("高新区展厅运营管理经费"));
        List<String> all = csv("/export/findings.csv");
        assertThat((long) all.size() - 1).isEqualTo(total(fields(null).get("findings"))).isGreaterThan(duplicates.size() - 1);
        assertThat(all.subList(1, all.size())).doesNotHaveDuplicates();
    }

    @Test
    void keyset_pages_of_any_size_read_the_same_lines() {
        AnalyticsExport.Plan plan = analytics.plan("findings", Map.of(), 5_000_000);
        List<List<Object>> small = new ArrayList<>();
        plan.forEachLine(7, small::add);
        List<List<Object>> large = new ArrayList<>();
        analytics.plan("findings", Map.of(), 5_000_000).forEachLine(5_000, large::add);
        assertThat(small).hasSize((int) plan.count()).isEqualTo(large);
    }

    @Test
    void shared_texts_have_a_line_per_statement_and_similar_texts_a_line_per_pair() throws Exception {
        Map<String, Object> fields = fields(null);
        List<String> shared = csv("/export/sharedTexts.csv?minProjects=2");
        int statements = list(fields.get("sharedTexts")).stream().mapToInt(t -> list(t.get("statements")).size()).sum();
        assertThat(shared).hasSize(1 + statements);
        assertThat(shared).anySatisfy(l -> assertThat(l).contains("项目评估经费"))
                .anySatisfy(l -> assertThat(l).contains("高新区展厅运营管理经费"));
        // the scope as the dashboard's panel sends it: both shared texts are Zhuhai's, Minhang has none
        assertThat(csv("/export/sharedTexts.csv?where=" + q("{\"region\":\"珠海高新技术产业开发区\"}"))).isEqualTo(shared);
        assertThat(csv("/export/sharedTexts.csv?where=" + q("{\"region\":\"上海市闵行区\"}"))).hasSize(1);
        List<String> similar = csv("/export/similarTexts.csv?threshold=0.8&headers=en");
        int pairs = list(fields.get("similarTexts")).stream().mapToInt(c -> list(c.get("pairs")).size()).sum();
        assertThat(similar).hasSize(1 + pairs);
        assertThat(similar.get(1)).startsWith("1,");
    }

    @Test
    void stats_take_group_by_as_json_and_rankings_an_enum() throws Exception {
        Map<String, Object> fields = fields(null);
        List<String> stats = csv("/export/targetStats.csv?headers=en&groupBy=" + q("[\"LEVEL1\",\"VALUE_KIND\"]"));
        assertThat(stats).hasSize(1 + list(fields.get("targetStats")).size());
        assertThat(stats).anySatisfy(l -> assertThat(l).startsWith("产出指标 · QUALITATIVE,产出指标,,QUALITATIVE,").contains(",29,"));

        List<String> money = csv("/export/projectStats.csv?headers=en&groupBy=" + q("[\"UNIT\"]")
                + "&orderBy=" + q("[{\"amountSum\":\"DESC\"}]"));
        assertThat(money.get(0)).endsWith("amountSum,amountMin,amountMax,amountAvg");
        assertThat(money.get(1)).matches(".*,\\d+\\.\\d\\d,\\d+\\.\\d\\d,\\d+\\.\\d\\d,\\d+\\.\\d\\d$");

        List<String> ranking = csv("/export/qualityByProject.csv?headers=en&orderBy=NAME_ASC");
        List<String> names = list(fields.get("qualityByProject")).stream()
                .map(p -> (String) ((Map<?, ?>) p.get("project")).get("name")).toList();
        assertThat(ranking).hasSize(1 + (int) count("MATCH (p:Project) RETURN count(p)"));
        assertThat(ranking.subList(1, ranking.size()).stream().map(l -> l.split(",")[1]).toList()).isEqualTo(names);
    }

    @Test
    void bad_arguments_are_a_400_naming_the_parameter() throws Exception {
        assertBad("/export/findings.csv?colour=red", "colour");
        assertBad("/export/findings.csv?first=10", "first");
        assertBad("/export/indicatorReuse.csv?after=abc", "after");
        assertBad("/export/indicatorReuse.csv?minProjects=many", "minProjects");
        assertBad("/export/indicatorReuse.csv?minProjects=0", "minProjects");
        assertBad("/export/findings.csv?kinds=" + q("[\"NOPE\"]"), "kinds");
        assertBad("/export/findings.csv?kinds=" + q("[\"NOPE\""), "kinds");
        assertBad("/export/targetStats.csv?groupBy=" + q("[\"COLOUR\"]"), "COLOUR");
        assertBad("/export/similarTexts.csv?threshold=2", "threshold");
    }

    private void assertBad(String url, String named) throws Exception {
        HttpResponse<byte[]> r = fetch(url);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).as(url + ": " + body).isEqualTo(400);
        assertThat(body).as(url).startsWith("{\"error\":").contains(named).doesNotContain("\n").doesNotContain("at org.");
    }

    @Test
    void over_the_row_limit_is_refused_before_any_row_paged_or_not() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(
                new ExportController(reader, new ReadAccess("", ""), new ExportLinks(), analytics, 3)).build();
        for (String list : List.of("findings", "sharedTexts", "indicatorReuse")) {
            var result = mvc.perform(get("/export/" + list + ".csv")).andExpect(status().isBadRequest()).andReturn();
            assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(list).contains("PERFGRAPH_EXPORT_MAX_ROWS");
        }
    }

    @Test
    void with_read_keys_an_analytics_export_opens_by_a_signed_link() throws Exception {
        ExportController controller = new ExportController(reader, new ReadAccess("", "reader:reader-key-0042"),
                new ExportLinks(), analytics, 5_000_000);
        MockMvc mvc = MockMvcBuilders.standaloneSetup(controller).build();
        mvc.perform(get("/export/findings.csv")).andExpect(status().isUnauthorized());
        String link = controller.exportLink("findings", "csv", Map.of("kinds", List.of("DUPLICATE_INDICATOR"), "headers", "en"));
        assertThat(link).startsWith("/export/findings.csv?headers=en&kinds=");
        var ok = mvc.perform(get(URI.create(link))).andExpect(status().isOk()).andReturn();
        String body = ok.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFFid,kind,").contains(",DUPLICATE_INDICATOR,").doesNotContain(",PARSE_UNCERTAIN,");
        mvc.perform(get(URI.create(link.replace("DUPLICATE_INDICATOR", "PARSE_UNCERTAIN")))).andExpect(status().isUnauthorized());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> controller.exportLink("findings", "csv", Map.of("colour", "red")))
                .hasMessageContaining("colour");
    }
}
