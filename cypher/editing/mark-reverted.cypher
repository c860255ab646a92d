// Marks a change as undone by another one. $id $revertedBy
MATCH (c:Change {id: $id})
SET c.revertedBy = $revertedBy
