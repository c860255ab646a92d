// Every recorded change of a document's projects and targets, in the order they were made per entity, so the
// latest value of each corrected field can be found after a re-import. $documentId
MATCH (c:Change {documentId: $documentId})
WHERE c.entityKind IN ['Project', 'Target']
RETURN c.id AS id, c.entityId AS entityId, c.entityKind AS entityKind, c.operation AS operation, c.by AS by,
       c.version AS version, c.fields AS fields, c.after AS after, c.relatedIds AS relatedIds
ORDER BY c.entityId, c.version, c.at
