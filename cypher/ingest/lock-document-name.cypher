// Serialises imports of one document name: MERGE on a uniquely constrained lock node takes a write lock that the
// transaction holds until it commits, so a second import of the same name waits and then sees the first. $name
MERGE (l:ImportLock {name: $name})
SET l.lockedAt = datetime()
