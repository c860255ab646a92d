// The stored document of this name, if any: its id and content hash. $name
MATCH (d:Document {name: $name})
RETURN d.id AS id, d.hash AS hash
