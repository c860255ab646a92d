#!/usr/bin/env bash
# A/B import (issue 12): the same generated corpus imported by a jar built from a base commit (A) and by one built
# from the working tree (B), in one run, each into a fresh store, in alternating order (A B, then B A, ...) so that
# a change in the machine's load falls on both sides. Prints, per side and round, seconds, target rows/s and peak heap
# (the import command's own `throughput:` line), then the best rows/s of each side and B/A; writes the same to
# bench/out/import-ab-<UTC>.md.
#
#   bench/import-ab.sh                          # main vs the working tree, ten 10,000-target documents
#   DOCS=2 ROUNDS=1 bench/import-ab.sh          # a quick check that it works (no figures worth keeping)
#
# Settings: BASE (a commit, default main), DOCS (10), PER_DOCUMENT (10000), ROUNDS (2), IMPORT_HEAP (2g),
# PAGE_CACHE_MB (1024), IMPORT_TIMEOUT (3600), SKIP_BUILD (reuse the two jars an earlier run built under
# bench/out/import-ab-work), PERFGRAPH_IMPORT_THREADS (passed to both). Not run by CI.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
source "$ROOT/bench/lib.sh"
OUT="$ROOT/bench/out"
WORK="$OUT/import-ab-work"
BASE=${BASE:-main}
DOCS=${DOCS:-10}
PER_DOCUMENT=${PER_DOCUMENT:-10000}
ROUNDS=${ROUNDS:-2}
IMPORT_HEAP=${IMPORT_HEAP:-2g}
IMPORT_TIMEOUT=${IMPORT_TIMEOUT:-3600}
STAMP=$(date -u +%Y-%m-%dT%H%MZ)
RESULTS="$OUT/import-ab-$STAMP.md"
mkdir -p "$WORK"

base_commit=$(git rev-parse --short "$BASE^{commit}")
work_commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!bench/out' || echo '+changes')"
BASE_SRC="$WORK/src-$base_commit"
WORK_SRC="$WORK/src-working-tree"
JAR_A="$BASE_SRC/target/perfgraph.jar"
JAR_B="$WORK_SRC/target/perfgraph.jar"

# Both jars are built from copies (A: the base commit's tree by git archive; B: the working tree's tracked and new
# files), so that neither build touches this checkout's target/ while tests may be using it.
if [[ -z "${SKIP_BUILD:-}" || ! -f "$JAR_A" ]]; then
  rm -rf "$BASE_SRC"
  mkdir -p "$BASE_SRC"
  git archive "$base_commit" | tar -x -C "$BASE_SRC"
  (cd "$BASE_SRC" && SKIP_BUILD= build_jar "$JAR_A")
fi
if [[ -z "${SKIP_BUILD:-}" || ! -f "$JAR_B" ]]; then
  rm -rf "$WORK_SRC"
  mkdir -p "$WORK_SRC"
  git ls-files -z --cached --others --exclude-standard | grep -zv '^bench/out/' \
    | tar --null -T - --ignore-failed-read -cf - | tar -x -C "$WORK_SRC"
  (cd "$WORK_SRC" && SKIP_BUILD= build_jar "$JAR_B")
fi

size=$((DOCS * PER_DOCUMENT))
corpus="$WORK/corpus-$DOCS-$PER_DOCUMENT"
generate_corpus "$JAR_B" "$corpus" "$size" --per-document "$PER_DOCUMENT" > "$WORK/generate.log"
log "corpus: $(find "$corpus" -type f | wc -l) documents, $size targets"

ROWS=""
declare -A BEST=([A]=0 [B]=0)
run_side() { # run_side A|B ROUND
  local side=$1 round=$2 jar store logf line rate
  jar=$([[ $side == A ]] && echo "$JAR_A" || echo "$JAR_B")
  store="$WORK/store-$side"
  logf="$WORK/import-$side-$round.log"
  rm -rf "$store"
  local load_before
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  import_store "$jar" "$store" "$logf" "$IMPORT_HEAP" "$IMPORT_TIMEOUT" "$corpus" || log "$side: import exited $? (see $logf)"
  # throughput: 11.1 s, 903 target rows/s, peak heap 920 MB (of max 2048 MB)
  line=$(grep '^throughput:' "$logf" || echo "throughput: ? s, 0 target rows/s, peak heap ? MB")
  rate=$(sed -E 's/.* ([0-9]+) target rows\/s.*/\1/' <<<"$line")
  ROWS+="| $side | $round | $(sed -E 's/^throughput: ([0-9.?]+) s.*/\1/' <<<"$line") | $rate | $(sed -E 's/.*peak heap ([0-9?]+) MB.*/\1/' <<<"$line") | $load_before → $(cut -d' ' -f1 /proc/loadavg) | $(sed -nE 's/^summary:.* ([0-9]+) refused.*/\1/p' "$logf") |"$'\n'
  (( rate > BEST[$side] )) && BEST[$side]=$rate
  log "$side round $round: $line"
  rm -rf "$store"
}
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 == 1 )); then run_side A "$round"; run_side B "$round"; else run_side B "$round"; run_side A "$round"; fi
done

ratio=$(python3 -c 'import sys; a, b = int(sys.argv[1]), int(sys.argv[2]); print(f"{b / a:.2f}" if a else "?")' "${BEST[A]}" "${BEST[B]}")
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
{
  echo "# Import A/B: $DOCS documents of $PER_DOCUMENT targets ($STAMP)"
  echo
  echo "A = $base_commit ($BASE), B = $work_commit (working tree); -Xmx$IMPORT_HEAP, page cache ${PAGE_CACHE_MB:-1024} MB;"
  echo "$(nproc) cores ($CPU), $(free -g | awk '/^Mem:/ {print $2}') GB; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| side | round | seconds | target rows/s | peak heap MB | load before → after | refused |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s' "$ROWS"
  echo
  echo "Best rows/s: A ${BEST[A]}, B ${BEST[B]}; B/A $ratio."
} > "$RESULTS"
cat "$RESULTS"
