// Indicator matches: uncoded indicators that probably are a coded library indicator used in another document,
// by name: the same normalised name (index lookup) or a near one (character-bigram candidates from the
// full-text index indicator_name_bigrams, $candidates per indicator), scored by the Jaccard similarity of the
// two names' character bigrams (1.0 for the same name). A suggestion for a person to confirm; nothing is merged.
// The documents using either indicator are listed by id, by name (the API loads, filters and pages their nodes).
// :param minScore => 0.5
// :param candidates => 10
// :param limit => 100
MATCH (u:Indicator)
WHERE u.coded = false AND u.normalizedName IS NOT NULL
CALL (u) {
  MATCH (c:Indicator {normalizedName: u.normalizedName})
  WHERE c.coded
  RETURN c
  UNION
  // Lucene syntax characters are blanked out; the CJK analyzer splits the rest into bigrams, OR-ed.
  WITH u, trim(reduce(q = toLower(u.normalizedName), ch IN ['\\', '+', '-', '!', '(', ')', '{', '}', '[', ']', '^',
       '"', '~', '*', '?', ':', '/', '&', '|'] | replace(q, ch, ' '))) AS query
  WHERE query <> ''
  CALL db.index.fulltext.queryNodes('indicator_name_bigrams', query) YIELD node
  WITH node WHERE node.coded
  RETURN node AS c
  LIMIT $candidates
}
WITH u, c,
     CASE WHEN size(u.normalizedName) < 2 THEN [u.normalizedName]
          ELSE [k IN range(0, size(u.normalizedName) - 2) | substring(u.normalizedName, k, 2)] END AS ua,
     CASE WHEN size(c.normalizedName) < 2 THEN [c.normalizedName]
          ELSE [k IN range(0, size(c.normalizedName) - 2) | substring(c.normalizedName, k, 2)] END AS ca
WITH u, c, reduce(s = [], g IN ua | CASE WHEN g IN s THEN s ELSE s + g END) AS ua,
     reduce(s = [], g IN ca | CASE WHEN g IN s THEN s ELSE s + g END) AS ca
WITH u, c, size([g IN ua WHERE g IN ca]) AS shared, ua, ca
WITH u, c, CASE WHEN u.normalizedName = c.normalizedName THEN 1.0
                ELSE toFloat(shared) / (size(ua) + size(ca) - shared) END AS score
WHERE score >= $minScore
WITH u, c, score,
     COLLECT { MATCH (u)<-[:MEASURES]-(:Target)-[:SOURCE]->(d:Document) RETURN DISTINCT d ORDER BY d.name } AS documents,
     COLLECT { MATCH (c)<-[:MEASURES]-(:Target)-[:SOURCE]->(d:Document) RETURN DISTINCT d ORDER BY d.name } AS matchDocuments
WHERE any(d IN matchDocuments WHERE NOT d IN documents)
RETURN u AS indicator, c AS match, score, u.normalizedName = c.normalizedName AS sameName,
       COUNT { (u)<-[:MEASURES]-() } AS targetCount, [d IN documents | d.id] AS documentIds,
       [d IN matchDocuments | d.id] AS matchDocumentIds
ORDER BY score DESC, indicator.key, match.key
LIMIT $limit
