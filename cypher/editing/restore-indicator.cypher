// Brings back an indicator a deletion left without targets (and so removed), as it was; a node holding its key
// already is kept as it is. $props
MERGE (i:Indicator {key: $props.key})
  ON CREATE SET i = $props
SET i.countsStale = true
RETURN i.id AS id
