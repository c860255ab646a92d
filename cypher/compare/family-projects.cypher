// Projects by id, by name (the projects of an indicator family page). $ids
MATCH (p:Project) WHERE p.id IN $ids
RETURN p AS node
ORDER BY p.name, p.id
