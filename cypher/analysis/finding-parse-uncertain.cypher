// Finding PARSE_UNCERTAIN: every import diagnostic whose code says the reader inferred, repaired or could not
// read a category or value ($codes), with the targets of its line (the document's targets on that line, found
// through the target_document_order index) or, where no target stands on that line, the document alone. Read from
// the document's stored (:DiagnosticList) (parallel arrays, cypher/ingest/create-diagnostics.cypher); nothing is
// recomputed.
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
MATCH (d:Document)-[:NOTED]->(l:DiagnosticList)
WHERE ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
  AND ($documentKind IS NULL OR d.kind = $documentKind)
UNWIND range(0, size(l.codes) - 1) AS n
WITH d, l, n
WHERE l.codes[n] IN $codes
WITH d, n, l.lines[n] AS line, l.severities[n] AS severity, l.messages[n] AS message,
     [l.codes[n]] + CASE l.argCounts[n] WHEN 0 THEN [] ELSE split(l.args[n], '\u001f') END AS args
OPTIONAL MATCH (p:Project)-[:HAS_TARGET]->(t:Target)
WHERE t.documentId = d.id AND t.line = line AND t.ordinal IS NOT NULL
WITH d, n, line, severity, message, args, p, t
WHERE ($projectId IS NULL OR p.id = $projectId) AND ($unitId IS NULL OR p.unitId = $unitId)
  AND ($year IS NULL OR coalesce(p.year, d.year) = $year)
WITH d, n, line, severity, message, args, p, t, 'PARSE_UNCERTAIN' AS kind,
     d.name + '|' + right('0000000' + toString(line), 8) + '|PARSE_UNCERTAIN|' + coalesce(t.id, '') + '|'
       + right('0000000' + toString(n), 8) AS key
WHERE $after IS NULL OR key > $after
RETURN kind, severity, args, CASE message WHEN '' THEN null ELSE message END AS storedMessage,
       key, p AS project, t AS target, d AS document, line, null AS relatedProject
ORDER BY key
LIMIT $limit
