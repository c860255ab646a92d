package org.perfgraph.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.perfgraph.GraphTest;
import org.perfgraph.ingest.Fuzz;
import org.perfgraph.ingest.FuzzFixtures;
import org.perfgraph.ingest.Mutations;
import org.perfgraph.ingest.Mutations.Mutant;
import org.perfgraph.support.StoreFingerprint;
import org.springframework.graphql.ResponseError;

/**
 * importDocument over GraphQL with damaged versions of the seed and layout documents (the damage of
 * {@link Mutations}): never INTERNAL_ERROR, a refusal is BAD_USER_INPUT naming the document, and after a refusal or a
 * dry run the graph is exactly as before ({@link StoreFingerprint}: every node, relationship and property). What
 * imports is removed again.
 */
class ImportFuzzTest extends GraphTest {

    private static final String NAME = "fuzz-import.txt";

    @Test
    void damaged_documents_are_imported_or_refused_and_a_refusal_changes_nothing() {
        List<FuzzFixtures.Fixture> fixtures = FuzzFixtures.text().stream()
                .filter(f -> f.whole().document() != null && f.bytes().length < 100_000).toList();
        // each case is a round trip through the service and the database: a tenth of the reader's cases
        Fuzz.Run run = Fuzz.run("graphql", Math.max(24, Fuzz.tries(240) / 10),
                r -> generate(fixtures, r), this::importCase);
        assertThat(run.failures()).as(run::report).isEmpty();
    }

    private static Mutant generate(List<FuzzFixtures.Fixture> fixtures, Random r) {
        FuzzFixtures.Fixture f = fixtures.get(r.nextInt(fixtures.size()));
        return r.nextInt(4) == 0 ? Mutations.bytes(f, r) : Mutations.text(f, r);
    }

    private Fuzz.Case importCase(Mutant m) {
        List<String> violations = new ArrayList<>();
        String before = fingerprint();
        boolean dryRun = (m.bytes().length & 1) == 0;
        var response = editor().documentName("importFile").variable("name", NAME)
                .variable("contentBase64", Base64.getEncoder().encodeToString(m.bytes()))
                .variable("dryRun", dryRun).execute();
        List<ResponseError> errors = new ArrayList<>();
        response.errors().satisfy(errors::addAll);
        boolean refused = !errors.isEmpty();
        for (ResponseError e : errors) {
            Object classification = e.getExtensions().get("classification");
            if (!"BAD_USER_INPUT".equals(classification)) {
                violations.add("crash: " + classification + ": " + e.getMessage());
            } else if (e.getMessage() == null || !e.getMessage().contains(NAME)) {
                violations.add("crash: the refusal does not name the document: " + e.getMessage());
            }
        }
        if (refused || dryRun) {
            String after = fingerprint();
            if (!after.equals(before)) {
                violations.add("changed: the graph fingerprint went from " + before + " to " + after + " after "
                        + (refused ? "a refusal" : "a dry run"));
            }
        } else {
            String status = response.path("importDocument.status").entity(String.class).get();
            if (!List.of("IMPORTED", "REPLACED").contains(status)) {
                violations.add("status: " + status);
            }
            removeImported(NAME);
        }
        return new Fuzz.Case(violations, refused);
    }

    /** Counts per label and type and a hash of every node and relationship with its properties. */
    private String fingerprint() {
        return StoreFingerprint.of(driver).toString();
    }
}
