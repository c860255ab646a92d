package org.perfgraph.editing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.perfgraph.GraphTest;
import org.perfgraph.graph.GraphWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Imports the editing fixture before each test and removes it, and every change the tests recorded, after. */
abstract class EditingTestSupport extends GraphTest {

    static final String UPDATE_TARGET = """
            mutation($input: UpdateTargetInput!) {
              updateTarget(input: $input) {
                target { id version annual { raw kind comparator number unit normalized } level1 { name } level2 { name } }
                change { id by operation entityId fields before after version }
              }
            }""";

    @Autowired
    GraphWriter writer;

    @BeforeEach
    void importFixture() {
        forget();
        editor().document(EditingFixture.IMPORT).variable("name", EditingFixture.NAME)
                .variable("content", EditingFixture.VERSION_1).execute()
                .path("importDocument.status").entity(String.class).isEqualTo("IMPORTED");
    }

    @AfterEach
    void removeFixture() {
        forget();
    }

    /** Removes the fixture and every change recorded by the test key or about the fixture. */
    void forget() {
        writer.delete(EditingFixture.NAME);
        cypher("MATCH (c:Change) WHERE c.by = $by OR c.documentId = $doc DETACH DELETE c",
                Map.of("by", EDITOR_NAME, "doc", EditingFixture.DOCUMENT_ID));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> stats() {
        return graphQl.document("{ stats { units projects indicators targets texts documents } }").execute()
                .path("stats").entity(Map.class).get();
    }

    /** Runs a mutation and returns its errors (none on success) without failing on them. */
    static List<ResponseError> errors(GraphQlTester.Response response) {
        List<ResponseError> errors = new ArrayList<>();
        response.errors().satisfy(errors::addAll);
        return errors;
    }

    static String classification(List<ResponseError> errors) {
        return errors.isEmpty() ? null : (String) errors.get(0).getExtensions().get("classification");
    }

    long changesCount() {
        return ((Number) EditingFixture.single(driver, "MATCH (c:Change) RETURN count(c) AS v", Map.of())).longValue();
    }

    /** Waits until some transaction waits for a lock (an edit behind a transaction of the test's holding it). */
    void awaitBlockedTransaction() throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            Object blocked = EditingFixture.single(driver, "SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' "
                    + "RETURN count(*) AS v", Map.of());
            if (((Number) blocked).intValue() > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the edit never waited for the target's lock");
    }
}
