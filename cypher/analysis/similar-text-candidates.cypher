// Near-duplicate goal texts, candidate pairs: texts sharing at least one LSH band key (Text.bands, 16 bands of
// 4 rows over a 64-value MinHash of character 3-grams, computed at import by ingest/TextSignature), with the
// MinHash estimate of their 3-gram Jaccard similarity; pairs estimated below $minEstimate are dropped.
// Only band-sharing pairs are compared, never all pairs: a bucket larger than $maxBucket (a huge family of
// templated texts) is compared as a star around its first text, which keeps the family connected for
// clustering at linear cost. The API verifies each pair with the exact Jaccard and clusters them.
// :param minEstimate => 0.6
// :param maxBucket => 500
MATCH (x:Text)
UNWIND x.bands AS band
WITH band, collect(x) AS bucket
WHERE size(bucket) > 1
UNWIND range(0, size(bucket) - 2) AS i
UNWIND CASE WHEN size(bucket) <= $maxBucket THEN range(i + 1, size(bucket) - 1)
            WHEN i = 0 THEN range(1, size(bucket) - 1)
            ELSE [] END AS j
WITH bucket[i] AS x, bucket[j] AS y
WITH DISTINCT CASE WHEN x.key < y.key THEN x ELSE y END AS a, CASE WHEN x.key < y.key THEN y ELSE x END AS b
WITH a, b, toFloat(size([k IN range(0, size(a.signature) - 1) WHERE a.signature[k] = b.signature[k]]))
           / size(a.signature) AS estimate
WHERE estimate >= $minEstimate
RETURN a {.id, .key, .text, .normalized} AS a, b {.id, .key, .text, .normalized} AS b, estimate
ORDER BY estimate DESC, a.key, b.key
