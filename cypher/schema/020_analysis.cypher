// Indexes of the reuse and quality analytics (cypher/analysis). Idempotent; applied at start-up in name order.
// Exact name matches of uncoded indicators against coded ones (indicatorMatches).
CREATE INDEX indicator_normalized_name IF NOT EXISTS FOR (n:Indicator) ON (n.normalizedName);
// Near-name candidates: the CJK analyzer indexes character bigrams, so 企业满意度 finds 单位满意度 without an all-pairs scan.
CREATE FULLTEXT INDEX indicator_name_bigrams IF NOT EXISTS FOR (n:Indicator) ON EACH [n.normalizedName] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
