// The first pass of the TARGET_LOOSER_THAN_PEERS finding, once per write generation (IndicatorFamilies keeps it):
// per indicator family ($families: [{id, buckets, measure (null: the family's most frequent)}]) and comparator
// direction (1: ≥ > and = ask for more; -1: ≤ < and = on a 反向 row ask for less) with at least $minPeers other
// numbers in the family's measure, the numbers looser than $looserShare of them and how many peers are stricter.
// From the family's distinct (measure, direction, number) counts in the groups kept at write time ((:FamilyValues)
// of its buckets: cypher/schema/070_families.cypher), not from its targets; the stricter peers of a number are the
// counts of the numbers above it (for -1 below it). So the memory grows with distinct values, not targets.
// :param families => [{id: 'satisfaction', buckets: ['satisfaction'], measure: '%'}]
// :param minPeers => 4
// :param looserShare => 0.75
UNWIND $families AS f
CALL (f) {
  MATCH (g:FamilyValues) WHERE g.bucket IN f.buckets
  UNWIND g.numbers AS number
  WITH g.measure AS measure, number, g.sense AS sense, count(*) AS n
  RETURN collect({measure: measure, number: number, sense: sense, n: n}) AS values
}
WITH f, values, coalesce(f.measure,
     head(COLLECT { UNWIND values AS x WITH x.measure AS m, sum(x.n) AS n ORDER BY n DESC, m RETURN m })) AS measure
UNWIND [1, -1] AS sense
WITH f, measure, sense, [x IN values WHERE x.measure = measure AND x.sense = sense] AS peers
WITH f, measure, sense, peers, reduce(s = 0, x IN peers | s + x.n) - 1 AS others
WHERE others >= $minPeers
WITH f, measure, sense, others,
     [x IN peers | {number: x.number,
                    stricter: reduce(s = 0, y IN peers | s + CASE WHEN (sense = 1 AND y.number > x.number)
                                                                   OR (sense = -1 AND y.number < x.number) THEN y.n ELSE 0 END)}] AS ranks
WITH f, measure, sense, others, [k IN ranks WHERE toFloat(k.stricter) / others >= $looserShare] AS looser
WHERE size(looser) > 0
RETURN f.id AS family, measure, sense, others, looser
