package org.perfgraph.support;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parses and validates each distinct query text once: dashboards send the same few documents with other variables,
 * and parsing plus validation was a tenth of a small request's CPU in a profile. The depth and complexity limits
 * (RequestLimits) run when an operation starts executing, so a cached document is still checked every time.
 * Bounded: past {@link #MAX_ENTRIES} distinct texts the cache starts over.
 */
@Configuration(proxyBeanMethods = false)
class DocumentCache implements PreparsedDocumentProvider {

    static final int MAX_ENTRIES = 1_000;

    private final BoundedMemo<String, PreparsedDocumentEntry> entries = new BoundedMemo<>(MAX_ENTRIES);

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        return CompletableFuture.completedFuture(entries.get(input.getQuery(), query -> parseAndValidate.apply(input)));
    }

    int size() {
        return entries.size();
    }

    @Bean
    GraphQlSourceBuilderCustomizer cachedDocuments() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }
}
