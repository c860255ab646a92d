// The family rules the stored groups were built with (a fingerprint of indicator-families.txt's rules), or nothing.
MATCH (s:FamilyRuleSet {id: 'indicator-families'})
RETURN s.fingerprint AS fingerprint
