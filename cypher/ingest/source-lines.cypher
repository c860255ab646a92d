// The chunks of a document's own lines that overlap $fromLine..$toLine. $name $fromLine $toLine
MATCH (d:Document {name: $name})-[:HAS_LINES]->(s:SourceLines)
WHERE s.from <= $toLine AND s.to >= $fromLine
RETURN s.from AS from, s.text AS text
