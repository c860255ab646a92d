package org.perfgraph.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

/** The embedded DBMS as a user meets it: Bolt on loopback, a store that survives restarts, clear failures. */
class EmbeddedNeo4jTest {

    @TempDir
    Path store;

    @Test
    void store_survives_a_restart_and_is_reachable_over_bolt() throws IOException {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(store, 0, 32)) {
            assertThat(neo4j.boltPort()).isPositive();
            try (var driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none()); var session = driver.session()) {
                session.run("CREATE (:Marker {name: 'kept'})").consume();
            }
        }
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(store, 0, 32);
             var driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
             var session = driver.session()) {
            assertThat(session.run("MATCH (m:Marker) RETURN m.name AS name").single().get("name").asString()).isEqualTo("kept");
        }
        // A clean shutdown leaves nothing to recover: the second start's log reports no recovery.
        String debugLog = Files.readString(store.resolve("logs/debug.log"));
        assertThat(debugLog).doesNotContain("Recovery completed");
    }

    @Test
    void a_second_process_on_the_same_store_gets_a_clear_message() {
        try (EmbeddedNeo4j first = EmbeddedNeo4j.start(store, 0, 32)) {
            assertThatThrownBy(() -> EmbeddedNeo4j.start(store, 0, 32))
                    .isInstanceOf(DatabaseStartupException.class)
                    .hasMessageContaining("locked by another process")
                    .satisfies(e -> assertThat(((DatabaseStartupException) e).action()).contains("PERFGRAPH_DATA_DIR"));
        }
    }

    @Test
    void a_taken_bolt_port_names_the_setting_to_change() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedNeo4j.start(store, taken.getLocalPort(), 32))
                    .isInstanceOf(DatabaseStartupException.class)
                    .hasMessageContaining("Bolt port " + taken.getLocalPort())
                    .satisfies(e -> assertThat(((DatabaseStartupException) e).action()).contains("PERFGRAPH_BOLT_PORT"));
        }
    }

    @Test
    void an_unwritable_data_folder_names_the_setting_to_change() throws IOException {
        Path file = Files.writeString(store.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> EmbeddedNeo4j.start(file.resolve("store"), 0, 32))
                .isInstanceOf(DatabaseStartupException.class)
                .satisfies(e -> assertThat(((DatabaseStartupException) e).action()).contains("PERFGRAPH_DATA_DIR"));
    }
}
