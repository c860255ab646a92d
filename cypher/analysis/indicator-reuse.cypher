// Indicator reuse: indicators measured by at least $minProjects projects, most reused first, with how many
// projects, units and documents use them and which. Coded indicators are one node per code, uncoded ones one
// node per normalised name, so counting projects per node is the reuse the reform teams ask about.
// Keyset page: rows after ($afterCount, $afterKey) in (projectCount DESC, key ASC) order; totalCount counts
// every qualifying indicator. The projects (by document and line), units and documents are listed by id: the API
// loads, filters and pages their nodes as explore's child lists. $coded, $nameContains narrow the indicators;
// $documentName, $region, $documentKind, $unitId and $year (the project's, else its document's) narrow which uses
// are counted (null = all).
// Unnarrowed, the counts are the ones stored on the indicator (projectCount, documentCount; unitCount is the degree
// of its USES relationships; see cypher/schema/040_counts.cypher), so nothing is traversed but the page's rows, and
// only when $expand asks for their projects, units and documents. Narrowed, the projects in scope are collected
// first and the uses counted from the targets' project ids; the stored projectCount still bounds them from above,
// so it is the first cut either way.
// :param minProjects => 2
// :param coded => null
// :param nameContains => null
// :param documentName => null
// :param region => null
// :param documentKind => null
// :param unitId => null
// :param year => null
// :param afterCount => null
// :param afterKey => null
// :param limit => 20
// :param expand => true
WITH $documentName IS NOT NULL OR $region IS NOT NULL OR $documentKind IS NOT NULL OR $unitId IS NOT NULL
     OR $year IS NOT NULL AS scoped
CALL (scoped) {
  // the projects in scope (none collected when nothing narrows)
  MATCH (d:Document)
  WHERE scoped AND ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
    AND ($documentKind IS NULL OR d.kind = $documentKind)
  MATCH (d)<-[:DECLARED_IN]-(p:Project)
  WHERE ($unitId IS NULL OR p.unitId = $unitId) AND ($year IS NULL OR coalesce(p.year, d.year) = $year)
  RETURN collect(p.id) AS projectIds
}
CALL (scoped, projectIds) {
  // unnarrowed: the stored counts; the two degrees are read below, for the page's rows only
  WITH projectIds WHERE NOT scoped
  MATCH (i:Indicator)
  WHERE i.projectCount >= $minProjects
    AND ($coded IS NULL OR i.coded = $coded)
    AND ($nameContains IS NULL OR i.normalizedName CONTAINS $nameContains OR i.name CONTAINS $nameContains)
  RETURN i, i.projectCount AS projectCount, i.documentCount AS documentCount, null AS targetCount, null AS unitCount
  UNION
  // narrowed: counted from the targets, the stored count still a first cut
  WITH projectIds WHERE scoped
  MATCH (i:Indicator)
  WHERE i.projectCount >= $minProjects
    AND ($coded IS NULL OR i.coded = $coded)
    AND ($nameContains IS NULL OR i.normalizedName CONTAINS $nameContains OR i.name CONTAINS $nameContains)
  CALL (i, projectIds) {
    MATCH (i)<-[:MEASURES]-(t:Target)
    WHERE t.projectId IN projectIds
    CALL (t) {
      MATCH (u:Unit)-[:HAS_PROJECT]->(:Project)-[:HAS_TARGET]->(t)
      RETURN u.id AS unitId
    }
    RETURN count(DISTINCT t.projectId) AS projectCount, count(DISTINCT t.documentId) AS documentCount,
           count(t) AS targetCount, count(DISTINCT unitId) AS unitCount
  }
  RETURN i, projectCount, documentCount, targetCount, unitCount
}
WITH scoped, projectIds, i, projectCount, documentCount, targetCount, unitCount
WHERE projectCount >= $minProjects
// every qualifying indicator is kept for totalCount, as a few small values (not the node: 8 concurrent requests
// collecting 20k whole nodes filled Neo4j's transaction memory pool at 1M targets)
WITH scoped, projectIds, collect({node: elementId(i), key: i.key, projectCount: projectCount, documentCount: documentCount,
                           targetCount: targetCount, unitCount: unitCount}) AS rows
UNWIND rows AS r
WITH scoped, projectIds, size(rows) AS totalCount, r
WHERE $afterCount IS NULL OR r.projectCount < $afterCount
   OR (r.projectCount = $afterCount AND r.key > $afterKey)
WITH scoped, projectIds, totalCount, r
ORDER BY r.projectCount DESC, r.key
LIMIT $limit
MATCH (i:Indicator) WHERE elementId(i) = r.node
WITH scoped, projectIds, totalCount, r, i, coalesce(r.targetCount, COUNT { (i)<-[:MEASURES]-() }) AS targetCount,
     coalesce(r.unitCount, COUNT { (i)<-[:USES]-() }) AS unitCount
CALL (i, scoped, projectIds) {
  WITH i, scoped, projectIds WHERE $expand
  MATCH (i)<-[:MEASURES]-(t:Target)<-[:HAS_TARGET]-(p:Project)-[:DECLARED_IN]->(d:Document)
  WHERE NOT scoped OR t.projectId IN projectIds
  MATCH (u:Unit)-[:HAS_PROJECT]->(p)
  WITH DISTINCT p, u, d
  ORDER BY d.name, p.line
  RETURN collect(p.id) AS listedProjects, collect(DISTINCT u.id) AS listedUnits, collect(DISTINCT d.id) AS listedDocuments
  UNION
  WITH i WHERE NOT $expand
  RETURN [] AS listedProjects, [] AS listedUnits, [] AS listedDocuments
}
RETURN totalCount, i AS indicator, r.projectCount AS projectCount, unitCount,
       r.documentCount AS documentCount, targetCount, listedProjects AS projectIds, listedUnits AS unitIds,
       listedDocuments AS documentIds
ORDER BY projectCount DESC, indicator.key
