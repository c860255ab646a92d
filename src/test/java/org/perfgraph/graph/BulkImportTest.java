package org.perfgraph.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.perfgraph.GraphTest;
import org.perfgraph.ingest.ImportOptions;
import org.perfgraph.support.EmbeddedNeo4j;
import org.perfgraph.support.StoreSessions;
import org.perfgraph.support.TransactionMemory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code import --bulk}: documents of several layouts and file kinds, one unreadable file and one name given twice,
 * go through the bulk reader and Neo4j's offline importer into a new store; each imported document must be stored
 * exactly as the transactional import stores it in the shared store (every property of the document, its projects,
 * units, statements, targets with their links, source lines, diagnostics), the stored counts must be what the graph
 * says, every document must have its IMPORT history entry, and the bad files must be refused by name with nothing
 * of them stored.
 */
class BulkImportTest extends GraphTest {

    private static final String PREFIX = "bulk-eq-";

    private static final List<String> FIXTURES = List.of(
            "src/main/resources/samples/000_4081c7b18e37fcb4.txt",
            "src/main/resources/samples/003_97f8f01bbb414fd2.txt",
            "src/test/resources/layouts/tab-self-assessment.txt",
            "src/test/resources/layouts/header-direction-notes.csv",
            "src/test/resources/layouts/tab-period-annual.txt",
            "src/test/resources/files/targets.xls",
            "src/test/resources/files/portal-two-tables.html");

    /** One document as stored (lists are put in order by {@link #canonical}). */
    private static final String DUMP = """
            MATCH (d:Document {name: $name})
            RETURN properties(d) AS document,
              [(d)<-[r:DECLARED_IN]-(p:Project) | {props: properties(p), line: r.line,
                 unit: [(u:Unit)-[:HAS_PROJECT]->(p) | u {.id, .key, .code, .name, .region}],
                 states: [(p)-[s:STATES]->(x:Text) | {props: properties(s), text: x {.id, .key, .text, .normalized, .length, .signature, .bands}}],
                 targets: [(p)-[:HAS_TARGET]->(t:Target) | {props: properties(t),
                    indicator: [(t)-[:MEASURES]->(i) | i {.id, .key, .code, .coded, .normalizedName}],
                    level1: [(t)-[:LEVEL1]->(c) | c {.id, .key, .name, .level, .code, under: [(c)-[:UNDER]->(q) | q.key]}],
                    level2: [(t)-[:LEVEL2]->(c) | c {.id, .key, .name, .level, .code, under: [(c)-[:UNDER]->(q) | q.key]}],
                    source: [(t)-[:SOURCE]->(s) | s.id]}]}] AS projects,
              [(d)-[:HAS_LINES]->(l) | properties(l)] AS lines,
              [(d)-[:NOTED]->(l) | properties(l)] AS diagnostics,
              COLLECT { MATCH (c:Change {entityId: d.id}) RETURN c {.operation, .by, .entityKind} } AS history""";

    @Autowired
    DocumentImporter importer;

