// Finding CODE_LABEL_MISMATCH: targets whose 9-digit indicator code disagrees with the L1/L2 codes of its own
// row (scheme of the tab export: L1 digit, 2-digit L2 code whose first digit repeats L1, 6-digit serial), or
// whose L2 sits under a foreign L1 (the L2's canonical UNDER parent is not the row's L1). Codes of any other
// shape are opaque and not checked. One finding per target, every broken rule named in the message. The rules
// read the codes, labels and canonical category names stored on each target; the small L2 → L1 table comes from
// the (:Category)-[:UNDER]->(:Category) links, so only offending targets are expanded to project and document.
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
CALL () {
  MATCH (c2:Category {level: 2})-[:UNDER]->(c1:Category)
  RETURN collect([c2.name, c1.name]) AS parents, collect(c2.name) AS placed
}
MATCH (t:Target)
WHERE $projectId IS NULL OR t.projectId = $projectId
WITH parents, placed, t,
     CASE WHEN t.indicatorCode =~ '[0-9]{9}' THEN t.indicatorCode END AS code,
     CASE WHEN t.level1Raw =~ '[0-9]+-.*' THEN split(t.level1Raw, '-')[0] END AS l1Code,
     CASE WHEN t.level2Raw =~ '[0-9]+-.*' THEN split(t.level2Raw, '-')[0] END AS l2Code
WITH t, code, [
  CASE WHEN code IS NOT NULL AND l1Code IS NOT NULL AND left(code, 1) <> l1Code
       THEN ['PREFIX_L1', code, left(code, 1), t.level1Raw] END,
  CASE WHEN code IS NOT NULL AND l2Code IS NOT NULL AND substring(code, 1, 2) <> l2Code
       THEN ['PREFIX_L2', code, substring(code, 1, 2), t.level2Raw] END,
  CASE WHEN l1Code IS NOT NULL AND l2Code IS NOT NULL AND left(l2Code, 1) <> l1Code
       THEN ['L2_CODE', l2Code, l1Code] END,
  CASE WHEN t.level2 IN placed AND NOT [t.level2, t.level1] IN parents
       THEN ['FOREIGN_L1', t.level2, reduce(s = '', pair IN [x IN parents WHERE x[0] = t.level2] |
              s + CASE s WHEN '' THEN '' ELSE ' / ' END + pair[1]), t.level1] END
] AS broken
WITH t, code, [b IN broken WHERE b IS NOT NULL] AS broken
WHERE size(broken) > 0
MATCH (p:Project)-[:HAS_TARGET]->(t)-[:SOURCE]->(d:Document)
WHERE ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
  AND ($documentKind IS NULL OR d.kind = $documentKind) AND ($unitId IS NULL OR p.unitId = $unitId)
  AND ($year IS NULL OR coalesce(p.year, d.year) = $year)
WITH p, t, d, 'CODE_LABEL_MISMATCH' AS kind,
     d.name + '|' + right('0000000' + toString(t.line), 8) + '|CODE_LABEL_MISMATCH|' + t.id AS key,
     [coalesce(code + ' ', '') + t.indicatorName, coalesce(t.level1Raw, t.level1), coalesce(t.level2Raw, t.level2)] AS args,
     broken AS details
WHERE $after IS NULL OR key > $after
RETURN kind, 'WARNING' AS severity, args, details, key, p AS project, t AS target, d AS document, t.line AS line,
       null AS relatedProject
ORDER BY key
LIMIT $limit
