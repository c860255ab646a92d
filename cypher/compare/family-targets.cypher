// The numeric targets of one indicator family ($members: indicator ids, $level1: its L1 or null) with their unit:
// what valueBenchmarks sets against the family's median (the API keeps the family's measure only).
// :param members => []
// :param level1 => '满意度指标'
MATCH (i:Indicator) WHERE i.id IN $members
MATCH (i)<-[:MEASURES]-(t:Target)
WHERE $level1 IS NULL OR t.level1 = $level1
WITH t, CASE WHEN t.annualRaw IS NOT NULL THEN [t.annualKind, t.annualNumber, t.annualUnit, t.annualComparator]
             ELSE [t.periodKind, t.periodNumber, t.periodUnit, t.periodComparator] END AS v
WHERE v[0] = 'NUMERIC' AND v[1] IS NOT NULL
MATCH (p:Project {id: t.projectId})
MATCH (u:Unit {id: p.unitId})
RETURN t AS target, u AS unit, v[1] AS number, coalesce(v[2], '') AS measure, v[3] AS comparator
ORDER BY u.name, u.id, t.documentId, t.line, t.ordinal
