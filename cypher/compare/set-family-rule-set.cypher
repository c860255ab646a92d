// Records the fingerprint of the family rules the stored groups were built with. $fingerprint
MERGE (s:FamilyRuleSet {id: 'indicator-families'})
SET s.fingerprint = $fingerprint
