// Finding PARSE_UNCERTAIN: every import diagnostic whose code says the reader inferred, repaired or could not
// read a category or value ($codes), with the targets of its line (FLAGGED) or, where no target stands on
// that line, the document alone. Read from the stored (:Diagnostic) nodes; nothing is recomputed.
// Filters (null = all): $projectId, $documentName, $region, $unitId, $year (the project's, else its document's),
// $documentKind. Keyset page: keys after $after, $limit rows.
// :param codes => ['CATEGORY_INFERRED', 'CATEGORY_OCR_REPAIRED', 'CATEGORY_MISSING', 'CATEGORY_UNKNOWN', 'LABEL_UNKNOWN', 'L2_FOREIGN_L1', 'CODE_PREFIX_MISMATCH', 'VALUE_UNPARSED', 'VALUE_MISSING', 'ROW_UNREADABLE']
// :param projectId => null
// :param documentName => null
// :param region => null
// :param unitId => null
// :param year => null
// :param documentKind => null
// :param after => null
// :param limit => 100
MATCH (d:Document)-[:NOTED]->(g:Diagnostic)
WHERE g.code IN $codes
  AND ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
  AND ($documentKind IS NULL OR d.kind = $documentKind)
OPTIONAL MATCH (p:Project)-[:HAS_TARGET]->(t:Target)-[:FLAGGED]->(g)
WITH d, g, p, t
WHERE ($projectId IS NULL OR p.id = $projectId) AND ($unitId IS NULL OR p.unitId = $unitId)
  AND ($year IS NULL OR coalesce(p.year, d.year) = $year)
WITH d, g, p, t, 'PARSE_UNCERTAIN' AS kind,
     d.name + '|' + right('0000000' + toString(g.line), 8) + '|PARSE_UNCERTAIN|' + coalesce(t.id, '') + '|' + g.id AS key
WHERE $after IS NULL OR key > $after
RETURN kind, g.severity AS severity, [g.code] + coalesce(g.args, []) AS args, g.message AS storedMessage,
       key, p AS project, t AS target, d AS document, g.line AS line, null AS relatedProject
ORDER BY key
LIMIT $limit
