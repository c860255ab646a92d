// Who states which goal text where: one STATES relationship per project, block and kind. $documentId $rows: [{projectId, textKey, kind, line, raw}]
UNWIND $rows AS r
MATCH (p:Project {id: r.projectId})
MATCH (x:Text {key: r.textKey})
CREATE (p)-[:STATES {kind: r.kind, line: r.line, documentId: $documentId, raw: r.raw}]->(x)
