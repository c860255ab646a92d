#!/usr/bin/env bash
# Parse throughput of a 100k-row tab text (issue 11): the tab seed plus ROWS continuation rows, read once through
# the extractor and once through the whole reader in a fresh JVM with -Xmx512m (HEAP). Prints rows/s and peak heap.
# Needs compiled classes (mvn -q compile, or set SKIP_BUILD to reuse target/classes). Not run by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-100000}
HEAP=${HEAP:-512m}
[ -n "${SKIP_BUILD:-}" ] || mvn -q compile
timeout 600 java -Xmx"$HEAP" -cp target/classes bench/parse/ParseText.java \
    src/test/resources/seeds/000_4081c7b18e37fcb4.txt "$ROWS"
