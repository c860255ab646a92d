// Indicators: coded ones by code, uncoded ones by normalised name; a new one starts with zero stored counts (the
// document's share is added by add-indicator-counts, at the end of the transaction). $rows: [{key, id, code, name,
// normalizedName}]
UNWIND $rows AS r
MERGE (i:Indicator {key: r.key})
  ON CREATE SET i.id = r.id, i.code = r.code, i.name = r.name, i.normalizedName = r.normalizedName,
                i.coded = r.code IS NOT NULL, i.version = 1, i.projectCount = 0, i.documentCount = 0
