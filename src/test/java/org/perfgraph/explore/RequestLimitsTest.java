package org.perfgraph.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.perfgraph.support.ApiException;
import org.perfgraph.support.GraphReader;
import org.perfgraph.support.PerfgraphProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a request may cost: bounded statements per level, depth and complexity caps, a statement timeout, CORS. */
class RequestLimitsTest extends GraphTest {

    @Autowired
    GraphReader reader;

    @LocalServerPort
    int port;

    private long statementsFor(int first) {
        long before = reader.statementCount();
        graphQl.documentName("projectsWithTargets").variable("first", first).execute()
                .path("projects.edges").entityList(Object.class).hasSize(first);
        return reader.statementCount() - before;
    }

    @Test
    void a_three_level_request_costs_one_statement_whatever_the_page_size() {
        statementsFor(1); // the estimate's widths are read once per write generation
        // The page of projects with their targets, the targets' indicators and L1s read ahead (ReadAhead), and the
        // write generation the estimate of the unpaged targets reads.
        assertThat(statementsFor(2)).isEqualTo(2);
        assertThat(statementsFor(20)).isEqualTo(2);
    }

    @Test
    void asking_for_total_count_costs_no_extra_statement() {
        long before = reader.statementCount();
        graphQl.document("{ indicators(orderBy: [{projectCount: DESC}], first: 50) { totalCount edges { node { projectCount unitCount } } } }")
                .execute().path("indicators.totalCount").entity(Integer.class).isEqualTo(172);
        // page, count and unitCount in one statement (projectCount is stored on the indicator: read with it)
        assertThat(reader.statementCount() - before).isEqualTo(1);
    }

    @Test
    void a_query_nested_deeper_than_the_limit_is_refused_before_anything_runs() {
        String deep = "{ categories { edges { node { " + "children { parent { ".repeat(7) + "name" + " } }".repeat(7) + " } } } }";
        long before = reader.statementCount();
        graphQl.document(deep).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getMessage()).isEqualTo(
                    "The query nests 18 levels deep; at most 15 are allowed (PERFGRAPH_MAX_QUERY_DEPTH).");
            assertThat(errors.get(0).getExtensions()).containsEntry("classification", "BAD_USER_INPUT");
        });
        assertThat(reader.statementCount()).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_query_estimated_above_the_complexity_limit_is_refused_with_its_cost() {
        // Unpaged child lists count at the widest such list of the store (stored counts and degrees).
        Map<String, Object> widest = (Map<String, Object>) reader.single("explore/child-list-widest", Map.of()).get("widest");
        long p = ((Number) widest.get("Indicator.projects")).longValue();
        long t = ((Number) widest.get("Project.targets")).longValue();
        assertThat(p).isEqualTo(10); // 长效管理机制健全性
        // name 1; indicator 2; targets 1+t*2; projects 1+p*targets; indicator 1+projects; targets 1+t*indicator;
        // projects 1+p*targets; node, edges +1 each; indicators(first: 100) 1+100*edges
        long inner = 2 + p * (1 + 2 * t);
        long fields = 1 + 100 * (2 + (1 + p * (1 + t * inner)));
        // five statements: indicators and the four child lists
        long expected = fields + 5 * ComplexityEstimate.ROOT_STATEMENT_COST;
        String wide = "{ indicators(first: 100) { edges { node { projects { targets { indicator { projects { targets { indicator { name } } } } } } } } } }";
        long before = reader.statementCount();
        graphQl.document(wide).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getMessage()).startsWith("The query's estimated cost is " + expected
                    + "; at most 50000 is allowed (PERFGRAPH_MAX_QUERY_COMPLEXITY).")
                    .contains("projects(first: 5)").contains("projectsConnection(first: 5)");
            assertThat(errors.get(0).getExtensions()).containsEntry("classification", "BAD_USER_INPUT");
        });
        // Only the generation read of the estimate's widths: nothing of the query ran.
        assertThat(reader.statementCount() - before).isLessThanOrEqualTo(2);
    }

    @Test
    void the_same_request_with_first_on_its_child_lists_is_accepted() {
        graphQl.document("{ indicators(first: 30) { edges { node { projects(first: 2) { targets(first: 2) { indicator { "
                        + "projectsConnection(first: 2) { totalCount edges { node { targets(first: 2) { indicator { name } } } } } } } } } } } }")
                .execute().path("indicators.edges").entityList(Object.class).hasSize(30);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_estimate_counts_each_root_fields_statements() {
        Map<String, Object> widest = (Map<String, Object>) reader.single("explore/child-list-widest", Map.of()).get("widest");
        long p = ((Number) widest.get("Indicator.projects")).longValue();
        long t = ((Number) widest.get("Project.targets")).longValue();
        long inner = 2 + p * (1 + 2 * t);
        long fields = 1 + 100 * (2 + (1 + p * (1 + t * inner)));
        String wide = "indicators(first: 100) { edges { node { projects { targets { indicator { projects { targets { indicator { name } } } } } } } } }";
        long before = reader.statementCount();
        graphQl.document("{ a: " + wide + " b: " + wide + " }").execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            // two root fields: their fields and one statement cost each; their child lists with the same arguments
            // at the same levels are loaded together, four statements for both
            assertThat(errors.get(0).getMessage()).startsWith("The query's estimated cost is "
                    + (2 * fields + 6 * ComplexityEstimate.ROOT_STATEMENT_COST) + "; at most 50000 is allowed");
            assertThat(errors.get(0).getExtensions()).containsEntry("limit", "MAX_QUERY_COMPLEXITY");
        });
        assertThat(reader.statementCount() - before).isLessThanOrEqualTo(2);
    }

    @Test
    void a_statement_running_past_the_timeout_is_stopped_with_a_clear_error() {
        PerfgraphProperties quick = new PerfgraphProperties(null, null, null, Path.of("."), 0, 0, false, 100, 15, 50000,
                Duration.ofMillis(300), List.of(), 0);
        GraphReader impatient = new GraphReader(new org.perfgraph.support.StoreSessions(driver), quick);
        // Billions of rows: no machine finishes this within the timeout, so Neo4j stops it.
        assertThatThrownBy(() -> impatient.query("UNWIND range(1, 5000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS c", Map.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.classification()).isEqualTo("TIMEOUT");
                    assertThat(e.getMessage()).contains("300 ms").contains("PERFGRAPH_QUERY_TIMEOUT");
                });
        // Neo4j stopped it: no transaction of it is left running.
        try (var session = driver.session()) {
            long left = session.run("SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH 'UNWIND range(1, 5000000000)' RETURN count(*) AS c")
                    .single().get("c").asLong();
            assertThat(left).isZero();
        }
    }

    @Test
    void a_dashboard_on_a_configured_origin_may_call_graphql_from_a_browser_and_others_may_not() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> allowed = http.send(preflight("https://dashboard.example.org"), HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://dashboard.example.org");
        HttpResponse<String> refused = http.send(preflight("https://elsewhere.example.com"), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpRequest preflight(String origin) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build();
    }
}
