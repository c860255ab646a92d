package org.perfgraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.perfgraph.corpus.GenerateCommand;
import org.perfgraph.ingest.DocumentReader;
import org.perfgraph.ingest.ParsedDocument;
import org.perfgraph.support.EmbeddedNeo4j;
import org.perfgraph.support.Ids;

/**
 * The import command killed with SIGKILL ({@link Process#destroyForcibly} on Linux) in a child JVM at three points of
 * a ~3,000-target document's transaction: while its statements run, at its last statement (the commit follows), and
 * right after the commit (its IMPORTED line). Each time the store the kill left opens again without manual steps and
 * holds the document wholly or not at all; then the command imports into that store as usual. The points are read
 * from the child itself (its transactions over its Bolt port, its output lines), not guessed from sleeps.
 */
class ImportCrashTest {

    /** The child's last write statement: its transaction commits right after it. */
    private static final String LAST_STATEMENT = "MERGE (g:Generation {name: 'writes'})";

    @TempDir
    Path work;

    private record Counts(long projects, long targets) {
    }

    @Test
    void an_import_killed_at_any_point_leaves_its_document_wholly_in_or_out_and_the_store_imports_again() throws Exception {
        Path corpus = work.resolve("corpus");
        assertThat(GenerateCommand.run(new String[] {"--targets", "3000", "--per-document", "3000", "--seed", "14",
                "--out", corpus.toString()})).isZero();
        Path other = work.resolve("other");
        assertThat(GenerateCommand.run(new String[] {"--targets", "300", "--per-document", "300", "--seed", "15",
                "--out", other.toString()})).isZero();
        Path document = only(corpus);
        // the generator names every corpus's first document alike: the second needs a name of its own
        Path second = Files.move(only(other), other.resolve("second-document.txt"));
        Counts expected = counts(document);
        assertThat(expected.targets()).isBetween(2500L, 3500L);
        Path store = work.resolve("store");

        // 1. while the document's statements run: killed before the commit, nothing of it is stored
        Child running = Child.importing(store, document);
        running.killWhen(() -> running.transactionRuns("UNWIND $rows"));
        assertThat(stored(store, document)).isEqualTo(new Counts(0, 0));

        // 2. at the transaction's last statement, the commit following within milliseconds: in or out, never part
        Child committing = Child.importing(store, document);
        committing.killWhen(() -> committing.transactionRuns(LAST_STATEMENT) || committing.printed(": IMPORTED"));
        assertThat(stored(store, document)).isIn(new Counts(0, 0), expected);

        // 3. right after the commit (the document's line is printed after it): wholly in
        Child committed = Child.importing(store, document);
        committed.killWhen(() -> committed.printed(": IMPORTED") || committed.printed(": UNCHANGED"));
        assertThat(stored(store, document)).isEqualTo(expected);

        // 4. the store that was killed three times imports as usual
        Child after = Child.importing(store, document, second);
        assertThat(after.finish()).as(after.output()).isZero();
        assertThat(after.output()).contains(document.getFileName() + ": UNCHANGED")
                .contains(second.getFileName() + ": IMPORTED");
        assertThat(stored(store, document)).isEqualTo(expected);
        assertThat(stored(store, second)).isEqualTo(counts(second));
    }

    private static Path only(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> docs = files.filter(f -> f.toString().endsWith(".txt")).toList();
            assertThat(docs).hasSize(1);
            return docs.get(0);
        }
    }

    /** The document's own counts, as the reader reads it. */
    private static Counts counts(Path document) throws IOException {
        ParsedDocument d = new DocumentReader().read(document.getFileName().toString(), Files.readAllBytes(document));
        return new Counts(d.projects().size(), d.targetCount());
    }

    /** Opens the store as the kill left it (recovery runs on open) and counts the document's projects and targets. */
    private static Counts stored(Path store, Path document) {
        String id = Ids.of('D', document.getFileName().toString());
        try (EmbeddedNeo4j db = EmbeddedNeo4j.start(store, 0, 64);
             Driver driver = GraphDatabase.driver(db.boltUri(), AuthTokens.none());
             var session = driver.session()) {
            var row = session.run("OPTIONAL MATCH (p:Project {documentId: $id}) WITH count(p) AS projects "
                    + "OPTIONAL MATCH (t:Target {documentId: $id}) RETURN projects, count(t) AS targets", Map.of("id", id)).single();
            return new Counts(row.get("projects").asLong(), row.get("targets").asLong());
        }
    }

    /** {@code perfgraph import FILE...} in a child JVM on the store, its output read as it comes. */
    private static final class Child {

        private final Process process;
        private final int boltPort;
        private final List<String> lines = new ArrayList<>();
        private Driver driver;

        private Child(Process process, int boltPort) {
            this.process = process;
            this.boltPort = boltPort;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        synchronized (lines) {
                            lines.add(line);
                        }
                    }
                } catch (IOException ignored) {
                    // the child was killed
                }
            }, "import-child-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Child importing(Path store, Path... documents) throws IOException {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            // each child lives for one start and one import of a small document: C1 only and the serial collector
            // start it sooner (the test took 85 s instead of 116 s, A/B at load 2-3)
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", System.getProperty("java.class.path"), "org.perfgraph.PerfgraphApplication", "import"));
            for (Path d : documents) {
                command.add(d.toString());
            }
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("PERFGRAPH_DATA_DIR", store.toString());
            pb.environment().put("PERFGRAPH_BOLT_PORT", String.valueOf(port));
            pb.environment().put("PERFGRAPH_LOAD_SAMPLES", "false");
            pb.environment().remove("NEO4J_URI");
            return new Child(pb.start(), port);
        }

        boolean printed(String text) {
            synchronized (lines) {
                return lines.stream().anyMatch(l -> l.contains(text));
            }
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }

        /** Whether one of the child's transactions is running a statement containing this text (over its Bolt port). */
        boolean transactionRuns(String statement) {
            try {
                if (driver == null) {
                    driver = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.none(),
                            Config.builder().withConnectionTimeout(2, TimeUnit.SECONDS).build());
                }
                try (var session = driver.session()) {
                    return session.run("SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $s RETURN count(*) AS n",
                            Map.of("s", statement)).single().get("n").asLong() > 0;
                }
            } catch (RuntimeException notYetListening) {
                return false;
            }
        }

        /** Kills the child (SIGKILL) as soon as the point is reached; fails if it ends or never gets there. */
        void killWhen(BooleanSupplier point) throws InterruptedException {
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
                while (!point.getAsBoolean()) {
                    assertThat(process.isAlive()).as("the child ended before the point: %s", output()).isTrue();
                    assertThat(System.nanoTime()).as("the child never reached the point: %s", output()).isLessThan(deadline);
                    Thread.sleep(5);
                }
                process.destroyForcibly();
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                close();
            }
        }

        int finish() throws InterruptedException {
            try {
                if (!process.waitFor(240, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("the import did not end: " + output());
                }
                return process.exitValue();
            } finally {
                close();
            }
        }

        private void close() {
            if (driver != null) {
                driver.close();
                driver = null;
            }
            process.destroyForcibly();
        }
    }
}
