package org.perfgraph.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The service as a newcomer meets it: GraphQL served, GraphiQL offline, health with Neo4j, stats on real data. */
class FoundationTest extends GraphTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void graphql_is_served_and_stats_count_the_seed_documents() {
        // If Boot found no schema it would skip GraphQL silently and this would be a 404.
        graphQl.document("{ stats { units projects indicators targets texts documents } }").execute()
                .path("stats.documents").entity(Integer.class).isEqualTo(2)
                .path("stats.units").entity(Integer.class).isEqualTo(2)
                .path("stats.projects").entity(Integer.class).isEqualTo(22)
                .path("stats.targets").entity(Integer.class).isEqualTo(214)
                .path("stats.indicators").entity(Integer.class).isEqualTo(172);
    }

    @Test
    void graphiql_page_loads_every_asset_from_this_server() throws Exception {
        HttpResponse<String> page = get("/graphiql");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"graphiql\"");
        List<String> assets = new ArrayList<>();
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertThat(assets).hasSizeGreaterThanOrEqualTo(5).allSatisfy(a -> assertThat(a).startsWith("/"));
        for (String asset : assets) {
            HttpResponse<String> response = get(asset);
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            assertThat(response.body()).as(asset).hasSizeGreaterThan(500);
            assertThat(response.body()).as(asset + " must not pull code from a CDN")
                    .doesNotContain("unpkg.com").doesNotContain("cdn.jsdelivr").doesNotContain("esm.sh");
        }
    }

    @Test
    void health_reports_neo4j_up() throws Exception {
        // the details are for key holders (OperationsTest): anonymous callers see the status only
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .header("Authorization", "Bearer " + EDITOR_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"neo4j\":{").contains("\"status\":\"UP\"");
    }
}
