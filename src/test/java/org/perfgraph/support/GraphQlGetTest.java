package org.perfgraph.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A dashboard polling a query over GET gets 304 while nothing is written, after one read of the write generation. */
class GraphQlGetTest extends GraphTest {

    @LocalServerPort
    int port;

    @Autowired
    GraphReader reader;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String query, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_unchanged_store_answers_a_repeated_get_with_304_after_one_generation_read() throws Exception {
        String query = "{ indicators(orderBy: [{projectCount: DESC}], first: 1) { edges { node { name projectCount } } } }";
        HttpResponse<String> first = get(query, null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("长效管理机制健全性");
        String tag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");

        long before = reader.statementCount();
        HttpResponse<String> again = get(query, tag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(reader.statementCount() - before).isEqualTo(1);

        // Another query has another tag; a write (the generation moves on) makes the old tag stale.
        assertThat(get("{ stats { targets } }", tag).statusCode()).isEqualTo(200);
        cypher("RETURN 1", Map.of());
        HttpResponse<String> afterWrite = get(query, tag);
        assertThat(afterWrite.statusCode()).isEqualTo(200);
        assertThat(afterWrite.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(tag));
    }

    @Test
    void an_answer_with_errors_has_no_tag_and_mutations_are_refused_over_get() throws Exception {
        HttpResponse<String> bad = get("{ indicator(code: \"1\", id: \"2\") { name } }", null);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("either 'id' or 'code'");
        assertThat(bad.headers().firstValue("ETag")).isEmpty();
        HttpResponse<String> mutation = get("mutation { removeDocument(input: {name: \"x\"}) { removed } }", null);
        assertThat(mutation.statusCode()).isEqualTo(405);
        assertThat(mutation.body()).contains("POST");
    }
}
