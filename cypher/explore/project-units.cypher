// Units of the given projects. $ids
MATCH (u:Unit)-[:HAS_PROJECT]->(p:Project) WHERE p.id IN $ids
RETURN p.id AS key, u AS node
