// Export: the links of one page of targets (project, unit, indicator, categories, document), by id. $ids
UNWIND $ids AS id
MATCH (t:Target {id: id})
OPTIONAL MATCH (p:Project)-[:HAS_TARGET]->(t)
OPTIONAL MATCH (u:Unit)-[:HAS_PROJECT]->(p)
OPTIONAL MATCH (t)-[:MEASURES]->(i:Indicator)
OPTIONAL MATCH (t)-[:LEVEL1]->(c1:Category)
OPTIONAL MATCH (t)-[:LEVEL2]->(c2:Category)
OPTIONAL MATCH (t)-[:SOURCE]->(d:Document)
RETURN id, {project: p.name, unitCode: u.code, unit: u.name, region: u.region, indicatorCode: i.code,
            indicator: i.name, level1: c1.name, level2: c2.name, document: d.name} AS links
