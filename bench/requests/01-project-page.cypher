// A 50-project page with units and targets
// The same rows in one statement: the page by (name, id), each project's unit and its targets in document order.
// :param first => 50
MATCH (p:Project)
WITH p ORDER BY p.name, p.id LIMIT $first + 1
CALL (p) {
  MATCH (u:Unit)-[:HAS_PROJECT]->(p)
  RETURN u LIMIT 1
}
CALL (p) {
  MATCH (p)-[:HAS_TARGET]->(t:Target)-[:MEASURES]->(i:Indicator)
  WITH t, i ORDER BY t.line, t.ordinal
  RETURN collect(t {.id, .line, .indicatorName, .annualRaw, .annualKind, .annualNormalized,
                    indicator: i {.code, .name}}) AS targets
}
RETURN p {.id, .name, .amount, .year, unit: u {.id, .code, .name, .region}, targets: targets} AS project
