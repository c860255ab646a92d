// similarTexts, threshold 0.8, first 20
// The database's part of similarTexts (cypher/analysis/similar-text-signatures.cypher): every text with its LSH
// band keys and MinHash signature. The API then groups them into buckets, enumerates each bucket's pairs, verifies
// them with the exact Jaccard and clusters them in Java; that part has no Cypher equivalent here, so the overhead
// column of this row includes real work, not only the API layer.
MATCH (x:Text)
RETURN x.id AS id, x.bands AS bands, x.signature AS signature
ORDER BY id
