// Projects declared by the given documents, in document order. $ids
MATCH (d:Document)<-[:DECLARED_IN]-(p:Project) WHERE d.id IN $ids
RETURN d.id AS key, p AS node
ORDER BY p.line, p.id
