package org.perfgraph.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.perfgraph.support.CypherScripts;
import org.perfgraph.support.GraphReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The abusive requests of the reliability campaign (issue 14), each refused with a clear BAD_USER_INPUT error that
 * names its limit, before any Cypher statement runs, while a request sent at the same time is answered. "No Cypher"
 * is exact: during each case the reader's statement count grows by what the parallel request alone costs, and the
 * store's write generation does not move. (How long each takes is bench/abuse.sh's business, not a test's.)
 */
class AbusiveRequestsTest extends GraphTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PARALLEL = "{\"query\":\"{ stats { documents projects } }\"}";
    private static final int COPIES = 3;

    @Autowired
    GraphReader reader;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    private HttpRequest.Builder graphql() {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json");
    }

    private HttpRequest post(String body) {
        return graphql().POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String body(String query, Map<String, Object> variables) {
        return JSON.writeValueAsString(variables == null ? Map.of("query", query) : Map.of("query", query, "variables", variables));
    }

    private long generation() {
        try (var session = driver.session()) {
            return session.run(CypherScripts.load("support/generation")).single().get("value").asLong();
        }
    }

    /**
     * Sends {@link #COPIES} copies of the abusive request and one ordinary request at once; returns the abusive
     * answers after checking the ordinary one and that no statement ran for the abusive ones.
     */
    private List<HttpResponse<String>> abuse(Supplier<HttpRequest> abusive) {
        HttpResponse<String> alone = http.sendAsync(post(PARALLEL), HttpResponse.BodyHandlers.ofString()).join();
        long before = reader.statementCount();
        http.sendAsync(post(PARALLEL), HttpResponse.BodyHandlers.ofString()).join();
        long parallelCost = reader.statementCount() - before;
        assertThat(parallelCost).isPositive();

        long generation = generation();
        before = reader.statementCount();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < COPIES; i++) {
            sent.add(http.sendAsync(abusive.get(), HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture<HttpResponse<String>> ordinary = http.sendAsync(post(PARALLEL), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> answered = ordinary.join();
        List<HttpResponse<String>> refused = sent.stream().map(CompletableFuture::join).toList();

        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).isEqualTo(alone.body()).contains("\"documents\":2");
        assertThat(reader.statementCount() - before).as("statements beyond the parallel request's").isEqualTo(parallelCost);
        assertThat(generation()).isEqualTo(generation);
        return refused;
    }

    private static void assertRefused(HttpResponse<String> response, int status, String limit, String message) {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("data").isMissingNode() || body.path("data").isNull()).as(response.body()).isTrue();
        JsonNode errors = body.path("errors");
        assertThat(errors.size()).as(response.body()).isEqualTo(1);
        assertThat(errors.get(0).path("message").asString()).startsWith(message);
        assertThat(errors.get(0).path("extensions").path("classification").asString()).isEqualTo("BAD_USER_INPUT");
        assertThat(errors.get(0).path("extensions").path("limit").asString()).isEqualTo(limit);
    }

    @Test
    void a_body_over_the_size_limit_is_refused_with_413_before_it_is_parsed() {
        // a 9 MiB variable, as the campaign's 20 MB one: over the 8 MiB default
        String big = body("query($x: String) { stats { documents } }", Map.of("x", "a".repeat(9 << 20)));
        for (HttpResponse<String> r : abuse(() -> post(big))) {
            assertRefused(r, 413, "MAX_REQUEST_BYTES", "The request body is " + big.length()
                    + " bytes; at most 8388608 are allowed (PERFGRAPH_MAX_REQUEST_BYTES).");
        }
    }

    @Test
    void a_chunked_body_over_the_size_limit_is_refused_too() {
        byte[] big = body("query($x: String) { stats { documents } }", Map.of("x", "b".repeat(9 << 20))).getBytes(StandardCharsets.UTF_8);
        // no Content-Length: the body arrives in chunks and is read only up to the limit
        Supplier<HttpRequest> chunked = () -> graphql().POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        for (HttpResponse<String> r : abuse(chunked)) {
            assertRefused(r, 413, "MAX_REQUEST_BYTES", "The request body is more than 8388608 bytes; at most 8388608 are allowed");
        }
    }

    @Test
    void two_thousand_aliases_of_stats_are_refused_as_too_many_root_fields() {
        String aliases = IntStream.range(0, 2000).mapToObj(i -> "s" + i + ": stats { projects }").collect(Collectors.joining(" "));
        String request = body("{ " + aliases + " }", null);
        for (HttpResponse<String> r : abuse(() -> post(request))) {
            assertRefused(r, 200, "MAX_ROOT_FIELDS", "The operation asks for 2000 root fields (each alias counts); at most 20 "
                    + "are allowed (PERFGRAPH_MAX_ROOT_FIELDS).");
        }
    }

    @Test
    void root_fields_spread_from_fragments_count_too() {
        String fields = IntStream.range(0, 21).mapToObj(i -> "s" + i + ": stats { units }").collect(Collectors.joining(" "));
        String request = body("query { ...Many } fragment Many on Query { " + fields + " }", null);
        for (HttpResponse<String> r : abuse(() -> post(request))) {
            assertRefused(r, 200, "MAX_ROOT_FIELDS", "The operation asks for 21 root fields");
        }
    }

    @Test
    void an_order_by_of_a_thousand_keys_is_refused_whether_literal_or_a_variable() {
        String keys = IntStream.range(0, 1000).mapToObj(i -> i % 2 == 0 ? "{name: ASC}" : "{projectCount: DESC}")
                .collect(Collectors.joining(", "));
        String literal = body("{ indicators(orderBy: [" + keys + "], first: 5) { edges { node { name } } } }", null);
        for (HttpResponse<String> r : abuse(() -> post(literal))) {
            assertRefused(r, 200, "MAX_ORDER_KEYS", "'orderBy' of 'indicators' lists 1000 sort keys; at most 8 are allowed "
                    + "(PERFGRAPH_MAX_ORDER_KEYS).");
        }
        List<Map<String, String>> list = IntStream.range(0, 1000).mapToObj(i -> Map.of("name", "ASC")).toList();
        String variable = body("query($o: [IndicatorOrder!]) { indicators(orderBy: $o, first: 5) { edges { node { name } } } }",
                Map.of("o", list));
        for (HttpResponse<String> r : abuse(() -> post(variable))) {
            assertRefused(r, 200, "MAX_ORDER_KEYS", "'orderBy' of 'indicators' lists 1000 sort keys");
        }
    }

    @Test
    void a_thousand_chained_fragments_are_a_clear_error_not_a_stack_overflow() {
        StringBuilder doc = new StringBuilder("{ ...F0 }");
        for (int i = 0; i < 1000; i++) {
            doc.append(" fragment F").append(i).append(" on Query { ").append(i < 999 ? "...F" + (i + 1) : "stats { units }").append(" }");
        }
        String request = body(doc.toString(), null);
        for (HttpResponse<String> r : abuse(() -> post(request))) {
            assertRefused(r, 200, "MAX_FRAGMENT_DEPTH", "Fragments spread fragments 11 or more levels deep (F0 → F1 → F2");
        }
    }

    @Test
    void fragments_spreading_each_other_in_a_cycle_are_refused_before_validation() {
        String request = body("{ ...A } fragment A on Query { stats { units } ...B } fragment B on Query { ...C } "
                + "fragment C on Query { ...A }", null);
        for (HttpResponse<String> r : abuse(() -> post(request))) {
            assertRefused(r, 200, "MAX_FRAGMENT_DEPTH", "Fragment 'A' spreads itself (A → B → C → A)");
        }
    }

    @Test
    void six_hundred_aliases_of_a_child_list_with_their_own_arguments_are_refused_as_six_hundred_statements() {
        // each alias asks the batch-loaded list with other arguments: one statement each, though only ~2,000 fields
        // were estimated before. graphql-java's parser refuses more than 15,000 tokens, which caps such aliases near
        // 700; aliases with the same arguments are loaded by one statement.
        String aliases = IntStream.range(0, 600).mapToObj(i -> "t" + i + ": targets(first: 1, where: {line: {gt: " + i
                + "}}) { id }").collect(Collectors.joining(" "));
        String request = body("{ projects(first: 1) { edges { node { " + aliases + " } } } }", null);
        for (HttpResponse<String> r : abuse(() -> post(request))) {
            assertRefused(r, 200, "MAX_QUERY_COMPLEXITY", "The query's estimated cost is ");
            assertThat(JSON.readTree(r.body()).path("errors").get(0).path("message").asString())
                    .contains("at most 50000 is allowed").contains("each distinct child list");
        }
    }

    @Test
    void fifty_aliased_mutations_are_refused_and_nothing_is_written() {
        String creates = IntStream.range(0, 50).mapToObj(i -> "c" + i + ": createIndicator(input: {name: \"滥用指标" + i
                + "\"}) { indicator { id } }").collect(Collectors.joining(" "));
        String request = body("mutation { " + creates + " }", null);
        for (HttpResponse<String> r : abuse(() -> graphql().header("Authorization", "Bearer " + EDITOR_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(request)).build())) {
            assertRefused(r, 200, "MAX_ROOT_FIELDS", "The operation asks for 50 root fields");
        }
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (i:Indicator) WHERE i.name STARTS WITH '滥用指标' RETURN count(i) AS n")
                    .single().get("n").asLong()).isZero();
        }
    }

    @Test
    void requests_within_the_limits_still_run() {
        String keys = IntStream.range(0, 8).mapToObj(i -> "{name: ASC}").collect(Collectors.joining(", "));
        StringBuilder fragments = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            fragments.append(" fragment F").append(i).append(" on Query { ").append(i < 9 ? "...F" + (i + 1) : "stats { units }").append(" }");
        }
        String aliases = IntStream.range(0, 18).mapToObj(i -> "s" + i + ": stats { units }").collect(Collectors.joining(" "));
        String request = body("{ ...F0 " + aliases + " indicators(orderBy: [" + keys + "], first: 1) { edges { node { name } } } }"
                + fragments, null);
        HttpResponse<String> r = http.sendAsync(post(request), HttpResponse.BodyHandlers.ofString()).join();
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("errors").isMissingNode()).as(r.body()).isTrue();
        assertThat(body.path("data").path("s17").path("units").asInt()).isPositive();
        assertThat(body.path("data").path("indicators").path("edges").size()).isEqualTo(1);
    }
}
