// After a re-import re-created a project or target, its version continues from its history instead of restarting
// at 1, so the history's version order stays true. $id $version
OPTIONAL MATCH (p:Project {id: $id})
OPTIONAL MATCH (t:Target {id: $id})
FOREACH (n IN [x IN [p, t] WHERE x IS NOT NULL] | SET n.version = $version)
