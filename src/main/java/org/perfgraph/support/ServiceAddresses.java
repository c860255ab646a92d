package org.perfgraph.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One log line once the service is ready (after the seed documents are loaded): where GraphQL, GraphiQL, the
 * dashboard, health, metrics and Bolt are, with the ports actually bound.
 */
@Component
class ServiceAddresses {

    private static final Logger log = LoggerFactory.getLogger(ServiceAddresses.class);

    private final PerfgraphProperties properties;
    private final ObjectProvider<EmbeddedNeo4j> embedded;

    ServiceAddresses(PerfgraphProperties properties, ObjectProvider<EmbeddedNeo4j> embedded) {
        this.properties = properties;
        this.embedded = embedded;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return; // the import command: no HTTP
        }
        log.info(line(web));
    }

    /** The ready line of this service: its HTTP port as bound, and its database. */
    String line(WebServerApplicationContext web) {
        String address = web.getEnvironment().getProperty("server.address");
        String host = address == null || address.isBlank() || address.equals("0.0.0.0") ? "localhost" : address;
        return line("http://" + host + ":" + web.getWebServer().getPort(), bolt());
    }

    private String bolt() {
        EmbeddedNeo4j neo4j = embedded.getIfAvailable();
        if (neo4j != null) {
            return neo4j.boltUri() + " (embedded, store " + neo4j.directory() + ")";
        }
        String uri = properties.neo4jUri() == null ? "" : properties.neo4jUri().strip();
        // a URI may carry user:password@; never log it
        return uri.replaceFirst("//[^/@]*@", "//") + " (NEO4J_URI)";
    }

    static String line(String base, String bolt) {
        return "perfgraph ready: GraphQL " + base + "/graphql, GraphiQL " + base + "/graphiql, dashboard " + base
                + "/dashboard, health " + base + "/actuator/health, metrics " + base + "/actuator/prometheus, Bolt " + bolt;
    }
}
