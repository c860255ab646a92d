// The whole graph, row by row: every node with its labels and properties, every relationship with its type, its
// ends and its properties. The caller sorts and hashes the rows into a fingerprint (ImportFuzzTest: a refused
// import leaves the same fingerprint). No parameters; runnable as is in Neo4j Browser on a small store.
MATCH (n)
RETURN 'N' AS kind, elementId(n) AS id, labels(n) AS labels, properties(n) AS props, null AS start, null AS end
UNION ALL
MATCH (a)-[r]->(b)
RETURN 'R' AS kind, elementId(r) AS id, [type(r)] AS labels, properties(r) AS props, elementId(a) AS start,
       elementId(b) AS end
