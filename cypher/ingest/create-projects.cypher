// Projects of one document, linked to their unit and to the document. $documentId $rows: [{unitKey, line, props}]
MATCH (d:Document {id: $documentId})
UNWIND $rows AS r
MATCH (u:Unit {key: r.unitKey})
CREATE (p:Project)
SET p = r.props, p.version = 1
CREATE (u)-[:HAS_PROJECT]->(p)
CREATE (p)-[:DECLARED_IN {line: r.line}]->(d)
