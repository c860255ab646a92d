package org.perfgraph.explore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Automatic persisted queries in Apollo's protocol: a client sends {@code extensions.persistedQuery = {version: 1,
 * sha256Hash}} and no {@code query}; a hash this instance has seen is answered from the query it stands for, an
 * unknown one with {@code PersistedQueryNotFound}, after which the client sends the query with its hash once. The
 * text is put back into the request before anything else reads it, so key checks, limits and the history see the
 * real operation, never a hash. Kept in memory per instance (a client whose hash another instance knows only pays
 * one more round trip), least recently used first out past {@link #MAX_ENTRIES}.
 */
final class PersistedQueries {

    static final int MAX_ENTRIES = 2_000;

    /** The outcome for one request's body. */
    sealed interface Outcome {
    }

    /** The body to execute: the one sent, or the one sent with the query its hash stands for. */
    record Execute(Map<String, Object> body, boolean replaced) implements Outcome {
    }

    /** An answer instead of an execution, in GraphQL's error shape; {@code status} is the HTTP status. */
    record Answer(int status, String code, String message) implements Outcome {
        Map<String, Object> toMap() {
            return Map.of("errors", java.util.List.of(Map.of("message", message,
                    "extensions", Map.of("code", code, "classification", code))));
        }
    }

    private final Map<String, String> byHash = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** What to do with a request body (the JSON object of a POST, or a GET's parameters as one). */
    Outcome resolve(Map<String, Object> body) {
        if (!(body.get("extensions") instanceof Map<?, ?> extensions) || !extensions.containsKey("persistedQuery")) {
            return new Execute(body, false);
        }
        if (!(extensions.get("persistedQuery") instanceof Map<?, ?> persisted)) {
            return badRequest("extensions.persistedQuery must be an object {version: 1, sha256Hash}.");
        }
        if (!(persisted.get("version") instanceof Number version) || version.intValue() != 1) {
            return badRequest("Unsupported persisted query version: only version 1 is served.");
        }
        if (!(persisted.get("sha256Hash") instanceof String hash) || !hash.matches("[0-9a-fA-F]{64}")) {
            return badRequest("extensions.persistedQuery.sha256Hash must be the 64 hexadecimal digits of the query's SHA-256.");
        }
        String key = hash.toLowerCase(Locale.ROOT);
        Object query = body.get("query");
        if (query instanceof String text && !text.isEmpty()) {
            if (!sha256(text).equals(key)) {
                return badRequest("provided sha does not match query");
            }
            synchronized (byHash) {
                byHash.put(key, text);
            }
            return new Execute(body, false);
        }
        String known;
        synchronized (byHash) {
            known = byHash.get(key);
        }
        if (known == null) {
            return new Answer(200, "PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound");
        }
        Map<String, Object> withQuery = new LinkedHashMap<>(body);
        withQuery.put("query", known);
        return new Execute(withQuery, true);
    }

    private static Answer badRequest(String message) {
        return new Answer(400, "BAD_USER_INPUT", message);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
