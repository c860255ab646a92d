package org.perfgraph.support;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.perfgraph.ingest.ImportRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Maps exceptions to GraphQL errors with a classification and a message for people; never a stack trace.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof ImportRejectedException rejected) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("document", rejected.document());
            ext.put("line", rejected.line());
            return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST)
                    .message(rejected.getMessage()).extensions(withClassification(ext, "BAD_USER_INPUT")).build();
        }
        if (ex instanceof ApiException api) {
            return GraphqlErrorBuilder.newError(env).errorType(api.errorType())
                    .message(api.getMessage()).extensions(withClassification(api.extensions(), api.classification())).build();
        }
        log.error("Unexpected error in {}", env.getField().getName(), ex);
        return GraphqlErrorBuilder.newError(env).errorType(ErrorType.INTERNAL_ERROR)
                .message("Internal error while resolving '" + env.getField().getName() + "'; the server log has the details.").build();
    }

    private static Map<String, Object> withClassification(Map<String, Object> ext, String classification) {
        Map<String, Object> out = new LinkedHashMap<>(ext);
        out.put("classification", classification);
        return out;
    }
}
