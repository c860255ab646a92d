#!/usr/bin/env bash
# Parse throughput of the file extractors (issue 11), in one command (not run by CI):
#
#   bench/parse.sh               # ROWS=100000, HEAP=512m, RUNS=3
#
# Builds the test classes, makes a ROWS-row xlsx with POI's streaming writer (SXSSF), a ROWS-row tab text and a
# ROWS-row text with no separators (LAYOUTS.md shape 5) in bench/out/, then reads each in a fresh JVM limited to
# HEAP: through Extractors.extract alone (the xlsx streamed by SAX) and through DocumentReader.read (extract, cells
# rebuilt where the text has no separators, layout, normalise). Prints rows/s and the peak heap of each run; the GC
# log of each JVM goes to bench/out/gc-*.log (its largest "->" figure is the heap after a collection, the pool sum
# printed is an upper bound). bench/run.sh calls this and puts the figures in its results.
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
NONE="$OUT/parse-$ROWS-none.txt"
java -Xmx1g -cp "$CP" $BENCH make-xlsx "$XLSX" "$ROWS"
java -Xmx1g -cp "$CP" $BENCH make-text "$TEXT" "$ROWS"
java -Xmx1g -cp "$CP" $BENCH make-none "$NONE" "$ROWS"

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
java -Xmx"$HEAP" -Xlog:gc:file="$OUT/gc-xlsx.log" -cp "$CP" $BENCH extract "$XLSX" "$RUNS"
java -Xmx"$HEAP" -Xlog:gc:file="$OUT/gc-xlsx-read.log" -cp "$CP" $BENCH read "$XLSX" "$RUNS"
java -Xmx"$HEAP" -Xlog:gc:file="$OUT/gc-text-extract.log" -cp "$CP" $BENCH extract "$TEXT" "$RUNS"
java -Xmx"$HEAP" -Xlog:gc:file="$OUT/gc-text-read.log" -cp "$CP" $BENCH read "$TEXT" "$RUNS"
java -Xmx"$HEAP" -Xlog:gc:file="$OUT/gc-none-read.log" -cp "$CP" $BENCH read "$NONE" "$RUNS"
for log in "$OUT"/gc-*.log; do
  before=$(grep -o '[0-9]*M->' "$log" | sed 's/M->//' | sort -n | tail -1)
  after=$(grep -o -- '->[0-9]*M' "$log" | sed 's/->//; s/M//' | sort -n | tail -1)
  echo "$(basename "$log"): heap before a collection at most ${before:-?} MiB, after one at most ${after:-?} MiB"
done
