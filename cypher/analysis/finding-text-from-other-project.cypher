// Finding TEXT_FROM_OTHER_PROJECT: a goal text (after normalisation) stated by another project before. The
// text belongs to the project that states it first (document name, then line); every statement of it by any
// other project is a finding on that statement's line, so a project pasting it into six blocks yields six.
// Only texts with more than one statement are visited (degree check), not every text.
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
MATCH (x:Text)
WHERE COUNT { (x)<-[:STATES]-() } > 1
MATCH (x)<-[s:STATES]-(p:Project)-[:DECLARED_IN]->(d:Document)
WITH x, s, p, d ORDER BY d.name, s.line, s.kind
WITH x, collect({s: s, p: p, d: d}) AS statements
WITH x, statements, statements[0] AS owner
UNWIND statements AS e
WITH x, owner, e.s AS s, e.p AS p, e.d AS d
WHERE p <> owner.p
  AND ($projectId IS NULL OR p.id = $projectId)
  AND ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
  AND ($documentKind IS NULL OR d.kind = $documentKind) AND ($unitId IS NULL OR p.unitId = $unitId)
  AND ($year IS NULL OR coalesce(p.year, d.year) = $year)
WITH x, owner, s, p, d, 'TEXT_FROM_OTHER_PROJECT' AS kind,
     d.name + '|' + right('0000000' + toString(s.line), 8) + '|TEXT_FROM_OTHER_PROJECT|' + p.id + '|' + s.kind + '|' + x.id AS key
WHERE $after IS NULL OR key > $after
RETURN kind, 'WARNING' AS severity,
       ['goal.' + s.kind, p.name, toString(s.line), owner.p.name, owner.d.name, toString(owner.s.line)] AS args,
       key, p AS project, null AS target, d AS document, s.line AS line, owner.p AS relatedProject
ORDER BY key
LIMIT $limit
