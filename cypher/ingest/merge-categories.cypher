// L1 and L2 categories by key, and each L2 linked UNDER its canonical L1. $rows: [{key, id, name, level, code, parentKey}]
UNWIND $rows AS r
MERGE (c:Category {key: r.key})
  ON CREATE SET c.id = r.id, c.name = r.name, c.level = r.level, c.code = r.code
WITH c, r
WHERE r.parentKey IS NOT NULL
MATCH (parent:Category {key: r.parentKey})
MERGE (c)-[:UNDER]->(parent)
