// The stored groups of a page of indicator families ($families: [{id, buckets}]; a rule family has its key as its
// one bucket, a similarity family its members' 'i:<id>' buckets), per family as the API adds them up: per unit its
// projects filing a member (measure null) and its numbers per measure and direction. A few index reads per family,
// no target read. The API picks each family's measure and computes min, median, max.
// :param families => [{id: 'satisfaction', buckets: ['satisfaction']}]
UNWIND $families AS f
CALL (f) {
  MATCH (g:FamilyUnit) WHERE g.bucket IN f.buckets
  MATCH (u:Unit {id: g.unitId})
  RETURN collect({unit: u, measure: null, numbers: [], projectIds: g.projectIds}) AS units
}
CALL (f) {
  MATCH (g:FamilyValues) WHERE g.bucket IN f.buckets
  MATCH (u:Unit {id: g.unitId})
  RETURN collect({unit: u, measure: g.measure, numbers: g.numbers, projectIds: []}) AS values
}
RETURN f.id AS family, units + values AS groups
