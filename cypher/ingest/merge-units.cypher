// Units by natural key (region + code or name). $rows: [{key, id, code, name, region}]
UNWIND $rows AS r
MERGE (u:Unit {key: r.key})
  ON CREATE SET u.id = r.id, u.code = r.code, u.name = r.name, u.region = r.region, u.version = 1
