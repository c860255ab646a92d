// Indicator reuse: indicators measured by at least $minProjects projects, most reused first, with how many
// projects, units and documents use them and which. Coded indicators are one node per code, uncoded ones one
// node per normalised name, so counting projects per node is the reuse the reform teams ask about.
// Keyset page: rows after ($afterCount, $afterKey) in (projectCount DESC, key ASC) order; totalCount counts
// every qualifying indicator. $coded, $nameContains, $documentName, $region narrow what is counted (null = all).
// Unnarrowed, the counts are the ones stored on the indicator (projectCount, documentCount; unitCount is the degree
// of its USES relationships; see cypher/schema/040_counts.cypher), so nothing is traversed but the page's rows, and
// only when $expand asks for their projects, units and documents. Narrowed to a document or a region, the uses are
// counted from the targets' project and document ids; the stored projectCount still bounds them from above, so it
// is the first cut either way.
// :param minProjects => 2
// :param coded => null
// :param nameContains => null
// :param documentName => null
// :param region => null
// :param afterCount => null
// :param afterKey => null
// :param limit => 20
// :param expand => true
CALL () {
  MATCH (d:Document)
  WHERE ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
  RETURN collect(d.id) AS documentIds
}
CALL (documentIds) {
  // unnarrowed: the stored counts; the two degrees are read below, for the page's rows only
  WITH documentIds WHERE $documentName IS NULL AND $region IS NULL
  MATCH (i:Indicator)
  WHERE i.projectCount >= $minProjects
    AND ($coded IS NULL OR i.coded = $coded)
    AND ($nameContains IS NULL OR i.normalizedName CONTAINS $nameContains OR i.name CONTAINS $nameContains)
  RETURN i, i.projectCount AS projectCount, i.documentCount AS documentCount, null AS targetCount, null AS unitCount
  UNION
  // narrowed to a document or a region: counted from the targets, the stored count still a first cut
  WITH documentIds WHERE $documentName IS NOT NULL OR $region IS NOT NULL
  MATCH (i:Indicator)
  WHERE i.projectCount >= $minProjects
    AND ($coded IS NULL OR i.coded = $coded)
    AND ($nameContains IS NULL OR i.normalizedName CONTAINS $nameContains OR i.name CONTAINS $nameContains)
  CALL (i, documentIds) {
    MATCH (i)<-[:MEASURES]-(t:Target)
    WHERE t.documentId IN documentIds
    CALL (t) {
      MATCH (u:Unit)-[:HAS_PROJECT]->(:Project)-[:HAS_TARGET]->(t)
      RETURN u.id AS unitId
    }
    RETURN count(DISTINCT t.projectId) AS projectCount, count(DISTINCT t.documentId) AS documentCount,
           count(t) AS targetCount, count(DISTINCT unitId) AS unitCount
  }
  RETURN i, projectCount, documentCount, targetCount, unitCount
}
WITH documentIds, i, projectCount, documentCount, targetCount, unitCount
WHERE projectCount >= $minProjects
// every qualifying indicator is kept for totalCount, as a few small values (not the node: 8 concurrent requests
// collecting 20k whole nodes filled Neo4j's transaction memory pool at 1M targets)
WITH documentIds, collect({node: elementId(i), key: i.key, projectCount: projectCount, documentCount: documentCount,
                           targetCount: targetCount, unitCount: unitCount}) AS rows
UNWIND rows AS r
WITH documentIds, size(rows) AS totalCount, r
WHERE $afterCount IS NULL OR r.projectCount < $afterCount
   OR (r.projectCount = $afterCount AND r.key > $afterKey)
WITH documentIds, totalCount, r
ORDER BY r.projectCount DESC, r.key
LIMIT $limit
MATCH (i:Indicator) WHERE elementId(i) = r.node
WITH documentIds, totalCount, r, i, coalesce(r.targetCount, COUNT { (i)<-[:MEASURES]-() }) AS targetCount,
     coalesce(r.unitCount, COUNT { (i)<-[:USES]-() }) AS unitCount
CALL (i, documentIds) {
  WITH i, documentIds WHERE $expand
  MATCH (i)<-[:MEASURES]-(t:Target)<-[:HAS_TARGET]-(p:Project)-[:DECLARED_IN]->(d:Document)
  WHERE ($documentName IS NULL AND $region IS NULL) OR t.documentId IN documentIds
  MATCH (u:Unit)-[:HAS_PROJECT]->(p)
  WITH DISTINCT p, u, d
  ORDER BY d.name, p.line
  RETURN collect(p) AS projects, collect(DISTINCT u) AS units, collect(DISTINCT d) AS documents
  UNION
  WITH i WHERE NOT $expand
  RETURN [] AS projects, [] AS units, [] AS documents
}
RETURN totalCount, i AS indicator, r.projectCount AS projectCount, unitCount,
       r.documentCount AS documentCount, targetCount, projects, units, documents
ORDER BY projectCount DESC, indicator.key
