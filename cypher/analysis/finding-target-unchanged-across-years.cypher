// Finding TARGET_UNCHANGED_ACROSS_YEARS: a target filed with the same indicator and the same normalised value (年度,
// else the verbatim cell) as in the same unit's project of the same name in the latest earlier year's document
// (the year: the document's, else the project's). One finding per later target; relatedProject is the earlier one.
// Filters (null = all): $projectId, $documentName, $region, $unitId, $year (the project's, else its
// document's), $documentKind; $documentNames (null = all) narrows to a list of documents (Findings pages through
// the documents in key order, so a first page reads the first documents only). Keyset page: keys after $after,
// $limit rows.
// :param documentNames => null
// :param projectId => null
// :param documentName => null
// :param region => null
// :param unitId => null
// :param year => null
// :param documentKind => null
// :param after => null
// :param limit => 100
MATCH (p:Project)-[:DECLARED_IN]->(d:Document)
WHERE ($projectId IS NULL OR p.id = $projectId) AND ($documentNames IS NULL OR d.name IN $documentNames)
  AND ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
  AND ($documentKind IS NULL OR d.kind = $documentKind) AND ($unitId IS NULL OR p.unitId = $unitId)
  AND ($year IS NULL OR coalesce(p.year, d.year) = $year)
WITH p, d, coalesce(d.year, p.year) AS year
WHERE year IS NOT NULL
MATCH (before:Project {name: p.name})-[:DECLARED_IN]->(bd:Document)
WHERE before.unitId = p.unitId AND before.id <> p.id AND coalesce(bd.year, before.year) < year
WITH p, d, before, bd, coalesce(bd.year, before.year) AS beforeYear
ORDER BY beforeYear DESC, bd.name
WITH p, d, head(collect({p: before, d: bd, year: beforeYear})) AS previous
WITH p, d, previous, previous.p AS before
CALL (before) {
  MATCH (before)-[:HAS_TARGET]->(b:Target)-[:MEASURES]->(i:Indicator)
  RETURN collect({indicator: i.id, value: coalesce(b.annualNormalized, b.annualRaw), line: b.line}) AS earlier
}
MATCH (p)-[:HAS_TARGET]->(t:Target)-[:MEASURES]->(i:Indicator)
WITH p, d, previous, t, coalesce(t.annualNormalized, t.annualRaw) AS value,
     head([e IN earlier WHERE e.indicator = i.id AND e.value = coalesce(t.annualNormalized, t.annualRaw)]) AS same
WHERE same IS NOT NULL AND value IS NOT NULL
WITH p, d, previous, t, same, 'TARGET_UNCHANGED_ACROSS_YEARS' AS kind,
     d.name + '|' + right('0000000' + toString(t.line), 8) + '|TARGET_UNCHANGED_ACROSS_YEARS|' + t.id AS key
WHERE $after IS NULL OR key > $after
RETURN kind, 'INFO' AS severity,
       [t.indicatorName, coalesce(t.annualRaw, t.periodRaw), toString(previous.year), previous.d.name, toString(same.line)] AS args,
       key, p AS project, t AS target, d AS document, t.line AS line, previous.p AS relatedProject
ORDER BY key
LIMIT $limit
