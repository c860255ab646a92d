package org.perfgraph.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings are checked before anything starts: one line per problem naming the variable and what it allows, exit
 * code 1, no stack trace, and the embedded database never started.
 */
class SettingsCheckTest {

    @TempDir
    Path temp;

    private Map<String, String> valid() {
        Map<String, String> s = new HashMap<>();
        s.put("perfgraph.neo4j-uri", "");
        s.put("perfgraph.data-dir", temp.resolve("store").toString());
        s.put("perfgraph.bolt-port", "0");
        s.put("perfgraph.page-cache-mb", "256");
        s.put("perfgraph.load-samples", "true");
        s.put("perfgraph.max-page-size", "100");
        s.put("perfgraph.max-query-depth", "15");
        s.put("perfgraph.max-query-complexity", "50000");
        s.put("perfgraph.max-request-bytes", "8388608");
        s.put("perfgraph.max-root-fields", "20");
        s.put("perfgraph.max-order-keys", "8");
        s.put("perfgraph.max-fragment-depth", "10");
        s.put("perfgraph.export-max-rows", "5000000");
        s.put("perfgraph.query-timeout", "10s");
        s.put("perfgraph.cors-origins", "https://dashboard.example.org");
        s.put("perfgraph.editor-keys", "alice:alice-key-123456");
        s.put("perfgraph.read-keys", "");
        s.put("server.port", "0");
        return s;
    }

    private List<String> problems(Map<String, String> settings, boolean http) {
        return SettingsCheck.problems(settings::get, null, http);
    }

    @Test
    void the_defaults_pass() {
        assertThat(problems(valid(), true)).isEmpty();
    }

    @Test
    void every_bad_setting_is_one_sentence_naming_its_variable_and_what_it_allows() throws Exception {
        Map<String, String> s = valid();
        s.put("perfgraph.editor-keys", "alice,bob:short");
        s.put("perfgraph.read-keys", "carol:carol-key-1234,carol:other-key-5678");
        s.put("perfgraph.max-root-fields", "abc");
        s.put("perfgraph.max-order-keys", "0");
        s.put("perfgraph.bolt-port", "70000");
        s.put("perfgraph.query-timeout", "soon");
        s.put("perfgraph.edit-timeout", "0s");
        s.put("perfgraph.max-concurrent-reads", "-1");
        s.put("perfgraph.load-samples", "maybe");
        s.put("perfgraph.compiled-reads", "sometimes");
        s.put("perfgraph.cors-origins", "dashboard.example.org");
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        s.put("perfgraph.data-dir", file.toString());
        assertThat(SettingsCheck.problems(s::get, "many", false)).containsExactlyInAnyOrder(
                "PERFGRAPH_MAX_ORDER_KEYS is 0: allowed is a whole number of at least 1.",
                "PERFGRAPH_MAX_ROOT_FIELDS is 'abc': allowed is a whole number of at least 1.",
                "PERFGRAPH_BOLT_PORT is 70000: allowed is a whole number from 0 to 65535.",
                "PERFGRAPH_IMPORT_THREADS is 'many': allowed is a whole number from 1 to 64.",
                "PERFGRAPH_LOAD_SAMPLES is 'maybe': allowed are true or false.",
                "PERFGRAPH_COMPILED_READS is 'sometimes': allowed are true or false.",
                "PERFGRAPH_QUERY_TIMEOUT is 'soon': allowed is a duration such as 10s, 500ms or 2m.",
                "PERFGRAPH_EDIT_TIMEOUT is '0s': allowed is a positive duration such as 10s, 500ms or 2m.",
                "PERFGRAPH_MAX_CONCURRENT_READS is -1: allowed is a whole number from 0 to 100000.",
                "PERFGRAPH_CORS_ORIGINS holds 'dashboard.example.org': allowed are origins such as https://dashboard.example.org, comma-separated.",
                "PERFGRAPH_EDITOR_KEYS: entry 1 is not name:key (allowed: name:key,name:key)",
                "PERFGRAPH_EDITOR_KEYS: the key of 'bob' is shorter than 8 characters (allowed: keys of 8 or more)",
                "PERFGRAPH_READ_KEYS: the name 'carol' appears twice (allowed: each name once)",
                "PERFGRAPH_DATA_DIR is '" + file + "': a file, not a folder; allowed is a folder this user can write (it is created if missing).");
    }

