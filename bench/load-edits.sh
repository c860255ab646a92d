#!/usr/bin/env bash
# Load run (not CI): READERS readers and EDITORS editors racing on one target of a running service, for SECONDS_TO_RUN
# seconds. Checks at the end: no error other than CONFLICT, no lost update (every version the target went through has
# its one history entry: final - start version = new history entries; at least the edits answered as applied, at
# most those plus the edits the client gave up on, which may have been applied after it left), and prints p50/p99.
#   GRAPHQL=http://127.0.0.1:8080/graphql EDITOR_KEY=... [SECONDS_TO_RUN=300] [READERS=50] [EDITORS=10] bench/load-edits.sh
set -euo pipefail
GRAPHQL=${GRAPHQL:-http://127.0.0.1:8080/graphql}
SECONDS_TO_RUN=${SECONDS_TO_RUN:-300}
READERS=${READERS:-50}
EDITORS=${EDITORS:-10}
: "${EDITOR_KEY:?EDITOR_KEY: an editor key of the service (PERFGRAPH_EDITOR_KEYS)}"
case "$GRAPHQL" in http://127.0.0.1:*) ;; *) echo "GRAPHQL must be on http://127.0.0.1 (got $GRAPHQL)" >&2; exit 2 ;; esac
OUT=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT

post() { # body [auth] -> prints "seconds<TAB>response"
  local auth=()
  [ "${2:-}" = key ] && auth=(-H "Authorization: Bearer $EDITOR_KEY")
  local file
  file=$(mktemp -p "$OUT")
  curl -s --max-time 30 -o "$file" -w '%{time_total}' -H 'Content-Type: application/json' "${auth[@]}" \
    -d "$1" "$GRAPHQL" || echo -n 30
  printf '\t'; tr -d '\n\t' < "$file"; echo; rm -f "$file"
}

READ='{"query":"{ projects(first: 20) { edges { node { name targets { annual { raw } indicator { code } } } } } }"}'
TARGET=$(curl -s --max-time 30 -H 'Content-Type: application/json' -d '{"query":"{ targets(first: 1, orderBy: [{id: ASC}]) { edges { node { id version } } } }"}' "$GRAPHQL" | jq -r '.data.targets.edges[0].node.id')
version_of() {
  curl -s --max-time 30 -H 'Content-Type: application/json' \
    -d "{\"query\":\"{ targets(where: {id: {eq: \\\"$TARGET\\\"}}) { edges { node { version } } } }\"}" "$GRAPHQL" \
    | jq -r '.data.targets.edges[0].node.version'
}
history_count() {
  curl -s --max-time 30 -H 'Content-Type: application/json' \
    -d "{\"query\":\"{ history(entityId: \\\"$TARGET\\\") { id } }\"}" "$GRAPHQL" | jq '.data.history | length'
}
START_VERSION=$(version_of)
START_HISTORY=$(history_count)
END=$(( $(date +%s) + SECONDS_TO_RUN ))
echo "target $TARGET at version $START_VERSION; $READERS readers, $EDITORS editors for ${SECONDS_TO_RUN}s"

for r in $(seq "$READERS"); do
  ( while [ "$(date +%s)" -lt "$END" ]; do
      line=$(post "$READ")
      case "${line#*$'\t'}" in *'"errors"'*) echo "${line%%$'\t'*} ERROR ${line#*$'\t'}" ;; *'"data"'*) echo "${line%%$'\t'*} OK" ;; *) echo "${line%%$'\t'*} ERROR no answer" ;; esac
    done > "$OUT/read.$r" ) &
done
for e in $(seq "$EDITORS"); do
  ( n=0
    while [ "$(date +%s)" -lt "$END" ]; do
      n=$((n + 1)); v=$(version_of)
      body="{\"query\":\"mutation(\$in: UpdateTargetInput!) { updateTarget(input: \$in) { change { id } } }\",\"variables\":{\"in\":{\"id\":\"$TARGET\",\"expectedVersion\":$v,\"annual\":\"≥$e$n\",\"allowKindChange\":true}}}"
      line=$(post "$body" key)
      case "${line#*$'\t'}" in *'"CONFLICT"'*) echo "${line%%$'\t'*} CONFLICT" ;; *'"errors"'*) echo "${line%%$'\t'*} ERROR ${line#*$'\t'}" ;;
        *'"change":{"id"'*) echo "${line%%$'\t'*} OK" ;; *) echo "${line%%$'\t'*} ERROR no answer" ;; esac
    done > "$OUT/edit.$e" ) &
done
wait
trap - EXIT

FINAL_VERSION=$(version_of)
FINAL_HISTORY=$(history_count)
cat "$OUT"/read.* > "$OUT/reads"; cat "$OUT"/edit.* > "$OUT/edits"
pct() { sort -n | awk -v p="$1" '{a[NR]=$1} END {if (NR == 0) {print "-"; exit} i = int((p * NR + 99) / 100); if (i < 1) i = 1; printf "%.1f", a[i] * 1000}'; }
OK_EDITS=$(grep -c ' OK$' "$OUT/edits" || true)
CONFLICTS=$(grep -c ' CONFLICT$' "$OUT/edits" || true)
ERRORS=$(cat "$OUT/reads" "$OUT/edits" | grep -c ' ERROR' || true)
UNANSWERED=$(grep -c ' ERROR no answer$' "$OUT/edits" || true)
echo "reads:  $(wc -l < "$OUT/reads") requests, p50 $(cut -d' ' -f1 "$OUT/reads" | pct 50) ms, p99 $(cut -d' ' -f1 "$OUT/reads" | pct 99) ms"
echo "edits:  $(wc -l < "$OUT/edits") requests ($OK_EDITS applied, $CONFLICTS CONFLICT), p50 $(cut -d' ' -f1 "$OUT/edits" | pct 50) ms, p99 $(cut -d' ' -f1 "$OUT/edits" | pct 99) ms"
echo "errors other than CONFLICT: $ERRORS"; grep -h ' ERROR' "$OUT/reads" "$OUT/edits" | head -5 || true
APPLIED=$((FINAL_VERSION - START_VERSION))
echo "version $START_VERSION -> $FINAL_VERSION ($APPLIED applied: $OK_EDITS answered as applied, $UNANSWERED edits unanswered);" \
  "history entries $START_HISTORY -> $FINAL_HISTORY (expected $((START_HISTORY + APPLIED)))"
rm -rf "$OUT"
LOST=0
if [ "$FINAL_HISTORY" -ne $((START_HISTORY + APPLIED)) ] || [ "$APPLIED" -lt "$OK_EDITS" ] || [ "$APPLIED" -gt $((OK_EDITS + UNANSWERED)) ]; then
  LOST=1; echo "LOST UPDATE: the versions, the history and the answers do not agree"
fi
if [ "$ERRORS" -ne 0 ] || [ "$LOST" -ne 0 ]; then
  echo "FAILED"; exit 1
fi
echo "PASSED: 0 errors other than CONFLICT, 0 lost updates"
