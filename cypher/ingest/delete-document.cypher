// Removes a document with its projects, targets, goal statements and diagnostics. $name
MATCH (d:Document {name: $name})
CALL (d) {
  MATCH (p:Project)-[:DECLARED_IN]->(d)
  OPTIONAL MATCH (p)-[:HAS_TARGET]->(t:Target)
  DETACH DELETE t, p
}
CALL (d) {
  OPTIONAL MATCH (d)-[:NOTED]->(g:Diagnostic)
  DETACH DELETE g
}
DETACH DELETE d
