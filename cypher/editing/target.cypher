// One target as an edit sees it: its properties, the year its values are read with, its indicator and project. $id
MATCH (t:Target {id: $id})
OPTIONAL MATCH (t)-[:SOURCE]->(d:Document)
OPTIONAL MATCH (t)-[:MEASURES]->(i:Indicator)
OPTIONAL MATCH (p:Project)-[:HAS_TARGET]->(t)
RETURN properties(t) AS node, coalesce(d.year, p.year) AS documentYear, i.id AS indicatorId, p.id AS projectId,
       d.id AS documentId
LIMIT 1
