// Indicator family distributions kept at write time (issue 15): per family bucket and unit a (:FamilyUnit) with the
// unit's projects filing a member, and per bucket, unit, measure and comparator direction a (:FamilyValues) with
// the numeric targets' numbers, sorted. A bucket is a rule's key (indicator-families.txt; the indicator's stored
// familyRule) or 'i:<indicator id>' for an indicator no rule covers (similarity families are grouped at read time
// and add up their members' buckets). Written by cypher/compare/refresh-family-groups.cypher for the units an import,
// removal or edit touched; stores written before are given them at start-up (FamilyGroupsMigration, in Java: the
// rules are). The page of families and the looser-than-peers finding read them by bucket; a refresh finds a unit's
// groups by unit, a target edit's refresh a rule's member indicators by their stored rule. Idempotent; applied at start-up in name order.
CREATE INDEX family_unit_bucket IF NOT EXISTS FOR (n:FamilyUnit) ON (n.bucket);
CREATE INDEX family_unit_unit IF NOT EXISTS FOR (n:FamilyUnit) ON (n.unitId);
CREATE INDEX family_values_bucket IF NOT EXISTS FOR (n:FamilyValues) ON (n.bucket);
CREATE INDEX family_values_unit IF NOT EXISTS FOR (n:FamilyValues) ON (n.unitId);
CREATE INDEX indicator_family_rule IF NOT EXISTS FOR (n:Indicator) ON (n.familyRule);
