// Removes texts, indicators, units and categories (among the given ids) that nothing refers to any more: a category
// no target is filed under and no L2 stands under (L2s first, then the L1s they left). $textIds $indicatorIds
// $unitIds $categoryIds
CALL () {
  UNWIND $textIds AS id
  MATCH (x:Text {id: id}) WHERE NOT (x)<-[:STATES]-()
  DETACH DELETE x
}
CALL () {
  UNWIND $indicatorIds AS id
  MATCH (i:Indicator {id: id}) WHERE NOT (i)<-[:MEASURES]-()
  DETACH DELETE i
}
CALL () {
  UNWIND $unitIds AS id
  MATCH (u:Unit {id: id}) WHERE NOT (u)-[:HAS_PROJECT]->()
  DETACH DELETE u
}
CALL () {
  UNWIND coalesce($categoryIds, []) AS id
  MATCH (c:Category {id: id}) WHERE c.level = 2 AND NOT ()-[:LEVEL1|LEVEL2]->(c) AND NOT ()-[:UNDER]->(c)
  DETACH DELETE c
}
CALL () {
  UNWIND coalesce($categoryIds, []) AS id
  MATCH (c:Category {id: id}) WHERE c.level = 1 AND NOT ()-[:LEVEL1|LEVEL2]->(c) AND NOT ()-[:UNDER]->(c)
  DETACH DELETE c
}
