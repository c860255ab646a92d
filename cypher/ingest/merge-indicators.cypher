// Indicators: coded ones by code, uncoded ones by normalised name. Each row also adds this document's share to the
// stored counts (projects are never shared between documents, so the distinct projects of an indicator add up).
// $rows: [{key, id, code, name, normalizedName, projects}]
UNWIND $rows AS r
MERGE (i:Indicator {key: r.key})
  ON CREATE SET i.id = r.id, i.code = r.code, i.name = r.name, i.normalizedName = r.normalizedName,
                i.coded = r.code IS NOT NULL, i.version = 1, i.projectCount = 0, i.documentCount = 0
SET i.projectCount = i.projectCount + r.projects, i.documentCount = i.documentCount + 1
