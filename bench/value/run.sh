#!/usr/bin/env bash
# Value models benchmark (issue 4): fit and scoring times for CDNOW, 100k and 1M simulated customers, peak memory,
# the same fits by a scipy peer (scipy_peer.py, the lifetimes approach), and the CLI end to end on the largest
# book's orders. Prints Markdown for docs/benchmarks.md.
# Usage: bench/value/run.sh [SIZES…]   (default: 100000 1000000)
# Env: WORK=dir for the generated orders (default /tmp/allot-bench-value; removed at the end unless KEEP=1);
#      STORE=1 also imports the largest book's orders into a SQLite store and times `allot value fit` on it
#      (reading the orders from the store and storing the value run of every customer).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-/tmp/allot-bench-value}
TIME=/usr/bin/time
PY=/usr/bin/python3   # Debian's, with python3-scipy and python3-numpy (apt-get install -y python3-scipy)
SIZES=("${@:-100000 1000000}")
read -r -a SIZES <<<"${SIZES[*]}"
CDNOW="$ROOT/../shared/data/cdnow/CDNOW_sample.txt"

"$PY" -c "import scipy" 2>/dev/null || { echo "the peer needs Debian's python3-scipy: apt-get install -y python3-scipy" >&2; exit 1; }
echo "building (Release)…" >&2
dotnet build -c Release "$ROOT/bench/Allot.Bench" -v q -nologo >/dev/null
BENCH=(dotnet "$ROOT/bench/Allot.Bench/bin/Release/net10.0/Allot.Bench.dll" value)
ALLOT=(dotnet "$ROOT/bench/Allot.Bench/bin/Release/net10.0/allot.dll")
rm -rf "$WORK"; mkdir -p "$WORK"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT

# run NAME CMD…: stdout to $WORK/NAME.md, "wall peakKB user sys" to $WORK/NAME.time
run() {
  local name=$1; shift
  echo "== $name" >&2
  "$TIME" -f '%e %M %U %S' -o "$WORK/$name.time" "$@" >"$WORK/$name.md"
  cat "$WORK/$name.md"
  read -r wall kb user sys <"$WORK/$name.time"
  printf '\nProcess: %s s wall, %s s CPU, peak RSS %s MB (GNU time).\n\n' "$wall" \
    "$(echo "$user + $sys" | bc)" "$((kb / 1024))"
}

# peer NAME: the scipy peer on the histories the benchmark wrote, timed the same way.
peer() {
  local name=$1
  "$TIME" -f '%e %M %U %S' -o "$WORK/$name-peer.time" "$PY" "$HERE/scipy_peer.py" "$WORK/summary-$name.csv" >"$WORK/$name-peer.md"
  cat "$WORK/$name-peer.md"
  read -r wall kb user sys <"$WORK/$name-peer.time"
  printf '\nPeer process: %s s wall, %s s CPU, peak RSS %s MB.\n\n' "$wall" "$(echo "$user + $sys" | bc)" "$((kb / 1024))"
}

run cdnow "${BENCH[@]}" --cdnow "$CDNOW" --pareto --write-summary "$WORK/summary-cdnow.csv"
peer cdnow
for n in "${SIZES[@]}"; do
  extra=(--write-summary "$WORK/summary-$n.csv")
  [ "$n" -le 100000 ] && extra+=(--pareto)
  [ "$n" = "${SIZES[-1]}" ] && extra+=(--write-orders "$WORK/orders-$n.csv")
  run "sim-$n" "${BENCH[@]}" --customers "$n" "${extra[@]}"
  peer "$n"
done

last=${SIZES[-1]}
echo "### CLI end to end: allot value fit --orders (${last} customers' orders)"
echo
echo "| command | wall s | CPU s | peak RSS MB | note |"
echo "|---|---:|---:|---:|---|"
# cli LABEL CMD…: one table row, the JSON's LL / customers / converged as the note when there is JSON.
cli() {
  local label=$1; shift
  "$TIME" -f '%e %M %U %S' -o "$WORK/cli.time" "$@" >"$WORK/cli.out"
  read -r wall kb user sys <"$WORK/cli.time"
  note=$(python3 -c "import json; d=json.load(open('$WORK/cli.out')); print('LL', round(d['logLikelihood'], 1), 'customers', d['customers'], 'converged', d['converged'])" 2>/dev/null || echo "")
  echo "| $label | $wall | $(echo "$user + $sys" | bc) | $((kb / 1024)) | $note |"
}
cli "allot value fit --orders orders.csv --no-store" "${ALLOT[@]}" value fit --orders "$WORK/orders-$last.csv" \
  --calibration-end 2024-09-29 --format json --quiet
if [ "${STORE:-0}" = 1 ]; then
  cli "allot import orders orders.csv --create-missing (not part of the value step)" "${ALLOT[@]}" import orders "$WORK/orders-$last.csv" \
    --create-missing --db "$WORK/value.db" --quiet
  cli "allot value fit (orders from the store, value run stored)" "${ALLOT[@]}" value fit --calibration-end 2024-09-29 \
    --db "$WORK/value.db" --format json --quiet
  cli "allot value churn --limit 20" "${ALLOT[@]}" value churn --db "$WORK/value.db" --quiet
fi
