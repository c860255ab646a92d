// What the reader noticed, linked to the document and to the targets of the same line. $documentId $rows: [{id, line, severity, code, message, targetIds}]
MATCH (d:Document {id: $documentId})
UNWIND $rows AS r
CREATE (g:Diagnostic {id: r.id, line: r.line, severity: r.severity, code: r.code, message: r.message})
CREATE (d)-[:NOTED]->(g)
WITH g, r
UNWIND r.targetIds AS targetId
MATCH (t:Target {id: targetId})
CREATE (t)-[:FLAGGED]->(g)
