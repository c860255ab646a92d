// Goal texts, one node per distinct normalised text; a new one starts with a zero stored count (the document's
// share is added by add-text-counts, at the end of the transaction).
// $rows: [{key, id, text, normalized, length, signature, bands}]
UNWIND $rows AS r
MERGE (x:Text {key: r.key})
  ON CREATE SET x.id = r.id, x.text = r.text, x.normalized = r.normalized, x.length = r.length,
                x.signature = r.signature, x.bands = r.bands, x.projectCount = 0
