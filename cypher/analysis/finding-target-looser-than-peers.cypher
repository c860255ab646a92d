// Finding TARGET_LOOSER_THAN_PEERS: a numeric target (年度 value, else 实施周期) looser than three quarters
// ($looserShare) of the other targets of its indicator family with the same comparator direction (≥ > and = ask
// for more, ≤ < and = on a 反向 row for less) and the family's measure, where there are at least $minPeers of them.
// $families: [{id, name, members: [indicator ids], level1 (null: any), measure (null: the family's most frequent)}]
// as the API assigns them from indicator-families.txt (see valueBenchmarks, which shows the same figures).
// Per family and direction the distinct numbers are counted once, so the work grows with targets × distinct values.
// Filters (null = all): $projectId, $documentName, $region, $unitId, $year (the project's, else its
// document's), $documentKind. Keyset page: keys after $after, $limit rows.
// :param families => [{id: 'satisfaction', name: '满意度', members: [], level1: '满意度指标', measure: '%'}]
// :param minPeers => 4
// :param looserShare => 0.75
// :param projectId => null
// :param documentName => null
// :param region => null
// :param unitId => null
// :param year => null
// :param documentKind => null
// :param after => null
// :param limit => 100
UNWIND $families AS f
CALL (f) {
  MATCH (i:Indicator) WHERE i.id IN f.members
  MATCH (i)<-[:MEASURES]-(t:Target)
  WHERE f.level1 IS NULL OR t.level1 = f.level1
  WITH t, CASE WHEN t.annualRaw IS NOT NULL THEN [t.annualKind, t.annualNumber, t.annualUnit, t.annualComparator, t.annualRaw]
               ELSE [t.periodKind, t.periodNumber, t.periodUnit, t.periodComparator, t.periodRaw] END AS v
  WHERE v[0] = 'NUMERIC' AND v[1] IS NOT NULL
  RETURN collect({id: t.id, projectId: t.projectId, number: v[1], measure: coalesce(v[2], ''), raw: v[4],
                  sense: CASE WHEN v[3] IN ['LE', 'LT'] OR (coalesce(v[3], 'EQ') = 'EQ' AND t.direction = 'NEGATIVE')
                              THEN -1 ELSE 1 END}) AS rows
}
WITH f, rows, coalesce(f.measure,
     head(COLLECT { UNWIND rows AS r WITH r.measure AS m, count(*) AS n ORDER BY n DESC, m RETURN m })) AS measure
UNWIND [1, -1] AS sense
WITH f, sense, [r IN rows WHERE r.measure = measure AND r.sense = sense] AS peers
WHERE size(peers) - 1 >= $minPeers
WITH f, sense, peers, reduce(xs = [], r IN peers | CASE WHEN r.number IN xs THEN xs ELSE xs + r.number END) AS numbers
WITH f, sense, peers, [x IN numbers | {x: x, stricter: size([r IN peers WHERE (sense = 1 AND r.number > x)
                                                                      OR (sense = -1 AND r.number < x)])}] AS ranks
UNWIND peers AS r
WITH f, r, size(peers) - 1 AS others, head([k IN ranks WHERE k.x = r.number | k.stricter]) AS stricter
WHERE toFloat(stricter) / others >= $looserShare AND ($projectId IS NULL OR r.projectId = $projectId)
MATCH (p:Project)-[:HAS_TARGET]->(t:Target {id: r.id})-[:SOURCE]->(d:Document)
WHERE ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
  AND ($documentKind IS NULL OR d.kind = $documentKind) AND ($unitId IS NULL OR p.unitId = $unitId)
  AND ($year IS NULL OR coalesce(p.year, d.year) = $year)
WITH p, t, d, f, r, others, stricter, 'TARGET_LOOSER_THAN_PEERS' AS kind,
     d.name + '|' + right('0000000' + toString(t.line), 8) + '|TARGET_LOOSER_THAN_PEERS|' + t.id AS key
WHERE $after IS NULL OR key > $after
RETURN kind, 'WARNING' AS severity, [t.indicatorName, r.raw, f.name, toString(others), toString(stricter)] AS args,
       key, p AS project, t AS target, d AS document, t.line AS line, null AS relatedProject
ORDER BY key
LIMIT $limit
