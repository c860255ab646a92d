#!/usr/bin/env bash
# Comparing documents at scale: generates a tab corpus with two years per unit (--years 2, 10,000 targets per
# document), imports it into a fresh store, starts the service on it (loopback only, free ports) and times
#   - documentComparison of one unit's 2023 and 2024 documents (10,000 targets each): the first request for a pair
#     (computed) and the same again (the result cache), for several pairs;
#   - indicatorFamilies, first page of 20 with distributions: after a write (recomputed) and again (cached);
#   - valueBenchmarks(family: "satisfaction") and a page of TARGET_LOOSER_THAN_PEERS / TARGET_UNCHANGED_ACROSS_YEARS
#     findings.
# Writes bench/out/compare-<UTC time>.md. Not run by CI.
# Settings: SIZE (targets, default 1000000), PAIRS (documents pairs compared, default 5), REPEAT (cached repeats, 3),
# IMPORT_HEAP, SERVICE_HEAP (2g), PAGE_CACHE_MB (1024), REUSE_STORE=1 (keep an imported store of the same size),
# SKIP_BUILD=1, BENCH_JAR (another build, e.g. main's, for a before/after), BENCH_COMMIT (its commit, for the report).
# Every figure carries the 1-minute load average when it was taken.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/out"
WORK="$OUT/compare-work"
SIZE=${SIZE:-1000000}
PAIRS=${PAIRS:-5}
REPEAT=${REPEAT:-3}
IMPORT_HEAP=${IMPORT_HEAP:-2g}
SERVICE_HEAP=${SERVICE_HEAP:-2g}
PAGE_CACHE_MB=${PAGE_CACHE_MB:-1024}
IMPORT_TIMEOUT=${IMPORT_TIMEOUT:-7200}
JAR=${BENCH_JAR:-"$ROOT/target/perfgraph.jar"}
STAMP=$(date -u +%Y-%m-%dT%H%MZ)
RESULTS="$OUT/compare-$STAMP.md"
KEY="bench-editor-key-$RANDOM$RANDOM"
mkdir -p "$WORK"

source "$ROOT/bench/lib.sh"
trap stop_service EXIT INT TERM

build_jar "$JAR"

corpus="$WORK/corpus-$SIZE"
store="$WORK/store-$SIZE"
if [[ -n "${REUSE_STORE:-}" && -d "$store" ]] && grep -q '^throughput:' "$WORK/import-$SIZE.log" 2>/dev/null; then
  log "reusing the $SIZE-target store (REUSE_STORE)"
else
  rm -rf "$corpus" "$store"
  generate_corpus "$JAR" "$corpus" "$SIZE" --per-document 10000 --years 2 | tee "$WORK/generate-$SIZE.log" >&2
  log "importing $(find "$corpus" -type f | wc -l) documents into a fresh store, -Xmx$IMPORT_HEAP"
  import_store "$JAR" "$store" "$WORK/import-$SIZE.log" "$IMPORT_HEAP" "$IMPORT_TIMEOUT" "$corpus" \
    || log "import exited $? (refused documents are listed in $WORK/import-$SIZE.log)"
  log "$(grep '^throughput:' "$WORK/import-$SIZE.log" || echo 'import did not finish')"
fi

load() { cut -d' ' -f1 /proc/loadavg; }
start_at=$(date +%s)
HEALTH_WAIT=${HEALTH_WAIT:-900} start_service "$JAR" "$store" "$WORK/service.log" "$SERVICE_HEAP" PERFGRAPH_EDITOR_KEYS="bench:$KEY" \
  PERFGRAPH_QUERY_TIMEOUT=120s
URL="http://127.0.0.1:$HTTP_PORT/graphql"
STARTUP="$(( $(date +%s) - start_at )) s to healthy (load $(load)); $(grep -o 'Family groups built .*' "$WORK/service.log" || echo 'no family-groups build at start-up')"

# time_query NAME QUERY: prints "seconds errors"
time_query() {
  local body
  body=$(python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1]}))' "$2")
  curl -sS -m 300 -o "$WORK/$1.json" -w '%{time_total}' -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $KEY" --data "$body" "$URL"
  if grep -q '"errors"' "$WORK/$1.json"; then printf ' ERROR'; fi
  echo
}
ms() { awk '{printf "%.0f", $1 * 1000; if ($2 != "") printf " (error, see bench/out/compare-work)"}' <<<"$1"; }
bump() { # a write: a one-target document imported, so the next aggregate is computed again
  time_query bump "mutation { importDocument(input: {name: \"bench-bump-$1.txt\", content: \"\\n\\n测试区测试中心2024年度重点绩效管理项目绩效目标\\n\\n预算单位\\t项目名称\\t金额（元）\\t2024年度总体绩效目标\\t2024年度绩效目标\\t一级指标\\t二级指标\\t三级指标\\t实施周期指标值\\t年度指标值\\n990001-测试中心\\t测试$1\\t1000\\t目标。\\t目标。\\t1-产出指标\\t11-数量指标\\t111990001-测试数量\\t≥$1\\t≥$1\\n\"}) { status } }" >/dev/null
}

