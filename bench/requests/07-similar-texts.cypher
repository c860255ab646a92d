// similarTexts, threshold 0.8, first 20
// The database's part of similarTexts (cypher/analysis/similar-text-buckets.cypher): the LSH buckets, texts
// sharing a band key, with their signatures. The API then enumerates each bucket's pairs, verifies them with
// the exact Jaccard and clusters them in Java; that part has no Cypher equivalent here, so the overhead column
// of this row includes real work, not only the API layer.
// :param minBucket => 2
MATCH (x:Text)
UNWIND x.bands AS band
WITH band, collect(x {.id, .signature}) AS texts
WHERE size(texts) >= $minBucket
RETURN band, texts
ORDER BY band
