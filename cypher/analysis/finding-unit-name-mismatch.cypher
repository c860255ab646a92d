// Finding UNIT_NAME_MISMATCH: the unit written with a value contradicts the indicator's name: a 率 (rate)
// measured in 万元 or any unit other than a share, a 数/数量 (count) measured in %. The name rules are the small
// table at the top; a rule fires when the name ends with `suffix` and the unit is in `badUnits`, or, for
// `onlyUnits`, when a unit is written that is not among them. Both value columns are checked.
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
  {suffix: '率', onlyUnits: ['%', '‰'], says: 'says.rate'},
  {suffix: '数', badUnits: ['%', '‰'], says: 'says.count'},
  {suffix: '数量', badUnits: ['%', '‰'], says: 'says.count'}
] AS rules
MATCH (t:Target)
WHERE (t.annualUnit IS NOT NULL OR t.periodUnit IS NOT NULL)
  AND ($projectId IS NULL OR t.projectId = $projectId)
UNWIND rules AS rule
WITH t, rule
WHERE t.indicatorName ENDS WITH rule.suffix
WITH t, rule, [u IN [t.annualUnit, t.periodUnit] WHERE u IS NOT NULL
       AND ((rule.onlyUnits IS NOT NULL AND NOT u IN rule.onlyUnits) OR u IN coalesce(rule.badUnits, []))] AS wrong
WHERE size(wrong) > 0
MATCH (p:Project)-[:HAS_TARGET]->(t)-[:SOURCE]->(d:Document)
WHERE ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
  AND ($documentKind IS NULL OR d.kind = $documentKind) AND ($unitId IS NULL OR p.unitId = $unitId)
  AND ($year IS NULL OR coalesce(p.year, d.year) = $year)
WITH DISTINCT p, t, d, rule.says AS says, wrong[0] AS unit, 'UNIT_NAME_MISMATCH' AS kind,
     d.name + '|' + right('0000000' + toString(t.line), 8) + '|UNIT_NAME_MISMATCH|' + t.id AS key
WHERE $after IS NULL OR key > $after
RETURN kind, 'WARNING' AS severity,
       [t.indicatorName, says, coalesce(t.annualRaw, t.periodRaw), unit] AS args,
       key, p AS project, t AS target, d AS document, t.line AS line, null AS relatedProject
ORDER BY key
LIMIT $limit