    @Autowired
    ObjectProvider<GraphWriter.Hook> hooks;

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void a_bulk_store_holds_each_document_as_the_transactional_import_does_and_refuses_bad_files_by_name() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        List<String> names = new ArrayList<>();
        for (String fixture : FIXTURES) {
            Path source = Path.of(fixture);
            String name = PREFIX + source.getFileName();
            Files.copy(source, in.resolve(name));
            names.add(name);
        }
        Files.writeString(in.resolve(PREFIX + "broken.xlsx"), "PK\u0003\u0004 not a workbook at all");
        Path again = Files.createDirectories(in.resolve("again"));
        Files.copy(Path.of(FIXTURES.get(0)), again.resolve(names.get(0)));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        BulkImport bulk = new BulkImport(dir.resolve("work"), ImportOptions.NONE);
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            bulk.readAll(BulkImport.expand(List.of(in.toString())), 2, o, e);
        }
        String refusals = err.toString(StandardCharsets.UTF_8);
        assertThat(bulk.refused()).isEqualTo(2);
        assertThat(refusals).contains("refused: " + PREFIX + "broken.xlsx");
        assertThat(refusals).contains("refused: " + names.get(0) + ": a document of that name is already in this import");
        assertThat(bulk.documents()).extracting(d -> d.written().name()).containsExactlyInAnyOrderElementsOf(names);

        Path store = dir.resolve("store");
        BulkStore.load(store, bulk.finish(), false, store.resolve("logs").resolve("bulk-import.log"));

        try {
            for (String name : names) {
                importer.importDocument(name, Files.readAllBytes(in.resolve(name)), false);
            }
            try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(store, 0, 64);
                 Driver bulkDriver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none())) {
                new GraphWriter(new StoreSessions(bulkDriver), hooks, new TransactionMemory(true, 0)).completeBulk(bulk.documents());
                long targets = 0;
                for (String name : names) {
                    Map<String, Object> stored = dump(driver, name);
                    Map<String, Object> built = dump(bulkDriver, name);
                    assertThat(built).as(name).isEqualTo(stored);
                    targets += ((List<?>) built.get("projects")).stream()
                            .mapToLong(p -> ((List<?>) ((Map<?, ?>) p).get("targets")).size()).sum();
                    assertThat((List<Object>) built.get("history")).as(name)
                            .containsExactly(Map.of("operation", "IMPORT", "by", "system", "entityKind", "Document"));
                }
                assertThat(targets).isEqualTo(bulk.targetRows()).isGreaterThan(200);
                try (var session = bulkDriver.session()) {
                    assertThat(session.run("MATCH (d:Document) RETURN count(d) AS n").single().get("n").asLong())
                            .isEqualTo(names.size());
                    assertCountsAgreeWithTheGraph(session);
                }
            }
            assertThatThrownBy(() -> BulkStore.requireNew(store))
                    .hasMessageContaining("is not empty (" + names.size() + " documents")
                    .hasMessageContaining("PERFGRAPH_DATA_DIR");
        } finally {
            names.forEach(this::removeImported);
        }
    }

    /** The stored counts the bulk import wrote, against the graph they count (some shared by several documents). */
    private static void assertCountsAgreeWithTheGraph(org.neo4j.driver.Session session) {
        var indicators = session.run("""
                MATCH (i:Indicator)
                OPTIONAL MATCH (i)<-[:MEASURES]-(:Target)<-[:HAS_TARGET]-(p:Project)-[:DECLARED_IN]->(d:Document)
                WITH i, count(DISTINCT p) AS projects, count(DISTINCT d) AS documents
                RETURN count(i) AS all, sum(CASE WHEN i.documentCount > 1 THEN 1 ELSE 0 END) AS shared,
                       [x IN collect(CASE WHEN i.projectCount <> projects OR i.documentCount <> documents
                                     THEN i.key + ': ' + i.projectCount + '/' + i.documentCount + ' stored, ' + projects + '/' + documents END)
                        WHERE x IS NOT NULL] AS wrong""").single();
        assertThat(indicators.get("wrong").asList()).isEmpty();
        assertThat(indicators.get("shared").asLong()).isPositive();
        var texts = session.run("""
                MATCH (x:Text)
                WITH x, COUNT { MATCH (x)<-[:STATES]-(p:Project) RETURN DISTINCT p } AS projects
                RETURN count(x) AS all, [t IN collect(CASE WHEN x.projectCount <> projects THEN x.key END) WHERE t IS NOT NULL] AS wrong""").single();
        assertThat(texts.get("all").asLong()).isPositive();
        assertThat(texts.get("wrong").asList()).isEmpty();
        var uses = session.run("""
                MATCH (u:Unit)-[:HAS_PROJECT]->(p:Project)-[:HAS_TARGET]->(:Target)-[:MEASURES]->(i:Indicator)
                WITH u, i, count(DISTINCT p) AS projects
                OPTIONAL MATCH (u)-[x:USES]->(i)
                RETURN count(*) AS pairs, COUNT { ()-[:USES]->() } AS stored,
                       [w IN collect(CASE WHEN x IS NULL OR x.projects <> projects THEN i.key END) WHERE w IS NOT NULL] AS wrong""").single();
        assertThat(uses.get("wrong").asList()).isEmpty();
        assertThat(uses.get("stored").asLong()).isEqualTo(uses.get("pairs").asLong());
    }

    private static Map<String, Object> dump(Driver driver, String name) {
        try (var session = driver.session()) {
            Map<String, Object> row = new TreeMap<>(session.run(DUMP, Map.of("name", name)).single().asMap());
            @SuppressWarnings("unchecked")
            Map<String, Object> document = new TreeMap<>((Map<String, Object>) row.get("document"));
            assertThat(document.remove("importedAt")).as(name + " importedAt").isNotNull();
            row.put("document", document);
            return canonical(row);
        }
    }

    /** Maps sorted by key, lists of maps (pattern comprehensions) sorted; arrays of values keep their order. */
    @SuppressWarnings("unchecked")
    private static <T> T canonical(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put((String) k, canonical(v)));
            return (T) sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(canonical(v)));
            if (!out.isEmpty() && out.get(0) instanceof Map) {
                out.sort(Comparator.comparing(String::valueOf));
            }
            return (T) out;
        }
        return value;
    }
}
