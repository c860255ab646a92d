/**
 * Backup and restore of the embedded store: the {@code backup FILE} and {@code restore FILE} commands, in Neo4j's
 * dump format (what {@code neo4j-admin database dump/load} write and read), offline as Neo4j Community requires.
 */
package org.perfgraph.backup;
