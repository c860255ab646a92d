// Export: the links of one page of projects (unit, document, target count), by id. $ids
UNWIND $ids AS id
MATCH (p:Project {id: id})
OPTIONAL MATCH (u:Unit)-[:HAS_PROJECT]->(p)
OPTIONAL MATCH (p)-[:DECLARED_IN]->(d:Document)
RETURN id, {unitCode: u.code, unit: u.name, region: u.region, document: d.name,
            targetCount: COUNT { (p)-[:HAS_TARGET]->() }} AS links
