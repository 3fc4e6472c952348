#!/usr/bin/env bash
# Value models benchmark (issue 4): fit and scoring times for CDNOW, 100k and 1M simulated customers, peak memory,
# and the CLI end to end on the 1M book's orders. Prints Markdown for docs/benchmarks.md.
# Usage: bench/value/run.sh [SIZES…]   (default: 100000 1000000)
# Env: WORK=dir for the generated orders (default /tmp/allot-bench-value; removed at the end unless KEEP=1).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-/tmp/allot-bench-value}
TIME=/usr/bin/time
SIZES=("${@:-100000 1000000}")
read -r -a SIZES <<<"${SIZES[*]}"
CDNOW="$ROOT/../shared/data/cdnow/CDNOW_sample.txt"

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

run cdnow "${BENCH[@]}" --cdnow "$CDNOW" --pareto
for n in "${SIZES[@]}"; do
  extra=()
  [ "$n" -le 100000 ] && extra+=(--pareto)
  [ "$n" = "${SIZES[-1]}" ] && extra+=(--write-orders "$WORK/orders-$n.csv")
  run "sim-$n" "${BENCH[@]}" --customers "$n" "${extra[@]}"
done

last=${SIZES[-1]}
echo "### CLI end to end: allot value fit --orders (${last} customers' orders)"
echo
for model in bgnbd; do
  "$TIME" -f '%e %M %U %S' -o "$WORK/cli.time" "${ALLOT[@]}" value fit --orders "$WORK/orders-$last.csv" \
    --calibration-end 2024-09-29 --model "$model" --format json --quiet >"$WORK/cli.json"
  read -r wall kb user sys <"$WORK/cli.time"
  ll=$(python3 -c "import json,sys; d=json.load(open('$WORK/cli.json')); print(round(d['logLikelihood'],1), d['customers'], d['converged'])")
  echo "| command | wall s | CPU s | peak RSS MB | LL, customers, converged |"
  echo "|---|---:|---:|---:|---|"
  echo "| allot value fit --orders orders.csv --model $model | $wall | $(echo "$user + $sys" | bc) | $((kb / 1024)) | $ll |"
done
