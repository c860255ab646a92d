// Boilerplate targets: the same indicator with the same normalised value (年度 value; the verbatim cell where
// it could not be normalised) filed by at least $minProjects projects, most widespread first, with the ids of every
// target and its project, by document and line (the API loads, filters and pages their nodes as explore's child
// lists). $documentName, $region, $documentKind, $unitId and $year (the project's, else its
// document's) narrow what is counted (null = all): the projects in scope are collected first.
// Counting reads the project and document ids stored on each target; only the page's rows are expanded.
// :param minProjects => 3
// :param region => null
// :param documentName => null
// :param documentKind => null
// :param unitId => null
// :param year => null
// :param limit => 50
WITH $documentName IS NOT NULL OR $region IS NOT NULL OR $documentKind IS NOT NULL OR $unitId IS NOT NULL
     OR $year IS NOT NULL AS scoped
CALL (scoped) {
  MATCH (d:Document)
  WHERE scoped AND ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
    AND ($documentKind IS NULL OR d.kind = $documentKind)
  MATCH (d)<-[:DECLARED_IN]-(p:Project)
  WHERE ($unitId IS NULL OR p.unitId = $unitId) AND ($year IS NULL OR coalesce(p.year, d.year) = $year)
  RETURN collect(p.id) AS projectIds
}
MATCH (i:Indicator)
WHERE COUNT { (i)<-[:MEASURES]-() } >= $minProjects
MATCH (i)<-[:MEASURES]-(t:Target)
WHERE NOT scoped OR t.projectId IN projectIds
WITH scoped, projectIds, i, coalesce(t.annualNormalized, t.annualRaw) AS value,
     count(DISTINCT t.projectId) AS projectCount, count(DISTINCT t.documentId) AS documentCount
WHERE value IS NOT NULL AND projectCount >= $minProjects
WITH scoped, projectIds, i, value, projectCount, documentCount
ORDER BY projectCount DESC, i.key, value
LIMIT $limit
CALL (scoped, projectIds, i, value) {
  MATCH (i)<-[:MEASURES]-(t:Target)<-[:HAS_TARGET]-(p:Project)
  WHERE coalesce(t.annualNormalized, t.annualRaw) = value
    AND (NOT scoped OR t.projectId IN projectIds)
  MATCH (t)-[:SOURCE]->(d:Document)
  WITH t, p, d ORDER BY d.name, t.line
  RETURN collect(t.id) AS targetIds, collect(p.id) AS targetProjectIds, count(DISTINCT p.unitId) AS unitCount
}
RETURN i AS indicator, value, projectCount, unitCount, documentCount, targetIds, targetProjectIds
ORDER BY projectCount DESC, indicator.key, value
