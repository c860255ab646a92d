// Changes newest first, a page at a time (keyset on at, id, descending), optionally since an instant and by one
// author. $since $by $afterAt $afterId $limit
MATCH (c:Change)
WHERE ($since IS NULL OR c.at >= datetime($since))
  AND ($by IS NULL OR c.by = $by)
  AND ($afterAt IS NULL OR c.at < datetime($afterAt) OR (c.at = datetime($afterAt) AND c.id < $afterId))
RETURN properties(c) AS node
ORDER BY c.at DESC, c.id DESC
LIMIT $limit
