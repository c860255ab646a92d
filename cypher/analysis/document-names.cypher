// Every document's import name: the order Findings reads the documents in for a page of a kind that is read
// document by document (FindingKind.byDocument). No parameters.
MATCH (d:Document)
RETURN d.name AS name
