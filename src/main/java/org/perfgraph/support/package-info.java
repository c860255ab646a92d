/**
 * Cross-cutting wiring: the embedded or external Neo4j, schema management, GraphQL scalars, error mapping, GraphiQL.
 */
package org.perfgraph.support;
