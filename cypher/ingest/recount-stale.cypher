// Recounts, from the graph itself, the stored counts of indicators and texts an edit marked (countsStale), and
// rebuilds the indicators' USES relationships: edits relink single targets, so recounting the few nodes they touch
// exactly is cheap. Runs at the end of every edit transaction and of every import (corrections kept over a
// re-import are edits). No parameters.
CALL () {
  MATCH (i:Indicator) WHERE i.countsStale = true
  CALL (i) {
    MATCH (i)<-[x:USES]-()
    DELETE x
  }
  CALL (i) {
    MATCH (i)<-[:MEASURES]-(:Target)<-[:HAS_TARGET]-(p:Project)<-[:HAS_PROJECT]-(u:Unit)
    WITH u, count(DISTINCT p) AS projects
    CREATE (u)-[:USES {projects: projects}]->(i)
  }
  CALL (i) {
    OPTIONAL MATCH (i)<-[:MEASURES]-(:Target)<-[:HAS_TARGET]-(p:Project)
    OPTIONAL MATCH (p)-[:DECLARED_IN]->(d:Document)
    RETURN count(DISTINCT p) AS projects, count(DISTINCT d) AS documents
  }
  SET i.projectCount = projects, i.documentCount = documents
  REMOVE i.countsStale
}
CALL () {
  MATCH (x:Text) WHERE x.countsStale = true
  CALL (x) {
    OPTIONAL MATCH (x)<-[:STATES]-(p:Project)
    RETURN count(DISTINCT p) AS projects
  }
  SET x.projectCount = projects
  REMOVE x.countsStale
}
