// indicatorReuse, first 20
// cypher/analysis/indicator-reuse.cypher with its filters at null and without the page's evidence lists: the
// stored counts (projectCount, documentCount on the indicator; unitCount = the degree of its USES relationships),
// every qualifying indicator counted for totalCount, the first keyset page of 20.
// :param minProjects => 2
// :param first => 20
MATCH (i:Indicator)
WHERE i.projectCount >= $minProjects
WITH collect(i) AS rows
UNWIND rows AS i
WITH size(rows) AS totalCount, i ORDER BY i.projectCount DESC, i.key LIMIT $first
RETURN totalCount, i {.id, .code, .name} AS indicator, i.projectCount AS projectCount,
       COUNT { (i)<-[:USES]-() } AS unitCount, i.documentCount AS documentCount, i.key AS key
ORDER BY projectCount DESC, key
