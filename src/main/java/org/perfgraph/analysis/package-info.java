/**
 * Reuse and quality analytics for reform teams: reused indicators and goal texts, near-duplicate texts,
 * boilerplate targets, library matches for uncoded indicators, findings with their evidence, quality rankings.
 * Every query lives in {@code cypher/analysis/} and runs as is in Neo4j Browser or cypher-shell.
 */
package org.perfgraph.analysis;
