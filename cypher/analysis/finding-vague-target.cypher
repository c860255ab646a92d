// Finding VAGUE_TARGET: a target whose value cannot be measured: a quality word from the small vocabulary (达标,
// 健全, 提升, 满意 ...) or a text that holds no number. The 年度 value, else the 实施周期 value. One finding per target.
// Filters (null = all): $projectId, $documentName, $region, $unitId, $year (the project's, else its
// document's), $documentKind. Keyset page: keys after $after, $limit rows.
// :param projectId => null
// :param documentName => null
// :param region => null
// :param unitId => null
// :param year => null
// :param documentKind => null
// :param after => null
// :param limit => 100
MATCH (t:Target)
WHERE ($projectId IS NULL OR t.projectId = $projectId)
WITH t, CASE WHEN t.annualRaw IS NOT NULL THEN [t.annualKind, t.annualRaw] ELSE [t.periodKind, t.periodRaw] END AS v
WHERE v[0] = 'QUALITATIVE' OR (v[0] = 'TEXT' AND NOT v[1] =~ '.*[0-9０-９].*')
MATCH (p:Project)-[:HAS_TARGET]->(t)-[:SOURCE]->(d:Document)
WHERE ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
  AND ($documentKind IS NULL OR d.kind = $documentKind) AND ($unitId IS NULL OR p.unitId = $unitId)
  AND ($year IS NULL OR coalesce(p.year, d.year) = $year)
WITH p, t, d, v, 'VAGUE_TARGET' AS kind,
     d.name + '|' + right('0000000' + toString(t.line), 8) + '|VAGUE_TARGET|' + t.id AS key
WHERE $after IS NULL OR key > $after
RETURN kind, 'INFO' AS severity, [t.indicatorName, v[1]] AS args,
       key, p AS project, t AS target, d AS document, t.line AS line, null AS relatedProject
ORDER BY key
LIMIT $limit
