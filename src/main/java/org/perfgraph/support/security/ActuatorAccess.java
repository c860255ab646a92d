package org.perfgraph.support.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The read rule of the GraphQL gate for /actuator: with PERFGRAPH_READ_KEYS set, health and metrics need a key
 * like any read (the probes {@code /actuator/health/liveness} and {@code /readiness}, which say UP or not and
 * nothing else, stay open for orchestrators). A caller with a valid key is the request's principal, so health
 * shows its details (store folder, Bolt address, disk) to key holders only ({@code show-details: when-authorized}).
 */
@Configuration(proxyBeanMethods = false)
class ActuatorAccess {

    static final Set<String> PROBES = Set.of("/actuator/health/liveness", "/actuator/health/readiness");

    @Bean
    FilterRegistrationBean<ActuatorFilter> actuatorAccessFilter(AccessProperties properties) {
        var registration = new FilterRegistrationBean<>(new ActuatorFilter(new AccessKeys(properties.editorKeys(), properties.readKeys())));
        registration.addUrlPatterns("/actuator", "/actuator/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    static final class ActuatorFilter extends OncePerRequestFilter {
        private final AccessKeys keys;

        ActuatorFilter(AccessKeys keys) {
            this.keys = keys;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Optional<Caller> caller = keys.identify(request.getHeader("Authorization"));
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean probe = PROBES.contains(path);
            var refusal = keys.refusal(caller, graphql.language.OperationDefinition.Operation.QUERY);
            if (refusal.isPresent() && !(probe && caller.isPresent())) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/json");
                response.getOutputStream().write(("{\"error\":\"" + refusal.get().getMessage().replace("\"", "'")
                        + "\"}").getBytes(StandardCharsets.UTF_8));
                return;
            }
            Caller who = caller.orElseThrow();
            if (who.role() == Caller.Role.NONE) {
                chain.doFilter(request, response);
                return;
            }
            Principal principal = who::name;
            chain.doFilter(new HttpServletRequestWrapper(request) {
                @Override
                public Principal getUserPrincipal() {
                    return principal;
                }
            }, response);
        }
    }
}
