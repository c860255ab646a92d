// Indicators by project count, top 20
// Counts distinct projects per indicator through the targets' projectId property (no hop to the project).
// :param first => 20
MATCH (i:Indicator)
CALL (i) {
  MATCH (i)<-[:MEASURES]-(t:Target)
  RETURN count(DISTINCT t.projectId) AS projectCount
}
WITH i, projectCount ORDER BY projectCount DESC, i.id LIMIT $first
RETURN i {.id, .code, .name, projectCount: projectCount} AS indicator
