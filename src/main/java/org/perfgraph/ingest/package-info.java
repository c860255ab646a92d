/**
 * Reading performance-target documents (tab exports, 申报表 forms) into a neutral model: plain Java, no Spring, no Neo4j.
 */
package org.perfgraph.ingest;
