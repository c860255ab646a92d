// Stores indicators' family rules: the rule's key, '' where no rule covers the name (a similarity bucket of its own),
// '-' where the indicator has no normalised name (no family); familyRuleOf is the name it was assigned from.
// $rows: [{id, rule, of}] sorted by id.
UNWIND $rows AS r
MATCH (i:Indicator {id: r.id})
SET i.familyRule = r.rule, i.familyRuleOf = r.of
