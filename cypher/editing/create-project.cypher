// A project a document declares but the reader missed, entered by hand; linked to its unit and document.
// $documentId $unitId $props
MATCH (d:Document {id: $documentId})
MATCH (u:Unit {id: $unitId})
CREATE (p:Project)
SET p = $props, p.version = 1
CREATE (u)-[:HAS_PROJECT]->(p)
CREATE (p)-[:DECLARED_IN {line: 0}]->(d)
RETURN properties(p) AS node
