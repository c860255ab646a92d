// Source documents of the given targets. $ids
MATCH (t:Target)-[:SOURCE]->(d:Document) WHERE t.id IN $ids
RETURN t.id AS key, d AS node
