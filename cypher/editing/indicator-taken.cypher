// Whether an indicator with this id or natural key exists (a merged-away indicator can only come back if not). $id $key
MATCH (i:Indicator)
WHERE i.id = $id OR i.key = $key
RETURN i.id AS id
LIMIT 1
