#!/usr/bin/env bash
# The long fuzz run of the reader (issue 14): the properties of DocumentFuzzTest with TRIES cases each
# (default 3400: text damage, file damage and every damage kind on the seeds, ≥ 10,000 cases in all), then the
# count, refusals and failures per property from target/fuzz/summary.tsv. SEED repeats a run.
#   bench/fuzz.sh                 # ≥ 10,000 cases
#   TRIES=500 SEED=42 bench/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
TRIES="${TRIES:-3400}"
rm -f target/fuzz/summary.tsv
args=(-q -B test -Dtest=DocumentFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Dperfgraph.fuzz.tries="$TRIES")
[[ -n "${SEED:-}" ]] && args+=(-Dperfgraph.fuzz.seed="$SEED")
start=$(date +%s)
status=0
mvn "${args[@]}" || status=$?
end=$(date +%s)
echo
echo "property	cases	refused	failing	seed"
cat target/fuzz/summary.tsv
awk -F'\t' '{c+=$2; r+=$3; f+=$4} END {printf "total: %d cases, %d refused, %d violating an invariant\n", c, r, f}' target/fuzz/summary.tsv
echo "took $((end - start)) s on $(nproc) cores; commit $(git rev-parse --short HEAD); $(date -u +%F)"
ls target/fuzz/*-failures.txt 2>/dev/null && echo "failures: see the files above" || true
exit $status
