// Bumps the store's write generation inside a write transaction (see generation.cypher). No parameters.
MERGE (g:Generation {name: 'writes'})
  ON CREATE SET g.value = 0
SET g.value = g.value + 1
