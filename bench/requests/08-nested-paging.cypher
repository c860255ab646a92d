// Nested paging: 20 indicators, each with its first 5 projects (counted), each with its first 5 targets
// The indicators by (name, id); per indicator its distinct projects by (name, id), the first 5, and the stored
// distinct-project count; per project its first 5 targets in document order.
// :param first => 20
MATCH (i:Indicator)
WITH i ORDER BY i.name, i.id LIMIT $first
CALL (i) {
  MATCH (i)<-[:MEASURES]-(:Target)<-[:HAS_TARGET]-(p:Project)
  WITH DISTINCT p ORDER BY p.name, p.id LIMIT 5
  CALL (p) {
    MATCH (p)-[:HAS_TARGET]->(t:Target)
    WITH t ORDER BY t.line, t.ordinal, t.id LIMIT 5
    RETURN collect(t.annualRaw) AS targets
  }
  RETURN collect({name: p.name, targets: targets}) AS projects
}
RETURN i.name AS name, i.projectCount AS totalCount, projects
