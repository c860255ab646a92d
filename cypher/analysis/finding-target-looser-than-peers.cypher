// Finding TARGET_LOOSER_THAN_PEERS: a numeric target (年度 value, else 实施周期) looser than three quarters
// (IndicatorFamilies.LOOSER_SHARE) of the other targets of its indicator family with the same comparator direction
// (≥ > and = ask for more, ≤ < and = on a 反向 row for less) and the family's measure, where there are at least
// IndicatorFamilies.MIN_PEERS of them.
// $ranked: per family and direction with such numbers {id, name, members: [indicator ids], level1 (null: any),
// measure, sense, others, looser: [{number, stricter}]}, as cypher/compare/family-looser-ranks.cypher finds them
// from the groups kept at write time (the API runs it once per write generation, for the families it assigns from
// indicator-families.txt; valueBenchmarks shows the same figures); $rankedOf maps a member indicator's id to the
// places of its family's entries in $ranked. One pass over the documents' targets then returns those with such
// numbers (reached from the documents, so a page of a few documents reads their targets only).
// Filters (null = all): $projectId, $documentName, $region, $unitId, $year (the project's, else its
// document's), $documentKind; $documentNames (null = all) narrows to a list of documents (Findings pages through
// the documents in key order). Keyset page: keys after $after, $limit rows.
// :param documentNames => null
// :param rankedOf => {}
// :param ranked => [{id: 'satisfaction', name: '满意度', members: [], level1: '满意度指标', measure: '%', sense: 1, others: 10, looser: [{number: 70.0, stricter: 9}]}]
// :param projectId => null
// :param documentName => null
// :param region => null
// :param unitId => null
// :param year => null
// :param documentKind => null
// :param after => null
// :param limit => 100
MATCH (d:Document)
WHERE ($documentNames IS NULL OR d.name IN $documentNames) AND ($documentName IS NULL OR d.name = $documentName)
  AND ($region IS NULL OR d.region = $region) AND ($documentKind IS NULL OR d.kind = $documentKind)
MATCH (d)<-[:SOURCE]-(t:Target)-[:MEASURES]->(i:Indicator)
WHERE $projectId IS NULL OR t.projectId = $projectId
UNWIND coalesce($rankedOf[i.id], []) AS k
WITH d, t, $ranked[k] AS f
WHERE f.level1 IS NULL OR t.level1 = f.level1
WITH d, t, f, CASE WHEN t.annualRaw IS NOT NULL THEN [t.annualKind, t.annualNumber, t.annualUnit, t.annualComparator, t.annualRaw]
                   ELSE [t.periodKind, t.periodNumber, t.periodUnit, t.periodComparator, t.periodRaw] END AS v
WHERE v[0] = 'NUMERIC' AND coalesce(v[2], '') = f.measure
  AND f.sense = CASE WHEN v[3] IN ['LE', 'LT'] OR (coalesce(v[3], 'EQ') = 'EQ' AND t.direction = 'NEGATIVE') THEN -1 ELSE 1 END
WITH d, t, f, v, [x IN f.looser WHERE x.number = v[1]] AS hit
WHERE size(hit) > 0
MATCH (p:Project)-[:HAS_TARGET]->(t)
WHERE ($unitId IS NULL OR p.unitId = $unitId) AND ($year IS NULL OR coalesce(p.year, d.year) = $year)
WITH p, t, d, f, v[4] AS raw, f.others AS others, hit[0].stricter AS stricter
WITH p, t, d, f, raw, others, stricter, 'TARGET_LOOSER_THAN_PEERS' AS kind,
     d.name + '|' + right('0000000' + toString(t.line), 8) + '|TARGET_LOOSER_THAN_PEERS|' + t.id AS key
WHERE $after IS NULL OR key > $after
RETURN kind, 'WARNING' AS severity, [t.indicatorName, raw, f.name, toString(others), toString(stricter)] AS args,
       key, p AS project, t AS target, d AS document, t.line AS line, null AS relatedProject
ORDER BY key
LIMIT $limit
