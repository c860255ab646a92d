package org.perfgraph;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.neo4j.driver.Driver;
import org.perfgraph.graph.GraphWriter;
import org.perfgraph.support.CypherScripts;
import org.perfgraph.support.Ids;
import org.perfgraph.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every test that needs the running service on a real Neo4j. All share one Spring context (one
 * database start): the seed documents loaded at start-up, HTTP on a random port, Bolt on a random port.
 * Tests that write clean up what they wrote, so the seeds' exact counts hold for every test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"perfgraph.load-samples=true", "perfgraph.editor-keys=" + GraphTest.EDITOR_NAME + ":" + GraphTest.EDITOR_KEY,
                "perfgraph.cors-origins=https://dashboard.example.org",
                // Results, not speed, are asserted here; a loaded 2-core machine must not turn them into timeouts.
                // The timeout itself is tested with its own reader (RequestLimitsTest).
                "perfgraph.query-timeout=120s"})
@AutoConfigureHttpGraphQlTester
public abstract class GraphTest {

    /** The editor key of the shared test context (writes need one: PERFGRAPH_EDITOR_KEYS) and its name. */
    protected static final String EDITOR_NAME = "test-editor";
    protected static final String EDITOR_KEY = "test-editor-key-7f3a9c";

    @Autowired
    protected HttpGraphQlTester graphQl;

    @Autowired
    protected Driver driver;


    @Autowired

    private GraphWriter writer;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.configure(registry);
    }

    @BeforeAll
    static void wipeExternal() {
        // An external NEO4J_URI database is wiped once per JVM, before the context loads the seeds.
        ExternalWipe.once();
    }

    /** A patient client: a loaded 2-core CI machine can take longer than the tester's 5 s default. */
    @org.junit.jupiter.api.BeforeEach
    void patientClient() {
        graphQl = graphQl.mutate().webTestClient(client -> client.responseTimeout(java.time.Duration.ofSeconds(120)))
                .responseTimeout(java.time.Duration.ofSeconds(120)).build();
    }

    /** The tester with the editor key: for mutations and importDocument. */
    protected HttpGraphQlTester editor() {
        return graphQl.mutate().header("Authorization", "Bearer " + EDITOR_KEY).build();
    }

    /** Runs a Cypher statement directly (setup and cleanup in tests), as a write: cached and kept aggregates are dropped. */
    protected void cypher(String statement, Map<String, Object> params) {
        try (var session = driver.session()) {
            session.run(statement, params).consume();
            session.run(CypherScripts.load("support/bump-generation")).consume();
            // a write the service did not make: every document's statistics are read again (explore/StatsCubes)
            session.run("MATCH (d:Document) MERGE (s:DocumentStamp {documentId: d.id}) SET s.value = randomUUID()").consume();
        }
    }

    /** Removes a document a test imported, and the edit history entries its import wrote. */
    protected void removeImported(String name) {
        writer.delete(name);
        cypher("MATCH (c:Change {documentId: $id}) DETACH DELETE c", Map.of("id", Ids.of('D', name)));
    }
}
