package org.perfgraph.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Posts GraphQL requests as JSON over HTTP/1.1 and fails on HTTP errors and on a non-empty {@code errors}. */
final class GraphQlClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final HttpClient http;
    private final Duration timeout;

    GraphQlClient(URI endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        // One HTTP client for all threads: it keeps a pool of keep-alive connections, as a browser or proxy would.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** The request body, serialised once: the timed loop then measures the server, not our serialiser. */
    static byte[] body(String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return JSON.writeValueAsBytes(body);
    }

    /** Sends and returns the {@code data} node; the whole response is read and parsed, as a client would. */
    JsonNode post(byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            throw new IOException("HTTP " + response.statusCode() + ", not JSON");
        }
        JsonNode errors = root.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            JsonNode first = errors.get(0);
            String message = first.hasNonNull("message") ? first.get("message").asString() : first.toString();
            throw new IOException(message.replaceAll("\\s+", " "));
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return root.get("data");
    }

    /** The node at a dotted path below {@code data} (projects.pageInfo), or null. */
    static JsonNode at(JsonNode data, String path) {
        JsonNode n = data;
        for (String part : path.split("\\.")) {
            if (n == null) {
                return null;
            }
            n = n.get(part);
        }
        return n;
    }
}
