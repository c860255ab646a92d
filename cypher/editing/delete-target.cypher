// Removes one target (compare-and-set on its version); its project counts one fewer. Returns the indicator it
// measured, which may now be an orphan. $id $expectedVersion
MATCH (t:Target {id: $id})
WHERE t.version = $expectedVersion
OPTIONAL MATCH (p:Project)-[:HAS_TARGET]->(t)
OPTIONAL MATCH (t)-[:MEASURES]->(i:Indicator)
SET p.targetCount = p.targetCount - 1, p.version = p.version + 1, i.countsStale = true
WITH t, collect(i.id) AS indicatorIds
DETACH DELETE t
RETURN indicatorIds
