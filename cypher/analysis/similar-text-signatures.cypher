// Near-duplicate goal texts, candidates: every text with its LSH band keys (Text.bands: 16 bands of 4 rows over a
// 64-value MinHash of character 3-grams, computed at import by ingest/TextSignature) and its signature, one row per
// text. Two texts of 3-gram Jaccard similarity s share a band key with probability 1-(1-s^4)^16 (0.98 at 0.8).
// The API groups the texts into buckets by band key, enumerates each bucket's pairs (never all pairs), keeps those
// whose MinHash estimate (share of equal signature positions) is near the threshold, verifies them with the exact
// Jaccard and clusters them. Grouping in Java streams each text once: grouping in Cypher copied each signature into
// all 16 of its buckets and ran out of transaction memory (1.4 GiB) at 1M targets (45k texts).
// $documentName, $region, $documentKind, $unitId and $year (the project's, else its document's) keep only the texts
// that a project in scope states (null = all).
// :param documentName => null
// :param region => null
// :param documentKind => null
// :param unitId => null
// :param year => null
MATCH (x:Text)
WHERE ($documentName IS NULL AND $region IS NULL AND $documentKind IS NULL AND $unitId IS NULL AND $year IS NULL)
   OR EXISTS {
        MATCH (x)<-[:STATES]-(p:Project)-[:DECLARED_IN]->(d:Document)
        WHERE ($documentName IS NULL OR d.name = $documentName) AND ($region IS NULL OR d.region = $region)
          AND ($documentKind IS NULL OR d.kind = $documentKind) AND ($unitId IS NULL OR p.unitId = $unitId)
          AND ($year IS NULL OR coalesce(p.year, d.year) = $year)
      }
RETURN x.id AS id, x.bands AS bands, x.signature AS signature
ORDER BY id
