// Export: the parent and target count of one page of categories, by id. $ids
UNWIND $ids AS id
MATCH (c:Category {id: id})
OPTIONAL MATCH (c)-[:UNDER]->(parent:Category)
RETURN id, {parent: parent.name, targetCount: COUNT { (c)<-[:LEVEL1|LEVEL2]-() }} AS links
