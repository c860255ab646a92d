package org.perfgraph.support;

import java.net.URI;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Chooses the database: {@code NEO4J_URI} when set, else an embedded Neo4j started here. Either way Boot's driver,
 * Spring Data Neo4j and the Neo4jClient are pointed at it through one {@link Neo4jConnectionDetails}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PerfgraphProperties.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedSelected.class)
    EmbeddedNeo4j embeddedNeo4j(PerfgraphProperties properties) {
        return EmbeddedNeo4j.start(properties.dataDir(), properties.boltPort(), properties.pageCacheMb(), properties.txMemoryMb());
    }

    @Bean
    TransactionMemory transactionMemory(PerfgraphProperties properties) {
        return TransactionMemory.of(properties);
    }

    @Bean
    @Conditional(EmbeddedSelected.class)
    Neo4jConnectionDetails embeddedConnectionDetails(EmbeddedNeo4j neo4j) {
        return connection(URI.create(neo4j.boltUri()), AuthTokens.none());
    }

    @Bean
    @Conditional(ExternalSelected.class)
    Neo4jConnectionDetails externalConnectionDetails(PerfgraphProperties properties) {
        URI uri;
        try {
            uri = URI.create(properties.neo4jUri().trim());
        } catch (IllegalArgumentException e) {
            throw new DatabaseStartupException("NEO4J_URI '" + properties.neo4jUri() + "' is not a URI.",
                    "Set NEO4J_URI to bolt://host:7687 or neo4j://host:7687, or unset it to use the embedded database.", e);
        }
        AuthToken token = properties.neo4jPassword() == null || properties.neo4jPassword().isEmpty()
                ? AuthTokens.none()
                : AuthTokens.basic(properties.neo4jUsername(), properties.neo4jPassword());
        return connection(uri, token);
    }

    private static Neo4jConnectionDetails connection(URI uri, AuthToken token) {
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return uri;
            }

            @Override
            public AuthToken getAuthToken() {
                return token;
            }
        };
    }

    static boolean embedded(ConditionContext context) {
        String uri = context.getEnvironment().getProperty("perfgraph.neo4j-uri");
        return uri == null || uri.isBlank();
    }

    static class EmbeddedSelected implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return embedded(context);
        }
    }

    static class ExternalSelected implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !embedded(context);
        }
    }
}
