// Nodes per label for /actuator/prometheus (perfgraph.graph.nodes), each a count-store lookup. No parameters.
CALL { MATCH (n:Document) RETURN count(n) AS Document }
CALL { MATCH (n:Unit) RETURN count(n) AS Unit }
CALL { MATCH (n:Project) RETURN count(n) AS Project }
CALL { MATCH (n:Target) RETURN count(n) AS Target }
CALL { MATCH (n:Indicator) RETURN count(n) AS Indicator }
CALL { MATCH (n:Category) RETURN count(n) AS Category }
CALL { MATCH (n:Text) RETURN count(n) AS Text }
CALL { MATCH (n:Diagnostic) RETURN count(n) AS Diagnostic }
RETURN Document, Unit, Project, Target, Indicator, Category, Text, Diagnostic
