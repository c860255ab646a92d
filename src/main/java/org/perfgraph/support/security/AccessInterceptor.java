package org.perfgraph.support.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.perfgraph.support.ApiException;
import org.perfgraph.support.BoundedMemo;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The gate in front of every GraphQL request over HTTP: identifies the caller from {@code Authorization: Bearer},
 * refuses before anything executes (so a refused mutation changes nothing), and hands the caller to the resolvers
 * in the GraphQL context.
 */
@Component
@EnableConfigurationProperties(AccessProperties.class)
class AccessInterceptor implements WebGraphQlInterceptor {

    /** Like the document cache's: past this many distinct (operation name, document) pairs the memo starts over. */
    static final int MAX_REMEMBERED = 1_000;

    private final AccessKeys keys;
    /** The operation of each (operation name, document) seen: parsing the document was a twentieth of a small page's CPU. */
    private final BoundedMemo<String, OperationDefinition.Operation> operations = new BoundedMemo<>(MAX_REMEMBERED);

    AccessInterceptor(AccessProperties properties) {
        this.keys = new AccessKeys(properties.editorKeys(), properties.readKeys());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Optional<Caller> caller = keys.identify(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        OperationDefinition.Operation operation = remembered(request.getDocument(), request.getOperationName());
        Optional<ApiException> refusal = keys.refusal(caller, operation);
        if (refusal.isPresent()) {
            ApiException e = refusal.get();
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("classification", e.classification());
            var error = GraphqlErrorBuilder.newError()
                    .errorType(e.classification().equals("FORBIDDEN") ? ErrorType.FORBIDDEN : ErrorType.UNAUTHORIZED)
                    .message(e.getMessage()).extensions(extensions).build();
            ExecutionResult result = ExecutionResult.newExecutionResult().errors(List.of(error)).build();
            return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
        }
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(Caller.CONTEXT_KEY, caller.get())).build());
        Mono<WebGraphQlResponse> response = chain.next(request);
        return operation == OperationDefinition.Operation.MUTATION ? response.map(AccessInterceptor::inputErrors) : response;
    }

    /**
     * A change whose arguments do not even coerce (an amount of "abc", a date of "soon") is refused by graphql-java
     * before any resolver runs, as a ValidationError; for a change that is the caller's bad input like any other, so
     * it carries the same BAD_USER_INPUT classification as the resolvers' refusals.
     */
    static WebGraphQlResponse inputErrors(WebGraphQlResponse response) {
        List<GraphQLError> errors = response.getExecutionResult().getErrors();
        if (errors.stream().noneMatch(e -> e.getErrorType() == graphql.ErrorType.ValidationError)) {
            return response;
        }
        List<GraphQLError> relabelled = errors.stream().map(e -> {
            if (e.getErrorType() != graphql.ErrorType.ValidationError) {
                return e;
            }
            Map<String, Object> extensions = new LinkedHashMap<>(e.getExtensions() == null ? Map.of() : e.getExtensions());
            extensions.put("classification", "BAD_USER_INPUT");
            return (GraphQLError) GraphqlErrorBuilder.newError().message(e.getMessage()).locations(e.getLocations())
                    .path(e.getPath()).errorType(ErrorType.BAD_REQUEST).extensions(extensions).build();
        }).toList();
        return response.transform(builder -> builder.errors(relabelled));
    }

    /** {@link #operation}, parsed once per distinct document and operation name. */
    OperationDefinition.Operation remembered(String document, String operationName) {
        if (document == null) {
            return operation(null, operationName);
        }
        String key = (operationName == null ? "" : operationName) + '\u0000' + document;
        return operations.get(key, k -> operation(document, operationName));
    }

    /**
     * The operation the request runs. Where it cannot be told (a syntax error, several operations and no name), a
     * mutation anywhere in the document counts: the stricter rule applies, and execution fails on its own anyway.
     */
    static OperationDefinition.Operation operation(String document, String operationName) {
        Document parsed;
        try {
            parsed = Parser.parse(document);
        } catch (RuntimeException e) {
            return document != null && document.contains("mutation")
                    ? OperationDefinition.Operation.MUTATION : OperationDefinition.Operation.QUERY;
        }
        List<OperationDefinition> operations = parsed.getDefinitionsOfType(OperationDefinition.class);
        for (OperationDefinition op : operations) {
            if (operationName != null && operationName.equals(op.getName())) {
                return op.getOperation();
            }
        }
        return operations.stream().anyMatch(op -> op.getOperation() == OperationDefinition.Operation.MUTATION)
                ? OperationDefinition.Operation.MUTATION : OperationDefinition.Operation.QUERY;
    }
}
