#!/usr/bin/env bash
# Classification benchmark (issue 3): allot vs DuckDB (Node) vs pandas on the same generated orders.csv.
# Usage: bench/classify/run.sh SIZE_ORDERS SIZE_CUSTOMERS     e.g. run.sh 1000000 50000
# Env: WORK=dir for the data (default /tmp/allot-bench-classify-ORDERS; removed at the end unless KEEP=1);
#      ROUNDS=n (default 3): allot --from, DuckDB and pandas run in n interleaved rounds (the order rotated each round),
#      and the table gives each one's median, with the ratios of every round: on a shared machine one run of each
#      can land in a busy minute for one tool and a quiet one for another. STORE=0 skips the store path (import and
#      classify --db, run once). DATA=dir: use the orders.csv, reps.csv and customers.csv generated there before
#      (with the same sizes and seed 1) instead of generating them again.
set -euo pipefail
ORDERS=${1:?usage: run.sh SIZE_ORDERS SIZE_CUSTOMERS}
CUSTOMERS=${2:?usage: run.sh SIZE_ORDERS SIZE_CUSTOMERS}
ROUNDS=${ROUNDS:-3}
STORE=${STORE:-1}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-/tmp/allot-bench-classify-$ORDERS}
PY=/usr/bin/python3
TIME=/usr/bin/time

# allot as it is installed for use: published, precompiled (ReadyToRun) so it starts without compiling its commands;
# the hot loops are compiled optimised at first call either way (AggressiveOptimization).
echo "publishing allot (Release, ReadyToRun)…" >&2
dotnet publish "$ROOT/src/Allot.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "${ALLOT_BUILD:=/tmp/allot-bench-classify-build}" -v q -nologo >/dev/null
ALLOT=(dotnet "$ALLOT_BUILD/allot.dll")
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

if [ -n "${DATA:-}" ]; then
  rmdir "$WORK/data" && ln -s "$(cd "$DATA" && pwd)" "$WORK/data"
else
  step generate "${ALLOT[@]}" generate --customers "$CUSTOMERS" --reps 200 --orders "$ORDERS" --seed 1 --out "$WORK/data" --quiet
fi
# --from reads a folder in the canonical layout; with orders.csv only, allot's customers are exactly those
# with orders, the same set the peers see.
ln "$WORK/data/orders.csv" "$WORK/orders-only/orders.csv" 2>/dev/null || ln -s "$(readlink -f "$WORK/data/orders.csv")" "$WORK/orders-only/orders.csv"
# The same start for every tool: the generated files written out (no writeback of 2 GB of dirty pages during the
# first timed step) and orders.csv in the page cache.
sync
cat "$WORK/data/orders.csv" >/dev/null

