package org.perfgraph.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.exceptions.ClientException;
import org.perfgraph.GraphTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What can be checked of the cluster set-up on one server: reads run in read transactions (what a routing driver
 * sends to secondaries), and every session of the instance passes on the bookmarks of its last writes.
 */
class StoreSessionsTest extends GraphTest {

    @Autowired
    StoreSessions sessions;

    @Autowired
    GraphReader reader;

    @Test
    void the_read_api_runs_its_statements_in_read_transactions() {
        assertThatThrownBy(() -> reader.query("CREATE (p:ReadModeProbe) RETURN p", Map.of()))
                .isInstanceOf(ClientException.class).hasMessageContaining("read access mode");
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (p:ReadModeProbe) RETURN count(p) AS n").single().get("n").asLong()).isZero();
        }
    }

    @Test
    void a_write_hands_its_bookmark_to_the_sessions_that_follow() {
        Set<Bookmark> before = sessions.bookmarks();
        try (var session = sessions.writing()) {
            session.executeWrite(tx -> tx.run("CREATE (:BookmarkProbe)").consume());
        }
        Set<Bookmark> afterWrite = sessions.bookmarks();
        assertThat(afterWrite).isNotEmpty().isNotEqualTo(before);

        try (var session = sessions.reading()) {
            session.executeRead(tx -> tx.run("MATCH (p:BookmarkProbe) RETURN count(p) AS n").single());
            // the read started from the write's bookmark and left its own in the shared manager
            assertThat(sessions.bookmarks()).isEqualTo(session.lastBookmarks());
        }
        try (var session = sessions.writing()) {
            session.executeWrite(tx -> tx.run("MATCH (p:BookmarkProbe) DELETE p").consume());
        }
        assertThat(sessions.bookmarks()).isNotEqualTo(afterWrite);
    }
}
