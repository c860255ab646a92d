// Export: the project counts of one page of units, by id. $ids
UNWIND $ids AS id
MATCH (u:Unit {id: id})
RETURN id, {projectCount: COUNT { (u)-[:HAS_PROJECT]->() }} AS links
