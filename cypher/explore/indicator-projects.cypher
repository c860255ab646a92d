// Distinct projects with a target measuring the given indicators, by name. $ids
MATCH (i:Indicator)<-[:MEASURES]-(:Target)<-[:HAS_TARGET]-(p:Project) WHERE i.id IN $ids
RETURN DISTINCT i.id AS key, p AS node
ORDER BY node.name, node.id
