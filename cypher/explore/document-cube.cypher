// One document's share of targetStats and projectStats, read again when its stamp moved: per target its group-by
// dimensions with its project and indicator (targets without an indicator are not counted, as in targetStats), per
// project its dimensions, amount and target count; with the stamp and hash read in the same transaction.
// $documentId
MATCH (d:Document {id: $documentId})
OPTIONAL MATCH (s:DocumentStamp {documentId: d.id})
CALL (d) {
  MATCH (d)<-[:SOURCE]-(n:Target)<-[:HAS_TARGET]-(p:Project)
  MATCH (n)-[:MEASURES]->(i:Indicator)
  OPTIONAL MATCH (u:Unit)-[:HAS_PROJECT]->(p)
  RETURN collect([n.level1, n.level2, n.annualKind, n.annualComparator, u.id, i.id, p.id]) AS targets
}
CALL (d) {
  MATCH (d)<-[:DECLARED_IN]-(p:Project)
  OPTIONAL MATCH (u:Unit)-[:HAS_PROJECT]->(p)
  RETURN collect([u.id, p.year, p.nature, p.amountCents, COUNT { (p)-[:HAS_TARGET]->(:Target) }]) AS projects
}
RETURN d.hash AS hash, s.value AS stamp, targets, projects
