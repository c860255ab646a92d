// Takes the write lock on one indicator before anything is read, so the version compared next is the committed one
// (read committed alone would let two editors both see the same version). $id
MATCH (n:Indicator {id: $id})
SET n.editLock = true
REMOVE n.editLock
RETURN count(n) AS found
