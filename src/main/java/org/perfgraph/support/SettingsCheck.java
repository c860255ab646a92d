package org.perfgraph.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.perfgraph.support.security.ReadAccess;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Checks every setting once the context is prepared and before it is refreshed, so before any bean (the embedded
 * database among them) is created: each problem becomes one line naming the variable and what it allows, and the start stops with
 * {@link SettingsException} (printed by {@link OneLineFailureReporter}, exit code 1). Registered in spring.factories,
 * so the service and the {@code import} command are both checked.
 */
final class SettingsCheck implements ApplicationListener<ApplicationPreparedEvent>, Ordered {

    private static final Set<String> BOOLEANS = Set.of("true", "false", "yes", "no", "on", "off", "1", "0");
    private static final Set<String> NEO4J_SCHEMES = Set.of("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc");

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        boolean http = event.getSpringApplication().getWebApplicationType() == WebApplicationType.SERVLET;
        List<String> problems = problems(event.getApplicationContext().getEnvironment()::getProperty,
                System.getenv("PERFGRAPH_IMPORT_THREADS"), http);
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /**
     * Every problem of the settings, one sentence each.
     *
     * @param settings      the resolved {@code perfgraph.*} and {@code server.*} properties
     * @param importThreads PERFGRAPH_IMPORT_THREADS as the import command reads it
     * @param http          whether this start serves HTTP (SERVER_PORT is then checked to be free)
     */
    static List<String> problems(Function<String, String> settings, String importThreads, boolean http) {
        List<String> problems = new ArrayList<>();
        Check c = new Check(settings, problems);
        String uri = settings.apply("perfgraph.neo4j-uri");
        boolean embedded = uri == null || uri.isBlank();
        if (!embedded) {
            neo4jUri(uri.strip(), problems);
        }
        c.whole("perfgraph.page-cache-mb", "PERFGRAPH_PAGE_CACHE_MB", 1, Long.MAX_VALUE);
        Long txMemory = c.whole("perfgraph.tx-memory-mb", TransactionMemory.VARIABLE, 0, Long.MAX_VALUE);
        if (txMemory != null && txMemory != 0 && (txMemory < TransactionMemory.MIN_MB || txMemory > TransactionMemory.maxMb())) {
            problems.add(TransactionMemory.VARIABLE + " is " + txMemory + ": allowed is 0 (60 % of the heap) or a whole number from "
                    + TransactionMemory.MIN_MB + " to " + TransactionMemory.maxMb() + " (70 % of this JVM's " + TransactionMemory.heapMb()
                    + " MiB heap; the commit and the service need the rest; a larger heap with -Xmx allows more).");
        }
        Long bolt = c.whole("perfgraph.bolt-port", "PERFGRAPH_BOLT_PORT", 0, 65535);
        c.whole("perfgraph.max-page-size", "PERFGRAPH_MAX_PAGE_SIZE", 1, Integer.MAX_VALUE);
        c.whole("perfgraph.max-query-depth", "PERFGRAPH_MAX_QUERY_DEPTH", 1, Integer.MAX_VALUE);
        c.whole("perfgraph.max-query-complexity", "PERFGRAPH_MAX_QUERY_COMPLEXITY", 1, Integer.MAX_VALUE);
        c.whole("perfgraph.max-request-bytes", "PERFGRAPH_MAX_REQUEST_BYTES", 1, Long.MAX_VALUE);
        c.whole("perfgraph.max-root-fields", "PERFGRAPH_MAX_ROOT_FIELDS", 1, Integer.MAX_VALUE);
        c.whole("perfgraph.max-order-keys", "PERFGRAPH_MAX_ORDER_KEYS", 1, Integer.MAX_VALUE);
        c.whole("perfgraph.max-fragment-depth", "PERFGRAPH_MAX_FRAGMENT_DEPTH", 1, Integer.MAX_VALUE);
        c.whole("perfgraph.max-concurrent-reads", "PERFGRAPH_MAX_CONCURRENT_READS", 0, 100_000);
        c.whole("perfgraph.export-max-rows", "PERFGRAPH_EXPORT_MAX_ROWS", 1, Long.MAX_VALUE);
        Long server = c.whole("server.port", "SERVER_PORT", 0, 65535);
        if (importThreads != null && !importThreads.isBlank()) {
            c.value("PERFGRAPH_IMPORT_THREADS", importThreads.strip(), 1, 64);
        }
        String samples = settings.apply("perfgraph.load-samples");
        if (samples != null && !BOOLEANS.contains(samples.strip().toLowerCase(Locale.ROOT))) {
            problems.add("PERFGRAPH_LOAD_SAMPLES is '" + samples + "': allowed are true or false.");
        }
        String compiled = settings.apply("perfgraph.compiled-reads");
        if (compiled != null && !BOOLEANS.contains(compiled.strip().toLowerCase(Locale.ROOT))) {
            problems.add("PERFGRAPH_COMPILED_READS is '" + compiled + "': allowed are true or false.");
        }
        positiveDuration(settings.apply("perfgraph.query-timeout"), "PERFGRAPH_QUERY_TIMEOUT", problems);
        positiveDuration(settings.apply("perfgraph.edit-timeout"), "PERFGRAPH_EDIT_TIMEOUT", problems);
        String origins = settings.apply("perfgraph.cors-origins");
        if (origins != null && !origins.isBlank()) {
            for (String origin : origins.split(",")) {
                String o = origin.strip();
                if (!o.isEmpty() && !o.matches("https?://[^/\\s?#]+")) {
                    problems.add("PERFGRAPH_CORS_ORIGINS holds '" + o + "': allowed are origins such as https://dashboard.example.org, comma-separated.");
                }
            }
        }
        problems.addAll(ReadAccess.settingProblems(settings.apply("perfgraph.editor-keys"), settings.apply("perfgraph.read-keys")));
        if (embedded) {
            dataDir(settings.apply("perfgraph.data-dir"), problems);
            if (bolt != null && bolt > 0 && !free("127.0.0.1", bolt.intValue())) {
                problems.add("PERFGRAPH_BOLT_PORT is " + bolt + ": the port is in use on 127.0.0.1; allowed is a free port (0 picks one).");
            }
        }
        if (http && server != null && server > 0) {
            String address = settings.apply("server.address");
            if (!free(address == null || address.isBlank() ? null : address.strip(), server.intValue())) {
                problems.add("SERVER_PORT is " + server + ": the port is in use; allowed is a free port (0 picks one).");
            }
        }
        return problems;
    }

