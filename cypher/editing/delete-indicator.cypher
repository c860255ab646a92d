// Removes an indicator entered by hand again, if no target measures it (compare-and-set on its version).
// $id $expectedVersion
MATCH (i:Indicator {id: $id})
WHERE i.version = $expectedVersion AND NOT (i)<-[:MEASURES]-()
DETACH DELETE i
RETURN count(*) AS deleted
