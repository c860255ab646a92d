// The 500th page of projects (20 per page)
// Keyset: continue after the (name, id) of the last project of page 499 (or of the page before the last, on a
// store with fewer pages); the two :prepare statements find it once, before timing. The redundant
// `p.name >= $afterName`, on its own, lets the name index seek to the cursor (the OR alone makes Neo4j scan from
// the start); the keyset condition then runs on the projected sort values, as the API's statement does.
// :param page => 500
// :param first => 20
// :prepare MATCH (p:Project) WITH count(p) AS n RETURN CASE WHEN n > ($page - 1) * $first THEN ($page - 1) * $first ELSE ((n - 1) / $first) * $first END AS skip
// :prepare MATCH (p:Project) WITH p ORDER BY p.name, p.id SKIP $skip - 1 LIMIT 1 RETURN p.name AS afterName, p.id AS afterId
MATCH (p:Project)
WHERE p.name >= $afterName
WITH p, p.name AS name, p.id AS id
WHERE name > $afterName OR (name = $afterName AND id > $afterId)
WITH p, name, id ORDER BY name, id LIMIT $first + 1
RETURN p {.id, .name, .amount} AS project
