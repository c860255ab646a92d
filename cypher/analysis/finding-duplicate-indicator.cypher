// Finding DUPLICATE_INDICATOR: one indicator filed twice (or more) in one project. One finding per repeat, on
// the repeating row, naming the first row and both values.
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
MATCH (t:Target)-[:MEASURES]->(i:Indicator)
WHERE $projectId IS NULL OR t.projectId = $projectId
WITH t.projectId AS projectId, i, t ORDER BY t.line, t.ordinal
WITH projectId, i, collect(t) AS targets
WHERE size(targets) > 1
MATCH (p:Project {id: projectId})-[:DECLARED_IN]->(d:Document)
WHERE ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
  AND ($documentKind IS NULL OR d.kind = $documentKind) AND ($unitId IS NULL OR p.unitId = $unitId)
  AND ($year IS NULL OR coalesce(p.year, d.year) = $year)
UNWIND targets[1..] AS t
WITH p, d, i, targets[0] AS first, t, 'DUPLICATE_INDICATOR' AS kind,
     d.name + '|' + right('0000000' + toString(t.line), 8) + '|DUPLICATE_INDICATOR|' + t.id AS key
WHERE $after IS NULL OR key > $after
RETURN kind, 'WARNING' AS severity,
       [coalesce(i.code + ' ', '') + i.name, p.name, toString(first.line), coalesce(first.annualRaw, ''),
        coalesce(t.annualRaw, '')] AS args,
       key, p AS project, t AS target, d AS document, t.line AS line, null AS relatedProject
ORDER BY key
LIMIT $limit
