// Every document with its content hash and stamp (null where nothing renewed it since a bulk import): what the
// statistics kept per document are checked against on each request. No parameters.
MATCH (d:Document)
OPTIONAL MATCH (s:DocumentStamp {documentId: d.id})
RETURN d.id AS id, d.hash AS hash, s.value AS stamp
