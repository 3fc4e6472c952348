#!/usr/bin/env bash
# Server load benchmark (issue 6): customer search through `allot serve` on a store of 1M customers, driven by wrk
# (2 threads, ~30 s, bearer token, varied queries: region/owner filters with pages, key-prefix lookups, detail by
# key), with nginx serving one of the same answers as a static file side by side as the ceiling. Prints Markdown
# for docs/benchmarks.md.
#
#   bench/server/run.sh        # CUSTOMERS=1000000 REPS=2000 DIR=/tmp/allot-server-bench DURATION=30s CONNECTIONS=32
#
# The store (generated customers and reps, no orders: search does not read them) is made once per DIR and reused.
# Needs wrk and nginx (apt-get install wrk nginx-light) and sqlite3.
set -euo pipefail
cd "$(dirname "$0")/../.."
CUSTOMERS=${CUSTOMERS:-1000000}
REPS=${REPS:-2000}
DIR=${DIR:-/tmp/allot-server-bench}
PORT=${PORT:-5099}
PEER_PORT=${PEER_PORT:-5098}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-32}
PASSWORD="bench password 1"

dotnet build -c Release src/Allot.Cli/Allot.Cli.csproj -v q -nologo >/dev/null
ALLOT=(dotnet "$PWD/src/Allot.Cli/bin/Release/net10.0/allot.dll")
mkdir -p "$DIR"
DB="$DIR/allot.db"

if [ ! -f "$DB" ]; then
  echo "preparing $DB ($CUSTOMERS customers, $REPS reps) ..." >&2
  "${ALLOT[@]}" generate --customers "$CUSTOMERS" --reps "$REPS" --orders 1000 --seed 6 --out "$DIR/data" --quiet >&2
  rm -f "$DIR/prep.db"
  "${ALLOT[@]}" import reps "$DIR/data/reps.csv" --db "$DIR/prep.db" --quiet >&2
  "${ALLOT[@]}" import customers "$DIR/data/customers.csv" --db "$DIR/prep.db" --quiet >&2
  echo "$PASSWORD" | "${ALLOT[@]}" user add admin --role admin --db "$DIR/prep.db" >&2
  mv "$DIR/prep.db" "$DB"
fi
TOKEN=$("${ALLOT[@]}" token create admin --label bench --db "$DB" 2>/dev/null)

# Queries: pages 1-5 of a region, of an owner, of a region and owner; key prefixes; customers by key.
sqlite3 "$DB" "SELECT DISTINCT region FROM customers WHERE region IS NOT NULL" > "$DIR/regions.txt"
sqlite3 "$DB" "SELECT key FROM reps ORDER BY random() LIMIT 200" > "$DIR/owners.txt"
sqlite3 "$DB" "SELECT key FROM customers ORDER BY random() LIMIT 400" > "$DIR/keys.txt"
python3 - "$DIR" <<'PY'
import random, sys, urllib.parse as u
d = sys.argv[1]
regions = open(f"{d}/regions.txt").read().split("\n")[:-1]
owners = open(f"{d}/owners.txt").read().split()
keys = open(f"{d}/keys.txt").read().split()
random.seed(6)
paths, texts = [], []
for i in range(400):
    texts.append(f"/api/customers?q={u.quote(random.choice(keys)[:-2])}&page_size=20")
for i in range(2000):
    k = i % 4
    page = random.randint(1, 5)
    if k == 0: paths.append(f"/api/customers?region={u.quote(random.choice(regions))}&page={page}&page_size=50")
    elif k == 1: paths.append(f"/api/customers?owner={u.quote(random.choice(owners))}&page={page}&page_size=50")
    elif k == 2: paths.append(f"/api/customers?region={u.quote(random.choice(regions))}&owner={u.quote(random.choice(owners))}&page_size=50")
    else: paths.append(f"/api/customers/{u.quote(random.choice(keys))}")
open(f"{d}/paths.txt", "w").write("\n".join(paths) + "\n")
open(f"{d}/texts.txt", "w").write("\n".join(texts) + "\n")
PY
for list in paths texts; do
cat > "$DIR/$list.lua" <<LUA
local paths = {}
for line in io.lines("$DIR/$list.txt") do paths[#paths + 1] = line end
local i = 0
wrk.headers["Authorization"] = "Bearer $TOKEN"
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA
done

"${ALLOT[@]}" serve --urls "http://127.0.0.1:$PORT" --db "$DB" > "$DIR/serve.log" 2>&1 &
SERVER=$!
NGINX_PID="$DIR/nginx.pid"
cleanup() {
  kill "$SERVER" 2>/dev/null || true
  [ -f "$NGINX_PID" ] && kill "$(cat "$NGINX_PID")" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null && break; sleep 0.5; done

# The peer: nginx serving one region page (the same bytes the server answers) as a static file.
FIRST=$(sed -n 1p "$DIR/paths.txt")
mkdir -p "$DIR/www"
curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$FIRST" > "$DIR/www/page.json"
cat > "$DIR/nginx.conf" <<NGX
worker_processes 1;
pid $NGINX_PID;
error_log $DIR/nginx.error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  client_body_temp_path $DIR/nginx-tmp; proxy_temp_path $DIR/nginx-tmp; fastcgi_temp_path $DIR/nginx-tmp;
  uwsgi_temp_path $DIR/nginx-tmp; scgi_temp_path $DIR/nginx-tmp;
  server { listen 127.0.0.1:$PEER_PORT; root $DIR/www; location / { try_files /page.json =404; } }
}
NGX
mkdir -p "$DIR/nginx-tmp"
nginx -c "$DIR/nginx.conf" -p "$DIR"

# Warm-up (JIT, page cache), then the measured runs.
wrk -t2 -c"$CONNECTIONS" -d5s -s "$DIR/paths.lua" "http://127.0.0.1:$PORT" >/dev/null
run() { # label, then wrk's target; prints a table row from wrk's summary
  local label=$1; shift
  local out; out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@")
  echo "$out" > "$DIR/wrk-$(echo "$label" | tr -c 'a-z0-9' '-').txt"
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec/ { print $2 }' <<< "$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<< "$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<< "$out")
  errors=$(awk '/Non-2xx|Socket errors/ { printf "%s ", $0 }' <<< "$out")
  printf '| %s | %s | %s | %s | %s |\n' "$label" "$rps" "$p50" "$p99" "${errors:-none}"
  echo "$rps" > "$DIR/last-rps"
}
echo "### $CUSTOMERS customers: customer search through \`allot serve\` (wrk, 2 threads, $CONNECTIONS connections, $DURATION)"
echo
echo "| run | requests/s | p50 | p99 | errors |"
echo "|---|---:|---:|---:|---|"
run "allot serve: search mix (region, owner, region+owner pages 1-5; detail by key), bearer token" -s "$DIR/paths.lua" "http://127.0.0.1:$PORT"
OURS=$(cat "$DIR/last-rps")
run "allot serve: text search q= (a key's prefix; substring of key, name, phone, email)" -s "$DIR/texts.lua" "http://127.0.0.1:$PORT"
run "peer: nginx, one page of the same JSON as a static file" "http://127.0.0.1:$PEER_PORT/page.json"
PEER=$(cat "$DIR/last-rps")
echo
echo "ratio allot / nginx: $(echo "scale=3; $OURS / $PEER" | bc)"
echo "(served answer sizes: $(wc -c < "$DIR/www/page.json") bytes for the static page; server log: $DIR/serve.log)"
