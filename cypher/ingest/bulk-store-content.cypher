// What a store holds besides the bookkeeping nodes a first start leaves (write generation, family rule set, import
// locks): import --bulk builds only a store where this is zero. No parameters.
MATCH (n) WHERE NOT (n:Generation OR n:FamilyRuleSet OR n:ImportLock)
RETURN count(n) AS nodes, COUNT { MATCH (d:Document) } AS documents
