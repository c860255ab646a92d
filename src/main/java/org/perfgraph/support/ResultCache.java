package org.perfgraph.support;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Results of whole-graph aggregates (group-by statistics, text similarity) kept for the store's write generation:
 * every import, document removal and edit bumps the generation in its own transaction
 * (cypher/support/bump-generation.cypher), so a result is served again only while nothing has been written, by
 * this instance or any other on the same database. Concurrent requests for the same missing result wait for one
 * computation. Reading the generation costs one statement per request. Bounded: past {@link #MAX_ENTRIES} the
 * cache starts over.
 */
@Component
public class ResultCache {

    static final int MAX_ENTRIES = 500;

    private record Entry(long generation, CompletableFuture<Object> result) {
    }

    private final GraphReader reader;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public ResultCache(GraphReader reader) {
        this.reader = reader;
    }

    /** The store's write generation now. */
    public long generation() {
        return ((Number) reader.single("support/generation", Map.of()).get("value")).longValue();
    }

    /**
     * The result of {@code compute} for {@code key} (the query's name and its arguments) at the current generation,
     * computed at most once per generation.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        long generation = generation();
        CompletableFuture<Object> mine = new CompletableFuture<>();
        Entry entry = entries.compute(key, (k, old) ->
                old != null && old.generation() == generation ? old : new Entry(generation, mine));
        if (entry.result() == mine) {
            if (entries.size() > MAX_ENTRIES) {
                entries.keySet().removeIf(k -> !k.equals(key));
            }
            try {
                mine.complete(compute.get());
            } catch (RuntimeException e) {
                entries.remove(key, entry);
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return (T) entry.result().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
