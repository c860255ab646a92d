// Removes texts, indicators and units (among the given ids) that nothing refers to any more. $textIds $indicatorIds $unitIds
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
