// The edited targets' units and the indicators whose buckets their edit touches: the one each measures now and those
// its edit named before and after (a relink: the old one). A target deleted since is no row.
// :param targets => [{id: 'T...', indicatorIds: ['I...']}]
UNWIND $targets AS edited
MATCH (t:Target {id: edited.id})
OPTIONAL MATCH (t)-[:MEASURES]->(now:Indicator)
WITH t, [x IN [now.id] + edited.indicatorIds WHERE x IS NOT NULL] AS ids
MATCH (p:Project {id: t.projectId})
WITH p.unitId AS unitId, ids
UNWIND ids AS id
WITH unitId, collect(DISTINCT id) AS indicatorIds
RETURN unitId, indicatorIds
ORDER BY unitId
