// Unit USES indicator, once per pair, counting the unit's projects that measure it: this document's share is added
// (uncount-document takes it back). An indicator's unitCount is then the degree of its USES relationships.
// Run last in the import transaction, rows sorted by unit and indicator key (see add-indicator-counts).
// $rows: [{unitKey, indicatorKey, projects}]
UNWIND $rows AS r
MATCH (u:Unit {key: r.unitKey})
MATCH (i:Indicator {key: r.indicatorKey})
MERGE (u)-[x:USES]->(i)
  ON CREATE SET x.projects = 0
SET x.projects = x.projects + r.projects
