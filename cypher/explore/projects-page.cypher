// A page of projects ordered by (name, id), continuing after a keyset cursor. $afterName $afterId $limit
MATCH (p:Project)
WHERE $afterName IS NULL OR p.name > $afterName OR (p.name = $afterName AND p.id > $afterId)
RETURN p AS node
ORDER BY p.name, p.id
LIMIT $limit
