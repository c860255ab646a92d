package org.perfgraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readiness in the real start-up order: the service's own main() in a child JVM (the main classes and resources
 * only, as packaged) on a free port and an empty temporary store, its readiness probe polled from the moment the
 * process starts. Tomcat answers before the seeds are imported; until they are, readiness is 503 OUT_OF_SERVICE
 * (or there is no connection yet), and the first UP comes only when every seed document can be read through
 * /graphql. Timeouts are generous: the machine may be loaded by other builds.
 */
class StartupReadinessTest {

    private static final Duration START_LIMIT = Duration.ofSeconds(600);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path temp;

    @Test
    void readiness_is_out_of_service_until_the_seeds_are_loaded_and_then_up_with_every_seed_readable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        Path log = temp.resolve("child.log");
        Process child = start(port, log);
        try {
            List<String> before = new ArrayList<>();
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            HttpResponse<String> up = null;
            while (up == null) {
                assertThat(child.isAlive()).as("the service stopped: " + tail(log)).isTrue();
                assertThat(System.nanoTime()).as("not ready within " + START_LIMIT + ": " + tail(log)).isLessThan(deadline);
                HttpResponse<String> r = readiness(base);
                if (r == null) {
                    before.add("no connection");
                } else if (r.statusCode() == 200) {
                    up = r;
                    break;
                } else {
                    before.add(r.statusCode() + " " + r.body());
                }
                Thread.sleep(50);
            }
            // the moment readiness first says UP, the seeds are all there
            long documents = documents(base);
            assertThat(up.body()).contains("\"status\":\"UP\"");
            assertThat(documents).as("documents at the first UP").isEqualTo(SampleLoader.samples().length).isGreaterThan(0);
            // before: nothing but "no connection" and 503 OUT_OF_SERVICE, and Tomcat did answer before the seeds were in
            assertThat(before).allSatisfy(s -> assertThat(s).matches("no connection|503 .*\"status\":\"OUT_OF_SERVICE\".*"));
            assertThat(before).as("readiness answered before it was UP").anySatisfy(s -> assertThat(s).startsWith("503 "));
            assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("perfgraph ready:");
        } finally {
            child.destroy();
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The service's main() with the main classes and dependencies only (not the test classes and resources). */
    private Process start(int port, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.endsWith("test-classes") && !e.endsWith("test-classes" + File.separator))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = List.of(java, "-Xmx768m", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
                "-cp", classpath, "org.perfgraph.PerfgraphApplication");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PERFGRAPH_DATA_DIR", temp.resolve("store").toString());
        pb.environment().put("PERFGRAPH_BOLT_PORT", "0");
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        pb.environment().put("PERFGRAPH_LOAD_SAMPLES", "true");
        pb.environment().remove("PERFGRAPH_READ_KEYS");
        return pb.start();
    }

    /** The probe's answer, or null while nothing listens on the port yet. */
    private static HttpResponse<String> readiness(String base) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    private static long documents(String base) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ documents { totalCount } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(r.body()).path("data").path("documents").path("totalCount").asLong(-1);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
