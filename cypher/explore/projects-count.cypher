// Number of projects. No parameters.
MATCH (p:Project) RETURN count(p) AS count
