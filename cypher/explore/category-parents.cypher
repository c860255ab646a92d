// Canonical L1 of the given L2 categories. $ids
MATCH (c:Category)-[:UNDER]->(parent:Category) WHERE c.id IN $ids
RETURN c.id AS key, parent AS node
