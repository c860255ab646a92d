// Renews the stamps of the documents a write changed (see cypher/schema/080_document_stamps.cypher): the listed
// documents, the documents of the listed targets, and every document filing one of the listed indicators (a merge
// or relink moves targets between them). In document id order: parallel writers lock the stamps in one order.
// $documentIds $targetIds $indicatorIds
CALL {
  MATCH (d:Document) WHERE d.id IN $documentIds RETURN d.id AS id
  UNION
  MATCH (t:Target)-[:SOURCE]->(d:Document) WHERE t.id IN $targetIds RETURN d.id AS id
  UNION
  MATCH (i:Indicator)<-[:MEASURES]-(:Target)-[:SOURCE]->(d:Document) WHERE i.id IN $indicatorIds RETURN d.id AS id
}
WITH id ORDER BY id
MERGE (s:DocumentStamp {documentId: id})
SET s.value = randomUUID()
