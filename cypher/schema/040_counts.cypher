// Stored counts: Indicator.projectCount / documentCount, Text.projectCount and (Unit)-[:USES {projects}]->(Indicator)
// (an indicator's unitCount is the degree of its USES), kept by the import (each document adds its share and, when
// replaced or deleted, takes it back) and by edits (which mark what they relink countsStale; the end of the edit
// transaction recounts those: cypher/ingest/recount-stale.cypher). Sorting and filtering on them reads an index or
// a degree instead of traversing every target. Idempotent; applied at start-up in name order.
CREATE INDEX indicator_project_count IF NOT EXISTS FOR (n:Indicator) ON (n.projectCount);
CREATE INDEX text_project_count IF NOT EXISTS FOR (n:Text) ON (n.projectCount);
CREATE INDEX indicator_counts_stale IF NOT EXISTS FOR (n:Indicator) ON (n.countsStale);
CREATE INDEX text_counts_stale IF NOT EXISTS FOR (n:Text) ON (n.countsStale);
// Stores written before the counts were stored get them once, in batches (a no-op afterwards).
MATCH (i:Indicator) WHERE i.projectCount IS NULL
CALL (i) {
  CALL (i) {
    MATCH (i)<-[:MEASURES]-(:Target)<-[:HAS_TARGET]-(p:Project)<-[:HAS_PROJECT]-(u:Unit)
    WITH u, count(DISTINCT p) AS projects
    MERGE (u)-[x:USES]->(i)
    SET x.projects = projects
  }
  OPTIONAL MATCH (i)<-[:MEASURES]-(:Target)<-[:HAS_TARGET]-(p:Project)
  OPTIONAL MATCH (p)-[:DECLARED_IN]->(d:Document)
  WITH i, count(DISTINCT p) AS projects, count(DISTINCT d) AS documents
  SET i.projectCount = projects, i.documentCount = documents
} IN TRANSACTIONS OF 500 ROWS;
MATCH (x:Text) WHERE x.projectCount IS NULL
CALL (x) {
  OPTIONAL MATCH (x)<-[:STATES]-(p:Project)
  WITH x, count(DISTINCT p) AS projects
  SET x.projectCount = projects
} IN TRANSACTIONS OF 1000 ROWS;