# The three tools that read orders.csv, in interleaved rounds; the outputs of round 1 are compared.
tools=(allot_from duckdb pandas)
run_tool() { # NAME ROUND
  local out="$WORK/out/$1.csv"; [ "$2" = 1 ] || out="$WORK/out/$1.$2.csv"
  case $1 in
    allot_from) step "allot_from.$2" "${ALLOT[@]}" classify --from "$WORK/orders-only" --scheme "$HERE/scheme.json" \
                  --results "$out" --format json --quiet ;;
    duckdb) step "duckdb.$2" node "$HERE/duckdb_peer.mjs" "$WORK/data/orders.csv" "$out" ;;
    pandas) step "pandas.$2" "$PY" "$HERE/pandas_peer.py" "$WORK/data/orders.csv" "$out" ;;
  esac
}
for ((r = 1; r <= ROUNDS; r++)); do
  for ((k = 0; k < ${#tools[@]}; k++)); do run_tool "${tools[$(((k + r - 1) % ${#tools[@]}))]}" "$r"; done
done
if [ "$STORE" = 1 ]; then
  step import_reps "${ALLOT[@]}" import reps "$WORK/data/reps.csv" --db "$WORK/allot.db" --quiet
  step import_customers "${ALLOT[@]}" import customers "$WORK/data/customers.csv" --db "$WORK/allot.db" --quiet
  step import_orders "${ALLOT[@]}" import orders "$WORK/data/orders.csv" --db "$WORK/allot.db" --quiet
  step allot_db "${ALLOT[@]}" classify --db "$WORK/allot.db" --scheme "$HERE/scheme.json" --no-store \
    --results "$WORK/out/allot_db.csv" --format json --quiet
fi

echo >&2
set +e
"$PY" "$HERE/compare.py" "$WORK/out/allot_from.csv" "$WORK/out/duckdb.csv" "allot --from vs DuckDB"; c1=$?
"$PY" "$HERE/compare.py" "$WORK/out/allot_from.csv" "$WORK/out/pandas.csv" "allot --from vs pandas"; c2=$?
# The store holds every customer in customers.csv; those without orders are left out of the comparison.
c3=0
[ "$STORE" = 1 ] && { "$PY" "$HERE/compare.py" "$WORK/out/allot_db.csv" "$WORK/out/duckdb.csv" "allot via store vs DuckDB"; c3=$?; }
set -e

ORDERS_MB=$(du -m "$WORK/data/orders.csv" | cut -f1)
"$PY" - "$WORK/t" "$ORDERS" "$CUSTOMERS" "$ORDERS_MB" "$ROUNDS" "$STORE" <<'PYEOF'
import sys, os, statistics
t, orders, customers, mb, rounds, store = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5]), sys.argv[6] == '1'
def get(name):
    s, kb, u, y = open(os.path.join(t, name)).read().split()[-4:]
    return float(s), int(kb) / 1024, float(u) + float(y)
def median(name):
    runs = [get(f"{name}.{r}") for r in range(1, rounds + 1)]
    return tuple(statistics.median(x[i] for x in runs) for i in range(3)), runs
(base, base_mb, _), allot_runs = median('allot_from')
print(f"\n### {orders:,} orders, {customers:,} customers (orders.csv {mb} MB), {rounds} interleaved round(s), medians\n")
print("| tool | seconds | CPU seconds | peak RSS MB | time / allot --from | seconds of each round |")
print("|---|---:|---:|---:|---:|---|")
for label, name in [("allot classify --from (CSV)", 'allot_from'), ("DuckDB (Node @duckdb/node-api)", 'duckdb'), ("pandas", 'pandas')]:
    (s, m, c), runs = median(name)
    print(f"| {label} | {s:.2f} | {c:.2f} | {m:.0f} | {s / base:.2f} | {' / '.join(f'{x[0]:.2f}' for x in runs)} |")
if store:
    s, m, c = get('allot_db')
    print(f"| allot classify --db (store, import excluded; once) | {s:.2f} | {c:.2f} | {m:.0f} | {s / base:.2f} | |")
    imp = sum(get(n)[0] for n in ('import_reps', 'import_customers', 'import_orders'))
    imp_mb = max(get(n)[1] for n in ('import_reps', 'import_customers', 'import_orders'))
    imp_cpu = sum(get(n)[2] for n in ('import_reps', 'import_customers', 'import_orders'))
    print(f"| allot import reps + customers + orders (once) | {imp:.2f} | {imp_cpu:.2f} | {imp_mb:.0f} | {imp / base:.2f} | |")
g = get('generate') if os.path.exists(os.path.join(t, 'generate')) else None
print(f"\n({f'generation: {g[0]:.2f} s, {g[1]:.0f} MB; ' if g else ''}load average at the end: {open('/proc/loadavg').read().split()[0]})")
d, p = median('duckdb')[0][0], median('pandas')[0][0]
per_round = [(get(f'allot_from.{r}')[0], get(f'duckdb.{r}')[0], get(f'pandas.{r}')[0]) for r in range(1, rounds + 1)]
print(f"\nRatios of the medians: allot --from / DuckDB = {base / d:.2f} (target ≤ 1.0); pandas / allot --from = {p / base:.2f} "
      f"(target ≥ 5); allot --from peak RSS = {max(x[1] for x in allot_runs):.0f} MB (target < 2048 MB at 20M orders)")
print("Per round (allot / DuckDB; pandas / allot): " + "; ".join(f"{a / dk:.2f}, {pd / a:.2f}" for a, dk, pd in per_round))
PYEOF
exit $(( c1 || c2 || c3 ))
