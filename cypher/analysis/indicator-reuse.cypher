// Indicator reuse: indicators measured by at least $minProjects projects, most reused first, with how many
// projects, units and documents use them and which. Coded indicators are one node per code, uncoded ones one
// node per normalised name, so counting projects per node is the reuse the reform teams ask about.
// Keyset page: rows after ($afterCount, $afterKey) in (projectCount DESC, key ASC) order; totalCount counts
// every qualifying indicator. $coded, $nameContains, $documentName, $region narrow what is counted (null = all).
// Counting reads the project and document ids stored on each target; only the page's rows are expanded.
// :param minProjects => 2
// :param coded => null
// :param nameContains => null
// :param documentName => null
// :param region => null
// :param afterCount => null
// :param afterKey => null
// :param limit => 20
CALL () {
  MATCH (d:Document)
  WHERE ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
  RETURN collect(d.id) AS documentIds
}
MATCH (i:Indicator)
WHERE ($coded IS NULL OR i.coded = $coded)
  AND ($nameContains IS NULL OR i.normalizedName CONTAINS $nameContains OR i.name CONTAINS $nameContains)
  // the relationship count is read from the node's degree: a cheap filter before any traversal
  AND COUNT { (i)<-[:MEASURES]-() } >= $minProjects
CALL (i, documentIds) {
  MATCH (i)<-[:MEASURES]-(t:Target)
  WHERE ($documentName IS NULL AND $region IS NULL) OR t.documentId IN documentIds
  RETURN count(DISTINCT t.projectId) AS projectCount, count(DISTINCT t.documentId) AS documentCount,
         count(t) AS targetCount
}
WITH documentIds, i, projectCount, documentCount, targetCount
WHERE projectCount >= $minProjects
WITH documentIds, collect({i: i, projectCount: projectCount, documentCount: documentCount, targetCount: targetCount}) AS rows
UNWIND rows AS r
WITH documentIds, size(rows) AS totalCount, r
WHERE $afterCount IS NULL OR r.projectCount < $afterCount
   OR (r.projectCount = $afterCount AND r.i.key > $afterKey)
WITH documentIds, totalCount, r
ORDER BY r.projectCount DESC, r.i.key
LIMIT $limit
WITH documentIds, totalCount, r, r.i AS i
CALL (i, documentIds) {
  MATCH (i)<-[:MEASURES]-(t:Target)<-[:HAS_TARGET]-(p:Project)-[:DECLARED_IN]->(d:Document)
  WHERE ($documentName IS NULL AND $region IS NULL) OR t.documentId IN documentIds
  MATCH (u:Unit)-[:HAS_PROJECT]->(p)
  WITH DISTINCT p, u, d
  ORDER BY d.name, p.line
  RETURN collect(p) AS projects, collect(DISTINCT u) AS units, collect(DISTINCT d) AS documents
}
RETURN totalCount, i AS indicator, r.projectCount AS projectCount, size(units) AS unitCount,
       r.documentCount AS documentCount, r.targetCount AS targetCount, projects, units, documents
ORDER BY projectCount DESC, indicator.key
