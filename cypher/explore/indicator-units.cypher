// Distinct units filing the given indicators, by region and name. $ids
MATCH (i:Indicator)<-[:MEASURES]-(:Target)<-[:HAS_TARGET]-(:Project)<-[:HAS_PROJECT]-(u:Unit) WHERE i.id IN $ids
RETURN DISTINCT i.id AS key, u AS node
ORDER BY node.region, node.name, node.id
