package org.perfgraph.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import tools.jackson.databind.JsonNode;

/**
 * {@code java -jar perfgraph.jar bench --graphql URL [--bolt URI] [--peer URL] [--clients 8] [--seconds S]
 * [--warmup S] [--rounds R] [--requests DIR] [--only NAME,...] [--out FILE]}: for each request of
 * {@code bench/requests}, N concurrent clients against our GraphQL API, the same work as raw Cypher over Bolt,
 * and the peer's GraphQL, alternating in rounds so that a change of load on a shared machine hits all three;
 * prints a markdown table of p50/p95/p99 latency and throughput. A request that fails is reported as
 * "failed: message", never a crash. Exit 0 when the run completed (even with failed requests), 2 on usage errors.
 */
public final class BenchCommand {

    private static final String USAGE = "usage: java -jar perfgraph.jar bench --graphql URL [--bolt URI] [--peer URL]"
            + " [--clients 8] [--seconds 20] [--warmup 5] [--rounds 2] [--requests bench/requests] [--only NAME,...]"
            + " [--out FILE] [--timeout 30]";

    private BenchCommand() {
    }

    /** Parsed command line. */
    record Options(URI graphql, String bolt, URI peer, int clients, double seconds, double warmup, int rounds,
                   Path requests, Set<String> only, Path out, Duration timeout) {

        static Options parse(String[] args) {
            URI graphql = null;
            String bolt = null;
            URI peer = null;
            int clients = 8;
            double seconds = 20;
            double warmup = 5;
            int rounds = 2;
            Path requests = Path.of("bench/requests");
            Set<String> only = Set.of();
            Path out = null;
            Duration timeout = Duration.ofSeconds(30);
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + a + " needs a value");
                }
                String v = args[++i];
                switch (a) {
                    case "--graphql" -> graphql = URI.create(v);
                    case "--bolt" -> bolt = v;
                    case "--peer" -> peer = v.isBlank() ? null : URI.create(v);
                    case "--clients" -> clients = Integer.parseInt(v);
                    case "--seconds" -> seconds = Double.parseDouble(v);
                    case "--warmup" -> warmup = Double.parseDouble(v);
                    case "--rounds" -> rounds = Integer.parseInt(v);
                    case "--requests" -> requests = Path.of(v);
                    case "--only" -> only = Set.of(v.split(","));
                    case "--out" -> out = Path.of(v);
                    case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(v));
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (graphql == null) {
                throw new IllegalArgumentException("--graphql is required");
            }
            if (clients < 1 || seconds <= 0 || warmup < 0 || rounds < 1) {
                throw new IllegalArgumentException("--clients and --rounds must be at least 1, --seconds positive");
            }
            return new Options(graphql, bolt, peer, clients, seconds, warmup, rounds, requests, only, out, timeout);
        }
    }

    /** The outcome of one side (ours, Cypher, peer) of one request: figures, or why there are none. */
    record Side(LatencyStats stats, String status) {

        static Side absent(String why) {
            return new Side(null, why);
        }

        boolean measured() {
            return stats != null && !stats.failed();
        }
    }

    /** One row of the table. */
    record Row(BenchRequest request, Side ours, Side cypher, Side peer, List<String> notes) {
    }

    public static int run(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Options o;
        List<BenchRequest> requests;
        try {
            o = Options.parse(args);
            requests = new ArrayList<>();
            for (BenchRequest r : BenchRequest.loadAll(o.requests())) {
                if (o.only().isEmpty() || o.only().contains(r.name())) {
                    requests.add(r);
                }
            }
        } catch (IOException | RuntimeException e) {
            err.println("bench: " + LoadRun.message(e));
            err.println(USAGE);
            return 2;
        }
        GraphQlClient ours = new GraphQlClient(o.graphql(), o.timeout());
        GraphQlClient peer = o.peer() == null ? null : new GraphQlClient(o.peer(), o.timeout());
        CypherClient cypher = null;
        String cypherProblem = "not run (no --bolt)";
        if (o.bolt() != null) {
            try {
                cypher = new CypherClient(o.bolt(), o.clients());
            } catch (RuntimeException e) {
                cypherProblem = "failed: cannot connect to " + o.bolt() + ": " + LoadRun.message(e);
            }
        }
        List<Row> rows = new ArrayList<>();
        try {
            for (BenchRequest r : requests) {
                out.printf(Locale.ROOT, "bench: %s (%s) ...%n", r.name(), r.title());
                rows.add(measure(r, o, ours, cypher, cypherProblem, peer, out));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("bench: interrupted");
            return 2;
        } finally {
            if (cypher != null) {
                cypher.close();
            }
        }
        String table = table(rows, o);
        out.println();
        out.println(table);
        if (o.out() != null) {
            try {
                Files.createDirectories(o.out().toAbsolutePath().getParent());
                Files.writeString(o.out(), table, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("bench: cannot write " + o.out() + ": " + e.getMessage());
                return 2;
            }
        }
        return 0;
    }

    private static Row measure(BenchRequest r, Options o, GraphQlClient oursClient, CypherClient cypherClient,
                               String cypherProblem, GraphQlClient peerClient, PrintStream out)
            throws InterruptedException {
        List<String> notes = new ArrayList<>();
        LoadRun.ClientFactory oursLoad = null;
        LoadRun.ClientFactory cypherLoad = null;
        LoadRun.ClientFactory peerLoad = null;
        Side ours = null;
        Side cypher = null;
        Side peer = null;

        int page = 0;
        try {
            Prepared p = prepareGraphQl(r.ours(), oursClient, "ours", 0, notes);
            oursLoad = p.load();
            page = p.page();
        } catch (Exception e) {
            ours = Side.absent("failed: " + LoadRun.message(e));
        }
        if (r.cypher() == null) {
            cypher = Side.absent("no Cypher file");
        } else if (cypherClient == null) {
            cypher = Side.absent(cypherProblem);
        } else {
            try {
                cypherLoad = prepareCypher(r.cypher(), cypherClient, o.timeout(), notes);
            } catch (Exception e) {
                cypher = Side.absent("failed: " + LoadRun.message(e));
            }
        }
        if (r.peer() == null) {
            peer = Side.absent("no peer request file");
        } else if (r.peer().notExpressible() != null) {
            peer = Side.absent("not expressible: " + r.peer().notExpressible());
        } else if (peerClient == null) {
            peer = Side.absent("not run (no --peer)");
        } else {
            try {
                peerLoad = prepareGraphQl(r.peer(), peerClient, "peer", page, notes).load();
            } catch (Exception e) {
                peer = Side.absent("failed: " + LoadRun.message(e));
            }
        }

        // Warm-up: JIT, plan caches, page cache; the figures are discarded.
        for (LoadRun.ClientFactory f : new LoadRun.ClientFactory[] {oursLoad, cypherLoad, peerLoad}) {
            if (f != null && o.warmup() > 0) {
                LoadRun.measure(o.clients(), o.warmup(), f);
            }
        }
        // Rounds alternate the three sides so that a change of load on the machine is shared among them.
        double slice = o.seconds() / o.rounds();
        List<LatencyStats> oursParts = new ArrayList<>();
        List<LatencyStats> cypherParts = new ArrayList<>();
        List<LatencyStats> peerParts = new ArrayList<>();
        for (int round = 0; round < o.rounds(); round++) {
            if (oursLoad != null) {
                oursParts.add(LoadRun.measure(o.clients(), slice, oursLoad));
            }
            if (cypherLoad != null) {
                cypherParts.add(LoadRun.measure(o.clients(), slice, cypherLoad));
            }
            if (peerLoad != null) {
                peerParts.add(LoadRun.measure(o.clients(), slice, peerLoad));
            }
        }
        ours = ours != null ? ours : side(oursParts, "ours", notes);
        cypher = cypher != null ? cypher : side(cypherParts, "Cypher", notes);
        peer = peer != null ? peer : side(peerParts, "peer", notes);
        out.printf(Locale.ROOT, "  ours %s | Cypher %s | peer %s%n", brief(ours), brief(cypher), brief(peer));
        return new Row(r, ours, cypher, peer, notes);
    }

    private static Side side(List<LatencyStats> parts, String who, List<String> notes) {
        double seconds = parts.stream().mapToDouble(LatencyStats::seconds).sum();
        LatencyStats s = LatencyStats.merge(parts, seconds);
        if (s.failed()) {
            return Side.absent("failed: " + (s.firstError() == null ? "no request completed" : s.firstError()));
        }
        if (s.errors() > 0) {
            notes.add(String.format(Locale.ROOT, "%s: %d of %d requests failed (%s)", who, s.errors(),
                    s.errors() + s.count(), s.firstError()));
        }
        return new Side(s, null);
    }

    /** A request ready to time, and the page it is on (0 where it is not paged). */
    private record Prepared(LoadRun.ClientFactory load, int page) {
    }

    /**
     * Walks to the page to time (or computes an offset cursor for the page {@code pageToMatch} our side reached),
     * checks that the request succeeds, and returns its load.
     */
    private static Prepared prepareGraphQl(BenchRequest.GraphQlCall call, GraphQlClient client, String who,
                                           int pageToMatch, List<String> notes) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>(call.variables());
        int timedPage = 0;
        if (call.offsetCursorPrefix() != null) {
            timedPage = pageToMatch > 0 ? pageToMatch : call.walkPages() + 1;
            int first = ((Number) variables.getOrDefault("first", 20)).intValue();
            long offset = (long) (timedPage - 1) * first - 1;
            String cursor = offset < 0 ? null : java.util.Base64.getEncoder().encodeToString(
                    (call.offsetCursorPrefix() + offset).getBytes(StandardCharsets.UTF_8));
            variables.put("after", cursor);
            notes.add(String.format(Locale.ROOT, "%s: timed page %d (offset cursor %s%d computed, not walked)", who,
                    timedPage, call.offsetCursorPrefix(), offset));
        } else if (call.walkPages() > 0) {
            String after = null;
            int page = 1;
            for (; page <= call.walkPages(); page++) {
                variables.put("after", after);
                JsonNode pageInfo = GraphQlClient.at(client.post(GraphQlClient.body(call.query(), variables)),
                        call.cursorPath());
                if (pageInfo == null || !pageInfo.has("hasNextPage")) {
                    throw new IllegalStateException("no pageInfo at " + call.cursorPath());
                }
                if (!pageInfo.get("hasNextPage").asBoolean()) {
                    break; // the last page: time this one
                }
                after = pageInfo.get("endCursor").asString();
            }
            variables.put("after", after);
            timedPage = Math.min(page, call.walkPages() + 1);
            notes.add(String.format(Locale.ROOT, "%s: timed page %d%s", who, timedPage,
                    page <= call.walkPages() ? " (the last page: the store has fewer than " + (call.walkPages() + 1) + ")" : ""));
        }
        byte[] body = GraphQlClient.body(call.query(), variables);
        client.post(body); // fails here, once, with the server's message, rather than 8 clients in a loop
        return new Prepared(() -> () -> () -> client.post(body), timedPage);
    }

    private static LoadRun.ClientFactory prepareCypher(BenchRequest.CypherCall call, CypherClient client,
                                                       Duration timeout, List<String> notes) {
        Map<String, Object> params = new HashMap<>(call.params());
        TransactionConfig config = TransactionConfig.builder().withTimeout(timeout).build();
        try (Session session = client.session()) {
            for (String statement : call.prepare()) {
                List<Record> rows = session.executeRead(tx -> tx.run(statement, params).list(), config);
                if (rows.size() != 1) {
                    throw new IllegalStateException(":prepare returned " + rows.size() + " rows, not one: " + statement);
                }
                Map<String, Object> values = rows.get(0).asMap();
                params.putAll(values);
                notes.add("Cypher: prepared " + values);
            }
            session.executeRead(tx -> tx.run(call.statement(), params).list(), config);
        }
        return () -> {
            Session session = client.session();
            return new LoadRun.Client() {
                @Override
                public LoadRun.Call call() {
                    return () -> session.executeRead(tx -> tx.run(call.statement(), params).list(), config);
                }

                @Override
                public void close() {
                    session.close();
                }
            };
        };
    }

    private static String brief(Side s) {
        if (!s.measured()) {
            return s.status();
        }
        return String.format(Locale.ROOT, "p50 %s ms, p95 %s ms, %s req/s", ms(s.stats().percentileMs(50)),
                ms(s.stats().percentileMs(95)), rate(s.stats().throughput()));
    }

    /** The markdown table and its notes. */
    static String table(List<Row> rows, Options o) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d concurrent clients per side, %s s measured per side in %d alternating rounds"
                        + " after %s s of warm-up; latencies in ms (nearest-rank percentiles), throughput in completed requests/s.%n%n",
                o.clients(), num(o.seconds()), o.rounds(), num(o.warmup())));
        sb.append("| request | ours p50 / p95 / p99 ms | ours req/s | raw Cypher p50 / p95 ms | Cypher req/s"
                + " | peer p50 / p95 ms | peer req/s | ours/peer throughput | API overhead (ours p50 / Cypher p50) |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        List<String> notes = new ArrayList<>();
        for (Row r : rows) {
            sb.append("| ").append(r.request().title()).append(" (`").append(r.request().name()).append("`)");
            sb.append(" | ").append(r.ours().measured() ? latency(r.ours(), true) : cell(r.ours().status()));
            sb.append(" | ").append(r.ours().measured() ? rate(r.ours().stats().throughput()) : "");
            sb.append(" | ").append(r.cypher().measured() ? latency(r.cypher(), false) : cell(r.cypher().status()));
            sb.append(" | ").append(r.cypher().measured() ? rate(r.cypher().stats().throughput()) : "");
            sb.append(" | ").append(r.peer().measured() ? latency(r.peer(), false) : cell(r.peer().status()));
            sb.append(" | ").append(r.peer().measured() ? rate(r.peer().stats().throughput()) : "");
            sb.append(" | ").append(r.ours().measured() && r.peer().measured()
                    ? ratio(r.ours().stats().throughput() / r.peer().stats().throughput()) : "");
            sb.append(" | ").append(r.ours().measured() && r.cypher().measured()
                    ? ratio(r.ours().stats().percentileMs(50) / r.cypher().stats().percentileMs(50)) : "");
            sb.append(" |\n");
            for (String n : r.notes()) {
                notes.add("`" + r.request().name() + "` " + n);
            }
            for (var side : List.of(Map.entry("ours", r.ours()), Map.entry("Cypher", r.cypher()), Map.entry("peer", r.peer()))) {
                String status = side.getValue().status();
                if (status != null && status.length() > CELL) {
                    notes.add("`" + r.request().name() + "` " + side.getKey() + ": " + oneLine(status));
                }
            }
        }
        if (!notes.isEmpty()) {
            sb.append("\n");
            for (String n : notes) {
                sb.append("- ").append(oneLine(n)).append("\n");
            }
        }
        return sb.toString();
    }

    private static final int CELL = 100;

    /** A status fit for a table cell: one line, no pipe, cut short (the notes below the table carry it whole). */
    static String cell(String status) {
        String s = oneLine(status).replace("|", "\\|");
        return s.length() <= CELL ? s : s.substring(0, CELL) + "… (see notes)";
    }

    static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String latency(Side s, boolean withP99) {
        LatencyStats st = s.stats();
        return ms(st.percentileMs(50)) + " / " + ms(st.percentileMs(95)) + (withP99 ? " / " + ms(st.percentileMs(99)) : "");
    }

    static String ms(double v) {
        return v < 10 ? String.format(Locale.ROOT, "%.2f", v) : v < 100 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.0f", v);
    }

    static String rate(double v) {
        return v < 10 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.0f", v);
    }

    static String ratio(double v) {
        return String.format(Locale.ROOT, "%.2f×", v);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