    private static void positiveDuration(String value, String variable, List<String> problems) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            java.time.Duration d = DurationStyle.detectAndParse(value.strip());
            if (d.isNegative() || d.isZero()) {
                problems.add(variable + " is '" + value + "': allowed is a positive duration such as 10s, 500ms or 2m.");
            }
        } catch (IllegalArgumentException e) {
            problems.add(variable + " is '" + value + "': allowed is a duration such as 10s, 500ms or 2m.");
        }
    }

    private static void neo4jUri(String uri, List<String> problems) {
        String allowed = ": allowed is bolt://host:7687 or neo4j://host:7687 (or unset, for the embedded database).";
        try {
            URI parsed = new URI(uri);
            if (parsed.getScheme() == null || !NEO4J_SCHEMES.contains(parsed.getScheme().toLowerCase(Locale.ROOT))
                    || parsed.getHost() == null) {
                problems.add("NEO4J_URI is '" + uri + "'" + allowed);
            }
        } catch (java.net.URISyntaxException e) {
            problems.add("NEO4J_URI is '" + uri + "'" + allowed);
        }
    }

    private static void dataDir(String value, List<String> problems) {
        String allowed = "; allowed is a folder this user can write (it is created if missing).";
        if (value == null || value.isBlank()) {
            problems.add("PERFGRAPH_DATA_DIR is empty" + allowed);
            return;
        }
        Path dir;
        try {
            dir = Path.of(value.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            problems.add("PERFGRAPH_DATA_DIR is '" + value + "': not a path" + allowed);
            return;
        }
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                problems.add("PERFGRAPH_DATA_DIR is '" + value + "': a file, not a folder" + allowed);
            } else if (!Files.isWritable(dir)) {
                problems.add("PERFGRAPH_DATA_DIR is '" + value + "': the folder is not writable" + allowed);
            }
            return;
        }
        Path parent = dir.getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent == null || !Files.isDirectory(parent)) {
            problems.add("PERFGRAPH_DATA_DIR is '" + value + "': " + parent + " is not a folder" + allowed);
        } else if (!Files.isWritable(parent)) {
            problems.add("PERFGRAPH_DATA_DIR is '" + value + "': it cannot be created in " + parent + allowed);
        }
    }

    /** Whether a server socket can listen on the port now (the real server binds it moments later). */
    static boolean free(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            InetSocketAddress address = host == null ? new InetSocketAddress(port) : new InetSocketAddress(InetAddress.getByName(host), port);
            socket.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Number checks that add a problem sentence and return the value (null when missing or refused). */
    private record Check(Function<String, String> settings, List<String> problems) {

        Long whole(String property, String variable, long min, long max) {
            String value = settings.apply(property);
            if (value == null) {
                return null;
            }
            return value(variable, value, min, max);
        }

        Long value(String variable, String value, long min, long max) {
            String allowed = max == Long.MAX_VALUE || max == Integer.MAX_VALUE ? "a whole number of at least " + min
                    : "a whole number from " + min + " to " + max;
            try {
                long n = Long.parseLong(value.strip().replace("_", ""));
                if (n < min || n > max) {
                    problems.add(variable + " is " + value.strip() + ": allowed is " + allowed + ".");
                    return null;
                }
                return n;
            } catch (NumberFormatException e) {
                problems.add(variable + " is '" + value + "': allowed is " + allowed + ".");
                return null;
            }
        }
    }
}
