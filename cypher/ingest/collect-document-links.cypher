// Texts, indicators, units and categories a document's projects touch, so orphans can be removed after it is replaced. $name
MATCH (d:Document {name: $name})<-[:DECLARED_IN]-(p:Project)
OPTIONAL MATCH (u:Unit)-[:HAS_PROJECT]->(p)
OPTIONAL MATCH (p)-[:STATES]->(x:Text)
OPTIONAL MATCH (p)-[:HAS_TARGET]->(t:Target)-[:MEASURES]->(i:Indicator)
OPTIONAL MATCH (t)-[:LEVEL1|LEVEL2]->(c:Category)
RETURN collect(DISTINCT x.id) AS textIds, collect(DISTINCT i.id) AS indicatorIds, collect(DISTINCT u.id) AS unitIds,
       collect(DISTINCT c.id) AS categoryIds
