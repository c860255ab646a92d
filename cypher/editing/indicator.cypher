// One indicator as an edit sees it, with the number of targets that measure it. $id
MATCH (i:Indicator {id: $id})
RETURN properties(i) AS node, COUNT { (:Target)-[:MEASURES]->(i) } AS targetCount
