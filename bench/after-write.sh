#!/usr/bin/env bash
# Times four unfiltered targetStats/projectStats requests on a running service: cold, again (the result cache), and
# the first after each of three writes: a value edit of one target (updateTarget, annual set to "≥$VALUE"), a
# one-target document imported, and that document removed. Not run by CI; the README's "Statistics after a write
# at 1M" comes from it.
# usage: URL=http://127.0.0.1:18080/graphql KEY=bench:<editor key> VALUE=77 bench/after-write.sh
# (the service started with PERFGRAPH_EDITOR_KEYS=bench:<editor key>; VALUE must differ from the target's value,
# else the edit changes nothing and nothing is read again)
set -uo pipefail
URL=${URL:-http://localhost:18080/graphql}
KEY=${KEY:-bench:bench-key}
KEY=${KEY#*:}
q() { # name json-body
  local t0=$(date +%s%N)
  local out=$(curl -s -H 'Content-Type: application/json' -H "Authorization: Bearer $KEY" -d "$2" "$URL")
  local t1=$(date +%s%N)
  printf '%-40s %8.1f ms  %s\n' "$1" "$(( (t1-t0)/100000 ))e-1" "$(echo "$out" | head -c 160)"
}
S1='{"query":"{ targetStats(groupBy: [LEVEL1, LEVEL2, VALUE_KIND]) { label count distinctProjects distinctIndicators } }"}'
S2='{"query":"{ targetStats(groupBy: [UNIT], first: 20) { label count distinctProjects distinctIndicators } }"}'
S3='{"query":"{ targetStats(groupBy: [INDICATOR], first: 20) { label count distinctProjects } }"}'
S4='{"query":"{ projectStats(groupBy: [UNIT, YEAR], first: 20) { label count amountSum targetCount } }"}'
stats() { q "$1 targetStats L1,L2,kind" "$S1"; q "$1 targetStats UNIT first 20" "$S2"; q "$1 targetStats INDICATOR first 20" "$S3"; q "$1 projectStats UNIT,YEAR first 20" "$S4"; }
stats "cold"
stats "cached"
# a write: one target's value edited (any target of the store)
TID=$(curl -s -H 'Content-Type: application/json' -d '{"query":"{ targets(first: 1) { edges { node { id version } } } }"}' "$URL" | python3 -c 'import json,sys; t=json.load(sys.stdin)["data"]["targets"]["edges"][0]["node"]; print(t["id"], t["version"])')
set -- $TID
q "edit" "{\"query\":\"mutation { updateTarget(input: {id: \\\"$1\\\", expectedVersion: $2, annual: \\\"≥${VALUE:-99}\\\"}) { target { id version } } }\"}"
stats "after edit"
# a write: a small document imported
BODY=$(python3 - <<'PY'
import json
doc = ("\n\n测速区投资促进中心2024年度重点绩效管理项目绩效目标\n\n"
 "预算单位\t项目名称\t金额（元）\t2024年度总体绩效目标\t2024年度绩效目标\t一级指标\t二级指标\t三级指标\t实施周期指标值\t年度指标值\n"
 "900777-测速中心\t测速项目\t1000\t总体目标。\t年度目标。\t1-产出指标\t11-数量指标\t111900777-测速数量\t≥6\t≥6\n")
print(json.dumps({"query": "mutation($c: String!) { importDocument(input: {name: \"after-write-bench.txt\", content: $c}) { status } }", "variables": {"c": doc}}))
PY
)
q "import" "$BODY"
stats "after import"
q "remove" '{"query":"mutation { removeDocument(input: {name: \"after-write-bench.txt\"}) { removed } }"}'
stats "after removal"
