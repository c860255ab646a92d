// One Document node. $document: {id, name, hash, format, kind, fileKind, truncated, title, region, year, lineCount,
// projectCount, targetCount}
CREATE (d:Document)
SET d = $document, d.importedAt = datetime()
