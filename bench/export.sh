#!/usr/bin/env bash
# Peak heap of a whole-list export (issue 13), in one command (not run by CI):
#
#   bench/export.sh                    # TARGETS=1000000, SERVICE_HEAP=1g
#   TARGETS=100000 bench/export.sh     # smaller
#
# Generates a tab corpus of TARGETS targets (10,000 per document), imports it into a fresh store, starts the
# service on that store (no seeds, free loopback ports, -Xmx$SERVICE_HEAP, GC log), waits until it is idle, then
# downloads GET /export/targets.csv (and targets.xlsx unless SKIP_XLSX is set) while jstat samples the heap every
# 250 ms. Prints, per export: rows, bytes, seconds, rows/s, the heap used before it, the most heap in use at any
# sample (young garbage included) and the most heap left after a collection during it (the live set: what bounds
# the export). Everything listens on 127.0.0.1; every step has a time limit.
#
# Settings (environment): TARGETS (1000000), SEED (1), IMPORT_HEAP (2g), SERVICE_HEAP (1g), PAGE_CACHE_MB (1024),
# SKIP_BUILD (reuse target/perfgraph.jar), BENCH_JAR (a copy of the jar to run), REUSE_STORE (keep and reuse
# bench/out/export-work/store-$TARGETS), SKIP_XLSX, START_TIMEOUT (1800 s for the service to answer).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK="$ROOT/bench/out/export-work"
TARGETS=${TARGETS:-1000000}
SEED=${SEED:-1}
IMPORT_HEAP=${IMPORT_HEAP:-2g}
SERVICE_HEAP=${SERVICE_HEAP:-1g}
PAGE_CACHE_MB=${PAGE_CACHE_MB:-1024}
JAR=${BENCH_JAR:-"$ROOT/target/perfgraph.jar"}
mkdir -p "$WORK"

SERVICE_PID=""
SAMPLER_PID=""
stop() {
  # Only the processes this script started, by their ids.
  if [[ -n "$SAMPLER_PID" ]] && kill -0 "$SAMPLER_PID" 2>/dev/null; then kill "$SAMPLER_PID" || true; fi
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID" || true
    for _ in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$SERVICE_PID" 2>/dev/null && kill -9 "$SERVICE_PID" || true
  fi
  SERVICE_PID=""
  SAMPLER_PID=""
}
trap stop EXIT INT TERM
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

if [[ -z "${SKIP_BUILD:-}" ]]; then
  log "building the jar"
  timeout 1200 mvn -q -B -DskipTests package
fi
[[ -f "$JAR" ]] || { echo "no $JAR: build first (mvn -q -DskipTests package)" >&2; exit 2; }

corpus="$WORK/corpus-$TARGETS"
store="$WORK/store-$TARGETS"
if [[ -n "${REUSE_STORE:-}" && -d "$store" ]]; then
  log "reusing $store"
else
  rm -rf "$corpus" "$store"
  log "generating $TARGETS targets"
  timeout 1800 java -jar "$JAR" generate --targets "$TARGETS" --format tab --seed "$SEED" --out "$corpus" \
    --per-document 10000 >&2
  log "importing $(find "$corpus" -type f | wc -l) documents, -Xmx$IMPORT_HEAP"
  PERFGRAPH_DATA_DIR="$store" PERFGRAPH_BOLT_PORT=0 PERFGRAPH_PAGE_CACHE_MB="$PAGE_CACHE_MB" \
    timeout 7200 java -Xmx"$IMPORT_HEAP" -jar "$JAR" import $(find "$corpus" -type f | sort) \
    > "$WORK/import-$TARGETS.log" 2>&1 || log "import exited $? (refused documents are listed in $WORK/import-$TARGETS.log)"
  grep -E '^(summary|throughput):' "$WORK/import-$TARGETS.log" >&2 || true
  rm -rf "$corpus"
fi

http_port=$(free_port)
bolt_port=$(free_port)
log "starting the service on the $TARGETS-target store, -Xmx$SERVICE_HEAP"
PERFGRAPH_DATA_DIR="$store" PERFGRAPH_LOAD_SAMPLES=false SERVER_PORT=$http_port PERFGRAPH_BOLT_PORT=$bolt_port \
  PERFGRAPH_PAGE_CACHE_MB="$PAGE_CACHE_MB" SERVER_ADDRESS=127.0.0.1 PERFGRAPH_QUERY_TIMEOUT=120s \
  java -Xmx"$SERVICE_HEAP" -Xlog:gc:file="$WORK/gc-service.log" -jar "$JAR" > "$WORK/service.log" 2>&1 &
SERVICE_PID=$!
healthy=""
deadline=$((SECONDS + ${START_TIMEOUT:-1800}))
while (( SECONDS < deadline )); do
  if curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$http_port/actuator/health" 2>/dev/null; then healthy=1; break; fi
  kill -0 "$SERVICE_PID" 2>/dev/null || { tail -20 "$WORK/service.log" >&2; exit 1; }
  sleep 2
done
[[ -n "$healthy" ]] || { echo "the service did not answer within ${START_TIMEOUT:-1800} s; see $WORK/service.log" >&2; exit 1; }
sleep 20 # start-up work (count checks) settles

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)," \
  "commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%dT%H:%MZ)"
for format in csv xlsx; do
  [[ $format == xlsx && -n "${SKIP_XLSX:-}" ]] && continue
  jcmd "$SERVICE_PID" GC.run >/dev/null
  sleep 2
  gc_lines=$(wc -l < "$WORK/gc-service.log")
  # used heap = S0U + S1U + EU + OU (KB), every 250 ms
  jstat -gc "$SERVICE_PID" 250 > "$WORK/jstat-$format.txt" &
  SAMPLER_PID=$!
  sleep 1
  start=$(date +%s.%N)
  curl -fsS -m 3600 -o "$WORK/targets.$format" -D "$WORK/headers-$format.txt" \
    "http://127.0.0.1:$http_port/export/targets.$format"
  end=$(date +%s.%N)
  sleep 1
  kill "$SAMPLER_PID" || true
  SAMPLER_PID=""
  rows=$(grep -i '^x-export-rows:' "$WORK/headers-$format.txt" | tr -dc '0-9')
  bytes=$(stat -c %s "$WORK/targets.$format")
  read -r before peak < <(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { u = ($3 + $4 + $6 + $8) / 1024; if (n++ == 0) b = u; if (u > p) p = u }
                                END { printf "%d %d\n", b, p }' "$WORK/jstat-$format.txt")
  live=$(tail -n +"$((gc_lines + 1))" "$WORK/gc-service.log" | grep -o -- '->[0-9]*M' | sed 's/->//; s/M//' | sort -n | tail -1)
  secs=$(echo "$end - $start" | bc)
  echo "targets.$format: $rows rows, $((bytes / 1048576)) MiB in ${secs} s ($(echo "$rows / $secs" | bc) rows/s);" \
    "heap used before ${before} MiB, at most ${peak} MiB in use (young garbage included)," \
    "at most ${live:-?} MiB after a collection during the export (-Xmx$SERVICE_HEAP)"
  rm -f "$WORK/targets.$format"
done
stop
if [[ -z "${REUSE_STORE:-}" ]]; then rm -rf "$store"; fi
