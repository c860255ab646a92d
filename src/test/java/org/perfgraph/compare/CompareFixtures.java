package org.perfgraph.compare;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.perfgraph.GraphTest;
import org.perfgraph.support.Ids;

/**
 * The comparison fixtures next to the seeds: a 2023 version of the tab seed (targets raised, lowered, reworded,
 * added and removed, a goal text edited, a project renamed and one dropped) and a second unit's 2024 document with
 * the same families at other values. Imported over importDocument before the class, removed with removeDocument
 * after it (with their history entries), so every other test sees the seeds' counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CompareFixtures extends GraphTest {

    static final String SEED = "000_4081c7b18e37fcb4.txt";
    static final String YEAR_2023 = "compare-tab-2023.txt";
    static final String PEER = "compare-peer-unit-2024.txt";

    @BeforeAll
    void importFixtures() {
        // @BeforeAll runs before GraphTest's patient @BeforeEach: the tester would still have its 5 s default
        graphQl = graphQl.mutate().webTestClient(client -> client.responseTimeout(java.time.Duration.ofSeconds(120)))
                .responseTimeout(java.time.Duration.ofSeconds(120)).build();
        importFixture(YEAR_2023, "compare/tab-2023.txt");
        importFixture(PEER, "compare/peer-unit-2024.txt");
    }

    @AfterAll
    void removeFixtures() {
        for (String name : new String[] {YEAR_2023, PEER}) {
            editor().documentName("removeDocument").variable("name", name).execute().path("removeDocument.removed")
                    .entity(Boolean.class).isEqualTo(true);
            cypher("MATCH (c:Change {documentId: $id}) DETACH DELETE c", Map.of("id", Ids.of('D', name)));
        }
    }

    private void importFixture(String name, String resource) {
        editor().documentName("importDocument").variable("name", name).variable("content", read(resource)).execute()
                .path("importDocument.status").entity(String.class).isEqualTo("IMPORTED");
    }

    /** A number of a GraphQL response (floats arrive as BigDecimal). */
    static double num(Object value) {
        return ((Number) value).doubleValue();
    }

    static String read(String resource) {
        try (InputStream in = CompareFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
