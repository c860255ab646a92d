/**
 * The load client of the benchmark harness ({@code java -jar perfgraph.jar bench ...}): runs a fixed set of
 * GraphQL requests against the service, the same work as raw Cypher over Bolt, and the same requests against
 * the side-by-side peer, and reports latency percentiles and throughput as a markdown table.
 */
package org.perfgraph.benchmark;
