// The first change of an entity after a given version that touched any of the given fields. $entityId $version $fields
MATCH (c:Change {entityId: $entityId})
WHERE c.version > $version AND any(f IN c.fields WHERE f IN $fields)
RETURN c.id AS id, c.operation AS operation, c.by AS by
ORDER BY c.version
LIMIT 1
