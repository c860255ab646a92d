// L2 categories of the given targets. $ids
MATCH (t:Target)-[:LEVEL2]->(c:Category) WHERE t.id IN $ids
RETURN t.id AS key, c AS node
