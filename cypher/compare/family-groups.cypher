// The stored groups of a page of indicator families, added up in the database ($families: [{id, buckets, measure}];
// a rule family has its key as its one bucket, a similarity family its members' 'i:<id>' buckets; measure null: the
// most frequent of its numeric targets, ties to the smaller). Per family: the units filing a member, the distinct
// projects (their ids only when $withProjects), the measure, and per unit with numbers in that measure its min,
// median (the mean of the middle two for an even count), max and count; with $withMedian also the family's median
// and count over all its units (valueBenchmarks). A few index reads per family and no target read; only the figures
// leave the database (returning every group's numbers and project ids cost about a second per page at 1M targets).
// A unit's numbers of one bucket and direction are stored sorted, so a unit with one list needs no sort.
// :param families => [{id: 'satisfaction', buckets: ['satisfaction'], measure: '%'}]
// :param withProjects => false
// :param withMedian => false
UNWIND $families AS f
CALL (f) {
  MATCH (g:FamilyUnit) WHERE g.bucket IN f.buckets
  WITH g.unitId AS unitId, collect(g.projectIds) AS lists
  // a project belongs to one unit: the units' distinct projects add up
  WITH unitId, CASE size(lists) WHEN 1 THEN lists[0]
                ELSE COLLECT { UNWIND lists AS l UNWIND l AS id RETURN DISTINCT id } END AS projectIds
  MATCH (u:Unit {id: unitId})
  RETURN collect(u) AS units, sum(size(projectIds)) AS projectCount,
         CASE WHEN $withProjects THEN collect(projectIds) ELSE [] END AS projectIds
}
CALL (f) {
  MATCH (g:FamilyValues) WHERE g.bucket IN f.buckets AND f.measure IS NULL
  WITH g.measure AS measure, sum(size(g.numbers)) AS n
  ORDER BY n DESC, measure
  RETURN head(collect(measure)) AS mode
}
WITH f, units, projectCount, projectIds, coalesce(f.measure, mode) AS measure
CALL (f, measure) {
  MATCH (g:FamilyValues) WHERE g.bucket IN f.buckets AND g.measure = measure
  WITH g.unitId AS unitId, collect(g.numbers) AS lists
  WITH unitId, CASE size(lists) WHEN 1 THEN lists[0]
                ELSE COLLECT { UNWIND lists AS l UNWIND l AS x RETURN x ORDER BY x } END AS s
  MATCH (u:Unit {id: unitId})
  RETURN collect({unit: u, min: s[0], max: s[-1], count: size(s),
                  median: CASE WHEN size(s) % 2 = 1 THEN s[size(s) / 2] ELSE (s[size(s) / 2 - 1] + s[size(s) / 2]) / 2 END})
         AS distribution
}
CALL (f, measure) {
  MATCH (g:FamilyValues) WHERE $withMedian AND g.bucket IN f.buckets AND g.measure = measure
  UNWIND g.numbers AS x
  WITH x ORDER BY x
  WITH collect(x) AS s
  RETURN CASE WHEN size(s) = 0 THEN null WHEN size(s) % 2 = 1 THEN s[size(s) / 2]
              ELSE (s[size(s) / 2 - 1] + s[size(s) / 2]) / 2 END AS median, size(s) AS count
}
RETURN f.id AS family, measure, units, projectCount, projectIds, distribution, median, count
