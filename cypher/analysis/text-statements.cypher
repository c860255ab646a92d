// Goal texts by id with every statement of them: project, kind, document and line (the evidence of similarTexts,
// loaded for a whole result at once). A text node is one normalised text; $ids are Text ids.
// :param ids => []
UNWIND $ids AS id
MATCH (x:Text {id: id})
RETURN x {.id, .key, .text, .normalized} AS text,
       COLLECT { MATCH (x)<-[s:STATES]-(p:Project)-[:DECLARED_IN]->(d:Document)
                 RETURN {kind: s.kind, line: s.line, raw: s.raw, project: p, document: d} AS statement
                 ORDER BY d.name, s.line, s.kind } AS statements
ORDER BY text.key
