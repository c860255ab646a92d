// similarTexts, threshold 0.8, first 20
// The candidate step of cypher/analysis/similar-text-candidates.cypher: pairs sharing an LSH band, MinHash
// estimate at or above the threshold (the API then verifies and clusters them in Java).
// :param threshold => 0.8
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
WHERE estimate >= $threshold
RETURN a.id AS a, b.id AS b, estimate
ORDER BY estimate DESC, a, b
