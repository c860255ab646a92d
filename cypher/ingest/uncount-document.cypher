// Takes a document's share out of the stored counts of the indicators and texts its projects use, and out of the
// units' USES relationships (removed when no project is left), before the document is deleted: the inverse of
// what add-indicator-counts, add-text-counts and merge-uses add. One pass over the document's (unit, indicator)
// pairs: a project has one unit, so an indicator's projects add up over its units. $name
MATCH (d:Document {name: $name})
CALL (d) {
  MATCH (d)<-[:DECLARED_IN]-(p:Project)-[:HAS_TARGET]->(:Target)-[:MEASURES]->(i:Indicator)
  MATCH (u:Unit)-[:HAS_PROJECT]->(p)
  WITH u, i, count(DISTINCT p) AS projects
  CALL (u, i, projects) {
    MATCH (u)-[x:USES]->(i)
    SET x.projects = x.projects - projects
    WITH x WHERE x.projects <= 0
    DELETE x
  }
  WITH i, sum(projects) AS projects
  SET i.projectCount = i.projectCount - projects, i.documentCount = i.documentCount - 1
}
CALL (d) {
  MATCH (d)<-[:DECLARED_IN]-(p:Project)-[:STATES]->(x:Text)
  WITH x, count(DISTINCT p) AS projects
  SET x.projectCount = x.projectCount - projects
}
