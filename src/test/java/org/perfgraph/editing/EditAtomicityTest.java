package org.perfgraph.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** An edit and its history entry are one transaction: a request the client gave up on is wholly applied or not at all. */
class EditAtomicityTest extends EditingTestSupport {

    @Autowired
    EditTransactions transactions;

    @Autowired
    FieldEdits fieldEdits;

    @Test
    void an_edit_whose_transaction_fails_after_the_write_leaves_neither_the_value_nor_a_history_entry() {
        String target = EditingFixture.target(driver, "111900001");
        long changes = changesCount();
        assertThatThrownBy(() -> transactions.write(tx -> {
            Edited edited = fieldEdits.edit(tx, EditableKind.TARGET, target, 1, Map.of("annual", "≥7"), "UPDATE_TARGET",
                    EDITOR_NAME, FieldEdits.Guards.NONE, null);
            assertThat(edited.change()).isNotNull();
            throw new IllegalStateException("the connection went away before the commit");
        })).hasMessageContaining("went away");
        assertThat(EditingFixture.property(driver, target, "annualRaw")).isEqualTo("≥6");
        assertThat(EditingFixture.version(driver, target)).isEqualTo(1);
        assertThat(changesCount()).isEqualTo(changes);
    }

    @Test
    void edits_whose_clients_gave_up_are_each_either_applied_and_in_history_or_not_applied() throws Exception {
        String target = EditingFixture.target(driver, "111900001");
        HttpGraphQlTester impatient = editor().mutate()
                .webTestClient(client -> client.responseTimeout(Duration.ofMillis(15))).responseTimeout(Duration.ofMillis(15)).build();
        for (int i = 0; i < 30; i++) {
            int version = EditingFixture.version(driver, target);
            try {
                impatient.document(UPDATE_TARGET).variable("input",
                        Map.of("id", target, "expectedVersion", version, "annual", "≥" + (100 + i))).execute();
            } catch (RuntimeException | AssertionError gaveUp) {
                // the client stopped waiting; the server goes on with the request or not
            }
        }
        // wait until the requests still running on the server are done
        int settled = -1;
        for (int i = 0; i < 100 && settled != EditingFixture.version(driver, target); i++) {
            settled = EditingFixture.version(driver, target);
            Thread.sleep(200);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = graphQl.documentName("entityHistory").variable("id", target).execute()
                .path("history").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        int version = EditingFixture.version(driver, target);
        assertThat(history).as("one history entry per applied edit").hasSize(version - 1);
        String previous = "≥6";
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).get("version")).isEqualTo(i + 2);
            assertThat(((Map<?, ?>) history.get(i).get("before")).get("annual")).isEqualTo(previous);
            previous = (String) ((Map<?, ?>) history.get(i).get("after")).get("annual");
        }
        assertThat(EditingFixture.property(driver, target, "annualRaw")).isEqualTo(previous);
    }
}
