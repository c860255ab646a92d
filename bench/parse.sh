#!/usr/bin/env bash
# Parse throughput of the file extractors (issue 11), in one command (not run by CI):
#
#   bench/parse.sh               # ROWS=100000, HEAP=512m, RUNS=3
#
# Builds the test classes, makes a ROWS-row xlsx with POI's streaming writer (SXSSF) and a ROWS-row tab text in
# bench/out/, then reads each in a fresh JVM limited to HEAP: the xlsx through Extractors.extract (streamed SAX),
# the text through Extractors.extract and through DocumentReader.read (extract, layout, normalise). Prints rows/s and
# the peak heap of each run; the GC log of each JVM goes to bench/out/gc-*.log (its largest "->" figure is the
# heap after a collection, the pool sum printed is an upper bound).
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=bench/out
ROWS=${ROWS:-100000}
HEAP=${HEAP:-512m}
RUNS=${RUNS:-3}
mkdir -p "$OUT"

mvn -q test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="target/classes:target/test-classes:$(cat "$OUT/cp.txt")"
BENCH=org.perfgraph.ingest.extract.ExtractBench

XLSX="$OUT/parse-$ROWS.xlsx"
TEXT="$OUT/parse-$ROWS.txt"
java -Xmx1g -cp "$CP" $BENCH make-xlsx "$XLSX" "$ROWS"
java -Xmx1g -cp "$CP" $BENCH make-text "$TEXT" "$ROWS"

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
java -Xmx"$HEAP" -Xlog:gc:file="$OUT/gc-xlsx.log" -cp "$CP" $BENCH extract "$XLSX" "$RUNS"
java -Xmx"$HEAP" -Xlog:gc:file="$OUT/gc-text-extract.log" -cp "$CP" $BENCH extract "$TEXT" "$RUNS"
java -Xmx"$HEAP" -Xlog:gc:file="$OUT/gc-text-read.log" -cp "$CP" $BENCH read "$TEXT" "$RUNS"
for log in "$OUT"/gc-*.log; do
  before=$(grep -o '[0-9]*M->' "$log" | sed 's/M->//' | sort -n | tail -1)
  after=$(grep -o -- '->[0-9]*M' "$log" | sed 's/->//; s/M//' | sort -n | tail -1)
  echo "$(basename "$log"): heap before a collection at most ${before:-?} MiB, after one at most ${after:-?} MiB"
done
