// Moves every target of one indicator to another and removes the emptied one; both indicators are locked and
// version-checked by the caller first. $fromId $intoId
MATCH (from:Indicator {id: $fromId}), (into:Indicator {id: $intoId})
OPTIONAL MATCH (t:Target)-[r:MEASURES]->(from)
DELETE r
WITH from, into, collect(t) AS moved
FOREACH (t IN moved | CREATE (t)-[:MEASURES]->(into) SET t.version = t.version + 1)
SET into.version = into.version + 1, into.countsStale = true
WITH from, into, [t IN moved | t.id] AS targetIds
DETACH DELETE from
RETURN properties(into) AS node, targetIds
