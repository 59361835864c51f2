#!/usr/bin/env bash
# The benchmark on PostgreSQL, side by side with SQLite in the same run: the same seeded links
# (1 M, or 100 k with --quick), random redirects and their bare-servlet ceiling, link creation
# through the REST API and through LinkService alone, on one Payara Micro each, the two servers
# running at once and measured in turns; then creation
# through the API on two Payara Micro servers sharing the PostgreSQL database at once. Writes the
# table to bench/results/postgresql.md.
#
#   bench/postgresql.sh [--quick] [--port N] [--no-build]
#
# PostgreSQL is a throwaway cluster from bin/test-postgresql with synchronous_commit=off, the
# durability SQLite's WAL mode with synchronous=NORMAL has (a killed server loses nothing, a power
# cut the last moments). About 15 minutes on 2 cores.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=8480
QUICK=0
BUILD=1
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
OPTIONS=(--quick:QUICK=1 --port:PORT --no-build:BUILD=0)
parse_options "$@"

if ((QUICK)); then
  ROWS=100000 ROUND_SECONDS=3 ROUNDS=2 CREATE_SECONDS=5
else
  ROWS=1000000 ROUND_SECONDS=5 ROUNDS=5 CREATE_SECONDS=10
fi
WRK=(wrk -t2 -c64 --timeout 10s)
BASE="http://127.0.0.1:$PORT"
WORK="$BENCH_TARGET/postgresql"
RESULTS="$WORK/results.tsv"
OUT="$ROOT/bench/results/postgresql.md"
PG_DIR="$WORK/cluster"
PG_PORT=$((PORT + 10))
export SHORTENER_DATABASE_PASSWORD="bench-postgresql-secret"
SECOND_PID="" SQLITE_PID="" POSTGRESQL_PID=""

cleanup() {
  stop_server KILL
  local pid
  for pid in "$SECOND_PID" "$SQLITE_PID" "$POSTGRESQL_PID"; do
    if [[ -n $pid ]]; then kill -KILL "$pid" 2>/dev/null || true; fi
  done
  "$ROOT/bin/test-postgresql" stop "$PG_DIR"
}
trap cleanup EXIT

psql_bench() {
  PGPASSWORD=$SHORTENER_DATABASE_PASSWORD psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" \
    -U shortener shortener "$@"
}

# on NAME: the next measure runs against that server (its address and its process).
on() {
  case $1 in
    sqlite) BASE="http://127.0.0.1:$PORT" SERVER_PID=$SQLITE_PID ;;
    postgresql) BASE="http://127.0.0.1:$((PORT + 2))" SERVER_PID=$POSTGRESQL_PID ;;
  esac
}

# Both servers run side by side and take turns, round by round: the machine's speed drifts by
# 20 % and more over minutes (other guests on the host), which, with all SQLite rounds first and
# all PostgreSQL rounds after, came out as a difference between the databases; the ceiling, which
# never touches a database, moved by as much as the redirects did.
cases() {
  local codes="$WORK/sqlite/codes.txt" db round
  for db in sqlite postgresql; do
    on "$db"
    warm_jit "$codes"
    # A fresh server needs about a minute of traffic to reach full speed, the bare servlet too.
    "${WRK[@]}" -d40s -s "$BENCH_WRK_DIR/random.lua" "$BASE" -- "$codes" / >/dev/null
  done
  for ((round = 1; round <= ROUNDS; round++)); do
    for db in sqlite postgresql; do
      on "$db"
      settle
      measure "$db.random" "$ROUND_SECONDS" "$BASE" random.lua "$codes" /
      measure "$db.ceiling-random" "$ROUND_SECONDS" "$BASE" random.lua "$codes" /bare/
    done
  done
  # Steady state of creation first (see run.sh's warm_creation).
  for db in sqlite postgresql; do
    on "$db"
    "${WRK[@]}" -d5s -s "$BENCH_WRK_DIR/create.lua" "$BASE" -- service "warm-$db" >/dev/null
    "${WRK[@]}" -d40s -s "$BENCH_WRK_DIR/create.lua" "$BASE" -- api "warm-$db" "$BENCH_API_KEY" >/dev/null
  done
  for round in 1 2; do
    for db in sqlite postgresql; do
      on "$db"
      settle
      measure "$db.create-api" "$CREATE_SECONDS" "$BASE" create.lua api "$db-$round-$(date +%s)" "$BENCH_API_KEY"
      measure "$db.create-service" "$CREATE_SECONDS" "$BASE" create.lua service "$db-$round-$(date +%s)"
    done
  done
}

