// Goal statements of the given projects, with their text nodes. $ids
MATCH (p:Project)-[s:STATES]->(x:Text) WHERE p.id IN $ids
RETURN p.id AS key, {kind: s.kind, line: s.line, raw: s.raw, text: properties(x)} AS node
ORDER BY s.line, s.kind DESC
