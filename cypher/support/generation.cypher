// The store's write generation: bumped by every import, document removal and edit (bump-generation), so results
// cached for a generation are known to be current. 0 on a store nothing has been written to since. No parameters.
OPTIONAL MATCH (g:Generation {name: 'writes'})
RETURN coalesce(g.value, 0) AS value