main() {
  require_tools
  ((BUILD)) && build_product
  build_bench_wars
  rm -rf "$WORK" && mkdir -p "$WORK"
  : >"$RESULTS"
  local started=$SECONDS

  log "== SQLite, $ROWS links"
  seed_database "$WORK/sqlite" "$ROWS"
  start_server "$WORK/sqlite"
  SQLITE_PID=$SERVER_PID
  wait_for_preload "$WORK/sqlite"

  log "== PostgreSQL, $ROWS links"
  TEST_POSTGRESQL_OPTIONS="-c synchronous_commit=off -c shared_buffers=512MB" \
    "$ROOT/bin/test-postgresql" start "$PG_DIR" "$PG_PORT" shortener
  export SHORTENER_DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/shortener"
  export SHORTENER_DATABASE_USER=shortener
  mkdir -p "$WORK/postgresql"
  # The first start migrates the empty database and stores the salt; then the links go in.
  PORT=$((PORT + 2)) start_server "$WORK/postgresql"
  stop_server
  log "seeding PostgreSQL"
  psql_bench <<SQL
ALTER TABLE link DISABLE TRIGGER link_notice;
INSERT INTO link (id, created, original, clicks)
  SELECT g, 1735689600000, 'https://example.com/bench/' || g, 0 FROM generate_series(1, $ROWS) g;
ALTER TABLE link ENABLE TRIGGER link_notice;
SELECT setval(pg_get_serial_sequence('link', 'id'), $ROWS);
VACUUM ANALYZE link;
SQL
  # Written out now rather than by the spread checkpoint during the rounds: the last run saw 40 to
  # 100 % of the machine go to PostgreSQL's own processes in three of the five redirect rounds.
  psql -q -h "$PG_DIR" -p "$PG_PORT" -U postgres shortener -c CHECKPOINT
  PORT=$((PORT + 2)) start_server "$WORK/postgresql"
  POSTGRESQL_PID=$SERVER_PID
  wait_for_preload "$WORK/postgresql"
  cases
  on sqlite
  stop_server
  SQLITE_PID=""

  log "== PostgreSQL, two servers creating at once"
  # A second server with the same settings, started as the first was.
  mkdir -p "$WORK/postgresql-2"
  PORT=$((PORT + 1)) start_server "$WORK/postgresql-2"
  SECOND_PID=$SERVER_PID SERVER_PID=$POSTGRESQL_PID
  local one="http://127.0.0.1:$((PORT + 2))" two="http://127.0.0.1:$((PORT + 1))"
  "${WRK[@]}" -d40s -s "$BENCH_WRK_DIR/create.lua" "$two" -- api "warm-two" "$BENCH_API_KEY" >/dev/null
  for round in 1 2; do
    wrk -t1 -c32 --timeout 10s -d"${CREATE_SECONDS}s" -s "$BENCH_WRK_DIR/create.lua" "$one" -- \
      api "two-a-$round-$(date +%s)" "$BENCH_API_KEY" >"$WORK/two-a.txt" &
    local other=$!
    wrk -t1 -c32 --timeout 10s -d"${CREATE_SECONDS}s" -s "$BENCH_WRK_DIR/create.lua" "$two" -- \
      api "two-b-$round-$(date +%s)" "$BENCH_API_KEY" >"$WORK/two-b.txt"
    # That wrk only: the servers are background jobs of this shell too.
    wait "$other"
    local a b
    a=$(grep '^RESULT' "$WORK/two-a.txt") b=$(grep '^RESULT' "$WORK/two-b.txt")
    log "two servers, round $round: $a | $b"
    echo "two.create-api ${a#RESULT } ${b#RESULT }" >>"$WORK/two.tsv"
  done

  ELAPSED=$((SECONDS - started)) ROWS=$ROWS python3 - "$WORK" >"$OUT" <<'PY'
import collections, os, statistics, sys
work = sys.argv[1]
runs = collections.defaultdict(list)
for line in open(os.path.join(work, "results.tsv")):
    name, requests, seconds, rate, p50, p99, errors, other, cpu = line.split()
    runs[name].append(dict(rate=float(rate), p99=float(p99), errors=int(errors), cpu=float(cpu)))
def med(name, key):
    values = [r[key] for r in runs[name]]
    return statistics.median(values) if values else float("nan")
rows = int(os.environ["ROWS"])
print(f"# PostgreSQL beside SQLite ({rows:,} links)\n")
print(f"Run took {int(os.environ['ELAPSED']) // 60} min; `wrk -t2 -c64` on loopback; medians of the rounds.\n")
print("| case | SQLite req/s | p99 ms | CPU µs | PostgreSQL req/s | p99 ms | CPU µs | PostgreSQL / SQLite |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for case, label in (("random", "random redirects"), ("ceiling-random", "ceiling: bare servlet, random paths"),
                    ("create-api", "creation, REST API"), ("create-service", "creation, LinkService alone")):
    s, p = f"sqlite.{case}", f"postgresql.{case}"
    print(f"| {label} | {med(s,'rate'):,.0f} | {med(s,'p99'):.2f} | {med(s,'cpu'):,.0f} | "
          f"{med(p,'rate'):,.0f} | {med(p,'p99'):.2f} | {med(p,'cpu'):,.0f} | {med(p,'rate') / med(s,'rate'):.2f} |")
two = []
for line in open(os.path.join(work, "two.tsv")):
    f = line.split()
    two.append((float(f[3]) + float(f[9]), int(f[6]) + int(f[12])))
rate = statistics.median(t[0] for t in two)
failed = sum(t[1] for t in two)
print(f"\nTwo servers on the PostgreSQL database, creating through the API at once (`-c32` each): "
      f"{rate:,.0f} links/s together, {failed} failed.\n")
redirect = med("postgresql.random", "rate") / med("sqlite.random", "rate")
service = med("postgresql.create-service", "rate")
api = med("postgresql.create-api", "rate")
print("## Targets\n")
print(f"- {'met' if redirect >= 0.9 else 'MISSED'}: redirects on PostgreSQL within 10 % of SQLite ({redirect:.2f})")
print(f"- {'met' if service >= 2000 else 'MISSED'}: creation at least 2,000 links/s on one node"
      f" (LinkService, as run.sh's target on SQLite: {service:,.0f}/s; through the API {api:,.0f}/s)")
PY
  cat "$OUT"
}

main
