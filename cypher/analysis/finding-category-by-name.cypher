// Finding CATEGORY_BY_NAME: the indicator's name says which category it belongs to and the row files it
// elsewhere: a 及时 (timeliness) indicator outside the L2 时效指标, a 满意度 indicator outside the L1 满意度指标.
// The name rules are the small table at the top: a rule fires when the name contains `contains` and the
// target's canonical category at `level` is not `expected`.
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
WITH [
  {contains: '及时', level: 2, expected: '时效指标'},
  {contains: '满意度', level: 1, expected: '满意度指标'}
] AS rules
MATCH (t:Target)
WHERE $projectId IS NULL OR t.projectId = $projectId
UNWIND rules AS rule
WITH t, rule, CASE rule.level WHEN 1 THEN t.level1 ELSE t.level2 END AS filed
WHERE t.indicatorName CONTAINS rule.contains AND filed <> rule.expected
MATCH (p:Project)-[:HAS_TARGET]->(t)-[:SOURCE]->(d:Document)
WHERE ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
  AND ($documentKind IS NULL OR d.kind = $documentKind) AND ($unitId IS NULL OR p.unitId = $unitId)
  AND ($year IS NULL OR coalesce(p.year, d.year) = $year)
WITH p, t, d, rule, filed, 'CATEGORY_BY_NAME' AS kind,
     d.name + '|' + right('0000000' + toString(t.line), 8) + '|CATEGORY_BY_NAME|' + t.id + '|' + rule.contains AS key
WHERE $after IS NULL OR key > $after
RETURN kind, 'WARNING' AS severity,
       [t.indicatorName, rule.contains, rule.expected, t.level1, t.level2] AS args,
       key, p AS project, t AS target, d AS document, t.line AS line, null AS relatedProject
ORDER BY key
LIMIT $limit
