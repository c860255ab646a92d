package org.perfgraph.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** An edit and its history entry are one transaction: a request the client gave up on is wholly applied or not at all. */
class EditAtomicityTest extends EditingTestSupport {

    @Autowired
    EditTransactions transactions;

    @Autowired
    FieldEdits fieldEdits;

    @LocalServerPort
    int port;

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

    @Test
    void an_edit_whose_client_closed_its_socket_before_the_answer_is_applied_and_in_history() throws Exception {
        String target = EditingFixture.target(driver, "111900001");
        long changes = changesCount();
        byte[] request = post(UPDATE_TARGET_BODY.formatted(target));
        try (Session session = driver.session(); Transaction holder = session.beginTransaction()) {
            // the test holds the target's lock, so the edit is inside its transaction when the client hangs up
            holder.run("MATCH (t:Target {id: $id}) SET t.editLock = true REMOVE t.editLock", Map.of("id", target)).consume();
            try (Socket client = new Socket("127.0.0.1", port)) {
                client.getOutputStream().write(request);
                client.getOutputStream().flush();
                awaitBlockedTransaction();
            }
            holder.rollback();
        }
        for (int i = 0; i < 1200 && EditingFixture.version(driver, target) == 1; i++) {
            Thread.sleep(50);
        }
        assertThat(EditingFixture.version(driver, target)).as("the server finished the edit it had begun").isEqualTo(2);
        assertThat(EditingFixture.property(driver, target, "annualRaw")).isEqualTo("≥7");
        assertThat(changesCount()).isEqualTo(changes + 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = graphQl.documentName("entityHistory").variable("id", target).execute()
                .path("history").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("version")).isEqualTo(2);
        assertThat(((Map<?, ?>) history.get(0).get("after")).get("annual")).isEqualTo("≥7");
    }

    @Test
    void an_edit_whose_client_hung_up_in_the_middle_of_its_body_is_not_applied() throws Exception {
        String target = EditingFixture.target(driver, "111900001");
        long changes = changesCount();
        byte[] request = post(UPDATE_TARGET_BODY.formatted(target));
        try (Socket client = new Socket("127.0.0.1", port)) {
            OutputStream out = client.getOutputStream();
            out.write(request, 0, request.length - 40);
            out.flush();
        }
        // the same edit from a client that waits: based on version 1, so it is applied only if the cut one was not
        editor().document(UPDATE_TARGET).variable("input", Map.of("id", target, "expectedVersion", 1, "annual", "≥8"))
                .execute().path("updateTarget.change.version").entity(Integer.class).isEqualTo(2);
        assertThat(EditingFixture.property(driver, target, "annualRaw")).isEqualTo("≥8");
        assertThat(changesCount()).isEqualTo(changes + 1);
    }

    private static final String UPDATE_TARGET_BODY = """
            {"query": "mutation($input: UpdateTargetInput!) { updateTarget(input: $input) { change { version } } }",
             "variables": {"input": {"id": "%s", "expectedVersion": 1, "annual": "≥7"}}}""";

    /** A raw HTTP/1.1 POST of the body to /graphql with the editor key. */
    private byte[] post(String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + EDITOR_KEY + "\r\nContent-Length: " + content.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(content, 0, all, headBytes.length, content.length);
        return all;
    }
}
