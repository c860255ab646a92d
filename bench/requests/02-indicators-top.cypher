// Indicators by project count, top 20
// Reads the distinct-project count stored on each indicator (kept at import and edit time; see
// cypher/schema/040_counts.cypher): the range index on it gives the order. Computing it per request instead
// (count(DISTINCT t.projectId) over each indicator's targets) took 10.6 s at 1M targets.
// :param first => 20
MATCH (i:Indicator)
WHERE i.projectCount IS NOT NULL
WITH i ORDER BY i.projectCount DESC, i.id LIMIT $first
RETURN i {.id, .code, .name, .projectCount} AS indicator
