// Projects with a target whose indicator code starts with 111, 20 per page, with totalCount
// From the indicator code index to the projects; the count and the first page in one statement.
// :param prefix => "111"
// :param first => 20
CALL () {
  MATCH (i:Indicator) WHERE i.code STARTS WITH $prefix
  MATCH (i)<-[:MEASURES]-(:Target)<-[:HAS_TARGET]-(p:Project)
  RETURN count(DISTINCT p) AS totalCount
}
CALL () {
  MATCH (i:Indicator) WHERE i.code STARTS WITH $prefix
  MATCH (i)<-[:MEASURES]-(:Target)<-[:HAS_TARGET]-(p:Project)
  WITH DISTINCT p ORDER BY p.name, p.id LIMIT $first + 1
  RETURN collect(p {.id, .name, .amount}) AS page
}
RETURN totalCount, page
