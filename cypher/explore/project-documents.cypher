// Declaring documents of the given projects. $ids
MATCH (p:Project)-[:DECLARED_IN]->(d:Document) WHERE p.id IN $ids
RETURN p.id AS key, d AS node
