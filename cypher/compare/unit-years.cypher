// Year over year of the given units: per unit and document (with its year: the document's, else its projects'),
// the unit's projects there and their targets in the light shape the pairing reads (indicator code, key and
// normalised name; the 年度 and 实施周期 values). The API pairs consecutive years as documentComparison does.
// :param ids => ['U...']
MATCH (u:Unit)-[:HAS_PROJECT]->(p:Project)-[:DECLARED_IN]->(d:Document)
WHERE u.id IN $ids
WITH u, d, p ORDER BY p.line, p.id
WITH u, d, collect(p) AS projects
RETURN u.id AS unitId, d AS document, coalesce(d.year, head([p IN projects WHERE p.year IS NOT NULL | p.year])) AS year,
  [p IN projects | {id: p.id, name: p.name, unitId: u.id,
    targets: COLLECT { MATCH (p)-[:HAS_TARGET]->(t:Target)-[:MEASURES]->(i:Indicator)
                       WITH t, i ORDER BY t.line, t.ordinal
                       RETURN {code: i.code, key: i.key, normalizedName: i.normalizedName,
                               target: t {.id, .projectId, .direction, .annualRaw, .annualKind, .annualComparator,
                                          .annualNumber, .annualUnit, .annualNormalized, .periodRaw, .periodKind,
                                          .periodComparator, .periodNumber, .periodUnit, .periodNormalized}} }}] AS projects
ORDER BY unitId, year, document.name
