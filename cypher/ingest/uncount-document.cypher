// Takes a document's share out of the stored counts of the indicators and texts its projects use, and out of the
// units' USES relationships (removed when no project is left), before the document is deleted: the inverse of
// what merge-indicators, merge-texts and merge-uses add. $name
MATCH (d:Document {name: $name})
CALL (d) {
  MATCH (d)<-[:DECLARED_IN]-(p:Project)-[:HAS_TARGET]->(:Target)-[:MEASURES]->(i:Indicator)
  WITH i, count(DISTINCT p) AS projects
  SET i.projectCount = i.projectCount - projects, i.documentCount = i.documentCount - 1
}
CALL (d) {
  MATCH (d)<-[:DECLARED_IN]-(p:Project)-[:HAS_TARGET]->(:Target)-[:MEASURES]->(i:Indicator)
  MATCH (u:Unit)-[:HAS_PROJECT]->(p)
  WITH u, i, count(DISTINCT p) AS projects
  MATCH (u)-[x:USES]->(i)
  SET x.projects = x.projects - projects
  WITH x WHERE x.projects <= 0
  DELETE x
}
CALL (d) {
  MATCH (d)<-[:DECLARED_IN]-(p:Project)-[:STATES]->(x:Text)
  WITH x, count(DISTINCT p) AS projects
  SET x.projectCount = x.projectCount - projects
}
