// Near-duplicate goal texts, candidates: the LSH buckets, i.e. texts sharing a band key (Text.bands: 16 bands of
// 4 rows over a 64-value MinHash of character 3-grams, computed at import by ingest/TextSignature), each text with
// its signature. Two texts of 3-gram Jaccard similarity s share a bucket with probability 1-(1-s^4)^16 (0.98 at
// 0.8). Only texts within one bucket are ever compared, never all pairs; the API enumerates each bucket's pairs,
// keeps those whose MinHash estimate (share of equal signature positions) is near the threshold, verifies them
// with the exact Jaccard and clusters them. Buckets with a single text are left out.
// :param minBucket => 2
MATCH (x:Text)
UNWIND x.bands AS band
WITH band, collect(x {.id, .signature}) AS texts
WHERE size(texts) >= $minBucket
RETURN band, texts
ORDER BY band
