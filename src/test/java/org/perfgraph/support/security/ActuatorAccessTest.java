package org.perfgraph.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * With PERFGRAPH_READ_KEYS set, /actuator needs a key like any read (the shared test context has no read keys, so
 * the filter is driven here with its own keys; OperationsTest covers the open case over HTTP).
 */
class ActuatorAccessTest {

    private final ActuatorAccess.ActuatorFilter filter = new ActuatorAccess.ActuatorFilter(
            new AccessKeys("editor:editor-key-12345", "reader:reader-key-12345"));

    private record Outcome(int status, MockFilterChain chain) {
    }

    private Outcome call(String path, String key) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (key != null) {
            request.addHeader("Authorization", "Bearer " + key);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return new Outcome(response.getStatus(), chain);
    }

    @Test
    void health_and_metrics_need_a_key_when_read_keys_are_set() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/prometheus", "/actuator"}) {
            Outcome anonymous = call(path, null);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.chain().getRequest()).as(path).isNull();
        }
        assertThat(call("/actuator/health", "wrong-key-000000").status()).isEqualTo(401);
    }

    @Test
    void a_key_holder_is_the_principal_so_health_shows_the_details() throws Exception {
        Outcome reader = call("/actuator/health", "reader-key-12345");
        assertThat(reader.status()).isEqualTo(200);
        assertThat(((jakarta.servlet.http.HttpServletRequest) reader.chain().getRequest()).getUserPrincipal().getName()).isEqualTo("reader");
    }

    @Test
    void the_probes_stay_open_and_say_only_up_or_not() throws Exception {
        Outcome probe = call("/actuator/health/readiness", null);
        assertThat(probe.status()).isEqualTo(200);
        assertThat(((jakarta.servlet.http.HttpServletRequest) probe.chain().getRequest()).getUserPrincipal()).isNull();
        assertThat(call("/actuator/health/liveness", null).chain().getRequest()).isNotNull();
    }
}
