#!/usr/bin/env bash
# Durability test: what a clean stop and a crash of Payara Micro cost in links and clicks.
#
#   bench/crash.sh [--port N] [--no-build] [--seconds S]
#
# 1. Clean stop: exactly 50 GETs on each of 200 links from 8 threads, with a flush interval of an
#    hour so that only the shutdown flush can write them; SIGTERM; the clicks in the SQLite file
#    (read with the sqlite3 CLI) must equal the redirects served, link by link. Then the same with
#    SIGTERM in the middle of the clicking: no redirect a client received may go uncounted.
# 2. Crash: links created through the home page form and redirects on 1,000 links, concurrently;
#    `kill -9` of the server in the middle of it; `PRAGMA integrity_check`; restart. Every link
#    whose creation was answered must still redirect to its exact URL, and the clicks lost must be
#    no more than those served in the last flush interval (1 s) before the kill.
# Prints the figures and exits non-zero if a check fails. About 3 minutes; not part of ./mvnw verify
# (it kills and restarts servers).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=8490
BUILD=1
SECONDS_OF_LOAD=20
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
OPTIONS=(--port:PORT --no-build:BUILD=0 --seconds:SECONDS_OF_LOAD)
parse_options "$@"
WORK="$BENCH_TARGET/crash"
BASE="http://127.0.0.1:$PORT"
LOAD="python3 $ROOT/bench/tools/load.py"
INTERVAL_MS=1000
FAILED=0
trap 'stop_server KILL' EXIT

fail() { echo "FAILED: $*"; FAILED=1; }

# Every click in the file: folded into link.clicks, or still in the click log.
ALL_CLICKS='SELECT (SELECT IFNULL(SUM(clicks), 0) FROM link) + (SELECT IFNULL(SUM(clicks), 0) FROM click)'

# clicks_by_code DB CODES_FILE: "code<TAB>clicks" for the codes (ids 1..N in file order); a link's
# clicks are link.clicks plus its rows in the click log not folded yet.
clicks_by_code() {
  sqlite3 -separator $'\t' "$1" 'SELECT link.id, link.clicks + IFNULL(logged.clicks, 0) FROM link
    LEFT JOIN (SELECT link_id, SUM(clicks) AS clicks FROM click GROUP BY link_id) AS logged
    ON logged.link_id = link.id ORDER BY link.id' |
    awk -F'\t' 'NR == FNR {code[FNR] = $1; next} ($1 in code) {print code[$1] "\t" $2}' "$2" -
}

clean_stop() {
  log "== clean stop: 200 links x 50 GETs, SIGTERM, count"
  local dir="$WORK/clean"
  seed_database "$dir" 200
  start_server "$dir" -Dshortener.click.flush.interval.ms=3600000
  echo "load: $(load_average)"
  $LOAD exact "$BASE" "$dir/codes.txt" "$dir" 50 8
  stop_server TERM
  clicks_by_code "$dir/shortener.db" "$dir/codes.txt" | sort >"$dir/counted.tsv"
  sort "$dir/clicks.tsv" >"$dir/served.tsv"
  local served counted
  served=$(awk '{s += $2} END {print s + 0}' "$dir/served.tsv")
  counted=$(awk '{s += $2} END {print s + 0}' "$dir/counted.tsv")
  echo "clean stop: clicks served $served, counted after SIGTERM $counted"
  if ! diff -q "$dir/served.tsv" "$dir/counted.tsv" >/dev/null; then
    fail "clean stop lost or invented clicks: $(diff "$dir/served.tsv" "$dir/counted.tsv" | head -5 | tr '\n' ' ')"
  fi
  start_server "$dir"
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/$(head -1 "$dir/codes.txt")") == 302 ]] ||
    fail "the restarted server does not redirect"
  stop_server TERM
}

# The same while 8 clients keep clicking: SIGTERM in the middle of the load. Every redirect a client
# received must be counted; a few more may be (answered by the server, cut off before the client
# read them).
clean_stop_under_load() {
  log "== clean stop under load: 8 clients clicking, SIGTERM after 8 s"
  local dir="$WORK/clean-load"
  seed_database "$dir" 200
  start_server "$dir" -Dshortener.click.flush.interval.ms=3600000
  $LOAD mixed "$BASE" 12 "$dir/codes.txt" "$dir" 0 8 >"$dir/load.txt" &
  local client=$!
  sleep 8
  stop_server TERM
  wait "$client"
  local served counted
  served=$(awk '{s += $2} END {print s + 0}' "$dir/clicks.tsv")
  counted=$(sqlite3 "$dir/shortener.db" "$ALL_CLICKS")
  echo "clean stop under load: clicks served $served, counted after SIGTERM $counted"
  ((counted >= served)) || fail "SIGTERM under load lost $((served - counted)) clicks"
  ((counted <= served + 8)) || fail "more clicks counted than served (+8 in flight)"
}

crash() {
  log "== crash: form creation + redirects for ${SECONDS_OF_LOAD}s, kill -9 after $((SECONDS_OF_LOAD - 4))s"
  local dir="$WORK/crash"
  seed_database "$dir" 1000
  start_server "$dir"
  echo "load: $(load_average)"
  $LOAD mixed "$BASE" "$SECONDS_OF_LOAD" "$dir/codes.txt" "$dir" 4 8 >"$dir/load.txt" &
  local client=$!
  sleep $((SECONDS_OF_LOAD - 4))
  local killed_at
  killed_at=$(date +%s.%N)
  kill -KILL "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
  wait "$client"
  local integrity
  integrity=$(sqlite3 "$dir/shortener.db" 'PRAGMA integrity_check')
  echo "integrity_check after kill -9: $integrity"
  [[ $integrity == ok ]] || fail "integrity_check: $integrity"

  start_server "$dir"
  local check acknowledged found
  check=$($LOAD check "$BASE" "$dir/acknowledged.tsv")
  acknowledged=$(wc -l <"$dir/acknowledged.tsv")
  found=$(awk '/^found/ {print $2}' <<<"$check")
  echo "links acknowledged $acknowledged, found with their exact URL after restart $found"
  ((acknowledged > 0)) || fail "no link was created"
  ((found == acknowledged)) || fail "$(grep 'not resolved' <<<"$check" | head -5)"
  stop_server TERM

  clicks_by_code "$dir/shortener.db" "$dir/codes.txt" >"$dir/counted.tsv"
  local served counted lost
  served=$(awk '{s += $2} END {print s + 0}' "$dir/clicks.tsv")
  counted=$(awk '{s += $2} END {print s + 0}' "$dir/counted.tsv")
  lost=$((served - counted))
  local window last_interval
  read -r window last_interval < <($LOAD window "$dir" "$killed_at" "$lost" "$INTERVAL_MS")
  echo "clicks served $served, counted after restart $counted, lost $lost"
  echo "  = the clicks of the last ${window} ms before the kill (flush interval ${INTERVAL_MS} ms; $last_interval clicks were served in the last interval)"
  ((counted <= served + 8)) || fail "more clicks counted than served (+8 in flight)"
  ((window <= INTERVAL_MS + 500)) || fail "lost more than one flush interval of clicks"
  grep errors "$dir/load.txt" | sed 's/^/client /'
}

main() {
  require_tools
  ((BUILD)) && build_product
  build_bench_wars
  rm -rf "$WORK" && mkdir -p "$WORK"
  clean_stop
  clean_stop_under_load
  crash
  if ((FAILED)); then
    echo "crash test FAILED"
    exit 1
  fi
  echo "crash test passed"
}

main
