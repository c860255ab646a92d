// Projects and targets entered or removed by hand in a document (not reverted), and re-imports that overrode such
// an edit, in the order they happened, so a re-import can bring the document's structure back to what analysts
// made of it. $documentId
MATCH (c:Change {documentId: $documentId})
WHERE (c.operation IN ['CREATE_PROJECT', 'ADD_TARGET', 'DELETE_TARGET', 'DELETE_PROJECT'] AND c.revertedBy IS NULL)
   OR (c.operation = 'REIMPORT' AND 'structure' IN c.fields)
RETURN c.id AS id, c.entityId AS entityId, c.entityKind AS entityKind, c.operation AS operation, c.by AS by,
       c.after AS after, c.relatedIds AS relatedIds
ORDER BY c.at, c.id
