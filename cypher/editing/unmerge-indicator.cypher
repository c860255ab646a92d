// Undoes a merge: the removed indicator comes back as it was, and the targets the merge moved go back to it where
// they still measure the indicator they were moved to. $props (the removed indicator's properties) $intoId $targetIds
MATCH (into:Indicator {id: $intoId})
CREATE (from:Indicator)
SET from = $props
WITH from, into
OPTIONAL MATCH (t:Target)-[r:MEASURES]->(into)
WHERE t.id IN $targetIds
DELETE r
WITH from, into, collect(t) AS moved
FOREACH (t IN moved | CREATE (t)-[:MEASURES]->(from) SET t.version = t.version + 1)
SET into.version = into.version + 1, into.countsStale = true, from.countsStale = true
RETURN properties(from) AS node, [t IN moved | t.id] AS targetIds
