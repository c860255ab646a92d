// Indicators: coded ones by code, uncoded ones by normalised name. $rows: [{key, id, code, name, normalizedName}]
UNWIND $rows AS r
MERGE (i:Indicator {key: r.key})
  ON CREATE SET i.id = r.id, i.code = r.code, i.name = r.name, i.normalizedName = r.normalizedName,
                i.coded = r.code IS NOT NULL, i.version = 1
