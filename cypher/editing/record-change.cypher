// One entry of the edit history, linked to the entity it changed while that entity exists.
// $change {id, by, operation, entityId, entityKind, documentId, version, before, after, fields, relatedIds}
CREATE (c:Change)
SET c = $change, c.at = datetime()
WITH c
OPTIONAL CALL (c) {
  MATCH (n:Project {id: c.entityId}) RETURN n
  UNION
  MATCH (n:Target {id: c.entityId}) RETURN n
  UNION
  MATCH (n:Indicator {id: c.entityId}) RETURN n
  UNION
  MATCH (n:Document {id: c.entityId}) RETURN n
}
FOREACH (x IN CASE WHEN n IS NULL THEN [] ELSE [n] END | CREATE (c)-[:CHANGED]->(x))
RETURN properties(c) AS node
