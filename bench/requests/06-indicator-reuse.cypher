// indicatorReuse, first 20
// cypher/analysis/indicator-reuse.cypher with its filters at null and without the page's evidence lists:
// distinct projects and documents per indicator from the ids stored on its targets, the first keyset page of 20.
// :param minProjects => 2
// :param first => 20
MATCH (i:Indicator)
WHERE COUNT { (i)<-[:MEASURES]-() } >= $minProjects
CALL (i) {
  MATCH (i)<-[:MEASURES]-(t:Target)
  RETURN count(DISTINCT t.projectId) AS projectCount, count(DISTINCT t.documentId) AS documentCount,
         count(t) AS targetCount
}
WITH i, projectCount, documentCount, targetCount
WHERE projectCount >= $minProjects
WITH collect({i: i, projectCount: projectCount, documentCount: documentCount}) AS rows
UNWIND rows AS r
WITH size(rows) AS totalCount, r ORDER BY r.projectCount DESC, r.i.key LIMIT $first
WITH totalCount, r, r.i AS i
MATCH (i)<-[:MEASURES]-(:Target)<-[:HAS_TARGET]-(:Project)<-[:HAS_PROJECT]-(u:Unit)
WITH totalCount, r, i, count(DISTINCT u) AS unitCount
RETURN totalCount, i {.id, .code, .name} AS indicator, r.projectCount AS projectCount, unitCount,
       r.documentCount AS documentCount
ORDER BY projectCount DESC, i.key
