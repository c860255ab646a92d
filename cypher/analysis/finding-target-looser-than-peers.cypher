// Finding TARGET_LOOSER_THAN_PEERS: a numeric target (年度 value, else 实施周期) looser than three quarters
// ($looserShare) of the other targets of its indicator family with the same comparator direction (≥ > and = ask
// for more, ≤ < and = on a 反向 row for less) and the family's measure, where there are at least $minPeers of them.
// $families: [{id, name, members: [indicator ids], buckets, level1 (null: any), measure (null: the family's most
// frequent)}]
// as the API assigns them from indicator-families.txt (see valueBenchmarks, which shows the same figures).
// The family's distinct (measure, direction, number) counts come from the groups kept at write time ((:FamilyValues)
// of its buckets: cypher/schema/070_families.cypher), not from its targets; they find, per direction, the numbers
// looser than the share (the stricter peers of a number are the counts of the numbers above it, for ≤ below it);
// one pass over the family's targets then returns those with such numbers. So the memory grows with distinct
// values, not targets (holding every target's row ran out of transaction memory at 1M targets).
// Filters (null = all): $projectId, $documentName, $region, $unitId, $year (the project's, else its
// document's), $documentKind. Keyset page: keys after $after, $limit rows.
// :param families => [{id: 'satisfaction', name: '满意度', members: [], buckets: ['satisfaction'], level1: '满意度指标', measure: '%'}]
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
  MATCH (g:FamilyValues) WHERE g.bucket IN f.buckets
  UNWIND g.numbers AS number
  WITH g.measure AS measure, number, g.sense AS sense, count(*) AS n
  RETURN collect({measure: measure, number: number, sense: sense, n: n}) AS values
}
WITH f, values, coalesce(f.measure,
     head(COLLECT { UNWIND values AS x WITH x.measure AS m, sum(x.n) AS n ORDER BY n DESC, m RETURN m })) AS measure
UNWIND [1, -1] AS sense
WITH f, measure, sense, [x IN values WHERE x.measure = measure AND x.sense = sense] AS peers
WITH f, measure, sense, peers, reduce(s = 0, x IN peers | s + x.n) - 1 AS others
WHERE others >= $minPeers
WITH f, measure, sense, others,
     [x IN peers | {number: x.number,
                    stricter: reduce(s = 0, y IN peers | s + CASE WHEN (sense = 1 AND y.number > x.number)
                                                                   OR (sense = -1 AND y.number < x.number) THEN y.n ELSE 0 END)}] AS ranks
WITH f, measure, sense, others, [k IN ranks WHERE toFloat(k.stricter) / others >= $looserShare] AS looser
WHERE size(looser) > 0
CALL (f, measure, sense, looser) {
  MATCH (i:Indicator) WHERE i.id IN f.members
  MATCH (i)<-[:MEASURES]-(t:Target)
  WHERE (f.level1 IS NULL OR t.level1 = f.level1) AND ($projectId IS NULL OR t.projectId = $projectId)
  WITH t, CASE WHEN t.annualRaw IS NOT NULL THEN [t.annualKind, t.annualNumber, t.annualUnit, t.annualComparator, t.annualRaw]
               ELSE [t.periodKind, t.periodNumber, t.periodUnit, t.periodComparator, t.periodRaw] END AS v
  WHERE v[0] = 'NUMERIC' AND coalesce(v[2], '') = measure
    AND sense = CASE WHEN v[3] IN ['LE', 'LT'] OR (coalesce(v[3], 'EQ') = 'EQ' AND t.direction = 'NEGATIVE') THEN -1 ELSE 1 END
  WITH t, v, [k IN looser WHERE k.number = v[1]] AS hit
  WHERE size(hit) > 0
  RETURN t, v[4] AS raw, hit[0].stricter AS stricter
}
MATCH (p:Project)-[:HAS_TARGET]->(t)-[:SOURCE]->(d:Document)
WHERE ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
  AND ($documentKind IS NULL OR d.kind = $documentKind) AND ($unitId IS NULL OR p.unitId = $unitId)
  AND ($year IS NULL OR coalesce(p.year, d.year) = $year)
WITH p, t, d, f, raw, others, stricter, 'TARGET_LOOSER_THAN_PEERS' AS kind,
     d.name + '|' + right('0000000' + toString(t.line), 8) + '|TARGET_LOOSER_THAN_PEERS|' + t.id AS key
WHERE $after IS NULL OR key > $after
RETURN kind, 'WARNING' AS severity, [t.indicatorName, raw, f.name, toString(others), toString(stricter)] AS args,
       key, p AS project, t AS target, d AS document, t.line AS line, null AS relatedProject
ORDER BY key
LIMIT $limit
