// Distinct L2 categories the given indicators are filed under (over all their targets), by name. $ids
MATCH (i:Indicator)<-[:MEASURES]-(:Target)-[:LEVEL2]->(c:Category) WHERE i.id IN $ids
RETURN DISTINCT i.id AS key, c AS node
ORDER BY node.name, node.id
