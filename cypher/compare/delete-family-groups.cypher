// Deletes every stored family group (before the start-up build recomputes them all), in batches. No parameters.
MATCH (g) WHERE g:FamilyUnit OR g:FamilyValues
CALL (g) {
  DELETE g
} IN TRANSACTIONS OF 10000 ROWS
