// The document's own lines in chunks (see graph/SourceLines). $documentId $rows: [{from, to, text}]
MATCH (d:Document {id: $documentId})
UNWIND $rows AS r
CREATE (d)-[:HAS_LINES]->(:SourceLines {documentId: $documentId, from: r.from, to: r.to, text: r.text})
