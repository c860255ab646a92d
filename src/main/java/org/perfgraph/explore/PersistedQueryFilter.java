package org.perfgraph.explore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST /graphql with a persisted query's hash: puts the query text in place of the hash before Spring for GraphQL
 * reads the body (it refuses a body without {@code query}), or answers {@code PersistedQueryNotFound} / a bad
 * hash itself. Bodies that do not mention a persisted query pass unchanged; the size limit ran before this.
 */
final class PersistedQueryFilter extends OncePerRequestFilter {

    private static final byte[] MARKER = "persistedQuery".getBytes(StandardCharsets.US_ASCII);

    private final PersistedQueries queries;
    private final JsonMapper json;

    PersistedQueryFilter(PersistedQueries queries, JsonMapper json) {
        this.queries = queries;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        if (!contains(body, MARKER)) {
            chain.doFilter(new ReplacedBody(request, body), response);
            return;
        }
        Map<String, Object> parsed;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = json.readValue(body, Map.class);
            parsed = map;
        } catch (JacksonException e) {
            // not a JSON object: Spring for GraphQL answers that as it answers any malformed body
            chain.doFilter(new ReplacedBody(request, body), response);
            return;
        }
        PersistedQueries.Outcome outcome = queries.resolve(parsed);
        if (outcome instanceof PersistedQueries.Answer answer) {
            response.setStatus(answer.status());
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(json.writeValueAsBytes(answer.toMap()));
            return;
        }
        PersistedQueries.Execute execute = (PersistedQueries.Execute) outcome;
        chain.doFilter(new ReplacedBody(request, execute.replaced() ? json.writeValueAsBytes(execute.body()) : body), response);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
