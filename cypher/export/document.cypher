// Export: one stored document written back in the tab layout, as the graph holds it now (edits applied): the
// document, then each of its projects in declaration order with its unit, its goal statements (by line) and its
// targets (by line) with their current indicator and categories, and what forms and header tables add (项目性质,
// 主管部门, dates, 项目资金总额; L1 points, direction, notes). $name
// :param name => '000_4081c7b18e37fcb4.txt'
MATCH (d:Document {name: $name})
OPTIONAL MATCH (p:Project)-[:DECLARED_IN]->(d)
OPTIONAL MATCH (u:Unit)-[:HAS_PROJECT]->(p)
CALL (p) {
  OPTIONAL MATCH (p)-[s:STATES]->(:Text)
  WITH s ORDER BY s.line, s.kind DESC
  RETURN collect(s {.kind, .line, .raw}) AS goals
}
CALL (p) {
  OPTIONAL MATCH (p)-[:HAS_TARGET]->(t:Target)
  OPTIONAL MATCH (t)-[:MEASURES]->(i:Indicator)
  OPTIONAL MATCH (t)-[:LEVEL1]->(c1:Category)
  OPTIONAL MATCH (t)-[:LEVEL2]->(c2:Category)
  WITH t, i, c1, c2 ORDER BY t.line, t.ordinal
  RETURN collect(t {.annualRaw, .periodRaw, .actualRaw, .weightText, .scoreText, .pointsText, .direction, .notes,
                    indicatorCode: i.code, indicator: i.name, level1Code: c1.code, level1: c1.name,
                    level2Code: c2.code, level2: c2.name}) AS targets
}
WITH d, p, u, goals, targets ORDER BY p.line, p.name
RETURN d {.name, .title, .year} AS document,
       collect(CASE WHEN p IS NULL THEN null
               ELSE {name: p.name, amount: p.amount, unitCode: u.code, unit: u.name, goals: goals, targets: targets,
                     nature: p.nature, category: p.category, department: p.department, startDate: p.startDate,
                     endDate: p.endDate, totalAmount: p.totalAmount} END)
         AS projects
