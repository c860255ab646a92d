package org.perfgraph.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cypher statements live in files under {@code cypher/} (top level of the repository, on the classpath as
 * {@code cypher/}); this loads one by its path without the extension, e.g. {@code ingest/write-targets}.
 * Comment lines ({@code //}) stay in; Neo4j ignores them.
 */
public final class CypherScripts {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private CypherScripts() {
    }

    public static String load(String name) {
        return CACHE.computeIfAbsent(name, CypherScripts::read);
    }

    private static String read(String name) {
        String path = "cypher/" + name + ".cypher";
        try (InputStream in = CypherScripts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Cypher script not on the classpath: " + path);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
