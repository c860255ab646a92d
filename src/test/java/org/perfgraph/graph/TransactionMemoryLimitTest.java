package org.perfgraph.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.perfgraph.corpus.GenerateCommand;
import org.perfgraph.ingest.DocumentReader;
import org.perfgraph.ingest.ImportOptions;
import org.perfgraph.ingest.ImportRejectedException;
import org.perfgraph.ingest.ParsedDocument;
import org.perfgraph.support.EmbeddedNeo4j;
import org.perfgraph.support.StoreSessions;
import org.perfgraph.support.TransactionMemory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * An embedded database of its own with PERFGRAPH_TX_MEMORY_MB at 32: a generated 3,000-target document needs more
 * than that in its one transaction (10-25 KiB per target row; a 100,000-target document needs 1.8-2.4 GiB), so Neo4j's
 * memory tracker stops it while the transaction is open; the write is refused by the document's name with the
 * setting to change, and the store holds nothing of it. A seed document of a few hundred targets fits, so the limit
 * stops what is too large and nothing else.
 */
class TransactionMemoryLimitTest {

    @TempDir
    Path dir;

    @Test
    void a_document_too_large_for_the_transaction_memory_is_refused_by_name_with_the_setting_and_nothing_is_stored()
            throws Exception {
        Path corpus = dir.resolve("corpus");
        assertThat(GenerateCommand.run(new String[] {"--targets", "3000", "--per-document", "3000", "--seed", "21",
                "--out", corpus.toString()})).isZero();
        Path file;
        try (var files = Files.list(corpus)) {
            file = files.findFirst().orElseThrow();
        }
        DocumentReader reader = new DocumentReader();
        ParsedDocument large = reader.read("large.txt", Files.readAllBytes(file), ImportOptions.NONE);
        ParsedDocument seed = reader.read("seed.txt",
                Files.readAllBytes(Path.of("src/main/resources/samples/000_4081c7b18e37fcb4.txt")), ImportOptions.NONE);
        assertThat(large.targetCount()).isEqualTo(3000);
        assertThat(seed.targetCount()).isBetween(50, 500);

        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dir.resolve("store"), 0, 32, 32);
             Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
            try (var session = driver.session()) {
                // the lookups the write statements match by, as the service's schema has them
                for (String index : List.of("Document(id)", "Project(id)", "Indicator(key)", "Category(key)", "Unit(key)", "Text(key)")) {
                    session.run("CREATE INDEX IF NOT EXISTS FOR (n:" + index.replace("(", ") ON (n.")).consume();
                }
                session.run("CALL db.awaitIndexes(60)").consume();
            }
            GraphWriter writer = new GraphWriter(new StoreSessions(driver),
                    new DefaultListableBeanFactory().getBeanProvider(GraphWriter.Hook.class), new TransactionMemory(true, 32));

            assertThatThrownBy(() -> writer.write(large))
                    .isInstanceOf(ImportRejectedException.class)
                    .hasMessageStartingWith("large.txt: its 3,000 target rows (" + large.projects().size() + " projects)")
                    .hasMessageContaining("than the database allows: PERFGRAPH_TX_MEMORY_MB, now 32 MiB (of the")
                    .hasMessageEndingWith("nothing of it was stored");
            assertThatThrownBy(() -> writer.dryRun(large, "system", false))
                    .isInstanceOf(ImportRejectedException.class)
                    .hasMessageContaining("PERFGRAPH_TX_MEMORY_MB");
            assertThat(counts(driver)).containsExactly(0L, 0L, 0L);

            assertThat(writer.write(seed)).isEqualTo(GraphWriter.Outcome.IMPORTED);
            assertThat(counts(driver)).containsExactly(1L, (long) seed.projects().size(), (long) seed.targetCount());
        }
    }

    /** Documents, projects and targets stored. */
    private static List<Long> counts(Driver driver) {
        try (var session = driver.session()) {
            return session.run("""
                    RETURN COUNT { (:Document) } AS documents, COUNT { (:Project) } AS projects,
                           COUNT { (:Target) } AS targets""")
                    .single().values().stream().map(v -> v.asLong()).toList();
        }
    }
}