    /** Above 70 % of the heap the commit of a large document could run out of heap after its log entry is written. */
    @Test
    void the_transaction_memory_is_0_or_between_32_mib_and_70_percent_of_the_heap() {
        Map<String, String> s = valid();
        long heap = Runtime.getRuntime().maxMemory() >> 20;
        long max = (long) (heap * 0.7);
        String allowed = ": allowed is 0 (60 % of the heap) or a whole number from 32 to " + max + " (70 % of this JVM's "
                + heap + " MiB heap; the commit and the service need the rest; a larger heap with -Xmx allows more).";
        for (String ok : List.of("0", "32", String.valueOf(max))) {
            s.put("perfgraph.tx-memory-mb", ok);
            assertThat(problems(s, false)).as(ok).isEmpty();
        }
        s.put("perfgraph.tx-memory-mb", String.valueOf(max + 1));
        assertThat(problems(s, false)).containsExactly("PERFGRAPH_TX_MEMORY_MB is " + (max + 1) + allowed);
        s.put("perfgraph.tx-memory-mb", "8");
        assertThat(problems(s, false)).containsExactly("PERFGRAPH_TX_MEMORY_MB is 8" + allowed);
        s.put("perfgraph.tx-memory-mb", "-1");
        assertThat(problems(s, false)).containsExactly("PERFGRAPH_TX_MEMORY_MB is -1: allowed is a whole number of at least 0.");
    }

    @Test
    void a_key_never_appears_in_a_message() {
        Map<String, String> s = valid();
        s.put("perfgraph.editor-keys", "alice:secret-key-9f8e7d,alice:other-secret-1a2b");
        assertThat(String.join("\n", problems(s, false))).doesNotContain("secret");
    }

    @Test
    void a_taken_port_is_one_line_naming_its_variable() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Map<String, String> s = valid();
            s.put("server.port", String.valueOf(taken.getLocalPort()));
            assertThat(problems(s, true)).containsExactly("SERVER_PORT is " + taken.getLocalPort()
                    + ": the port is in use; allowed is a free port (0 picks one).");
            // the import command serves no HTTP: its SERVER_PORT is not checked
            assertThat(problems(s, false)).isEmpty();
            s.put("server.port", "0");
            s.put("perfgraph.bolt-port", String.valueOf(taken.getLocalPort()));
            assertThat(problems(s, false)).containsExactly("PERFGRAPH_BOLT_PORT is " + taken.getLocalPort()
                    + ": the port is in use on 127.0.0.1; allowed is a free port (0 picks one).");
        }
    }

    @Test
    void an_external_database_needs_a_bolt_or_neo4j_uri_and_no_store_folder() {
        Map<String, String> s = valid();
        s.put("perfgraph.neo4j-uri", "http://db:7474");
        s.put("perfgraph.data-dir", "");
        assertThat(problems(s, false)).containsExactly(
                "NEO4J_URI is 'http://db:7474': allowed is bolt://host:7687 or neo4j://host:7687 (or unset, for the embedded database).");
        s.put("perfgraph.neo4j-uri", "neo4j://db.example.org:7687");
        assertThat(problems(s, false)).isEmpty();
    }

    /** The real main() in a child JVM: it stops before the embedded database starts (no store folder is created). */
    @Test
    void the_service_with_bad_settings_prints_one_line_per_problem_and_exits_1_before_the_database_starts() throws Exception {
        Path store = temp.resolve("never-created");
        try (ServerSocket taken = new ServerSocket(0)) {
            Result r = runMain(Map.of("PERFGRAPH_EDITOR_KEYS", "alice", "PERFGRAPH_MAX_ROOT_FIELDS", "lots",
                    "PERFGRAPH_DATA_DIR", store.toString(), "PERFGRAPH_BOLT_PORT", "0",
                    "SERVER_PORT", String.valueOf(taken.getLocalPort())));
            assertThat(r.exit()).isEqualTo(1);
            // Boot's two INFO lines of every start ("Starting PerfgraphApplication ...") and then only the problems
            assertThat(r.lines()).noneMatch(l -> l.contains("Exception") || l.contains("\tat ") || l.contains(" WARN ")
                    || l.contains(" ERROR "));
            assertThat(r.lines().stream().filter(l -> !l.contains(" INFO ")).toList()).containsExactlyInAnyOrder(
                    "perfgraph did not start: PERFGRAPH_MAX_ROOT_FIELDS is 'lots': allowed is a whole number of at least 1.",
                    "perfgraph did not start: PERFGRAPH_EDITOR_KEYS: entry 1 is not name:key (allowed: name:key,name:key)",
                    "perfgraph did not start: SERVER_PORT is " + taken.getLocalPort()
                            + ": the port is in use; allowed is a free port (0 picks one).");
        }
        assertThat(store).doesNotExist();
    }

    private record Result(int exit, List<String> lines) {
    }

    private Result runMain(Map<String, String> env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.perfgraph.PerfgraphApplication"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("PERFGRAPH_LOAD_SAMPLES", "false");
        File log = temp.resolve("child.log").toFile();
        pb.redirectOutput(log);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the child JVM did not stop: " + Files.readString(log.toPath()));
        }
        List<String> lines = Files.readAllLines(log.toPath(), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        return new Result(p.exitValue(), lines);
    }
}
