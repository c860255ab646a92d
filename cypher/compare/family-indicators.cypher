// Every indicator with its normalised name and stored project count: what the family rules and the similarity
// fallback assign to families (in the API). One index-free pass over the indicator nodes, no targets read.
MATCH (i:Indicator)
RETURN i AS indicator
ORDER BY i.key
