#!/usr/bin/env bash
# Classification benchmark (issue 3): allot vs DuckDB (Node) vs pandas on the same generated orders.csv.
# Usage: bench/classify/run.sh SIZE_ORDERS SIZE_CUSTOMERS     e.g. run.sh 1000000 50000
# Env: WORK=dir for the data (default /tmp/allot-bench-classify-ORDERS; removed at the end unless KEEP=1).
set -euo pipefail
ORDERS=${1:?usage: run.sh SIZE_ORDERS SIZE_CUSTOMERS}
CUSTOMERS=${2:?usage: run.sh SIZE_ORDERS SIZE_CUSTOMERS}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-/tmp/allot-bench-classify-$ORDERS}
PY=/usr/bin/python3
TIME=/usr/bin/time

echo "building allot (Release)…" >&2
dotnet build -c Release "$ROOT/src/Allot.Cli" -v q -nologo >/dev/null
ALLOT=(dotnet "$ROOT/src/Allot.Cli/bin/Release/net10.0/allot.dll")
# npm ci refuses this lock here: the mirror does not serve @duckdb/node-api's optional bindings for other
# platforms, so the lock cannot name them; npm install --no-save takes the same pinned versions for this one.
[ -d "$HERE/node_modules/@duckdb/node-api" ] || (cd "$HERE" && { npm ci --silent 2>/dev/null || npm install --no-save --silent; })
# The pandas peer: Debian's python3-pandas (no PyPI here).
if ! "$PY" -c "import pandas" 2>/dev/null; then
  echo "installing Debian's python3-pandas for the pandas peer…" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pandas >/dev/null
  else sudo -n apt-get update -qq && sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pandas >/dev/null; fi
fi

rm -rf "$WORK"; mkdir -p "$WORK/data" "$WORK/orders-only" "$WORK/out" "$WORK/t"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT

# step NAME CMD…: run under GNU time, record "seconds peakKB user sys" in $WORK/t/NAME
step() {
  local name=$1; shift
  echo "== $name" >&2
  "$TIME" -f '%e %M %U %S' -o "$WORK/t/$name" "$@" >"$WORK/out/$name.stdout"
  echo "   $(cat "$WORK/t/$name") (s, KB)" >&2
}

step generate "${ALLOT[@]}" generate --customers "$CUSTOMERS" --reps 200 --orders "$ORDERS" --seed 1 --out "$WORK/data" --quiet
# --from reads a folder in the canonical layout; with orders.csv only, allot's customers are exactly those
# with orders, the same set the peers see.
ln "$WORK/data/orders.csv" "$WORK/orders-only/orders.csv"
# The same start for every tool: the generated files written out (no writeback of 2 GB of dirty pages during the
# first timed step) and orders.csv in the page cache.
sync
cat "$WORK/data/orders.csv" >/dev/null

step allot_from "${ALLOT[@]}" classify --from "$WORK/orders-only" --scheme "$HERE/scheme.json" \
  --results "$WORK/out/allot_from.csv" --format json --quiet
step import_reps "${ALLOT[@]}" import reps "$WORK/data/reps.csv" --db "$WORK/allot.db" --quiet
step import_customers "${ALLOT[@]}" import customers "$WORK/data/customers.csv" --db "$WORK/allot.db" --quiet
step import_orders "${ALLOT[@]}" import orders "$WORK/data/orders.csv" --db "$WORK/allot.db" --quiet
step allot_db "${ALLOT[@]}" classify --db "$WORK/allot.db" --scheme "$HERE/scheme.json" --no-store \
  --results "$WORK/out/allot_db.csv" --format json --quiet
step duckdb node "$HERE/duckdb_peer.mjs" "$WORK/data/orders.csv" "$WORK/out/duckdb.csv"
step pandas "$PY" "$HERE/pandas_peer.py" "$WORK/data/orders.csv" "$WORK/out/pandas.csv"

echo >&2
set +e
"$PY" "$HERE/compare.py" "$WORK/out/allot_from.csv" "$WORK/out/duckdb.csv" "allot --from vs DuckDB"; c1=$?
"$PY" "$HERE/compare.py" "$WORK/out/allot_from.csv" "$WORK/out/pandas.csv" "allot --from vs pandas"; c2=$?
# The store holds every customer in customers.csv; those without orders are left out of the comparison.
"$PY" "$HERE/compare.py" "$WORK/out/allot_db.csv" "$WORK/out/duckdb.csv" "allot via store vs DuckDB"; c3=$?
set -e

ORDERS_MB=$(du -m "$WORK/data/orders.csv" | cut -f1)
"$PY" - "$WORK/t" "$ORDERS" "$CUSTOMERS" "$ORDERS_MB" <<'PYEOF'
import sys, os
t, orders, customers, mb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
def get(name):
    s, kb, u, y = open(os.path.join(t, name)).read().split()[-4:]
    return float(s), int(kb) / 1024, float(u) + float(y)
base = get('allot_from')[0]
imp = sum(get(n)[0] for n in ('import_reps', 'import_customers', 'import_orders'))
imp_mb = max(get(n)[1] for n in ('import_reps', 'import_customers', 'import_orders'))
print(f"\n### {orders:,} orders, {customers:,} customers (orders.csv {mb} MB)\n")
print("| tool | seconds | CPU seconds | peak RSS MB | time / allot --from |")
print("|---|---:|---:|---:|---:|")
rows = [("allot classify --from (CSV)", 'allot_from'), ("allot classify --db (store, import excluded)", 'allot_db'),
        ("DuckDB (Node @duckdb/node-api)", 'duckdb'), ("pandas", 'pandas')]
for label, name in rows:
    s, m, c = get(name)
    print(f"| {label} | {s:.2f} | {c:.2f} | {m:.0f} | {s / base:.2f} |")
imp_cpu = sum(get(n)[2] for n in ('import_reps', 'import_customers', 'import_orders'))
print(f"| allot import reps + customers + orders (once) | {imp:.2f} | {imp_cpu:.2f} | {imp_mb:.0f} | {imp / base:.2f} |")
g = get('generate')
print(f"\n(generation: {g[0]:.2f} s, {g[1]:.0f} MB)")
d, p = get('duckdb')[0], get('pandas')[0]
print(f"\nRatios: allot --from / DuckDB = {base / d:.2f} (target ≤ 1.0); pandas / allot --from = {p / base:.2f} "
      f"(target ≥ 5); allot --from peak RSS = {get('allot_from')[1]:.0f} MB (target < 2048 MB at 20M orders)")
PYEOF
exit $(( c1 || c2 || c3 ))
