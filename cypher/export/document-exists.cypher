// Export: whether a document of this name is stored. $name
// :param name => '000_4081c7b18e37fcb4.txt'
MATCH (d:Document {name: $name})
RETURN d.id AS id
