// Who states the given goal texts, and where: project, kind, document and line of every statement of the
// texts with ids $ids (the evidence of sharedTexts and similarTexts, loaded for a whole result at once).
// :param ids => []
UNWIND $ids AS id
MATCH (x:Text {id: id})<-[s:STATES]-(p:Project)-[:DECLARED_IN]->(d:Document)
RETURN x.id AS key, s.kind AS kind, s.line AS line, s.raw AS raw, p AS project, d AS document
ORDER BY key, document.name, line, kind
