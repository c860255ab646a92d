#!/usr/bin/env bash
# The benchmark harness of issue 7, in one command (not run by CI):
#
#   bench/run.sh                       # SIZES="10000 100000 1000000"
#   SIZES="10000 100000" bench/run.sh  # smaller run
#
# For each size: generate a tab corpus (10,000 targets per document), import it into a fresh store with
# -Xmx2g and keep the import's throughput and peak heap. Then start the service on the largest store (no
# seeds, free loopback ports), start the @neo4j/graphql peer on the same store if node is installed, run the
# load client (java -jar target/perfgraph.jar bench) against both and raw Cypher over Bolt, stop everything,
# and write bench/out/results-<UTC date>.md with the machine, sizes, commit and tables. First, the parse
# throughput of issue 11 (bench/parse.sh: a PARSE_ROWS-row xlsx, tab text and unseparated text, each read in a
# fresh JVM with -XmxPARSE_HEAP) goes into the same results.
#
# Settings (environment): SIZES, SEED (1), CLIENTS (8), BENCH_SECONDS (20 measured per request and side),
# WARMUP (5), ROUNDS (2), IMPORT_HEAP (2g), SERVICE_HEAP (2g), PAGE_CACHE_MB (1024), IMPORT_TIMEOUT (7200 s),
# BENCH_TIMEOUT (3600 s), SKIP_BUILD (set to reuse target/perfgraph.jar), KEEP_STORES (set to keep bench/out/work),
# REUSE_STORES (set to reuse a kept store and its import figures instead of importing that size again),
# BENCH_JAR (a copy of the jar to run, so that a rebuild during a long run does not pull it away), BENCH_COMMIT (its commit),
# PERFGRAPH_IMPORT_THREADS (passed to the import command), ONLY (comma-separated request names: run only those),
# PARSE_ROWS (100000), PARSE_HEAP (512m), PARSE_RUNS (2), SKIP_PARSE (set to leave the parse figures out).
# Everything listens on 127.0.0.1 and every step has a time limit.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"
WORK="$OUT/work"
SIZES=${SIZES:-"10000 100000 1000000"}
SEED=${SEED:-1}
CLIENTS=${CLIENTS:-8}
SECONDS_PER_SIDE=${BENCH_SECONDS:-20}
WARMUP=${WARMUP:-5}
ROUNDS=${ROUNDS:-2}
IMPORT_HEAP=${IMPORT_HEAP:-2g}
SERVICE_HEAP=${SERVICE_HEAP:-2g}
PAGE_CACHE_MB=${PAGE_CACHE_MB:-1024}
IMPORT_TIMEOUT=${IMPORT_TIMEOUT:-7200}
BENCH_TIMEOUT=${BENCH_TIMEOUT:-3600}
JAR=${BENCH_JAR:-"$ROOT/target/perfgraph.jar"}
STAMP=$(date -u +%Y-%m-%dT%H%MZ)
RESULTS="$OUT/results-$STAMP.md"
mkdir -p "$WORK"

SERVICE_PID=""
PEER_PID=""
stop() {
  # Only the processes this script started, by their ids.
  if [[ -n "$PEER_PID" ]] && kill -0 "$PEER_PID" 2>/dev/null; then kill "$PEER_PID" || true; fi
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID" || true
    for _ in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$SERVICE_PID" 2>/dev/null && kill -9 "$SERVICE_PID" || true
  fi
  SERVICE_PID=""
  PEER_PID=""
}
trap stop EXIT INT TERM

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
  else
    local p
    while :; do
      p=$((20000 + RANDOM % 20000))
      (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
    done
  fi
}

# wait_for URL SECONDS PID [CURL ARGS...]: until the URL answers 2xx, the process dies, or the time is up.
wait_for() {
  local url=$1 limit=$2 pid=$3
  shift 3
  for _ in $(seq 1 "$limit"); do
    if curl -fsS -m 2 -o /dev/null "$@" "$url" 2>/dev/null; then return 0; fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 1
  done
  return 1
}

if [[ -z "${SKIP_BUILD:-}" ]]; then
  log "building the jar"
  timeout 1200 mvn -q -B -DskipTests package
fi
[[ -f "$JAR" ]] || { echo "no $JAR: build first (mvn -q -DskipTests package)" >&2; exit 2; }

# The commit of the jar measured: BENCH_COMMIT when BENCH_JAR is another build, else the worktree's.
if [[ -n "${BENCH_COMMIT:-}" ]]; then
  COMMIT="$BENCH_COMMIT (BENCH_JAR $(basename "$JAR"))"; DIRTY=""
else
  COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
  DIRTY=$(git status --porcelain 2>/dev/null | grep -qv '^??' && echo " (with uncommitted changes)" || true)
fi
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)
MEM=$(free -m | awk '/^Mem:/ {printf "%.1f GB total, %.1f GB available", $2/1024, $7/1024}')
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

