// The write path (issue 12): every index is written on each import row, so the ones no read plans are dropped (also
// from stores written before), and a document's diagnostics are one (:DiagnosticList) node instead of one
// (:Diagnostic) node per line. Idempotent; applied at start-up in name order, after 001-050 (which no longer create
// what is dropped here). The audit, which read needs which index, is README "Indexes and what reads them";
// SchemaIndexesTest checks that the store holds exactly that set and that the reads plan their index.
//
// target_project: the findings filter `$projectId IS NULL OR t.projectId = $projectId` (an OR with a parameter test,
// which the planner never turns into a seek); every other read reaches a project's targets through HAS_TARGET.
DROP INDEX target_project IF EXISTS;
// target_period_kind, target_annual_kind, target_annual_comparator: no analysis or compare statement anchors on them
// (they read the kinds of targets already matched, in CASE expressions); targetStats groups every target by them
// without an index; the root filters targets(where: {annual/period: {kind / comparator}}) compare with an enum of
// five or six values, where a seek selects a large share of all targets and a label scan is as fast.
DROP INDEX target_period_kind IF EXISTS;
DROP INDEX target_annual_kind IF EXISTS;
DROP INDEX target_annual_comparator IF EXISTS;
// Diagnostics are no longer nodes of their own: nothing looks them up by id or by code.
DROP CONSTRAINT diagnostic_id IF EXISTS;
DROP INDEX diagnostic_code IF EXISTS;
// Stores written before: each document's (:Diagnostic) nodes become its (:DiagnosticList) in the old nodes' line and
// id order (the shape: cypher/ingest/create-diagnostics.cypher), then the nodes and their FLAGGED links go. Linear
// in the diagnostics (no list grown by reduce). One document per transaction: a generated 10,000-target document has
// ~5,000 diagnostics, and 50 documents at once (the first version) overran the transaction memory of a 2 GB service
// on the 1M-target store of 4d5767a. A no-op afterwards.
MATCH (d:Document) WHERE EXISTS { (d)-[:NOTED]->(:Diagnostic) }
CALL (d) {
  MATCH (d)-[:NOTED]->(g:Diagnostic)
  WITH d, g ORDER BY g.line, g.id
  WITH d, collect(g) AS gs
  CREATE (d)-[:NOTED]->(l:DiagnosticList)
  SET l.count = size(gs), l.lines = [g IN gs | g.line], l.places = [g IN gs | coalesce(g.place, '')],
      l.severities = [g IN gs | g.severity], l.codes = [g IN gs | g.code],
      l.messages = [g IN gs | coalesce(g.message, '')],
      l.argCounts = [g IN gs | size(coalesce(g.args, []))],
      l.args = [g IN gs | coalesce(reduce(s = null, a IN coalesce(g.args, []) | CASE WHEN s IS NULL THEN a ELSE s + '\u001f' + a END), '')]
  WITH gs
  UNWIND gs AS g
  DETACH DELETE g
} IN TRANSACTIONS OF 1 ROW;
