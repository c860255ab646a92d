// Finding PERIOD_ANNUAL_DIFFER: where the layout has two value columns (实施周期 and 年度), the two disagree:
// their normalised forms differ (or, where a column could not be normalised, the verbatim cells).
// Filters (null = all): $projectId, $documentName, $region, $unitId, $year (the project's, else its document's),
// $documentKind. Keyset page: keys after $after, $limit rows.
// :param projectId => null
// :param documentName => null
// :param region => null
// :param unitId => null
// :param year => null
// :param documentKind => null
// :param after => null
// :param limit => 100
MATCH (t:Target)
WHERE t.periodRaw IS NOT NULL AND t.annualRaw IS NOT NULL
  AND coalesce(t.periodNormalized, t.periodRaw) <> coalesce(t.annualNormalized, t.annualRaw)
  AND ($projectId IS NULL OR t.projectId = $projectId)
MATCH (p:Project)-[:HAS_TARGET]->(t)-[:SOURCE]->(d:Document)
WHERE ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
  AND ($documentKind IS NULL OR d.kind = $documentKind) AND ($unitId IS NULL OR p.unitId = $unitId)
  AND ($year IS NULL OR coalesce(p.year, d.year) = $year)
WITH p, t, d, 'PERIOD_ANNUAL_DIFFER' AS kind,
     d.name + '|' + right('0000000' + toString(t.line), 8) + '|PERIOD_ANNUAL_DIFFER|' + t.id AS key
WHERE $after IS NULL OR key > $after
RETURN kind, 'INFO' AS severity,
       [t.indicatorName, t.periodRaw, t.annualRaw] AS args,
       key, p AS project, t AS target, d AS document, t.line AS line, null AS relatedProject
ORDER BY key
LIMIT $limit
