// The units, documents and indicators a page of statistics groups names, by id (each label through its id index).
// $ids
CALL {
  MATCH (n:Unit) WHERE n.id IN $ids RETURN n
  UNION
  MATCH (n:Document) WHERE n.id IN $ids RETURN n
  UNION
  MATCH (n:Indicator) WHERE n.id IN $ids RETURN n
}
RETURN n.id AS id, n AS node
