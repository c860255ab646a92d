// Targets of the given projects in document order. $ids
MATCH (p:Project)-[:HAS_TARGET]->(t:Target) WHERE p.id IN $ids
RETURN p.id AS key, t AS node
ORDER BY t.line, t.ordinal
