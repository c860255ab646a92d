package org.perfgraph.support;

import java.util.Map;

import org.springframework.graphql.execution.ErrorType;

/**
 * An error the API reports to its caller as a typed GraphQL error: {@code extensions.classification} is one of
 * BAD_USER_INPUT, NOT_FOUND, CONFLICT, UNAUTHORIZED, FORBIDDEN, TIMEOUT (PERFGRAPH_QUERY_TIMEOUT) and RESOURCE_LIMIT (the
 * database's transaction memory limits, after the driver's retries).
 */
public class ApiException extends RuntimeException {

    private final String classification;
    private final Map<String, Object> extensions;

    public ApiException(String classification, String message, Map<String, Object> extensions) {
        super(message);
        this.classification = classification;
        this.extensions = extensions == null ? Map.of() : extensions;
    }

    public static ApiException badInput(String message) {
        return new ApiException("BAD_USER_INPUT", message, Map.of());
    }

    public static ApiException notFound(String message) {
        return new ApiException("NOT_FOUND", message, Map.of());
    }

    public String classification() {
        return classification;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    ErrorType errorType() {
        return switch (classification) {
            case "NOT_FOUND" -> ErrorType.NOT_FOUND;
            case "UNAUTHORIZED" -> ErrorType.UNAUTHORIZED;
            case "FORBIDDEN" -> ErrorType.FORBIDDEN;
            case "BAD_USER_INPUT" -> ErrorType.BAD_REQUEST;
            default -> ErrorType.BAD_REQUEST;
        };
    }
}
