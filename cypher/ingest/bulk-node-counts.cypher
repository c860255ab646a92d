// Nodes per label after import --bulk, checked against what was read. $labels: [label]
UNWIND $labels AS label
RETURN label, COUNT { MATCH (n:$(label)) } AS nodes