PARSE_ROWS_N=${PARSE_ROWS:-100000}
PARSE_HEAP=${PARSE_HEAP:-512m}
PARSE_TABLE="(not run: SKIP_PARSE)"
if [[ -z "${SKIP_PARSE:-}" ]]; then
  log "parse throughput: $PARSE_ROWS_N rows per file, -Xmx$PARSE_HEAP (bench/parse.sh)"
  parse_status=0
  ROWS="$PARSE_ROWS_N" HEAP="$PARSE_HEAP" RUNS="${PARSE_RUNS:-2}" timeout 3600 bench/parse.sh > "$WORK/parse.log" 2>&1 \
    || parse_status=$?
  # "extract parse-100000.xlsx (…)" then "run 1: 100,000 rows in 2.00 s = 50,000 rows/s, peak heap 300 MiB"
  PARSE_TABLE="| file | stage | run | rows | seconds | rows/s | peak heap MiB (pool sum) |"$'\n'"|---|---|---|---|---|---|---|"$'\n'
  PARSE_TABLE+=$(awk '/^(extract|read) / {stage=$1; file=$2}
    /^run [0-9]+:/ {gsub(",", "", $3); gsub(",", "", $9); sub(":", "", $2);
      printf "| %s | %s | %s | %s | %s | %s | %s |\n", file, stage, $2, $3, $6, $9, $13}' \
    "$WORK/parse.log")
  PARSE_TABLE+=$'\n\n'"$(grep '^gc-' "$WORK/parse.log" | sed 's/^/- /')"
  if [[ $parse_status -ne 0 ]]; then PARSE_TABLE+=$'\n'"- bench/parse.sh failed (exit $parse_status): $(tail -1 "$WORK/parse.log")"; fi
  log "parse figures: $WORK/parse.log"
fi

IMPORT_ROWS=""
LARGEST=""
REUSED=""
for size in $SIZES; do
  corpus="$WORK/corpus-$size"
  store="$WORK/store-$size"
  status=0
  if [[ -n "${REUSE_STORES:-}" && -d "$store" ]] && grep -q '^throughput:' "$WORK/import-$size.log" 2>/dev/null; then
    log "reusing the $size-target store of an earlier run (REUSE_STORES)"
    REUSED+="$size "
  else
    rm -rf "$corpus" "$store"
    log "generating $size targets"
    timeout 1800 java -jar "$JAR" generate --targets "$size" --format tab --seed "$SEED" --out "$corpus" \
      --per-document 10000 | tee "$WORK/generate-$size.log" >&2
    log "importing $size targets ($(find "$corpus" -type f | wc -l) documents) into a fresh store, -Xmx$IMPORT_HEAP"
    load_before=$(cut -d' ' -f1 /proc/loadavg)
    PERFGRAPH_DATA_DIR="$store" PERFGRAPH_BOLT_PORT=0 PERFGRAPH_PAGE_CACHE_MB="$PAGE_CACHE_MB" \
      timeout "$IMPORT_TIMEOUT" java -Xmx"$IMPORT_HEAP" -jar "$JAR" import $(find "$corpus" -type f | sort) \
      > "$WORK/import-$size.log" 2>&1 || status=$?
    load_after=$(cut -d' ' -f1 /proc/loadavg)
    echo "$load_before → $load_after" > "$WORK/import-$size.load"
  fi
  docs=$(sed -E -n 's/^generated ([0-9]+) documents.*/\1/p' "$WORK/generate-$size.log")
  load_before_after=$(cat "$WORK/import-$size.load" 2>/dev/null || echo "?")
  line=$(grep '^throughput:' "$WORK/import-$size.log" || true)
  summary=$(grep '^summary:' "$WORK/import-$size.log" || true)
  if [[ $status -ne 0 || -z "$line" ]]; then
    why=$([[ $status -eq 124 ]] && echo "timed out after ${IMPORT_TIMEOUT} s" || echo "exit $status: $(tail -1 "$WORK/import-$size.log")")
    IMPORT_ROWS+="| $size | $docs | failed: $why | | | | | $load_before_after |"$'\n'
    log "import of $size failed: $why"
    continue
  fi
  # throughput: 11.1 s, 903 target rows/s, peak heap 920 MB (of max 2048 MB)
  secs=$(sed -E 's/^throughput: ([0-9.]+) s.*/\1/' <<<"$line")
  rate=$(sed -E 's/.* s, ([0-9]+) target rows\/s.*/\1/' <<<"$line")
  peak=$(sed -E 's/.*peak heap ([0-9]+) MB.*/\1/' <<<"$line")
  max=$(sed -E 's/.*of max ([0-9]+) MB.*/\1/' <<<"$line")
  targets=$(sed -E 's/.* ([0-9]+) targets,.*/\1/' <<<"$summary")
  storesize=$(du -sm "$store" | cut -f1)
  IMPORT_ROWS+="| $size | $docs | $targets | $secs | $rate | $peak of $max | $storesize | $load_before_after |"$'\n'
  log "imported $size: $line"
  LARGEST=$size
done

BENCH_TABLE="(not run: no store was imported)"
PEER_NOTE=""
if [[ -n "$LARGEST" ]]; then
  store="$WORK/store-$LARGEST"
  http_port=$(free_port)
  bolt_port=$(free_port)
  log "starting the service on the $LARGEST-target store (HTTP $http_port, Bolt $bolt_port)"
  PERFGRAPH_DATA_DIR="$store" PERFGRAPH_LOAD_SAMPLES=false SERVER_PORT=$http_port PERFGRAPH_BOLT_PORT=$bolt_port \
    PERFGRAPH_PAGE_CACHE_MB="$PAGE_CACHE_MB" SERVER_ADDRESS=127.0.0.1 \
    java -Xmx"$SERVICE_HEAP" -jar "$JAR" > "$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  if ! wait_for "http://127.0.0.1:$http_port/actuator/health" 300 "$SERVICE_PID"; then
    tail -20 "$WORK/service.log" >&2
    echo "the service did not become healthy; see $WORK/service.log" >&2
    exit 1
  fi
  peer_args=()
  if command -v node >/dev/null && command -v npm >/dev/null; then
    log "installing and starting the peer (@neo4j/graphql)"
    if (cd bench/peer && timeout 600 npm ci --no-audit --no-fund >"$WORK/peer-install.log" 2>&1 \
          || timeout 600 npm install --no-audit --no-fund >>"$WORK/peer-install.log" 2>&1); then
      peer_port=$(free_port)
      (cd bench/peer && NEO4J_URI="bolt://127.0.0.1:$bolt_port" PEER_PORT=$peer_port PEER_HOST=127.0.0.1 \
        exec node server.mjs) > "$WORK/peer.log" 2>&1 &
      PEER_PID=$!
      if wait_for "http://127.0.0.1:$peer_port/" 120 "$PEER_PID" -H 'Content-Type: application/json' \
          --data '{"query":"{ __typename }"}'; then
        peer_args=(--peer "http://127.0.0.1:$peer_port/")
        PEER_NOTE="Peer: @neo4j/graphql $(node -p 'require("./bench/peer/node_modules/@neo4j/graphql/package.json").version') on @apollo/server $(node -p 'require("./bench/peer/node_modules/@apollo/server/package.json").version'), node $(node --version)."
      else
        PEER_NOTE="Peer: did not start (see bench/out/work/peer.log); its columns are empty."
      fi
    else
      PEER_NOTE="Peer: npm install failed (see bench/out/work/peer-install.log); its columns are empty."
    fi
  else
    PEER_NOTE="Peer: skipped, node/npm not installed; its columns are empty."
  fi
  log "running the load client"
  rm -f "$WORK/bench-table.md" # never report an earlier run's table as this one's
  timeout "$BENCH_TIMEOUT" java -jar "$JAR" bench --graphql "http://127.0.0.1:$http_port/graphql" \
    --bolt "bolt://127.0.0.1:$bolt_port" "${peer_args[@]}" --clients "$CLIENTS" --seconds "$SECONDS_PER_SIDE" \
    --warmup "$WARMUP" --rounds "$ROUNDS" ${ONLY:+--only "$ONLY"} --out "$WORK/bench-table.md" | tee "$WORK/bench.log" >&2 || true
  BENCH_TABLE=$(cat "$WORK/bench-table.md" 2>/dev/null || echo "(the load client failed; see bench/out/work/bench.log)")
  stop
fi
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
JAVA_VERSION=$(java -version 2>&1 | head -1)
REUSE_NOTE=""
if [[ -n "$REUSED" ]]; then REUSE_NOTE="; the stores for $REUSED were imported by an earlier run (their import rows are that run's)"; fi

cat > "$RESULTS" <<EOF
# perfgraph benchmark, $STAMP

- Commit: $COMMIT$DIRTY
- Machine: $(nproc) cores ($CPU), $MEM; $JAVA_VERSION; load average $LOAD_START at the start, $LOAD_END at the end
- Sizes: $SIZES targets (tab layout, seed $SEED, 10,000 targets per document)$REUSE_NOTE
- Import: -Xmx$IMPORT_HEAP, page cache $PAGE_CACHE_MB MB; service: -Xmx$SERVICE_HEAP, page cache $PAGE_CACHE_MB MB, on the $LARGEST-target store
- $PEER_NOTE

## Parse (issue 11: extract, and read = extract + layout + normalise; $PARSE_ROWS_N rows, -Xmx$PARSE_HEAP, fresh JVM per file)

$PARSE_TABLE

## Import

| targets asked | documents | targets imported | seconds | target rows/s | peak heap MB | store MB | load average before → after |
|---|---|---|---|---|---|---|---|
$IMPORT_ROWS
## Requests on the ${LARGEST:-none}-target store

$BENCH_TABLE
EOF

if [[ -z "${KEEP_STORES:-}" ]]; then rm -rf "$WORK"/corpus-* "$WORK"/store-*; fi
log "results: $RESULTS"
cat "$RESULTS"
