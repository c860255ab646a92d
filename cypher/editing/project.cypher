// One project as an edit sees it: its properties and its document's year. $id
MATCH (p:Project {id: $id})
OPTIONAL MATCH (p)-[:DECLARED_IN]->(d:Document)
RETURN properties(p) AS node, d.year AS documentYear, d.id AS documentId
LIMIT 1
