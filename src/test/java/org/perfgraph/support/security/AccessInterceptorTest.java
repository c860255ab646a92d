package org.perfgraph.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import graphql.ExecutionResult;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The access gate on its own, with read keys configured (the shared test context has only an editor key): which
 * requests reach execution, with which caller, and which are refused with which classification.
 */
class AccessInterceptorTest {

    private static final String EDITOR = "alice:alice-key-0001";
    private static final String READER = "bob:bob-key-000002,carol:carol-key-0003";

    private final AccessInterceptor gate = new AccessInterceptor(new AccessProperties(EDITOR, READER));
    private final AccessInterceptor openReads = new AccessInterceptor(new AccessProperties(EDITOR, null));

    /** What the gate did: the caller passed on to execution, or the refusal's classification. */
    private record Outcome(Caller caller, String refusal, String message) {
    }

    private static Outcome send(AccessInterceptor interceptor, String authorization, String document) {
        HttpHeaders headers = new HttpHeaders();
        if (authorization != null) {
            headers.add(HttpHeaders.AUTHORIZATION, authorization);
        }
        WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), headers,
                new LinkedMultiValueMap<>(), null, Map.of(), Map.of("query", document), "1", Locale.ROOT);
        AtomicReference<Caller> passed = new AtomicReference<>();
        WebGraphQlResponse response = interceptor.intercept(request, r -> {
            var input = r.toExecutionInput();
            passed.set(input.getGraphQLContext().get(Caller.CONTEXT_KEY));
            return reactor.core.publisher.Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(input,
                    ExecutionResult.newExecutionResult().data(Map.of()).build())));
        }).block();
        List<ResponseError> errors = response.getErrors();
        if (errors.isEmpty()) {
            return new Outcome(passed.get(), null, null);
        }
        assertThat(passed.get()).as("a refused request must not reach execution").isNull();
        return new Outcome(null, (String) errors.get(0).getExtensions().get("classification"), errors.get(0).getMessage());
    }

    @Test
    void with_read_keys_set_a_read_without_a_key_is_unauthorized() {
        assertThat(send(gate, null, "{ stats { units } }").refusal()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void a_read_key_reads_and_its_name_is_the_caller() {
        Outcome outcome = send(gate, "Bearer carol-key-0003", "{ stats { units } }");
        assertThat(outcome.caller()).isEqualTo(new Caller("carol", Caller.Role.READER));
    }

    @Test
    void a_read_key_used_for_a_mutation_is_forbidden() {
        Outcome outcome = send(gate, "Bearer bob-key-000002", "mutation { revertChange(input: {id: \"x\"}) { change { id } } }");
        assertThat(outcome.refusal()).isEqualTo("FORBIDDEN");
        assertThat(outcome.message()).contains("bob").doesNotContain("bob-key-000002");
    }

    @Test
    void an_editor_key_writes_and_reads() {
        assertThat(send(gate, "Bearer alice-key-0001", "mutation M { revertChange(input: {id: \"x\"}) { change { id } } }").caller())
                .isEqualTo(new Caller("alice", Caller.Role.EDITOR));
        assertThat(send(gate, "bearer alice-key-0001", "{ stats { units } }").caller().name()).isEqualTo("alice");
    }

    @Test
    void without_read_keys_reads_are_open_and_writes_still_need_an_editor_key() {
        assertThat(send(openReads, null, "{ stats { units } }").caller()).isEqualTo(Caller.ANONYMOUS);
        assertThat(send(openReads, null, "mutation { revertChange(input: {id: \"x\"}) { change { id } } }").refusal())
                .isEqualTo("UNAUTHORIZED");
    }

    @Test
    void an_unknown_key_or_a_header_that_is_not_bearer_is_unauthorized_even_for_open_reads() {
        assertThat(send(openReads, "Bearer alice-key-0002", "{ stats { units } }").refusal()).isEqualTo("UNAUTHORIZED");
        assertThat(send(openReads, "Basic YWxpY2U6eA==", "{ stats { units } }").refusal()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void the_operation_named_by_operation_name_decides_and_a_mutation_hidden_among_queries_counts() {
        String both = "query Q { stats { units } } mutation M { revertChange(input: {id: \"x\"}) { change { id } } }";
        assertThat(AccessInterceptor.operation(both, "Q")).hasToString("QUERY");
        assertThat(AccessInterceptor.operation(both, "M")).hasToString("MUTATION");
        assertThat(AccessInterceptor.operation(both, null)).hasToString("MUTATION");
        assertThat(AccessInterceptor.operation("mutation { broken", null)).hasToString("MUTATION");
        // remembered per document and operation name: the same document asked for another operation is told apart
        for (int round = 0; round < 2; round++) {
            assertThat(gate.remembered(both, "Q")).hasToString("QUERY");
            assertThat(gate.remembered(both, "M")).hasToString("MUTATION");
            assertThat(gate.remembered(both, null)).hasToString("MUTATION");
        }
        // and bounded: distinct documents past the limit start the memo over, answers unchanged
        for (int i = 0; i <= AccessInterceptor.MAX_REMEMBERED; i++) {
            assertThat(gate.remembered("query Q" + i + " { stats { units } }", null)).hasToString("QUERY");
        }
        assertThat(gate.remembered(both, "M")).hasToString("MUTATION");
    }

    @Test
    void a_malformed_key_list_is_refused_at_start_up_without_showing_the_key() {
        assertThatThrownBy(() -> new AccessKeys("alice", null)).hasMessageContaining("entry 1 is not name:key");
        assertThatThrownBy(() -> new AccessKeys("alice:x1y2", null))
                .hasMessageContaining("alice").hasMessageNotContaining("x1y2");
        assertThatThrownBy(() -> new AccessKeys("alice:alice-key-0001,alice:alice-key-0002", null))
                .hasMessageContaining("appears twice");
    }
}
