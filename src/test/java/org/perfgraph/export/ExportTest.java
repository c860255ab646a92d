package org.perfgraph.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.perfgraph.explore.ListExport;
import org.perfgraph.support.GraphReader;
import org.perfgraph.support.security.ReadAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class ExportTest extends GraphTest {

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
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private long count(String cypher) {
        try (var session = driver.session()) {
            return session.run(cypher).single().get(0).asLong();
        }
    }

    private static List<String> lines(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return List.of(text.substring(1).split("\r\n"));
    }

    @Test
    void targets_csv_holds_every_target_with_its_links_under_chinese_headers() throws Exception {
        HttpResponse<byte[]> r = fetch("/export/targets.csv");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;").contains("filename*=UTF-8''targets.csv");
        List<String> lines = lines(r.body());
        assertThat(lines.get(0)).startsWith("编号,项目名称,单位编码,预算单位,地区,指标编码,三级指标,一级指标,二级指标,年度指标值");
        assertThat(lines).hasSize(1 + (int) count("MATCH (t:Target) RETURN count(t)"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("招商引资政策扶持奖励资金,104003,投资促进中心")
                .contains("113001668,资金拨付及时率,产出指标,时效指标,100%").contains("000_4081c7b18e37fcb4.txt"));
    }

    @Test
    void projects_csv_filters_like_graphql_and_writes_amounts_in_exact_yuan() throws Exception {
        String where = q("{\"name\":{\"eq\":\"招商引资政策扶持奖励资金\"}}");
        List<String> lines = lines(fetch("/export/projects.csv?headers=en&where=" + where).body());
        assertThat(lines.get(0)).startsWith("id,name,unitCode,unit,region,year,amount");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(",11347200.00,");
    }

    @Test
    void order_by_is_the_graphql_ordering() throws Exception {
        List<String> lines = lines(fetch("/export/indicators.csv?headers=en&orderBy=" + q("[{\"projectCount\":\"DESC\"}]")).body());
        assertThat(lines.get(1)).contains("长效管理机制健全性").contains(",10,10,");
    }

    @Test
    void every_root_list_exports_as_csv_and_xlsx() throws Exception {
        for (String list : List.of("units", "projects", "targets", "indicators", "categories", "texts", "documents")) {
            HttpResponse<byte[]> csv = fetch("/export/" + list + ".csv");
            assertThat(csv.statusCode()).as(list).isEqualTo(200);
            HttpResponse<byte[]> xlsx = fetch("/export/" + list + ".xlsx");
            assertThat(xlsx.statusCode()).as(list).isEqualTo(200);
            try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                assertThat(book.getSheetAt(0).getLastRowNum() + 1).as(list).isEqualTo(lines(csv.body()).size());
                assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
            }
        }
    }

    @Test
    void keyset_pages_of_any_size_read_the_same_rows() {
        ListExport export = ListExport.of("targets", null, List.of(Map.of("indicatorName", "ASC")));
        List<Object> small = new ArrayList<>();
        export.forEachPage(reader, 7, page -> page.forEach(n -> small.add(n.get("id"))));
        List<Object> whole = new ArrayList<>();
        export.forEachPage(reader, 5000, page -> page.forEach(n -> whole.add(n.get("id"))));
        assertThat(small).hasSize((int) export.count(reader)).isEqualTo(whole).doesNotHaveDuplicates();
    }

    @Test
    void bad_arguments_are_a_400_naming_the_parameter() throws Exception {
        assertBad("/export/targets.csv?where=" + q("{not json"), "where");
        assertBad("/export/targets.csv?where=" + q("{\"colour\":{\"eq\":\"red\"}}"), "where");
        assertBad("/export/targets.csv?orderBy=" + q("[{\"colour\":\"ASC\"}]"), "orderBy");
        assertBad("/export/planets.csv", "planets");
        assertBad("/export/targets.pdf", "format");
        assertBad("/export/targets.csv?first=10", "first");
    }

    private void assertBad(String url, String named) throws Exception {
        HttpResponse<byte[]> r = fetch(url);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).as(url).isEqualTo(400);
        assertThat(body).as(url).startsWith("{\"error\":").contains(named).doesNotContain("\n").doesNotContain("at org.");
    }

    @Test
    void over_the_row_limit_is_refused_before_any_row() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new ExportController(reader, new ReadAccess("", ""), new ExportLinks(), analytics, 3)).build();
        var result = mvc.perform(get("/export/targets.csv")).andExpect(status().isBadRequest()).andReturn();
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("PERFGRAPH_EXPORT_MAX_ROWS");
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = Instant.now();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void with_read_keys_an_export_needs_a_key_or_a_valid_signature() throws Exception {
        MovableClock clock = new MovableClock();
        ExportLinks links = new ExportLinks(clock);
        ExportController controller = new ExportController(reader, new ReadAccess("", "reader:reader-key-0042"), links, analytics, 5_000_000);
        MockMvc mvc = MockMvcBuilders.standaloneSetup(controller).build();

        mvc.perform(get("/export/units.csv")).andExpect(status().isUnauthorized());
        mvc.perform(get("/export/units.csv").header("Authorization", "Bearer wrong-key-123")).andExpect(status().isUnauthorized());
        mvc.perform(get("/export/units.csv").header("Authorization", "Bearer reader-key-0042")).andExpect(status().isOk());

        String link = controller.exportLink("units", "csv", Map.of("where", Map.of("name", Map.of("eq", "投资促进中心"))));
        assertThat(link).startsWith("/export/units.csv?where=").contains("&expires=").contains("&signature=");
        var ok = mvc.perform(get(URI.create(link))).andExpect(status().isOk()).andReturn();
        assertThat(lines(ok.getResponse().getContentAsByteArray())).hasSize(3);

        mvc.perform(get(URI.create(link.replace("%E6%8A%95", "%E6%8B%95")))).andExpect(status().isUnauthorized());
        mvc.perform(get(URI.create(link.replace("units.csv", "targets.csv")))).andExpect(status().isUnauthorized());
        mvc.perform(get(URI.create(link + "&headers=en"))).andExpect(status().isUnauthorized());
        clock.now = clock.now.plus(ExportLinks.LIFETIME).plusSeconds(1);
        var expired = mvc.perform(get(URI.create(link))).andExpect(status().isUnauthorized()).andReturn();
        assertThat(expired.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("signature");
    }

    @Test
    void export_link_is_a_graphql_field() {
        String link = graphQl.documentName("exportLink")
                .variable("list", "targets").variable("format", "xlsx")
                .variable("arguments", Map.of("where", Map.of("level1", Map.of("eq", "产出指标")), "headers", "en"))
                .execute().path("exportLink").entity(String.class).get();
        assertThat(link).startsWith("/export/targets.xlsx?headers=en&where=");
        graphQl.documentName("exportLink").variable("list", "planets").variable("format", "csv")
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains("planets")));
    }
}
