// A library indicator entered by hand, with the id and key an import would give it; an indicator holding that key
// already is left as it is and returned with created = false. $props {id, key, code, name, normalizedName, coded, manual}
MERGE (i:Indicator {key: $props.key})
  ON CREATE SET i = $props, i.version = 1, i.projectCount = 0, i.documentCount = 0, i.createdByEdit = true
WITH i, i.createdByEdit = true AS created
REMOVE i.createdByEdit
RETURN properties(i) AS node, created
