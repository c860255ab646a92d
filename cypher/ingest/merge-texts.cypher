// Goal texts, one node per distinct normalised text, with this document's projects added to its stored count.
// $rows: [{key, id, text, normalized, length, signature, bands, projects}]
UNWIND $rows AS r
MERGE (x:Text {key: r.key})
  ON CREATE SET x.id = r.id, x.text = r.text, x.normalized = r.normalized, x.length = r.length,
                x.signature = r.signature, x.bands = r.bands, x.projectCount = 0
SET x.projectCount = x.projectCount + r.projects
