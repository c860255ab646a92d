// The family bucket of each indicator as refresh-family-groups names it: its rule's key, 'i:<id>' when no rule
// covers it; no row for one without a family ('-', no name).
// :param ids => ['I...']
UNWIND $ids AS id
MATCH (i:Indicator {id: id})
WITH id, i.familyRule AS rule
WHERE rule IS NOT NULL AND rule <> '-'
RETURN id, CASE WHEN rule = '' THEN 'i:' + id ELSE rule END AS bucket
ORDER BY id
