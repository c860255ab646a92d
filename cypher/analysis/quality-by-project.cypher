// Quality by project: per project, its targets by kind of (年度, else 实施周期) value — measurable numbers,
// qualitative words, deadlines — and how many are boilerplate (the same indicator with the same normalised value
// in at least $boilerplateProjects projects, as in boilerplate-targets.cypher). The API adds the findings count
// and ranks; units are the sums of their projects. $documentName, $region, $documentKind, $unitId and $year (the
// project's, else its document's) narrow the projects (null = all); boilerplate is always judged against the
// whole store.
// :param boilerplateProjects => 3
// :param region => null
// :param documentName => null
// :param documentKind => null
// :param unitId => null
// :param year => null
MATCH (i:Indicator)<-[:MEASURES]-(t:Target)
WITH i, coalesce(t.annualNormalized, t.annualRaw) AS value, collect(t) AS targets, count(DISTINCT t.projectId) AS spread
UNWIND targets AS t
WITH t.projectId AS projectId,
     count(t) AS targetCount,
     sum(CASE WHEN spread >= $boilerplateProjects AND value IS NOT NULL THEN 1 ELSE 0 END) AS boilerplate,
     sum(CASE coalesce(t.annualKind, t.periodKind) WHEN 'NUMERIC' THEN 1 ELSE 0 END) AS numeric,
     sum(CASE coalesce(t.annualKind, t.periodKind) WHEN 'QUALITATIVE' THEN 1 ELSE 0 END) AS qualitative,
     sum(CASE coalesce(t.annualKind, t.periodKind) WHEN 'BOOLEAN' THEN 1 ELSE 0 END) AS boolean,
     sum(CASE coalesce(t.annualKind, t.periodKind) WHEN 'TEXT' THEN 1 ELSE 0 END) AS text,
     sum(CASE coalesce(t.annualKind, t.periodKind) WHEN 'DEADLINE' THEN 1 ELSE 0 END) AS deadline,
     sum(CASE coalesce(t.annualKind, t.periodKind) WHEN 'FREQUENCY' THEN 1 ELSE 0 END) AS frequency
MATCH (u:Unit)-[:HAS_PROJECT]->(p:Project {id: projectId})-[:DECLARED_IN]->(d:Document)
WHERE ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
  AND ($documentKind IS NULL OR d.kind = $documentKind) AND ($unitId IS NULL OR p.unitId = $unitId)
  AND ($year IS NULL OR coalesce(p.year, d.year) = $year)
RETURN p AS project, u AS unit, d AS document, targetCount, boilerplate, numeric, qualitative, boolean, text,
       deadline, frequency
ORDER BY document.name, project.line
