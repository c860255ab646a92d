// The units of a document's projects, by id. $id (the document's id)
MATCH (:Document {id: $id})<-[:DECLARED_IN]-(:Project)<-[:HAS_PROJECT]-(u:Unit)
RETURN collect(DISTINCT u.id) AS unitIds
