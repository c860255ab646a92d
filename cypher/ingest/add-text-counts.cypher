// Adds a document's distinct projects to the stored counts of its goal texts; run last, rows sorted by key (see
// add-indicator-counts). $rows: [{key, projects}]
UNWIND $rows AS r
MATCH (x:Text {key: r.key})
SET x.projectCount = x.projectCount + r.projects
