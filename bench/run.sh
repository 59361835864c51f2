#!/usr/bin/env bash
# The redirect benchmark: builds the WAR, starts it on Payara Micro with fresh seeded databases
# (1 k links, then 1 M), measures redirects, the bare-servlet ceiling and link creation with wrk on
# loopback, checks memory and sessions, and writes the table to bench/results/latest.md.
#
#   bench/run.sh [--quick] [--port N] [--no-build] [--out FILE]
#
# --quick: 100 k rows instead of 1 M, 3 s rounds, 10 k GETs for the session check (about 4 min).
# Full run: about 10 minutes on 2 cores. See bench/README.md for what each figure means.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=8480
QUICK=0
BUILD=1
OUT="$ROOT/bench/results/latest.md"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
OPTIONS=(--quick:QUICK=1 --port:PORT --no-build:BUILD=0 --out:OUT)
parse_options "$@"

SMALL_ROWS=1000
if ((QUICK)); then
  BIG_ROWS=100000 ROUND_SECONDS=3 ROUNDS=2 ANONYMOUS_GETS=10000 CREATE_SECONDS=5 CREATE_ROUNDS=2
else
  BIG_ROWS=1000000 ROUND_SECONDS=5 ROUNDS=5 ANONYMOUS_GETS=100000 CREATE_SECONDS=10 CREATE_ROUNDS=5
fi
# The issue's load: 2 wrk threads, 64 connections, on the same 2-core machine as the server.
WRK=(wrk -t2 -c64 --timeout 10s)
BASE="http://127.0.0.1:$PORT"
WORK="$BENCH_TARGET/run"
RESULTS="$WORK/results.tsv"

