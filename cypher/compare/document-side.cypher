// One side of a document comparison: the named document, its projects in document order with their goal texts
// (first statement of each kind), and every target with its indicator's code, key and normalised name.
// Targets are reached from the document over SOURCE (its own 10,000 at most): written as `MATCH (t:Target) WHERE
// t.documentId = d.id`, the planner scanned every indicator and expanded all 1M targets' MEASURES (3-7 s at 1M
// targets); documentId is still tested, so the set is the same. The pairing runs in the API.
// :param name => '000_4081c7b18e37fcb4.txt'
MATCH (d:Document {name: $name})
CALL (d) {
  MATCH (p:Project)-[:DECLARED_IN]->(d)
  WITH p ORDER BY p.line, p.id
  RETURN collect(p {.*,
    overall: COLLECT { MATCH (p)-[s:STATES {kind: 'OVERALL'}]->(x:Text) RETURN x.normalized ORDER BY s.line LIMIT 1 },
    annual: COLLECT { MATCH (p)-[s:STATES {kind: 'ANNUAL'}]->(x:Text) RETURN x.normalized ORDER BY s.line LIMIT 1 }
  }) AS projects
}
CALL (d) {
  MATCH (d)<-[:SOURCE]-(t:Target)
  WHERE t.documentId = d.id
  MATCH (t)-[:MEASURES]->(i:Indicator)
  WITH t, i ORDER BY t.line, t.ordinal
  RETURN collect({target: t, code: i.code, key: i.key, normalizedName: i.normalizedName}) AS targets
}
RETURN d AS document, projects, targets
