// Projects of the given targets. $ids
MATCH (p:Project)-[:HAS_TARGET]->(t:Target) WHERE t.id IN $ids
RETURN t.id AS key, p AS node
