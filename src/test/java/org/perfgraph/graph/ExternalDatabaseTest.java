package org.perfgraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.perfgraph.PerfgraphApplication;
import org.perfgraph.support.EmbeddedNeo4j;

/**
 * The NEO4J_URI path: a Neo4j reached over Bolt that this process did not start (here a separate DBMS on its own
 * store, standing in for a server), with no embedded database started by the application.
 */
class ExternalDatabaseTest {

    @TempDir
    Path work;

    @Test
    void with_a_uri_the_import_writes_to_that_server_and_starts_no_embedded_store() throws Exception {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(work.resolve("server"), 0, 32)) {
            System.setProperty("perfgraph.neo4j-uri", server.boltUri());
            System.setProperty("perfgraph.data-dir", work.resolve("must-stay-empty").toString());
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int exit = ImportCommand.run(PerfgraphApplication.class,
                    new String[] {"src/test/resources/seeds/003_97f8f01bbb414fd2.txt"});
            assertThat(exit).isZero();
            try (var driver = GraphDatabase.driver(server.boltUri(), AuthTokens.none()); var session = driver.session()) {
                assertThat(session.run("MATCH (p:Project) RETURN count(p) AS n").single().get("n").asInt()).isEqualTo(12);
                assertThat(session.run("MATCH (t:Target) RETURN count(t) AS n").single().get("n").asInt()).isEqualTo(152);
            }
            assertThat(work.resolve("must-stay-empty")).doesNotExist();
        } finally {
            System.setOut(originalOut);
            System.clearProperty("perfgraph.neo4j-uri");
            System.clearProperty("perfgraph.data-dir");
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("IMPORTED (FORM, TEXT, DECLARATION) 12 projects, 152 targets");
    }

    @Test
    void an_unreachable_uri_fails_the_command_without_a_stack_trace() {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setProperty("perfgraph.neo4j-uri", "bolt://127.0.0.1:1");
            PrintStream both = new PrintStream(printed, true, StandardCharsets.UTF_8);
            System.setOut(both);
            System.setErr(both);
            int exit = ImportCommand.run(PerfgraphApplication.class, new String[] {"src/test/resources/seeds/000_4081c7b18e37fcb4.txt"});
            assertThat(exit).isEqualTo(2);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
            System.clearProperty("perfgraph.neo4j-uri");
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("cannot be reached").contains("correct NEO4J_URI")
                .doesNotContain("\tat org.");
    }
}
