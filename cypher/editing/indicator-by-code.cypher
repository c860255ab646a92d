// Another indicator that already carries a code, if any. $code $id
MATCH (i:Indicator {code: $code})
WHERE i.id <> $id
RETURN i.id AS id, i.name AS name
LIMIT 1
