// Removes one project with its targets and goal statements (compare-and-set on its version). Returns the ids of
// the units, texts and indicators it touched, which may now be orphans, and of the targets removed.
// $id $expectedVersion
MATCH (p:Project {id: $id})
WHERE p.version = $expectedVersion
OPTIONAL MATCH (u:Unit)-[:HAS_PROJECT]->(p)
OPTIONAL MATCH (p)-[:STATES]->(x:Text)
OPTIONAL MATCH (p)-[:HAS_TARGET]->(t:Target)
OPTIONAL MATCH (t)-[:MEASURES]->(i:Indicator)
WITH p, collect(DISTINCT u.id) AS unitIds, collect(DISTINCT x.id) AS textIds, collect(DISTINCT i.id) AS indicatorIds,
     collect(DISTINCT t) AS targets
WITH p, unitIds, textIds, indicatorIds, targets, [t IN targets | t.id] AS targetIds
// their stored counts are recounted at the end of the edit transaction
CALL (indicatorIds) {
  UNWIND indicatorIds AS indicatorId
  MATCH (i:Indicator {id: indicatorId})
  SET i.countsStale = true
}
CALL (textIds) {
  UNWIND textIds AS textId
  MATCH (x:Text {id: textId})
  SET x.countsStale = true
}
FOREACH (t IN targets | DETACH DELETE t)
DETACH DELETE p
RETURN unitIds, textIds, indicatorIds, targetIds
