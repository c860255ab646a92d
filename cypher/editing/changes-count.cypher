// How many changes match the filters of changes-page. $since $by
MATCH (c:Change)
WHERE ($since IS NULL OR c.at >= datetime($since))
  AND ($by IS NULL OR c.by = $by)
RETURN count(c) AS count
