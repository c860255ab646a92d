/**
 * The graph: how a read document is written to Neo4j (one transaction per document, batched UNWIND writes),
 * and the import entry points (GraphQL importDocument, the {@code import} command, the bundled samples).
 */
package org.perfgraph.graph;
