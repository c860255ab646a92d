// One coded indicator by its library code (the key of a coded indicator is 'C:' + code). $code
MATCH (i:Indicator {key: 'C:' + $code}) RETURN i AS node
