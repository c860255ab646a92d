// A target that measures an indicator, for the edit rehearsal at start-up (EditRehearsal): any one will do.
// No parameters.
MATCH (t:Target)-[:MEASURES]->(:Indicator)
RETURN t.id AS id, t.version AS version, t.annualRaw AS annual
LIMIT 1
