// Distinct units filing the given indicators (one USES relationship per unit and indicator), by region and name. $ids
MATCH (i:Indicator)<-[:USES]-(u:Unit) WHERE i.id IN $ids
RETURN i.id AS key, u AS node
ORDER BY node.region, node.name, node.id
