# Shared by the bench scripts (sourced, not run): logging, free ports, building the jar, generating and importing a
# corpus into a fresh store, and starting/stopping the service on a store. The caller sets `set -euo pipefail`, cds
# to the repository root and sets ROOT; every helper stops only the process it started, by its id.

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

SERVICE_PID=""
# stop_service: stops the service start_service started (TERM, then KILL after 60 s).
stop_service() {
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID" || true
    for _ in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$SERVICE_PID" 2>/dev/null && kill -9 "$SERVICE_PID" || true
  fi
  SERVICE_PID=""
}

# build_jar JAR: `mvn package` in the current directory unless SKIP_BUILD is set; fails when JAR is missing after.
build_jar() {
  if [[ -z "${SKIP_BUILD:-}" ]]; then
    log "building the jar in $(pwd)"
    timeout 1200 mvn -q -B -DskipTests package
  fi
  [[ -f "$1" ]] || { echo "no $1: build first (mvn -q -DskipTests package)" >&2; exit 2; }
}

# generate_corpus JAR DIR SIZE [generate options...]: a fresh tab corpus of SIZE targets, seed 1 (the command's
# report on stdout).
generate_corpus() {
  local jar=$1 dir=$2 size=$3
  shift 3
  rm -rf "$dir"
  log "generating $size targets into $dir"
  timeout 1800 java -jar "$jar" generate --targets "$size" --format tab --seed 1 --out "$dir" "$@"
}

# import_store JAR STORE LOG HEAP TIMEOUT CORPUS: imports every file of CORPUS (sorted) into STORE with -XmxHEAP, the
# command's output in LOG; returns the import's exit status (1 = a document was refused; the rest is imported).
# PAGE_CACHE_MB and PERFGRAPH_IMPORT_THREADS (if set) pass through.
import_store() {
  local jar=$1 store=$2 out=$3 heap=$4 limit=$5 corpus=$6
  PERFGRAPH_DATA_DIR="$store" PERFGRAPH_BOLT_PORT=0 PERFGRAPH_PAGE_CACHE_MB="${PAGE_CACHE_MB:-1024}" \
    timeout "$limit" java -Xmx"$heap" -jar "$jar" import $(find "$corpus" -type f | sort) > "$out" 2>&1
}

# start_service JAR STORE LOG HEAP [VAR=value...]: starts the service on STORE on free loopback ports (HTTP_PORT,
# BOLT_PORT are set), with the extra environment given, and waits until it is healthy (up to HEALTH_WAIT s, 900:
# a saturated shared machine needs minutes on a large store). Exits the script if it dies or never gets healthy.
start_service() {
  local jar=$1 store=$2 out=$3 heap=$4
  shift 4
  HTTP_PORT=$(free_port)
  BOLT_PORT=$(free_port)
  log "starting the service on $store (HTTP $HTTP_PORT, Bolt $BOLT_PORT)"
  env PERFGRAPH_DATA_DIR="$store" PERFGRAPH_LOAD_SAMPLES=false SERVER_PORT="$HTTP_PORT" SERVER_ADDRESS=127.0.0.1 \
    PERFGRAPH_BOLT_PORT="$BOLT_PORT" PERFGRAPH_PAGE_CACHE_MB="${PAGE_CACHE_MB:-1024}" "$@" \
    java -Xmx"$heap" -jar "$jar" > "$out" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 "${HEALTH_WAIT:-900}"); do
    curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$HTTP_PORT/actuator/health" 2>/dev/null && { log "service healthy"; return 0; }
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -20 "$out" >&2; exit 1; }
    sleep 1
  done
  echo "the service did not become healthy; see $out" >&2
  exit 1
}
