// Distinct goal texts the given projects state, in the order first stated. $ids
MATCH (p:Project)-[s:STATES]->(x:Text) WHERE p.id IN $ids
WITH p, x, min(s.line) AS first
RETURN p.id AS key, x AS node
ORDER BY first, x.id
