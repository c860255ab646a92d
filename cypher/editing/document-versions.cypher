// The projects and targets of a document that were changed since their import (version above 1), with their
// versions, read before a re-import replaces them so that their versions continue. $documentId
MATCH (p:Project)-[:DECLARED_IN]->(:Document {id: $documentId})
OPTIONAL MATCH (p)-[:HAS_TARGET]->(t:Target)
WITH collect(DISTINCT p) + collect(DISTINCT t) AS nodes
UNWIND nodes AS n
WITH n WHERE n.version > 1
RETURN n.id AS id, CASE WHEN n:Project THEN 'Project' ELSE 'Target' END AS kind, n.version AS version
