package org.perfgraph.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfgraph.PerfgraphApplication;
import org.perfgraph.graph.ImportCommand;
import org.perfgraph.support.StoreFingerprint;

/**
 * {@code backup FILE} and {@code restore FILE} round-trip the sample store through Neo4j's dump format. (That both
 * refuse a store another JVM holds is asserted by {@code ImportCrashTest}, which has such a JVM running.)
 */
class BackupRestoreTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setProperty("perfgraph.bolt-port", "0");
        System.setProperty("perfgraph.neo4j-uri", "");
        System.setProperty("perfgraph.page-cache-mb", "32");
    }

    @AfterEach
    void restoreStreams() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.clearProperty("perfgraph.data-dir");
        System.clearProperty("perfgraph.bolt-port");
        System.clearProperty("perfgraph.neo4j-uri");
        System.clearProperty("perfgraph.page-cache-mb");
    }

    @Test
    void a_backup_of_the_sample_store_restores_to_the_same_graph() throws Exception {
        Path store = work.resolve("store");
        System.setProperty("perfgraph.data-dir", store.toString());
        assertThat(ImportCommand.run(PerfgraphApplication.class, new String[] {
                "src/test/resources/seeds/000_4081c7b18e37fcb4.txt", "src/test/resources/seeds/003_97f8f01bbb414fd2.txt"}))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        StoreFingerprint original = StoreFingerprint.open(store);
        assertThat(original.count("Document")).isEqualTo(2);
        assertThat(original.count("Target")).isEqualTo(214);
        assertThat(original.orphans()).isZero();

        Path dump = work.resolve("perfgraph.dump");
        assertThat(BackupCommand.backup(new String[] {dump.toString()})).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("backup: " + store.toAbsolutePath() + " written to " + dump);
        assertThat(dump).isNotEmptyFile();
        assertThat(dump.resolveSibling("perfgraph.dump.partial")).doesNotExist();
        // a second backup to the same file does not overwrite the first
        err.reset();
        assertThat(BackupCommand.backup(new String[] {dump.toString()})).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("backup refused: " + dump + " exists; name a new file");

        Path restored = work.resolve("restored");
        System.setProperty("perfgraph.data-dir", restored.toString());
        assertThat(BackupCommand.restore(new String[] {dump.toString()})).as(err.toString(StandardCharsets.UTF_8)).isZero();
        StoreFingerprint copy = StoreFingerprint.open(restored);
        assertThat(copy).isEqualTo(original);

        // the restored store now holds a database (and a system database from its first start): not replaced unless told
        err.reset();
        assertThat(BackupCommand.restore(new String[] {dump.toString()})).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("restore refused: the store in "
                + restored.toAbsolutePath() + " holds a database; `restore --force FILE` replaces it").hasLineCount(1);
        assertThat(BackupCommand.restore(new String[] {"--force", dump.toString()})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("replacing the database it held");
        assertThat(StoreFingerprint.open(restored)).isEqualTo(original);
    }

    @Test
    void restore_refuses_a_file_that_is_no_dump_and_backup_a_folder_without_a_store() throws Exception {
        Path notADump = Files.writeString(work.resolve("notes.txt"), "not a dump\n");
        System.setProperty("perfgraph.data-dir", work.resolve("empty").toString());
        assertThat(BackupCommand.restore(new String[] {notADump.toString()})).isEqualTo(1);
        assertThat(BackupCommand.backup(new String[] {work.resolve("x.dump").toString()})).isEqualTo(1);
        assertThat(BackupCommand.restore(new String[] {})).isEqualTo(2);
        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("restore refused: " + notADump + " is not a Neo4j dump")
                .contains("backup refused: there is no store in " + work.resolve("empty"))
                .contains("restore: one FILE to read")
                .doesNotContain("\tat ");
        assertThat(work.resolve("x.dump")).doesNotExist();
    }
}
