package org.perfgraph.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One benchmark request, read from {@code bench/requests/NAME.graphql} (ours), {@code NAME.cypher} (the same
 * work as raw Cypher) and {@code NAME.peer.graphql} (the peer's spelling, or why it cannot say it).
 * <p>
 * Headers are leading comment lines. The first plain one is the title. Directives:
 * <ul>
 *   <li>GraphQL ({@code #}): {@code :variables {json}}; {@code :walk N PATH}: before timing, request N pages,
 *   each with {@code after} set to the {@code endCursor} of the pageInfo object at PATH, stopping early where
 *   {@code hasNextPage} is false, then time the page reached; {@code :offset-cursor N PREFIX}: for a server
 *   whose cursors are offsets, compute {@code after} as base64(PREFIX + offset) for the page our side reached
 *   (page N+1 if ours did not walk), instead of walking; {@code :not-expressible REASON}.</li>
 *   <li>Cypher ({@code //}): {@code :param NAME => JSON} (as Neo4j Browser writes them); {@code :prepare STATEMENT}:
 *   run once before timing, its single row's columns become parameters of the next statements.</li>
 * </ul>
 */
record BenchRequest(String name, String title, GraphQlCall ours, CypherCall cypher, GraphQlCall peer) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A GraphQL request; {@code notExpressible} is set (and the query empty) where the server cannot say it. */
    record GraphQlCall(String title, String query, Map<String, Object> variables, int walkPages, String cursorPath,
                       String offsetCursorPrefix, String notExpressible) {
    }

    /** A Cypher statement with its parameters and the statements that compute further parameters first. */
    record CypherCall(String title, String statement, Map<String, Object> params, List<String> prepare) {
    }

    /** Every request of a folder, ordered by file name (01-..., 02-...). */
    static List<BenchRequest> loadAll(Path dir) throws IOException {
        List<BenchRequest> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String file = f.getFileName().toString();
                if (file.endsWith(".graphql") && !file.endsWith(".peer.graphql")) {
                    out.add(load(dir, file.substring(0, file.length() - ".graphql".length())));
                }
            }
        }
        if (out.isEmpty()) {
            throw new IOException("no *.graphql request files in " + dir);
        }
        return out;
    }

    static BenchRequest load(Path dir, String name) throws IOException {
        GraphQlCall ours = parseGraphQl(read(dir.resolve(name + ".graphql")), name + ".graphql");
        Path cypherFile = dir.resolve(name + ".cypher");
        Path peerFile = dir.resolve(name + ".peer.graphql");
        CypherCall cypher = Files.exists(cypherFile) ? parseCypher(read(cypherFile), name + ".cypher") : null;
        GraphQlCall peer = Files.exists(peerFile) ? parseGraphQl(read(peerFile), name + ".peer.graphql") : null;
        return new BenchRequest(name, ours.title() == null ? name : ours.title(), ours, cypher, peer);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static GraphQlCall parseGraphQl(String text, String source) {
        Header h = header(text, "#");
        Map<String, Object> variables = new LinkedHashMap<>();
        int walk = 0;
        String cursorPath = null;
        String offsetPrefix = null;
        String notExpressible = null;
        for (String[] d : h.directives) {
            switch (d[0]) {
                case "variables" -> variables.putAll(jsonObject(d[1], source));
                case "walk" -> {
                    String[] parts = d[1].trim().split("\\s+");
                    if (parts.length != 2) {
                        throw new IllegalArgumentException(source + ": ':walk' needs a page count and a pageInfo path");
                    }
                    walk = Integer.parseInt(parts[0]);
                    cursorPath = parts[1];
                }
                case "offset-cursor" -> {
                    String[] parts = d[1].trim().split("\\s+");
                    if (parts.length != 2) {
                        throw new IllegalArgumentException(source + ": ':offset-cursor' needs a page count and a cursor prefix");
                    }
                    walk = Integer.parseInt(parts[0]);
                    offsetPrefix = parts[1];
                }
                case "not-expressible" -> notExpressible = d[1].trim();
                default -> throw new IllegalArgumentException(source + ": unknown directive :" + d[0]);
            }
        }
        if (notExpressible == null && h.body.isBlank()) {
            throw new IllegalArgumentException(source + ": no query (and no ':not-expressible')");
        }
        return new GraphQlCall(h.title, h.body, variables, walk, cursorPath, offsetPrefix, notExpressible);
    }

    static CypherCall parseCypher(String text, String source) {
        Header h = header(text, "//");
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> prepare = new ArrayList<>();
        for (String[] d : h.directives) {
            switch (d[0]) {
                case "param" -> {
                    int arrow = d[1].indexOf("=>");
                    if (arrow < 0) {
                        throw new IllegalArgumentException(source + ": ':param' reads ':param name => value'");
                    }
                    params.put(d[1].substring(0, arrow).trim(), json(d[1].substring(arrow + 2).trim(), source));
                }
                case "prepare" -> prepare.add(d[1].trim());
                default -> throw new IllegalArgumentException(source + ": unknown directive :" + d[0]);
            }
        }
        if (h.body.isBlank()) {
            throw new IllegalArgumentException(source + ": no statement");
        }
        return new CypherCall(h.title, h.body, params, prepare);
    }

    private record Header(String title, List<String[]> directives, String body) {
    }

    /** Splits leading comment lines (title, {@code :directive rest}) from the body. */
    private static Header header(String text, String comment) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        String title = null;
        List<String[]> directives = new ArrayList<>();
        int i = 0;
        for (; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith(comment)) {
                break;
            }
            String c = line.substring(comment.length()).strip();
            if (c.startsWith(":")) {
                int space = c.indexOf(' ');
                directives.add(space < 0 ? new String[] {c.substring(1), ""}
                        : new String[] {c.substring(1, space), c.substring(space + 1)});
            } else if (title == null && !c.isEmpty()) {
                title = c;
            }
        }
        StringBuilder body = new StringBuilder();
        for (; i < lines.length; i++) {
            body.append(lines[i]).append('\n');
        }
        return new Header(title, directives, body.toString().strip());
    }

    private static Object json(String value, String source) {
        try {
            return JSON.readValue(value, Object.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + ": not a JSON value: " + value);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(String value, String source) {
        if (json(value, source) instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(source + ": ':variables' needs a JSON object");
    }
}
