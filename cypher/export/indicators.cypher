// Export: the counts of one page of indicators (targets, distinct units; projects are stored), by id. $ids
UNWIND $ids AS id
MATCH (i:Indicator {id: id})
RETURN id, {targetCount: COUNT { (i)<-[:MEASURES]-() }, unitCount: COUNT { (i)<-[:USES]-() }} AS links
