// Removes a document with its projects, targets, goal statements, diagnostics and source lines. $name
MATCH (d:Document {name: $name})
CALL (d) {
  MATCH (p:Project)-[:DECLARED_IN]->(d)
  OPTIONAL MATCH (p)-[:HAS_TARGET]->(t:Target)
  DETACH DELETE t, p
}
CALL (d) {
  OPTIONAL MATCH (d)-[:NOTED]->(g)
  DETACH DELETE g
}
CALL (d) {
  OPTIONAL MATCH (d)-[:HAS_LINES]->(s:SourceLines)
  DETACH DELETE s
}
DETACH DELETE d
