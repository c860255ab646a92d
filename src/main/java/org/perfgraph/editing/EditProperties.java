package org.perfgraph.editing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the edit path; application.yml maps each to its environment variable (README table).
 *
 * @param editTimeout PERFGRAPH_EDIT_TIMEOUT: the longest one edit's write transaction may run, its wait for the lock
 *                    another edit or an import holds on the same node included; past it Neo4j stops the transaction,
 *                    nothing of the edit is written, and the answer says so (CONFLICT when it was still waiting for
 *                    the lock, TIMEOUT otherwise), well before a client's own time limit (commonly 30 s)
 */
@ConfigurationProperties("perfgraph")
record EditProperties(Duration editTimeout) {
}