OFF_PID=""
cleanup() {
  stop_server KILL
  if [[ -n $OFF_PID ]]; then kill -KILL "$OFF_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

# The redirect cases, interleaved round by round so that load from other processes on the machine
# hits all of them alike; each figure in the table is the median of the rounds.
redirect_cases() {
  local set=$1 codes=$2 hot
  hot=$(head -1 "$codes")
  # Unrecorded: the memory probe before this forced a full GC, and the first seconds after it
  # showed two to three times the CPU per request of the rounds that followed.
  "${WRK[@]}" -d5s "$BASE/$hot" >/dev/null
  "${WRK[@]}" -d3s "$BASE/bare/$hot" >/dev/null
  "${WRK[@]}" -d5s -s "$BENCH_WRK_DIR/random.lua" "$BASE" -- "$codes" / >/dev/null
  for ((round = 1; round <= ROUNDS; round++)); do
    measure "$set.hot" "$ROUND_SECONDS" "$BASE/$hot"
    measure "$set.ceiling-hot" "$ROUND_SECONDS" "$BASE/bare/$hot"
    measure "$set.random" "$ROUND_SECONDS" "$BASE" random.lua "$codes" /
    measure "$set.ceiling-random" "$ROUND_SECONDS" "$BASE" random.lua "$codes" /bare/
    measure "$set.server-random" "$ROUND_SECONDS" "$BASE" random.lua "$codes" /ceiling/bare/
  done
}

# visits_counted: the visits the statistics have counted so far on the big server (every visit
# adds to visit_day, DNT ones too, which get no row in visit).
visits_counted() {
  sqlite3 -cmd ".timeout 10000" "$WORK/big/shortener.db" \
    "SELECT COALESCE(SUM(people + bots + previews + checks), 0) FROM visit_day WHERE link_id = 0"
}

# visits_dropped: the number /admin/visits gives for visits dropped since the start (0 if none).
visits_dropped() {
  local cookie
  cookie=$(admin_cookie)
  curl -s -b "$cookie" "$BASE/admin/visits?days=30" | grep -o '<p id="dropped"[^>]*>[^<]*' |
    grep -o '>[0-9,]*' | tr -d '>,' | grep . || echo 0
}

# Visit analytics on and off: random links of the big set with wrk/visits.lua (browser and bot
# user agents, referrers, a client address per request) on the big server, which records visits,
# and on a second server on a copy of the same database started with -Dshortener.visits=false,
# both running, measured in turns (settled in between). For the analytics server each round also
# records how many visits the flush wrote: counted right at the end of the round and 2 s later.
visits_cases() {
  local codes=$1 on_pid=$SERVER_PID on_base=$BASE off_base="http://127.0.0.1:$((PORT + 1))" side round
  PORT=$((PORT + 1)) start_server "$WORK/big-off" -Dshortener.visits=false
  OFF_PID=$SERVER_PID
  wait_for_preload "$WORK/big-off"
  BASE=$off_base warm_jit "$codes"
  "${WRK[@]}" -d20s -s "$BENCH_WRK_DIR/visits.lua" "$off_base" -- "$codes" >/dev/null
  "${WRK[@]}" -d10s -s "$BENCH_WRK_DIR/visits.lua" "$on_base" -- "$codes" >/dev/null
  for ((round = 1; round <= ROUNDS; round++)); do
    for side in on off; do
      if [[ $side == on ]]; then BASE=$on_base SERVER_PID=$on_pid; else BASE=$off_base SERVER_PID=$OFF_PID; fi
      settle
      local before at_end
      [[ $side == on ]] && before=$(visits_counted)
      measure "big.visits-$side" "$ROUND_SECONDS" "$BASE" visits.lua "$codes"
      if [[ $side == on ]]; then
        at_end=$(visits_counted)
        sleep 2
        echo "$(tail -1 "$RESULTS" | cut -d' ' -f2) $((at_end - before)) $(($(visits_counted) - before)) $ROUND_SECONDS" >>"$WORK/visits.txt"
        log "visits: $(tail -1 "$WORK/visits.txt") (requests, counted at the end, 2 s later, seconds)"
      fi
    done
  done
  BASE=$on_base SERVER_PID=$on_pid
  echo "$(visits_dropped)" >"$WORK/visits-dropped.txt"
  log "visits dropped since the start: $(cat "$WORK/visits-dropped.txt")"
  memory_probe big.visits-on
  SERVER_PID=$OFF_PID memory_probe big.visits-off
  SERVER_PID=$OFF_PID stop_server
  OFF_PID="" SERVER_PID=$on_pid
}

# The miss path: a server whose cache holds only 1,000 links, asked for random links of the big
# set, so nearly every request is a first visit that reads SQLite once.
miss_cases() {
  local codes=$1
  "${WRK[@]}" -d3s "$BASE/$(head -1 "$codes")" >/dev/null
  for ((round = 1; round <= ROUNDS; round++)); do
    measure "big.cold-random" "$ROUND_SECONDS" "$BASE" random.lua "$codes" /
  done
}

# repeat_gets NAME PATH COUNT: at least COUNT anonymous GETs of PATH (wrk runs of 5 s until done).
repeat_gets() {
  local name=$1 path=$2 count=$3 done_requests=0 seconds=0 output
  while ((done_requests < count)); do
    output=$("${WRK[@]}" -d5s -s "$BENCH_WRK_DIR/fixed.lua" "$BASE$path")
    done_requests=$((done_requests + $(awk '/^RESULT/ {print $2}' <<<"$output")))
    seconds=$((seconds + 5))
  done
  echo "$name $done_requests $((done_requests / seconds))" >>"$WORK/gets.txt"
  log "$name: $done_requests GETs of $path, $((done_requests / seconds))/s"
}

# Live HTTP sessions and heap after a full GC (the class histogram forces one).
memory_probe() {
  local label=$1 histogram sessions heap
  histogram=$(jcmd "$SERVER_PID" GC.class_histogram)
  sessions=$(awk '$4 == "org.apache.catalina.session.StandardSession" {print $2}' <<<"$histogram")
  heap=$(awk '/^Total/ {printf "%.0f", $3 / 1048576}' <<<"$histogram")
  printf '%s rss=%s heap=%s sessions=%s\n' "$label" "$(server_rss_mb)" "$heap" "${sessions:-0}" >>"$WORK/memory.txt"
  log "$label: RSS $(server_rss_mb) MiB, live heap $heap MiB, sessions ${sessions:-0}"
}

# Unrecorded creation through every path, so that the figures are the steady state: the first form
# POSTs ran at twice the CPU per link of later ones while the JIT compiled the Faces lifecycle, and
# the API (Jersey's request pipeline) took about 40 s of traffic to settle: its first 10 s ran at
# 750 links/s and 2,444 µs of CPU per link, after 30 s it was 2,054/s at 731 µs (1 M links, -c64).
warm_creation() {
  "${WRK[@]}" -d10s -s "$BENCH_WRK_DIR/create.lua" "$BASE" -- form "warm-$(date +%s)" >/dev/null
  "${WRK[@]}" -d5s -s "$BENCH_WRK_DIR/create.lua" "$BASE" -- service "warm-$(date +%s)" >/dev/null
  "${WRK[@]}" -d40s -s "$BENCH_WRK_DIR/create.lua" "$BASE" -- api "warm-$(date +%s)" "$BENCH_API_KEY" >/dev/null
}

# The admin's list on the big set: the first page, a page half way down (keyset: as cheap as the
# first), most clicked first, a search, and a filter by a rare state; then the API's list (numbered
# pages with a total: a COUNT and an OFFSET), its first page, page 1,000 by visits, and a search.
admin_list_cases() {
  local cookie half=$((BIG_ROWS / 2))
  cookie="Cookie: $(admin_cookie)"
  local key="X-Api-Key: $BENCH_API_KEY"
  for ((round = 1; round <= ROUNDS; round++)); do
    measure big.list-first "$ROUND_SECONDS" "$BASE" admin.lua "$cookie" "/admin/links"
    measure big.list-deep "$ROUND_SECONDS" "$BASE" admin.lua "$cookie" "/admin/links?after=$half"
    measure big.list-clicks "$ROUND_SECONDS" "$BASE" admin.lua "$cookie" \
      "/admin/links?sort=most-clicked&after=0.$half"
    measure big.list-search "$ROUND_SECONDS" "$BASE" admin.lua "$cookie" "/admin/links?q=bench/12345"
    measure big.list-expired "$ROUND_SECONDS" "$BASE" admin.lua "$cookie" "/admin/links?state=expired"
    measure big.api-list "$ROUND_SECONDS" "$BASE" admin.lua "$key" "/rest/v3/short-urls"
    measure big.api-list-visits "$ROUND_SECONDS" "$BASE" admin.lua "$key" \
      "/rest/v3/short-urls?orderBy=visits-DESC&itemsPerPage=10&page=1000"
    measure big.api-list-search "$ROUND_SECONDS" "$BASE" admin.lua "$key" \
      "/rest/v3/short-urls?searchTerm=bench/12345"
  done
}

# create_links NAME MODE: link creation for CREATE_SECONDS through the form, the API or the service.
create_links() {
  measure "$1" "$CREATE_SECONDS" "$BASE" create.lua "$2" "$1-$(date +%s)" "$BENCH_API_KEY"
}

main() {
  require_tools
  ((BUILD)) && build_product
  build_bench_wars
  rm -rf "$WORK" && mkdir -p "$WORK"
  : >"$RESULTS"
  local started=$SECONDS

  log "== $SMALL_ROWS links"
  seed_database "$WORK/small" "$SMALL_ROWS"
  start_server "$WORK/small"
  wait_for_preload "$WORK/small"
  memory_probe small.ready
  warm_jit "$WORK/small/codes.txt"
  memory_probe small.warm
  redirect_cases small "$WORK/small/codes.txt"
  memory_probe small.after-redirects
  local hot
  hot=$(head -1 "$WORK/small/codes.txt")
  curl -s -D "$WORK/headers-home.txt" -o /dev/null "$BASE/"
  curl -s -D "$WORK/headers-redirect.txt" -o /dev/null "$BASE/$hot"
  repeat_gets home / "$ANONYMOUS_GETS"
  repeat_gets redirect "/$hot" "$ANONYMOUS_GETS"
  memory_probe small.after-anonymous-gets
  stop_server

  log "== $BIG_ROWS links"
  seed_database "$WORK/big" "$BIG_ROWS"
  # The analytics-off server's copy, before either server has touched it.
  cp -r "$WORK/big" "$WORK/big-off"
  # Both big servers: every visits.lua request a visitor of its own, countries looked up. The
  # other cases send no X-Forwarded-For (127.0.0.1, no country).
  export SHORTENER_TRUST_PROXY=true SHORTENER_GEOIP_DB
  SHORTENER_GEOIP_DB=$(geoip_db)
  start_server "$WORK/big"
  wait_for_preload "$WORK/big"
  memory_probe big.ready
  warm_jit "$WORK/big/codes.txt"
  memory_probe big.warm
  redirect_cases big "$WORK/big/codes.txt"
  memory_probe big.after-redirects
  visits_cases "$WORK/big/codes.txt"
  warm_creation
  # Interleaved rounds, reported as medians: two rounds of the API once differed by a third in
  # CPU per link (651 and 816 µs), too few to tell a target from noise.
  for ((round = 1; round <= CREATE_ROUNDS; round++)); do
    create_links big.create-form form
    create_links big.create-api api
    create_links big.create-service service
  done
  memory_probe big.after-creation
  admin_list_cases
  stop_server
  sqlite3 "$WORK/big/shortener.db" 'PRAGMA integrity_check' >"$WORK/integrity.txt"

  log "== cache misses: $BIG_ROWS links, a cache of 1,000"
  start_server "$WORK/big" -Dshortener.cache.size=1000
  miss_cases "$WORK/big/codes.txt"
  stop_server

  BIG_ROWS=$BIG_ROWS QUICK=$QUICK ELAPSED=$((SECONDS - started)) ROUNDS=$ROUNDS \
    ROUND_SECONDS=$ROUND_SECONDS python3 "$ROOT/bench/tools/report.py" "$WORK" >"$OUT"
  cat "$OUT"
  log "written to $OUT"
}

main
