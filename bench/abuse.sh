#!/usr/bin/env bash
# Abusive requests against a running service (issue 14), timed (not run by CI):
#
#   bench/abuse.sh                          # against http://127.0.0.1:8080/graphql
#   GRAPHQL=http://127.0.0.1:18080/graphql KEY=editor-key bench/abuse.sh
#   START=1 bench/abuse.sh                  # builds nothing; starts target/perfgraph.jar (or JAR) on a temporary store
#
# Sends each abusive request of the reliability campaign (the same cases as AbusiveRequestsTest) and, while it is in
# flight, an ordinary request; prints for each: HTTP status, the error's limit, the time to the refusal and the time
# the ordinary request took meanwhile. Needs curl and python3. KEY (an editor key) is only used by the mutation case.
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=bench/out/abuse
mkdir -p "$OUT"
GRAPHQL=${GRAPHQL:-http://127.0.0.1:8080/graphql}
KEY=${KEY:-}
PID=""

if [ "${START:-0}" = 1 ]; then
  HTTP_PORT=${HTTP_PORT:-18480}
  STORE=$(mktemp -d -t perfgraph-abuse-XXXX)
  KEY=${KEY:-abuse-editor-key-1234}
  # a generous statement timeout: on a saturated machine the seed loading itself can pass 10 s
  PERFGRAPH_QUERY_TIMEOUT=${QUERY_TIMEOUT:-60s} PERFGRAPH_DATA_DIR="$STORE" PERFGRAPH_BOLT_PORT=0 SERVER_PORT=$HTTP_PORT PERFGRAPH_EDITOR_KEYS="bench:$KEY" \
    java -Xmx1g -jar "${JAR:-target/perfgraph.jar}" > "$OUT/service.log" 2>&1 &
  PID=$!
  trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$STORE"' EXIT
  GRAPHQL=http://127.0.0.1:$HTTP_PORT/graphql
  for _ in $(seq 1 ${WAIT_SECONDS:-900}); do
    curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health/readiness" >/dev/null 2>&1 && break
    sleep 1
  done
fi

python3 - "$OUT" <<'PY'
import json, os, sys
out = sys.argv[1]
def w(name, query, variables=None):
    body = {"query": query}
    if variables is not None:
        body["variables"] = variables
    with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(body, f, ensure_ascii=False)
w("ordinary", "{ stats { documents projects } }")
w("body-20mb", "query($x: String) { stats { documents } }", {"x": "a" * (20 << 20)})
w("aliases-2000", "{ " + " ".join(f"s{i}: stats {{ projects }}" for i in range(2000)) + " }")
w("orderby-1000", "{ indicators(orderBy: [" + ", ".join("{name: ASC}" for _ in range(1000)) + "], first: 5) { edges { node { name } } } }")
frag = "{ ...F0 }" + "".join(f" fragment F{i} on Query {{ {'...F' + str(i + 1) if i < 999 else 'stats { units }'} }}" for i in range(1000))
w("fragments-1000", frag)
w("mutations-50", "mutation { " + " ".join(f'c{i}: createIndicator(input: {{name: "abuse{i}"}}) {{ indicator {{ id }} }}' for i in range(50)) + " }")
w("complexity", "{ " + " ".join(f"i{i}: indicators(first: 100) {{ edges {{ node {{ projects {{ targets {{ id }} }} }} }} }}" for i in range(12)) + " }")
PY

echo "service: $GRAPHQL; machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ); commit $(git rev-parse --short HEAD)"
curl -s -o /dev/null -H "Content-Type: application/json" --data-binary @"$OUT/ordinary.json" "$GRAPHQL" || true # warm-up
printf '%-16s %6s %-22s %10s %12s %10s\n' case bytes limit refused_ms ordinary_ms status
for name in body-20mb aliases-2000 orderby-1000 fragments-1000 mutations-50 complexity; do
  auth=()
  [ -n "$KEY" ] && auth=(-H "Authorization: Bearer $KEY")
  curl -s -o "$OUT/$name.out" -w '%{http_code} %{time_total}\n' "${auth[@]}" -H 'Content-Type: application/json' \
    --data-binary @"$OUT/$name.json" "$GRAPHQL" > "$OUT/$name.timing" &
  abusive=$!
  curl -s -o "$OUT/ordinary.out" -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' \
    --data-binary @"$OUT/ordinary.json" "$GRAPHQL" > "$OUT/ordinary.timing"
  wait $abusive
  read -r code secs < "$OUT/$name.timing"
  read -r ocode osecs < "$OUT/ordinary.timing"
  limit=$(python3 -c 'import json,sys; e=json.load(open(sys.argv[1])).get("errors") or [{}]; print(e[0].get("extensions",{}).get("limit","(none)"))' "$OUT/$name.out" 2>/dev/null || echo "(not json)")
  printf '%-16s %6s %-22s %10.1f %12.1f %10s\n' "$name" "$(stat -c %s "$OUT/$name.json")" "$limit" \
    "$(echo "$secs * 1000" | bc -l)" "$(echo "$osecs * 1000" | bc -l)" "$code/$ocode"
done
