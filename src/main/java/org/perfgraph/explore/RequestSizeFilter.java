package org.perfgraph.explore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a /graphql request whose body (the query and its variables) is larger than PERFGRAPH_MAX_REQUEST_BYTES
 * with HTTP 413 and a GraphQL-shaped JSON error, before the body is parsed: a declared length over the limit is
 * refused without reading it; a body of unknown length (chunked) is read up to the limit and refused past it.
 */
final class RequestSizeFilter extends OncePerRequestFilter {

    static final String LIMIT = "MAX_REQUEST_BYTES";

    private final long maxBytes;

    RequestSizeFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(response, String.valueOf(declared));
            return;
        }
        if (declared >= 0) {
            // the container reads no more than the declared length
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), maxBytes);
        if (body == null) {
            refuse(response, "more than " + maxBytes);
            return;
        }
        chain.doFilter(new ReplacedBody(request, body), response);
    }

    /** The body, or null when it is longer than {@code max}. */
    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private void refuse(HttpServletResponse response, String size) throws IOException {
        String message = "The request body is " + size + " bytes; at most " + maxBytes
                + " are allowed (PERFGRAPH_MAX_REQUEST_BYTES). Send a smaller query or smaller variables.";
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        // the rest of an unread body is not worth keeping the connection for
        response.setHeader("Connection", "close");
        response.getOutputStream().write(("{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{"
                + "\"classification\":\"BAD_USER_INPUT\",\"limit\":\"" + LIMIT + "\"}}]}").getBytes(StandardCharsets.UTF_8));
    }
}
