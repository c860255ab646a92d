// What the reader noticed: one DiagnosticList per document (none without diagnostics), parallel arrays in the
// reader's order. $documentId $rows: [{count, lines, places ('' = none), severities, codes, messages, argCounts, args}]
// (args[i]: diagnostic i's arguments joined by U+001F; argCounts[i] their number, so that 0 and one '' differ).
MATCH (d:Document {id: $documentId})
UNWIND $rows AS r
CREATE (d)-[:NOTED]->(l:DiagnosticList)
SET l = r
