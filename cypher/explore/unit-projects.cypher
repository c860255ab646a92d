// Projects of the given units, by name. $ids
MATCH (u:Unit)-[:HAS_PROJECT]->(p:Project) WHERE u.id IN $ids
RETURN u.id AS key, p AS node
ORDER BY p.name, p.id
