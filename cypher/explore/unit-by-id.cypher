// One unit by id. $id
MATCH (u:Unit {id: $id}) RETURN u AS node
