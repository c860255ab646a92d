// Counts of each node kind (count store lookups: constant time). No parameters.
CALL () { MATCH (n:Unit) RETURN count(n) AS units }
CALL () { MATCH (n:Project) RETURN count(n) AS projects }
CALL () { MATCH (n:Indicator) RETURN count(n) AS indicators }
CALL () { MATCH (n:Target) RETURN count(n) AS targets }
CALL () { MATCH (n:Text) RETURN count(n) AS texts }
CALL () { MATCH (n:Document) RETURN count(n) AS documents }
RETURN units, projects, indicators, targets, texts, documents
