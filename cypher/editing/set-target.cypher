// Compare-and-set on a target: its flattened values and category names, and, where given, its LEVEL1/LEVEL2
// categories (created from the vocabulary if no document used them yet) and its indicator (both indicators are
// marked countsStale: the edit transaction recounts them).
// $id $expectedVersion $props $level1 {key,id,name} $level2 {key,id,name,parentKey} $indicatorId
MATCH (t:Target {id: $id})
WHERE t.version = $expectedVersion
SET t += $props, t.version = t.version + 1
WITH t
CALL (t) {
  WITH t WHERE $level1 IS NOT NULL
  MERGE (c:Category {key: $level1.key})
    ON CREATE SET c.id = $level1.id, c.name = $level1.name, c.level = 1
  WITH t, c
  OPTIONAL MATCH (t)-[old:LEVEL1]->()
  DELETE old
  WITH DISTINCT t, c
  CREATE (t)-[:LEVEL1]->(c)
}
CALL (t) {
  WITH t WHERE $level2 IS NOT NULL
  MERGE (c:Category {key: $level2.key})
    ON CREATE SET c.id = $level2.id, c.name = $level2.name, c.level = 2
  WITH t, c
  CALL (c) {
    WITH c WHERE $level2.parentKey IS NOT NULL AND NOT (c)-[:UNDER]->()
    MERGE (parent:Category {key: $level2.parentKey})
      ON CREATE SET parent.id = $level2.parentId, parent.name = $level2.parentName, parent.level = 1
    MERGE (c)-[:UNDER]->(parent)
  }
  OPTIONAL MATCH (t)-[old:LEVEL2]->()
  DELETE old
  WITH DISTINCT t, c
  CREATE (t)-[:LEVEL2]->(c)
}
CALL (t) {
  WITH t WHERE $indicatorId IS NOT NULL
  MATCH (i:Indicator {id: $indicatorId})
  OPTIONAL MATCH (t)-[old:MEASURES]->(was:Indicator)
  SET was.countsStale = true
  DELETE old
  WITH DISTINCT t, i
  CREATE (t)-[:MEASURES]->(i)
  SET i.countsStale = true
}
RETURN properties(t) AS node
