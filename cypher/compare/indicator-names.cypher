// Every indicator's id and normalised name, by id: what the start-up build assigns family rules to.
MATCH (i:Indicator)
RETURN i.id AS id, i.normalizedName AS normalizedName
ORDER BY id
