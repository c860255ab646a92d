// Compare-and-set on an indicator (name, code and the key that follows from them). $id $expectedVersion $props
MATCH (i:Indicator {id: $id})
WHERE i.version = $expectedVersion
SET i += $props, i.version = i.version + 1
RETURN properties(i) AS node
