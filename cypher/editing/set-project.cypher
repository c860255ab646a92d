// Compare-and-set on a project: writes only if the version is still the one the caller read, and bumps it.
// $id $expectedVersion $props (amount with amountCents, dates, names)
MATCH (p:Project {id: $id})
WHERE p.version = $expectedVersion
SET p += $props, p.version = p.version + 1
RETURN properties(p) AS node
