// Boilerplate targets: the same indicator with the same normalised value (年度 value; the verbatim cell where
// it could not be normalised) filed by at least $minProjects projects, most widespread first, with every target
// (project, document, line). $region and $documentName narrow what is counted (null = all).
// :param minProjects => 3
// :param region => null
// :param documentName => null
// :param limit => 50
MATCH (i:Indicator)
WHERE COUNT { (i)<-[:MEASURES]-() } >= $minProjects
MATCH (i)<-[:MEASURES]-(t:Target)-[:SOURCE]->(d:Document)
WHERE ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
WITH i, coalesce(t.annualNormalized, t.annualRaw) AS value, t, d
WHERE value IS NOT NULL
MATCH (p:Project)-[:HAS_TARGET]->(t)
WITH i, value, t, p, d ORDER BY d.name, t.line
WITH i, value, collect({target: t, project: p, document: d}) AS targets,
     count(DISTINCT p) AS projectCount, count(DISTINCT p.unitId) AS unitCount, count(DISTINCT d) AS documentCount
WHERE projectCount >= $minProjects
RETURN i AS indicator, value, projectCount, unitCount, documentCount, targets
ORDER BY projectCount DESC, indicator.key, value
LIMIT $limit
