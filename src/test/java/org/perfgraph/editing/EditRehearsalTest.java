package org.perfgraph.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The start-up rehearsal of the edit path runs an edit to its end and leaves nothing behind. */
class EditRehearsalTest extends EditingTestSupport {

    @Autowired
    EditRehearsal rehearsal;

    @Test
    void a_rehearsed_edit_runs_on_a_stored_target_and_writes_nothing() {
        Map<String, Object> before = fingerprint();

        String target = rehearsal.rehearse();

        assertThat(target).as("a target was rehearsed on").isNotNull();
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(EditingFixture.single(driver, "MATCH (c:Change {by: 'rehearsal'}) RETURN count(c) AS v", Map.of()))
                .isEqualTo(0L);
    }

    private Map<String, Object> fingerprint() {
        try (var session = driver.session()) {
            return session.run("""
                    MATCH (t:Target) WITH sum(t.version) AS versions, collect(t.annualRaw) AS values
                    OPTIONAL MATCH (g:Generation {name: 'writes'})
                    CALL () { MATCH (c:Change) RETURN count(c) AS changes }
                    CALL () { MATCH (f) WHERE f:FamilyUnit OR f:FamilyValues
                              WITH elementId(f) AS id ORDER BY id RETURN collect(id) AS groups }
                    RETURN versions, values, g.value AS generation, changes, groups""").single().asMap();
        }
    }
}
