// L2 categories under the given L1 categories, by name. $ids
MATCH (c:Category)<-[:UNDER]-(k:Category) WHERE c.id IN $ids
RETURN c.id AS key, k AS node
ORDER BY k.name, k.id
