// A removed document's stamp goes with it. $documentId
MATCH (s:DocumentStamp {documentId: $documentId})
DELETE s
