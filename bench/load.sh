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
# IMPORT_HEAP (2g), PAGE_CACHE_MB (1024), STORE (a store folder to use instead), SKIP_BUILD (reuse target/perfgraph.jar), BENCH_JAR (a copy of the jar), BENCH_COMMIT (its commit, for the report).
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

source "$ROOT/bench/lib.sh"
trap stop_service EXIT INT TERM

build_jar "$JAR"

store=${STORE:-"$WORK/store-$SIZE"}
if [[ -d "$store" ]]; then
  log "reusing the $SIZE-target store $store"
else
  corpus="$WORK/corpus-$SIZE"
  generate_corpus "$JAR" "$corpus" "$SIZE" --per-document 10000 >&2
  log "importing them into $store"
  import_store "$JAR" "$store" "$WORK/load-import.log" "$IMPORT_HEAP" 7200 "$corpus" \
    || { tail -5 "$WORK/load-import.log" >&2; exit 1; }
  grep -E '^(summary|throughput):' "$WORK/load-import.log" >&2
fi

EDITOR_KEY="load-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
start_service "$JAR" "$store" "$WORK/load-service.log" "$SERVICE_HEAP" PERFGRAPH_EDITOR_KEYS="load:$EDITOR_KEY"

COMMIT=${BENCH_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
log "running $READERS readers and $EDITORS editors for ${SECONDS_TO_RUN}s"
status=0
GRAPHQL="http://127.0.0.1:$HTTP_PORT/graphql" EDITOR_KEY="$EDITOR_KEY" SECONDS_TO_RUN="$SECONDS_TO_RUN" \
  READERS="$READERS" EDITORS="$EDITORS" bench/load-edits.sh | tee "$WORK/load-edits.log" || status=$?
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
stop_service

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
