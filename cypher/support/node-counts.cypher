// Nodes per label for /actuator/prometheus (perfgraph.graph.nodes); one row, 0 for a label without nodes. No parameters.
OPTIONAL MATCH (n:Document) WITH count(n) AS Document
OPTIONAL MATCH (n:Unit) WITH Document, count(n) AS Unit
OPTIONAL MATCH (n:Project) WITH Document, Unit, count(n) AS Project
OPTIONAL MATCH (n:Target) WITH Document, Unit, Project, count(n) AS Target
OPTIONAL MATCH (n:Indicator) WITH Document, Unit, Project, Target, count(n) AS Indicator
OPTIONAL MATCH (n:Category) WITH Document, Unit, Project, Target, Indicator, count(n) AS Category
OPTIONAL MATCH (n:Text) WITH Document, Unit, Project, Target, Indicator, Category, count(n) AS Text
OPTIONAL MATCH (n:DiagnosticList)
RETURN Document, Unit, Project, Target, Indicator, Category, Text, count(n) AS DiagnosticList
