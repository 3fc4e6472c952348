#!/usr/bin/env bash
# Pool benchmark (issue 8): the daily jobs — reclaim and plan, then the whole daily job — on a generated book of
# 1M customers and 20M orders, as real `allot` processes under GNU time, then phase by phase in-process
# (bench/Allot.Bench pool). Prints Markdown for docs/benchmarks.md.
#
#   bench/pool/run.sh                 # CUSTOMERS=1000000 ORDERS=20000000 REPS=2000 DIR=/tmp/allot-pool-bench
#
# The book is generated, imported and classified once per DIR (about ten minutes here) and reused; each
# measurement runs on a fresh copy of the classified store. Owners' takeover dates (owner_since) are spread over
# 2025 so that, as in a running business, a few thousand customers reach their warning or reclaim date each day.
set -euo pipefail
cd "$(dirname "$0")/../.."
CUSTOMERS=${CUSTOMERS:-1000000}
ORDERS=${ORDERS:-20000000}
REPS=${REPS:-2000}
DIR=${DIR:-/tmp/allot-pool-bench}
DAY1=${DAY1:-2026-03-02}   # first day: cold (the activity summary is built), then the steady days after it
DAY2=$(date -d "$DAY1 + 1 day" +%F)
DAY3=$(date -d "$DAY1 + 2 day" +%F)
DAY4=$(date -d "$DAY1 + 3 day" +%F)

dotnet build -c Release src/Allot.Cli/Allot.Cli.csproj -v q -nologo >/dev/null
dotnet build -c Release bench/Allot.Bench/Allot.Bench.csproj -v q -nologo >/dev/null
ALLOT=(dotnet "$PWD/src/Allot.Cli/bin/Release/net10.0/allot.dll")
BENCH=(dotnet "$PWD/bench/Allot.Bench/bin/Release/net10.0/Allot.Bench.dll")
mkdir -p "$DIR"

if [ ! -f "$DIR/classified.db" ]; then
  echo "preparing $DIR (generate, import, classify) ..." >&2
  "${ALLOT[@]}" generate --customers "$CUSTOMERS" --reps "$REPS" --orders "$ORDERS" --seed 8 --out "$DIR/data" --quiet >&2
  # owner_since spread over 2025 (row number modulo 365), so due dates fall on every day.
  awk -F, 'NR == 1 { print "customer_id,owner_since"; next }
           { d = (NR - 2) % 365; print $1 "," strftime("%Y-%m-%d", mktime("2025 01 01 12 00 00") + d * 86400, 1) }' \
      "$DIR/data/customers.csv" > "$DIR/data/owner_since.csv"
  rm -f "$DIR/prep.db"
  for kind in reps customers orders invoices payments interactions; do
    "${ALLOT[@]}" import "$kind" "$DIR/data/$kind.csv" --db "$DIR/prep.db" --quiet >&2
  done
  "${ALLOT[@]}" import customers "$DIR/data/owner_since.csv" --db "$DIR/prep.db" --quiet >&2
  "${ALLOT[@]}" classify --db "$DIR/prep.db" --as-of 2025-12-31 --quiet >/dev/null
  mv "$DIR/prep.db" "$DIR/classified.db"
fi

fresh() { # a copy of the classified store, with the bundled rules beside it
  rm -f "$DIR/work.db" "$DIR/work.db-wal" "$DIR/work.db-shm" "$DIR/work.rules.json"
  cp "$DIR/classified.db" "$DIR/work.db"
  "${ALLOT[@]}" pool init --db "$DIR/work.db" 2>/dev/null
}
measure() { # label, then the allot arguments
  local label=$1; shift
  local out; out=$( { /usr/bin/time -f "TIME %e %U %S %M" "${ALLOT[@]}" "$@" --db "$DIR/work.db" --quiet > "$DIR/out.txt" 2> "$DIR/err.txt"; } 2>&1; cat "$DIR/err.txt")
  local t; t=$(grep '^TIME' <<< "$out" | tail -1)
  read -r _ wall user sys rss <<< "$t"
  local summary; summary=$( { grep -v -e '^TIME' -e '^note' "$DIR/err.txt" || true; } | tail -1)
  if [ -z "$summary" ]; then # allot daily: the record on stdout
    summary=$(awk '$1 ~ /^(warned|reclaimed|pooled|tasks|overdue|alerts)$/ { printf "%s%s %s", sep, $2, $1; sep = ", " }' "$DIR/out.txt")
  fi
  printf '| %s | %s | %.2f | %d | %s |\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$summary"
}

echo "### $CUSTOMERS customers, $ORDERS orders, $REPS reps: \`allot\` processes"
echo
echo "| step | wall s | CPU s | peak RSS MB | what it did |"
echo "|---|---:|---:|---:|---|"
fresh
measure "day 1: pool reclaim (cold: builds the activity summary from 20M orders; first run of the rules over the book)" pool reclaim --today "$DAY1"
measure "day 1: followups plan (first plan: every task written)" followups plan --today "$DAY1"
measure "day 2: pool reclaim" pool reclaim --today "$DAY2"
measure "day 2: followups plan" followups plan --today "$DAY2"
measure "day 3: daily --steps reclaim,plan (one transaction, one pass)" daily --today "$DAY3" --steps reclaim,plan
measure "day 4: daily --steps reclaim,plan" daily --today "$DAY4" --steps reclaim,plan
measure "day 4: daily (reclaim, plan, alerts, digest)" daily --today "$DAY4"
measure "day 4: daily again (re-run: changes nothing)" daily --today "$DAY4"
echo
echo "### In-process phases (bench/Allot.Bench pool), fresh copy, day $DAY1"
echo
fresh
"${BENCH[@]}" pool --db "$DIR/work.db" --today "$DAY1" | tail -n +2
