// One indicator by id. $id
MATCH (i:Indicator {id: $id}) RETURN i AS node
