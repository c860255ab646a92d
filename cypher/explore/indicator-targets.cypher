// Targets measuring the given indicators, in document order. $ids
MATCH (i:Indicator)<-[:MEASURES]-(t:Target) WHERE i.id IN $ids
RETURN i.id AS key, t AS node
ORDER BY t.documentId, t.line, t.ordinal
