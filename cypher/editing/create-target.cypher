// A bare target (version 0) under a project, with its source document; set-target then gives it values, categories
// and indicator as any edit would, and version 1. The project is version-checked and counts the new target.
// $projectId $expectedVersion $props
MATCH (p:Project {id: $projectId})
WHERE p.version = $expectedVersion
OPTIONAL MATCH (p)-[:DECLARED_IN]->(d:Document)
CREATE (t:Target)
SET t = $props, t.ordinal = p.targetCount, t.version = 0
CREATE (p)-[:HAS_TARGET]->(t)
FOREACH (x IN CASE WHEN d IS NULL THEN [] ELSE [d] END | CREATE (t)-[:SOURCE]->(x))
SET p.targetCount = p.targetCount + 1, p.version = p.version + 1
RETURN properties(t) AS node, properties(p) AS project
