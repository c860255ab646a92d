// Indicators whose stored family rule is missing or was assigned from another normalised name (new, renamed): those
// the given units use and the given indicators. The API assigns their rule (indicator-families.txt) and stores it
// with set-family-rules; `was` tells whose bucket moved.
// :param unitIds => ['U...']
// :param indicatorIds => []
CALL () {
  UNWIND $unitIds AS unitId
  MATCH (:Unit {id: unitId})-[:USES]->(i:Indicator)
  RETURN i
  UNION
  MATCH (i:Indicator) WHERE i.id IN $indicatorIds
  RETURN i
}
WITH DISTINCT i
WHERE i.familyRuleOf IS NULL OR i.familyRuleOf <> coalesce(i.normalizedName, '')
RETURN i.id AS id, i.normalizedName AS normalizedName, i.familyRule AS was
ORDER BY id
