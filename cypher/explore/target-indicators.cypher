// Indicators of the given targets. $ids
MATCH (t:Target)-[:MEASURES]->(i:Indicator) WHERE t.id IN $ids
RETURN t.id AS key, i AS node
