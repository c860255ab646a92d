// Boilerplate targets: the same indicator with the same normalised value (年度 value; the verbatim cell where
// it could not be normalised) filed by at least $minProjects projects, most widespread first, with every target
// (project, document, line). $region and $documentName narrow what is counted (null = all).
// Counting reads the project and document ids stored on each target; only the page's rows are expanded.
// :param minProjects => 3
// :param region => null
// :param documentName => null
// :param limit => 50
CALL () {
  MATCH (d:Document)
  WHERE ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
  RETURN collect(d.id) AS documentIds
}
MATCH (i:Indicator)
WHERE COUNT { (i)<-[:MEASURES]-() } >= $minProjects
MATCH (i)<-[:MEASURES]-(t:Target)
WHERE ($documentName IS NULL AND $region IS NULL) OR t.documentId IN documentIds
WITH documentIds, i, coalesce(t.annualNormalized, t.annualRaw) AS value,
     count(DISTINCT t.projectId) AS projectCount, count(DISTINCT t.documentId) AS documentCount
WHERE value IS NOT NULL AND projectCount >= $minProjects
WITH documentIds, i, value, projectCount, documentCount
ORDER BY projectCount DESC, i.key, value
LIMIT $limit
CALL (documentIds, i, value) {
  MATCH (i)<-[:MEASURES]-(t:Target)<-[:HAS_TARGET]-(p:Project)
  WHERE coalesce(t.annualNormalized, t.annualRaw) = value
    AND (($documentName IS NULL AND $region IS NULL) OR t.documentId IN documentIds)
  MATCH (t)-[:SOURCE]->(d:Document)
  WITH t, p, d ORDER BY d.name, t.line
  RETURN collect({target: t, project: p, document: d}) AS targets, count(DISTINCT p.unitId) AS unitCount
}
RETURN i AS indicator, value, projectCount, unitCount, documentCount, targets
ORDER BY projectCount DESC, indicator.key, value
