// Every unit's id, in id order: the start-up build refreshes their family groups one unit per transaction.
MATCH (u:Unit)
RETURN u.id AS id
ORDER BY id
