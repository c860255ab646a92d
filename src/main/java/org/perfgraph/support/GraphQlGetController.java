package org.perfgraph.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import jakarta.servlet.http.HttpServletRequest;
import org.perfgraph.support.security.ReadAccess;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultGraphQlRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queries over {@code GET /graphql?query=...&variables=...} (GraphQL over HTTP), for dashboards that poll: the answer
 * carries an {@code ETag} made of the store's write generation (bumped by every import, removal and edit, see
 * {@link ResultCache}) and the request itself, and a request with that tag in {@code If-None-Match} gets
 * {@code 304 Not Modified} after one read of the generation, without running the query. Answers with errors carry
 * no tag. Mutations are refused over GET (405): they stay POST. The same access keys as POST.
 */
@RestController
class GraphQlGetController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebGraphQlHandler handler;
    private final ResultCache cache;
    private final ReadAccess access;

    GraphQlGetController(WebGraphQlHandler handler, ResultCache cache, ReadAccess access) {
        this.handler = handler;
        this.cache = cache;
        this.access = access;
    }

    @GetMapping(value = "/graphql", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> query(@RequestParam String query, @RequestParam(required = false) String variables,
                                 @RequestParam(required = false) String operationName,
                                 @RequestHeader HttpHeaders headers, HttpServletRequest request) {
        Optional<String> refusal = access.refusal(headers.getFirst(HttpHeaders.AUTHORIZATION));
        if (refusal.isPresent()) {
            return error(HttpStatus.UNAUTHORIZED, refusal.get(), "UNAUTHORIZED");
        }
        if (isMutation(query, operationName)) {
            return error(HttpStatus.METHOD_NOT_ALLOWED, "Mutations are sent with POST, not GET.", "BAD_USER_INPUT");
        }
        Map<String, Object> vars;
        try {
            vars = variables == null || variables.isBlank() ? Map.of() : JSON.readValue(variables, Map.class);
        } catch (RuntimeException e) {
            return error(HttpStatus.BAD_REQUEST, "'variables' is not a JSON object: " + e.getMessage(), "BAD_USER_INPUT");
        }
        String tag = "W/\"" + cache.generation() + "-" + digest(query, variables, operationName,
                headers.getFirst(HttpHeaders.AUTHORIZATION)) + "\"";
        String ifNoneMatch = headers.getFirst(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && List.of(ifNoneMatch.split(",")).stream().map(String::strip).anyMatch(tag::equals)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tag).cacheControl(CacheControl.noCache()).build();
        }
        WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(URI.create(request.getRequestURL().toString()), headers,
                null, null, Map.of(), new DefaultGraphQlRequest(query, operationName, vars, Map.of()),
                java.util.UUID.randomUUID().toString(), Locale.getDefault());
        WebGraphQlResponse response = handler.handleRequest(graphQlRequest).block();
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noCache());
        if (response.getErrors().isEmpty()) {
            ok.eTag(tag);
        }
        return ok.body(response.toMap());
    }

    private static boolean isMutation(String query, String operationName) {
        try {
            Document document = Parser.parse(query);
            return document.getDefinitionsOfType(OperationDefinition.class).stream()
                    .filter(op -> operationName == null || operationName.equals(op.getName()))
                    .anyMatch(op -> op.getOperation() != OperationDefinition.Operation.QUERY);
        } catch (InvalidSyntaxException e) {
            return false; // the GraphQL engine reports the syntax error as it does for POST
        }
    }

    private static String digest(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update((part == null ? "\u0000" : part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0x1f);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResponseEntity<Object> error(HttpStatus status, String message, String classification) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", Map.of("classification", classification));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("errors", List.of(error)));
    }
}
