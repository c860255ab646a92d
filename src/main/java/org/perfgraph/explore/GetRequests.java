package org.perfgraph.explore;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.perfgraph.support.ResultCache;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.ObjectUtils;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * GET /graphql?query=…&variables=…&operationName=…&extensions=… for queries (GraphQL over HTTP), with an
 * {@code ETag} made of the store's write generation and everything that shapes the answer (the request, the
 * caller's key, the language): a dashboard polling the same query sends {@code If-None-Match} and gets
 * {@code 304 Not Modified} after one read of the generation, without the query running. Mutations are POST only
 * (405). The request runs through the same {@link WebGraphQlHandler} as a POST, so keys, limits and messages apply
 * alike; an answer with errors carries no ETag (a timeout is not "unchanged").
 */
final class GetRequests implements HandlerFunction<ServerResponse> {

    /** Answers from before a restart are not vouched for: the configuration (keys, limits) may have changed. */
    private final String instance = UUID.randomUUID().toString();

    private final PersistedQueries persisted;
    private final WebGraphQlHandler handler;
    private final ResultCache generations;
    private final JsonMapper json;

    GetRequests(PersistedQueries persisted, WebGraphQlHandler handler, ResultCache generations, JsonMapper json) {
        this.persisted = persisted;
        this.handler = handler;
        this.generations = generations;
        this.json = json;
    }

    @Override
    public ServerResponse handle(ServerRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        request.param("query").ifPresent(q -> body.put("query", q));
        request.param("operationName").filter(n -> !n.isBlank()).ifPresent(n -> body.put("operationName", n));
        for (String name : List.of("variables", "extensions")) {
            String value = request.param(name).orElse(null);
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                body.put(name, json.readValue(value, Map.class));
            } catch (JacksonException e) {
                return answer(new PersistedQueries.Answer(400, "BAD_USER_INPUT",
                        "The " + name + " parameter must be a JSON object."));
            }
        }
        PersistedQueries.Outcome outcome = persisted.resolve(body);
        if (outcome instanceof PersistedQueries.Answer answer) {
            return answer(answer);
        }
        Map<String, Object> resolved = ((PersistedQueries.Execute) outcome).body();
        if (!(resolved.get("query") instanceof String query) || query.isBlank()) {
            return answer(new PersistedQueries.Answer(400, "BAD_USER_INPUT",
                    "A GET request to /graphql needs a query parameter (or a persisted query's hash in extensions)."));
        }
        if (changesSomething(query, (String) resolved.get("operationName"))) {
            return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsBytes(new PersistedQueries.Answer(405, "BAD_USER_INPUT",
                            "GET serves queries only; send a mutation with POST.").toMap()));
        }
        HttpHeaders headers = request.headers().asHttpHeaders();
        String tag = tag(resolved, headers);
        if (tag != null && matches(headers.getFirst(HttpHeaders.IF_NONE_MATCH), tag)) {
            return ServerResponse.status(HttpStatus.NOT_MODIFIED).eTag(tag)
                    .header(HttpHeaders.CACHE_CONTROL, "no-cache").header(HttpHeaders.VARY, "Authorization, Accept-Language")
                    .build();
        }
        WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), headers, new LinkedMultiValueMap<>(),
                request.remoteAddress().orElse(null), request.attributes(), resolved,
                ObjectUtils.getIdentityHexString(request.servletRequest()), request.servletRequest().getLocale());
        WebGraphQlResponse response = handler.handleRequest(graphQlRequest).block();
        ServerResponse.BodyBuilder answer = ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").header(HttpHeaders.VARY, "Authorization, Accept-Language");
        if (tag != null && response.getErrors().isEmpty()) {
            answer.eTag(tag);
        }
        return answer.body(json.writeValueAsBytes(response.toMap()));
    }

    /** A mutation or subscription, or a document whose operation cannot be told: those are POST only. */
    private static boolean changesSomething(String query, String operationName) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (RuntimeException e) {
            return false; // a syntax error is answered as such by the execution, which runs nothing
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        return operations.stream()
                .filter(op -> operationName == null || operationName.equals(op.getName()) || operations.size() == 1)
                .anyMatch(op -> op.getOperation() != OperationDefinition.Operation.QUERY);
    }

    /** The answer's tag, or null when the generation cannot be read (the request then runs and says why). */
    private String tag(Map<String, Object> body, HttpHeaders headers) {
        long generation;
        try {
            generation = generations.generation();
        } catch (RuntimeException e) {
            return null;
        }
        String shape = String.join("\u0000", instance, json.writeValueAsString(body),
                String.valueOf(headers.getFirst(HttpHeaders.AUTHORIZATION)),
                String.valueOf(headers.getFirst(HttpHeaders.ACCEPT_LANGUAGE)));
        return "\"" + generation + "-" + PersistedQueries.sha256(shape).substring(0, 32) + "\"";
    }

    private static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals(tag));
    }

    private ServerResponse answer(PersistedQueries.Answer answer) {
        return ServerResponse.status(answer.status()).contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsBytes(answer.toMap()));
    }
}
