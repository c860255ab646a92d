// Goal texts by id, without their statements: what the exact 3-gram Jaccard of similarTexts' candidate pairs reads.
// :param ids => []
UNWIND $ids AS id
MATCH (x:Text {id: id})
RETURN x {.id, .key, .text, .normalized} AS text
