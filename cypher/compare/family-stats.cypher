// The targets of a page of indicator families ($families: [{id, members: [indicator ids], level1}]), grouped
// per family, unit and value unit: each group's numbers (numeric targets: 年度 value, else 实施周期), its
// targets and its project ids. The API picks each family's measure and computes min, median, max.
// :param families => [{id: 'satisfaction', members: [], level1: '满意度指标'}]
UNWIND $families AS f
CALL (f) {
  MATCH (i:Indicator) WHERE i.id IN f.members
  MATCH (i)<-[:MEASURES]-(t:Target)
  WHERE f.level1 IS NULL OR t.level1 = f.level1
  MATCH (p:Project {id: t.projectId})
  WITH p, CASE WHEN t.annualRaw IS NOT NULL THEN [t.annualKind, t.annualNumber, t.annualUnit]
               ELSE [t.periodKind, t.periodNumber, t.periodUnit] END AS v
  WITH p.unitId AS unitId, CASE WHEN v[0] = 'NUMERIC' THEN coalesce(v[2], '') END AS measure,
       collect(CASE WHEN v[0] = 'NUMERIC' THEN v[1] END) AS numbers, collect(DISTINCT p.id) AS projectIds
  MATCH (u:Unit {id: unitId})
  RETURN collect({unit: u, measure: measure, numbers: numbers, projectIds: projectIds}) AS groups
}
RETURN f.id AS family, groups
