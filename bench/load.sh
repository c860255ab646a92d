#!/usr/bin/env bash
# The load run of issue 14 (not CI), in one command:
#
#   bench/load.sh                     # 50 readers, 10 conflicting editors, 300 s, on the 100k-target benchmark store
#   SECONDS_TO_RUN=60 bench/load.sh   # shorter
#
# Makes the benchmark store the way bench/run.sh does (a 100,000-target tab corpus, seed 1, 10,000 targets per
# document, imported into a fresh store) unless bench/out/work/store-100000 exists (delete it for a fresh one),
# starts the service on it on free loopback ports with an editor key, runs bench/load-edits.sh against it (the
# readers, the editors racing on one target, the checks: no error other than CONFLICT, no lost update, p50/p99),
# stops the service and appends the figures with the machine, load average and commit to bench/out/load-<UTC>.md.
#
# Settings (environment): SECONDS_TO_RUN (300), READERS (50), EDITORS (10), SIZE (100000), SERVICE_HEAP (2g),
# IMPORT_HEAP (2g), PAGE_CACHE_MB (1024), STORE (a store folder to use instead), SKIP_BUILD (reuse target/perfgraph.jar), BENCH_JAR (a copy of the jar).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"
WORK="$OUT/work"
SIZE=${SIZE:-100000}
SECONDS_TO_RUN=${SECONDS_TO_RUN:-300}
READERS=${READERS:-50}
EDITORS=${EDITORS:-10}
SERVICE_HEAP=${SERVICE_HEAP:-2g}
IMPORT_HEAP=${IMPORT_HEAP:-2g}
PAGE_CACHE_MB=${PAGE_CACHE_MB:-1024}
JAR=${BENCH_JAR:-"$ROOT/target/perfgraph.jar"}
STAMP=$(date -u +%Y-%m-%dT%H%MZ)
RESULTS="$OUT/load-$STAMP.md"
mkdir -p "$WORK"

SERVICE_PID=""
stop() {
  # Only the process this script started, by its id.
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID" || true
    for _ in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$SERVICE_PID" 2>/dev/null && kill -9 "$SERVICE_PID" || true
  fi
  SERVICE_PID=""
}
trap stop EXIT INT TERM
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

if [[ -z "${SKIP_BUILD:-}" ]]; then
  log "building the jar"
  timeout 1200 mvn -q -B -DskipTests package
fi
[[ -f "$JAR" ]] || { echo "no $JAR: build first (mvn -q -DskipTests package)" >&2; exit 2; }

store=${STORE:-"$WORK/store-$SIZE"}
if [[ -d "$store" ]]; then
  log "reusing the $SIZE-target store $store"
else
  corpus="$WORK/corpus-$SIZE"
  rm -rf "$corpus"
  log "generating $SIZE targets"
  timeout 1800 java -jar "$JAR" generate --targets "$SIZE" --format tab --seed 1 --out "$corpus" --per-document 10000 >&2
  log "importing them into $store"
  PERFGRAPH_DATA_DIR="$store" PERFGRAPH_BOLT_PORT=0 PERFGRAPH_PAGE_CACHE_MB="$PAGE_CACHE_MB" \
    timeout 7200 java -Xmx"$IMPORT_HEAP" -jar "$JAR" import $(find "$corpus" -type f | sort) > "$WORK/load-import.log" 2>&1 \
    || { tail -5 "$WORK/load-import.log" >&2; exit 1; }
  grep -E '^(summary|throughput):' "$WORK/load-import.log" >&2
fi

http_port=$(free_port)
bolt_port=$(free_port)
EDITOR_KEY="load-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
log "starting the service on $store (HTTP $http_port, Bolt $bolt_port)"
PERFGRAPH_DATA_DIR="$store" PERFGRAPH_LOAD_SAMPLES=false SERVER_PORT=$http_port SERVER_ADDRESS=127.0.0.1 \
  PERFGRAPH_BOLT_PORT=$bolt_port PERFGRAPH_PAGE_CACHE_MB="$PAGE_CACHE_MB" PERFGRAPH_EDITOR_KEYS="load:$EDITOR_KEY" \
  java -Xmx"$SERVICE_HEAP" -jar "$JAR" > "$WORK/load-service.log" 2>&1 &
SERVICE_PID=$!
healthy=""
for _ in $(seq 1 900); do # a saturated shared machine needs many minutes to start the service on a large store
  curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$http_port/actuator/health" 2>/dev/null && { healthy=yes; break; }
  kill -0 "$SERVICE_PID" 2>/dev/null || { tail -20 "$WORK/load-service.log" >&2; exit 1; }
  sleep 1
done
[[ -n "$healthy" ]] || { echo "the service did not become healthy; see $WORK/load-service.log" >&2; exit 1; }
log "service healthy"

COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
log "running $READERS readers and $EDITORS editors for ${SECONDS_TO_RUN}s"
status=0
GRAPHQL="http://127.0.0.1:$http_port/graphql" EDITOR_KEY="$EDITOR_KEY" SECONDS_TO_RUN="$SECONDS_TO_RUN" \
  READERS="$READERS" EDITORS="$EDITORS" bench/load-edits.sh | tee "$WORK/load-edits.log" || status=$?
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
stop

cat > "$RESULTS" <<EOF
# perfgraph load run, $STAMP

- Commit: $COMMIT; store: $SIZE targets (tab corpus, seed 1); service -Xmx$SERVICE_HEAP, page cache $PAGE_CACHE_MB MB
- Machine: $(nproc) cores, $(free -m | awk '/^Mem:/ {printf "%.1f GB", $2/1024}'); $(java -version 2>&1 | head -1);
  load average $LOAD_START at the start, $LOAD_END at the end (the machine is shared: other builds ran)
- $READERS readers, $EDITORS editors, ${SECONDS_TO_RUN} s

\`\`\`
$(cat "$WORK/load-edits.log")
\`\`\`
EOF
log "figures in $RESULTS"
exit $status
