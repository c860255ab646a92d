package org.perfgraph.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.perfgraph.support.GraphReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queries over GET with ETags, and persisted queries by hash, over HTTP against the seeds: what a dashboard that
 * polls the same query sees.
 */
class PollingRequestsTest extends GraphTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    GraphReader reader;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    private static String document(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/graphql-test/" + name + ".graphql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(Map<String, String> params, String... headers) {
        StringBuilder url = new StringBuilder("http://localhost:" + port + "/graphql?");
        params.forEach((k, v) -> url.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofSeconds(120)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    private HttpResponse<String> post(Map<String, Object> body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> pollParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", document("pollUnitProjects"));
        params.put("variables", "{\"first\": 5}");
        return params;
    }

    private static Map<String, Object> persisted(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    @Test
    void a_query_over_get_answers_what_the_same_query_over_post_answers() {
        HttpResponse<String> get = get(pollParams());
        HttpResponse<String> post = post(Map.of("query", document("pollUnitProjects"), "variables", Map.of("first", 5)));

        assertThat(get.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(get.body());
        assertThat(answer.path("data").path("stats").path("documents").asInt()).isEqualTo(2);
        assertThat(answer.path("data").path("stats").path("targets").asInt()).isEqualTo(214);
        assertThat(answer.path("data").path("projects").path("edges")).hasSize(5);
        assertThat(answer).isEqualTo(JSON.readTree(post.body()));
        assertThat(get.headers().firstValue("ETag")).isPresent();
        assertThat(get.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void a_repeated_poll_with_its_etag_gets_304_after_reading_only_the_write_generation() {
        HttpResponse<String> first = get(pollParams());
        String tag = first.headers().firstValue("ETag").orElseThrow();

        long before = reader.statementCount();
        HttpResponse<String> again = get(pollParams(), "If-None-Match", tag);
        long statements = reader.statementCount() - before;

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(tag);
        assertThat(statements).as("only the generation read").isEqualTo(1);

        long full = reader.statementCount();
        get(pollParams(), "If-None-Match", "\"some-other-tag\"");
        assertThat(reader.statementCount() - full).as("a tag that does not match runs the query").isGreaterThan(1);
    }

    @Test
    void a_write_changes_the_tag_so_the_next_poll_gets_the_answer_again() {
        String tag = get(pollParams()).headers().firstValue("ETag").orElseThrow();

        cypher("RETURN 1", Map.of()); // the tests' write: bumps the store's write generation

        HttpResponse<String> after = get(pollParams(), "If-None-Match", tag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(tag);
        assertThat(JSON.readTree(after.body()).path("data").path("stats").path("targets").asInt()).isEqualTo(214);
    }

    @Test
    void the_tag_follows_the_language_and_the_caller_key() {
        String chinese = get(pollParams()).headers().firstValue("ETag").orElseThrow();
        String english = get(pollParams(), "Accept-Language", "en").headers().firstValue("ETag").orElseThrow();
        String editor = get(pollParams(), "Authorization", "Bearer " + EDITOR_KEY).headers().firstValue("ETag").orElseThrow();

        assertThat(english).isNotEqualTo(chinese);
        assertThat(editor).isNotEqualTo(chinese).isNotEqualTo(english);
    }

    @Test
    void a_mutation_over_get_is_refused_with_405_before_it_runs() {
        long generation = reader.statementCount();
        HttpResponse<String> refused = get(Map.of("query", document("pollRemoveMissing")),
                "Authorization", "Bearer " + EDITOR_KEY);

        assertThat(refused.statusCode()).isEqualTo(405);
        assertThat(refused.headers().firstValue("Allow")).hasValue("POST");
        assertThat(refused.body()).contains("POST");
        assertThat(reader.statementCount()).isEqualTo(generation);
    }

    @Test
    void bad_get_parameters_are_refused_naming_the_parameter() {
        Map<String, String> params = pollParams();
        params.put("variables", "{not json");
        HttpResponse<String> refused = get(params);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("variables parameter must be a JSON object");
    }

    @Test
    void an_unknown_persisted_hash_is_answered_persisted_query_not_found_then_registered_with_its_query() {
        String query = document("pollUnitProjects") + "\n# registered by " + System.nanoTime();
        String hash = PersistedQueries.sha256(query);

        HttpResponse<String> unknown = post(Map.of("extensions", persisted(hash), "variables", Map.of("first", 2)));
        assertThat(unknown.statusCode()).isEqualTo(200);
        JsonNode notFound = JSON.readTree(unknown.body()).path("errors").path(0);
        assertThat(notFound.path("message").asString()).isEqualTo("PersistedQueryNotFound");
        assertThat(notFound.path("extensions").path("code").asString()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");

        HttpResponse<String> registered = post(Map.of("query", query, "extensions", persisted(hash), "variables", Map.of("first", 2)));
        JsonNode direct = JSON.readTree(registered.body());
        assertThat(direct.path("data").path("projects").path("edges")).hasSize(2);

        HttpResponse<String> byHash = post(Map.of("extensions", persisted(hash), "variables", Map.of("first", 2)));
        assertThat(JSON.readTree(byHash.body())).isEqualTo(direct);

        Map<String, String> getByHash = new LinkedHashMap<>();
        getByHash.put("variables", "{\"first\": 2}");
        getByHash.put("extensions", JSON.writeValueAsString(persisted(hash)));
        HttpResponse<String> overGet = get(getByHash);
        assertThat(JSON.readTree(overGet.body())).isEqualTo(direct);
        assertThat(overGet.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void a_hash_that_is_not_the_querys_is_refused() {
        HttpResponse<String> refused = post(Map.of("query", "{ stats { targets } }",
                "extensions", persisted(PersistedQueries.sha256("{ stats { documents } }"))));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("provided sha does not match query");
    }

    @Test
    void a_persisted_mutation_is_checked_against_the_callers_key_like_its_text() {
        String mutation = document("pollRemoveMissing");
        String hash = PersistedQueries.sha256(mutation);
        HttpResponse<String> asEditor = post(Map.of("query", mutation, "extensions", persisted(hash)),
                "Authorization", "Bearer " + EDITOR_KEY);
        assertThat(JSON.readTree(asEditor.body()).path("data").path("removeDocument").path("removed").asBoolean()).isFalse();

        HttpResponse<String> anonymous = post(Map.of("extensions", persisted(hash)));
        JsonNode error = JSON.readTree(anonymous.body()).path("errors").path(0);
        assertThat(error.path("extensions").path("classification").asString()).isEqualTo("UNAUTHORIZED");
    }
}
