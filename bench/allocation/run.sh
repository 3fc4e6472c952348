#!/usr/bin/env bash
# Allocation benchmark (issue 5): Allot's exact solver vs greedy and round robin on the same book, and vs LEMON
# (CostScaling, C++) on the very same network exported as DIMACS. Books: 30 regions, realistic fit costs (see
# BookGenerator.cs).
# Usage: bench/allocation/run.sh [SIZE…]   SIZE = CUSTOMERSxREPS, default: 10000x100 100000x500 1000000x2000
# Env: WORK=dir (default /tmp/allot-bench-allocation; removed unless KEEP=1), REPEAT=3 (our solves per size,
#      median reported), K=8 (candidates kept per customer), SIMPLEX=1 also runs LEMON's NetworkSimplex.
# Needs: liblemon-dev (apt-get install -y liblemon-dev), g++.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-/tmp/allot-bench-allocation}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000x100 100000x500 1000000x2000)

[ -f /usr/include/lemon/cost_scaling.h ] || { echo "liblemon-dev is missing: apt-get install -y liblemon-dev" >&2; exit 1; }
rm -rf "$WORK"; mkdir -p "$WORK"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT

echo "building (Release) and compiling the LEMON peer…" >&2
dotnet build -c Release "$HERE/Allot.AllocationBench.csproj" -v q -nologo >/dev/null
g++ -O2 -o "$WORK/lemon_mcf" "$HERE/lemon_mcf.cpp" -llemon
BENCH=(dotnet "$HERE/bin/Release/net10.0/Allot.AllocationBench.dll")

get() { sed -n "s/^$1: //p" "$2" | head -1; }

rows=()
for size in "${SIZES[@]}"; do
  customers=${size%x*}; reps=${size#*x}
  echo "== $customers customers × $reps reps" >&2
  /usr/bin/time -f '%M' -o "$WORK/ours.rss" "${BENCH[@]}" --customers "$customers" --reps "$reps" --k "${K:-8}" \
    --repeat "${REPEAT:-3}" --dimacs "$WORK/book.min" >"$WORK/ours.txt"
  cat "$WORK/ours.txt" >&2
  "$WORK/lemon_mcf" "$WORK/book.min" >"$WORK/lemon.txt"
  cat "$WORK/lemon.txt" >&2
  simplex="–"
  if [ "${SIMPLEX:-0}" = 1 ]; then
    "$WORK/lemon_mcf" "$WORK/book.min" network-simplex >"$WORK/simplex.txt"
    cat "$WORK/simplex.txt" >&2
    [ "$(get objective "$WORK/simplex.txt")" = "$(get objective "$WORK/ours.txt")" ] || { echo "NetworkSimplex objective differs" >&2; exit 1; }
    simplex=$(get solve_s "$WORK/simplex.txt")
  fi
  ours=$(get objective "$WORK/ours.txt"); theirs=$(get objective "$WORK/lemon.txt")
  [ "$ours" = "$theirs" ] || { echo "objectives differ: ours $ours, LEMON $theirs" >&2; exit 1; }
  pruned=$(get solve_pruned_s "$WORK/ours.txt"); lemon=$(get solve_s "$WORK/lemon.txt")
  pruned_cpu=$(get solve_pruned_cpu_s "$WORK/ours.txt"); lemon_cpu=$(get solve_cpu_s "$WORK/lemon.txt")
  rows+=("$(printf '| %s × %s | %s → %s | %s | %s | %s | %s | %s | %.0f | %.2f | %.2f | %s | %.1f× | %.1f× | %s | %s %% | %s %% |' \
    "$customers" "$reps" "$(get candidate_arcs_full "$WORK/ours.txt")" "$(get arcs_kept "$WORK/ours.txt")" \
    "$(get rounds "$WORK/ours.txt")" "$(get solve_total_s "$WORK/ours.txt")" "$(get solve_total_cpu_s "$WORK/ours.txt")" \
    "$pruned" "$pruned_cpu" "$(( $(cat "$WORK/ours.rss") / 1024 ))" \
    "$lemon" "$lemon_cpu" "$simplex" "$(awk -v a="$lemon" -v b="$pruned" 'BEGIN { print a / b }')" \
    "$(awk -v a="$lemon_cpu" -v b="$pruned_cpu" 'BEGIN { print a / b }')" "$ours" \
    "$(get greedy_gap_pct "$WORK/ours.txt")" "$(get round_robin_gap_pct "$WORK/ours.txt")")")
done

echo
echo "| book (customers × reps) | candidate arcs (all → kept) | rounds | ours: prune + solve + check, s | CPU s | ours: solve kept network, s | CPU s | peak RSS MB | LEMON CostScaling, s | CPU s | LEMON NetworkSimplex, s | LEMON / ours (wall) | (CPU) | objective (= LEMON) | greedy worse by | round robin worse by |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
