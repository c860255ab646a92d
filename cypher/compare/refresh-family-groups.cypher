// Recomputes stored family groups from the targets, per scope: a unit's every bucket (buckets null: an import, a
// removal, a structural edit) or only the listed buckets of that unit (a target's field edit changes the buckets of
// the indicators it measures and measured, nothing else). Deletes the scope's (:FamilyUnit) and (:FamilyValues),
// then writes one FamilyUnit per bucket the unit files (its projects' ids) and one FamilyValues per
// bucket, measure and direction with the numeric targets' numbers (年度 value, else 实施周期), sorted. A rule's
// targets count under its L1 only ($rules: [{key, level1}], level1 null: any). Direction as the looser-than-peers
// finding reads it: ≤ < and = on a 反向 row ask for less (-1), the rest for more (1). A unit without projects keeps
// no groups. Run by the write that touched the units, units in id order (so parallel writers lock in one order).
// A listed bucket's members are found from their indicators (a rule's by its stored key, 'i:<id>' by the id), so
// a value edit reads that bucket's targets of the unit only.
// :param scopes => [{unitId: 'U...', buckets: null}, {unitId: 'U...', buckets: ['satisfaction', 'i:I...']}]
// :param rules => [{key: 'satisfaction', level1: '满意度指标'}]
UNWIND $scopes AS scope
WITH scope.unitId AS unitId, scope.buckets AS buckets
CALL (unitId, buckets) {
  MATCH (g:FamilyUnit {unitId: unitId})
  WHERE buckets IS NULL OR g.bucket IN buckets
  DELETE g
}
CALL (unitId, buckets) {
  MATCH (g:FamilyValues {unitId: unitId})
  WHERE buckets IS NULL OR g.bucket IN buckets
  DELETE g
}
CALL (unitId, buckets) {
  WITH unitId, buckets, CASE WHEN buckets IS NULL
    THEN COLLECT {
      MATCH (:Unit {id: unitId})-[:HAS_PROJECT]->(p:Project)-[:HAS_TARGET]->(t:Target)-[:MEASURES]->(i:Indicator)
      RETURN [p, t, i]
    }
    ELSE COLLECT {
      UNWIND buckets AS bucket
      MATCH (i:Indicator)
      WHERE i.familyRule = bucket OR i.id = CASE WHEN bucket STARTS WITH 'i:' THEN substring(bucket, 2) END
      MATCH (i)<-[:MEASURES]-(t:Target)<-[:HAS_TARGET]-(p:Project {unitId: unitId})
      RETURN [p, t, i]
    } END AS found
  UNWIND found AS row
  WITH row[0] AS p, row[1] AS t, row[2] AS i, buckets
  WHERE i.familyRule IS NOT NULL AND i.familyRule <> '-'
  WITH p, t, i, buckets, [r IN $rules WHERE r.key = i.familyRule | r.level1] AS rule
  WHERE i.familyRule = '' OR (size(rule) > 0 AND (rule[0] IS NULL OR t.level1 = rule[0]))
  WITH p, t, buckets, CASE WHEN i.familyRule = '' THEN 'i:' + i.id ELSE i.familyRule END AS bucket
  WHERE buckets IS NULL OR bucket IN buckets
  WITH p, t, bucket,
       CASE WHEN t.annualRaw IS NOT NULL THEN [t.annualKind, t.annualNumber, t.annualUnit, t.annualComparator]
            ELSE [t.periodKind, t.periodNumber, t.periodUnit, t.periodComparator] END AS v
  WITH bucket, p.id AS projectId,
       CASE WHEN v[0] = 'NUMERIC' AND v[1] IS NOT NULL THEN
         {measure: coalesce(v[2], ''), number: toFloat(v[1]),
          sense: CASE WHEN v[3] IN ['LE', 'LT'] OR (coalesce(v[3], 'EQ') = 'EQ' AND t.direction = 'NEGATIVE') THEN -1 ELSE 1 END}
       END AS value
  ORDER BY bucket, projectId
  WITH bucket, collect(DISTINCT projectId) AS projectIds, collect(value) AS values
  CREATE (:FamilyUnit {key: bucket + '|' + unitId, bucket: bucket, unitId: unitId, projectIds: projectIds})
  WITH bucket, values
  UNWIND values AS x
  WITH bucket, x.measure AS measure, x.sense AS sense, x.number AS number
  ORDER BY bucket, measure, sense, number
  WITH bucket, measure, sense, collect(number) AS numbers
  CREATE (:FamilyValues {key: bucket + '|' + unitId + '|' + measure + '|' + toString(sense), bucket: bucket,
                         unitId: unitId, measure: measure, sense: sense, numbers: numbers})
}
