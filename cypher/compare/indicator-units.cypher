// The units using the given indicators (their USES), by id: whose family groups a moved bucket changes. $ids
MATCH (u:Unit)-[:USES]->(i:Indicator)
WHERE i.id IN $ids
RETURN collect(DISTINCT u.id) AS unitIds
