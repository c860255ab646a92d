package org.perfgraph.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/** What operations see: health without internals for anonymous callers, readiness, Prometheus figures, the start-up line. */
class OperationsTest extends GraphTest {

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    ObjectProvider<EmbeddedNeo4j> neo4j;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void health_shows_anonymous_callers_only_its_status_and_key_holders_the_details() throws Exception {
        HttpResponse<String> anonymous = get("/actuator/health", null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
        HttpResponse<String> editor = get("/actuator/health", EDITOR_KEY);
        assertThat(editor.statusCode()).isEqualTo(200);
        assertThat(editor.body()).contains("\"neo4j\"").contains("\"diskSpace\"");
        assertThat(get("/actuator/health", "not-a-key-of-ours").statusCode()).isEqualTo(401);
    }

    @Test
    void readiness_is_out_of_service_while_the_service_refuses_traffic() throws Exception {
        // the seeds are loaded by an ApplicationRunner, before Boot declares the service ready: by now it is
        assertThat(get("/actuator/health/readiness", null).body()).isEqualTo("{\"status\":\"UP\"}");
        try {
            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
            HttpResponse<String> refusing = get("/actuator/health/readiness", null);
            assertThat(refusing.statusCode()).isEqualTo(503);
            assertThat(refusing.body()).isEqualTo("{\"status\":\"OUT_OF_SERVICE\"}");
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void prometheus_has_import_request_and_graph_figures() throws Exception {
        graphQl.document("{ stats { documents } }").execute().path("stats.documents").entity(Integer.class).isEqualTo(2);
        HttpResponse<String> scrape = get("/actuator/prometheus", null);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("perfgraph_graph_nodes{label=\"Document\"} 2.0")
                .contains("perfgraph_graph_nodes{label=\"Project\"}")
                .contains("perfgraph_store_size_bytes")
                .contains("perfgraph_cypher_read_statements_total")
                .contains("perfgraph_import_seconds_count{status=\"IMPORTED\"}")
                .contains("perfgraph_import_targets_total")
                .contains("http_server_requests_seconds_count{")
                .contains("graphql_request_seconds_count{");
    }

    @Test
    void the_start_up_line_says_where_graphql_graphiql_the_dashboard_and_bolt_are() {
        String line = context.getBean(ServiceAddresses.class)
                .line((org.springframework.boot.web.server.context.WebServerApplicationContext) context);
        String base = "http://localhost:" + port;
        assertThat(line).startsWith("perfgraph ready: GraphQL " + base + "/graphql, GraphiQL " + base + "/graphiql, dashboard "
                + base + "/dashboard, health " + base + "/actuator/health, metrics " + base + "/actuator/prometheus, Bolt ");
        EmbeddedNeo4j embedded = neo4j.getIfAvailable();
        if (embedded != null) {
            assertThat(line).endsWith("Bolt " + embedded.boltUri() + " (embedded, store " + embedded.directory() + ")");
        }
    }
}
