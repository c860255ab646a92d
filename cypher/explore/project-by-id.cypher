// One project by id. $id
MATCH (p:Project {id: $id}) RETURN p AS node
