// What the reader noticed, linked to the document and to the targets of the same line. $documentId $rows: [{id, line, place, severity, code, args, message, targetIds}]
MATCH (d:Document {id: $documentId})
UNWIND $rows AS r
CREATE (g:Diagnostic {id: r.id, line: r.line, place: r.place, severity: r.severity, code: r.code, args: r.args,
                      message: r.message})
CREATE (d)-[:NOTED]->(g)
WITH g, r
UNWIND r.targetIds AS targetId
MATCH (t:Target {id: targetId})
CREATE (t)-[:FLAGGED]->(g)
