// Finding BOILERPLATE_TARGET: a target whose indicator and normalised value (年度 value; the verbatim cell where it
// could not be normalised) at least $minProjects projects file alike, as boilerplate-targets.cypher lists them
// (always judged against the whole store). One finding per target.
// Filters (null = all): $projectId, $documentName, $region, $unitId, $year (the project's, else its
// document's), $documentKind. Keyset page: keys after $after, $limit rows.
// :param minProjects => 3
// :param projectId => null
// :param documentName => null
// :param region => null
// :param unitId => null
// :param year => null
// :param documentKind => null
// :param after => null
// :param limit => 100
MATCH (i:Indicator)
WHERE COUNT { (i)<-[:MEASURES]-() } >= $minProjects
MATCH (i)<-[:MEASURES]-(t:Target)
WITH i, coalesce(t.annualNormalized, t.annualRaw) AS value, collect(t) AS targets, count(DISTINCT t.projectId) AS spread
WHERE value IS NOT NULL AND spread >= $minProjects
UNWIND targets AS t
WITH i, value, spread, t
WHERE $projectId IS NULL OR t.projectId = $projectId
MATCH (p:Project)-[:HAS_TARGET]->(t)-[:SOURCE]->(d:Document)
WHERE ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
  AND ($documentKind IS NULL OR d.kind = $documentKind) AND ($unitId IS NULL OR p.unitId = $unitId)
  AND ($year IS NULL OR coalesce(p.year, d.year) = $year)
WITH p, t, d, value, spread, 'BOILERPLATE_TARGET' AS kind,
     d.name + '|' + right('0000000' + toString(t.line), 8) + '|BOILERPLATE_TARGET|' + t.id AS key
WHERE $after IS NULL OR key > $after
RETURN kind, 'INFO' AS severity, [t.indicatorName, value, toString(spread)] AS args,
       key, p AS project, t AS target, d AS document, t.line AS line, null AS relatedProject
ORDER BY key
LIMIT $limit
