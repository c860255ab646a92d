// indicatorReuse, first 20
// cypher/analysis/indicator-reuse.cypher with its filters at null: counts per indicator, a keyset page of 20.
// :param minProjects => 2
// :param first => 20
MATCH (i:Indicator)
WHERE COUNT { (i)<-[:MEASURES]-() } >= $minProjects
CALL (i) {
  MATCH (i)<-[:MEASURES]-(t:Target)<-[:HAS_TARGET]-(p:Project)-[:DECLARED_IN]->(d:Document)
  RETURN count(DISTINCT p) AS projectCount, count(DISTINCT p.unitId) AS unitCount,
         count(DISTINCT d) AS documentCount, count(t) AS targetCount
}
WITH i, projectCount, unitCount, documentCount, targetCount
WHERE projectCount >= $minProjects
WITH collect({i: i, projectCount: projectCount, unitCount: unitCount, documentCount: documentCount}) AS rows
UNWIND rows AS r
WITH size(rows) AS totalCount, r ORDER BY r.projectCount DESC, r.i.key LIMIT $first
WITH totalCount, r, r.i AS i
RETURN totalCount, i {.id, .code, .name} AS indicator, r.projectCount AS projectCount,
       r.unitCount AS unitCount, r.documentCount AS documentCount
