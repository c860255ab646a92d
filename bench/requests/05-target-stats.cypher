// targetStats grouped by L1, L2 and value kind
// Every target once, grouped on its own properties; distinct indicators through MEASURES.
MATCH (t:Target)-[:MEASURES]->(i:Indicator)
RETURN t.level1 AS level1, t.level2 AS level2, t.annualKind AS valueKind, count(t) AS count,
       count(DISTINCT t.projectId) AS distinctProjects, count(DISTINCT i) AS distinctIndicators
ORDER BY count DESC, level1, level2, valueKind
