// One change by id. $id
MATCH (c:Change {id: $id})
RETURN properties(c) AS node
