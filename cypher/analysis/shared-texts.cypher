// Shared goal texts: texts (one node per normalised text: whitespace and full/half-width punctuation folded
// at import) stated by at least $minProjects projects or at least $minProjects project blocks (a project whose
// header repeats over several blocks states its goals once per block), with every statement: project, kind,
// document and line. Only texts with two or more statements are visited (degree check), and only the page's
// texts are expanded into their evidence.
// $documentName, $region, $documentKind, $unitId and $year (the project's, else its document's) keep only the
// statements of projects in scope (null = all): what is counted and what is listed.
// :param minProjects => 2
// :param documentName => null
// :param region => null
// :param documentKind => null
// :param unitId => null
// :param year => null
// :param limit => 50
MATCH (x:Text)
WHERE COUNT { (x)<-[:STATES]-() } >= 2
CALL (x) {
  MATCH (x)<-[s:STATES]-(p:Project)-[:DECLARED_IN]->(d:Document)
  WHERE ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
    AND ($documentKind IS NULL OR d.kind = $documentKind) AND ($unitId IS NULL OR p.unitId = $unitId)
    AND ($year IS NULL OR coalesce(p.year, d.year) = $year)
  RETURN count(DISTINCT p) AS projectCount, count(DISTINCT [p.id, s.line]) AS blockCount
}
WITH x, projectCount, blockCount
WHERE projectCount >= $minProjects OR blockCount >= $minProjects
ORDER BY projectCount DESC, blockCount DESC, x.key
LIMIT $limit
CALL (x) {
  MATCH (x)<-[s:STATES]-(p:Project)-[:DECLARED_IN]->(d:Document)
  WHERE ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
    AND ($documentKind IS NULL OR d.kind = $documentKind) AND ($unitId IS NULL OR p.unitId = $unitId)
    AND ($year IS NULL OR coalesce(p.year, d.year) = $year)
  WITH s, p, d ORDER BY d.name, s.line, s.kind
  RETURN collect({kind: s.kind, line: s.line, raw: s.raw, project: p, document: d}) AS statements
}
RETURN x {.id, .key, .text, .normalized} AS text, projectCount, blockCount, statements
ORDER BY projectCount DESC, blockCount DESC, text.key
