// Adds a document's share to the stored counts of its indicators: its distinct projects (projects are never shared
// between documents, so distinct counts add up) and one document. Run last in the import transaction, rows sorted
// by key: every import then takes these write locks in one order (no deadlock between parallel imports) and holds
// them only through the commit. $rows: [{key, projects}]
UNWIND $rows AS r
MATCH (i:Indicator {key: r.key})
SET i.projectCount = i.projectCount + r.projects, i.documentCount = i.documentCount + 1
