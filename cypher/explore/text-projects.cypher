// Distinct projects stating the given goal texts, by name. $ids
MATCH (x:Text)<-[:STATES]-(p:Project) WHERE x.id IN $ids
RETURN DISTINCT x.id AS key, p AS node
ORDER BY node.name, node.id
