// Targets (one per indicator row per project) with their indicator, categories and source document. $documentId $rows: [{id, projectId, indicatorKey, level1Key, level2Key, props}]
MATCH (d:Document {id: $documentId})
UNWIND $rows AS r
MATCH (p:Project {id: r.projectId})
MATCH (i:Indicator {key: r.indicatorKey})
MATCH (c1:Category {key: r.level1Key})
MATCH (c2:Category {key: r.level2Key})
CREATE (t:Target)
SET t = r.props, t.id = r.id, t.version = 1
CREATE (p)-[:HAS_TARGET]->(t)
CREATE (t)-[:MEASURES]->(i)
CREATE (t)-[:LEVEL1]->(c1)
CREATE (t)-[:LEVEL2]->(c2)
CREATE (t)-[:SOURCE]->(d)
