// The history of one entity, oldest first: its own changes and those that moved it (a merge names its targets).
// $entityId
MATCH (c:Change)
WHERE c.entityId = $entityId OR $entityId IN coalesce(c.relatedIds, [])
RETURN properties(c) AS node
ORDER BY c.at, c.id