targets_of() { grep -c . "$1"; }
COMPARE_ROWS=""
for k in $(seq 0 $((PAIRS - 1))); do
  a=$(printf 'gen_tab_%05d.txt' $((2 * k)))
  b=$(printf 'gen_tab_%05d.txt' $((2 * k + 1)))
  q="{ documentComparison(a: \"$a\", b: \"$b\") { totals { kind count } projects(first: 20) { totalCount edges { node { score goalSimilarity targets(first: 20) { totalCount edges { node { kind score a { line } b { line } } } } } } } } }"
  first=$(time_query "cmp-$k" "$q")
  warm=""
  for r in $(seq 1 "$REPEAT"); do warm+="$(ms "$(time_query "cmp-$k-$r" "$q")") "; done
  totals=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["data"]["documentComparison"]; print(", ".join(str(t["kind"]) + " " + str(t["count"]) for t in d["totals"]))' "$WORK/cmp-$k.json" 2>/dev/null || echo "?")
  COMPARE_ROWS+="| $a → $b | $(ms "$first") | $warm| $(load) | $totals |"$'\n'
  log "comparison $a → $b: first ${first} s, cached ${warm}ms"
done

FAMILY_ROWS=""
fq='{ indicatorFamilies(first: 20) { totalCount edges { node { id memberCount projectCount unitCount distribution { min median max count } } } } }'
for r in 1 2 3; do
  bump "$r"
  after=$(time_query "fam-$r" "$fq")
  again=$(time_query "fam-$r-again" "$fq")
  FAMILY_ROWS+="| after write $r | $(ms "$after") | $(ms "$again") | $(load) |"$'\n'
  log "indicatorFamilies after a write: ${after} s, again ${again} s"
done
fams=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["data"]["indicatorFamilies"]["totalCount"])' "$WORK/fam-1.json" 2>/dev/null || echo "?")
bench=$(time_query bench '{ valueBenchmarks(family: "satisfaction") { median count units { median } } }'); bench_load=$(load)
looser=$(time_query looser '{ findings(kinds: [TARGET_LOOSER_THAN_PEERS], first: 20) { edges { node { line message } } } }'); looser_load=$(load)
unchanged=$(time_query unchanged '{ findings(kinds: [TARGET_UNCHANGED_ACROSS_YEARS], first: 20) { edges { node { line message } } } }'); unchanged_load=$(load)
for r in 1 2 3; do time_query cleanup "mutation { removeDocument(input: {name: \"bench-bump-$r.txt\"}) { removed } }" >/dev/null; done

COMMIT=${BENCH_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
{
  echo "# Comparing documents: $SIZE targets, two years per unit ($STAMP)"
  echo
  echo "Commit $COMMIT; $(nproc) cores ($CPU), $(free -g | awk '/^Mem:/ {print $2}') GB; load at the end $(cut -d' ' -f1-3 /proc/loadavg);"
  echo "service -Xmx$SERVICE_HEAP, page cache $PAGE_CACHE_MB MB. Import: $(grep '^throughput:' "$WORK/import-$SIZE.log" || echo '?')"
  echo "Start-up: $STARTUP"
  echo
  echo "| documentComparison (10,000 targets each) | first request ms | cached ms | load (1 min) | totals |"
  echo "|---|---|---|---|---|"
  printf '%s' "$COMPARE_ROWS"
  echo
  echo "| indicatorFamilies first page of 20 ($fams families) | after a write ms | again ms | load (1 min) |"
  echo "|---|---|---|---|"
  printf '%s' "$FAMILY_ROWS"
  echo
  echo "| request | ms | load (1 min) |"
  echo "|---|---|---|"
  echo "| valueBenchmarks(family: satisfaction) | $(ms "$bench") | $bench_load |"
  echo "| findings TARGET_LOOSER_THAN_PEERS, first 20 | $(ms "$looser") | $looser_load |"
  echo "| findings TARGET_UNCHANGED_ACROSS_YEARS, first 20 | $(ms "$unchanged") | $unchanged_load |"
} > "$RESULTS"
cat "$RESULTS"
