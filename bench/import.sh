#!/usr/bin/env bash
# The import benchmark: the Flask tutorial's database.db with 1 M rows (--quick: 100 k; --rows N)
# uploaded on /admin/import and imported, first on a quiet server, then on a fresh one while wrk
# sends random redirects of the links already there. Prints and writes to
# bench/results/import.md: rows imported a second, quiet and under load, and the redirects a
# second before and during the import. Checks that a sample of imported codes redirect where the
# tutorial's rows said.
#
#   bench/import.sh [--quick] [--port N] [--no-build] [--rows N]
#
# Target (issue 16): a million rows in minutes while the redirects go on.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=8480
QUICK=0
BUILD=1
ROWS=""
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
OPTIONS=(--quick:QUICK=1 --port:PORT --no-build:BUILD=0 --rows:ROWS)
parse_options "$@"

if ((QUICK)); then
  ROWS=${ROWS:-100000} ROUND_SECONDS=3
else
  ROWS=${ROWS:-1000000} ROUND_SECONDS=5
fi
# The links the server has before the import, which the redirect load asks for; the tutorial's
# ids start after them.
HERE=1000
# An import that has not ended after this long is reported as such and the run stops.
IMPORT_LIMIT_SECONDS=1800
WRK=(wrk -t2 -c64 --timeout 10s)
BASE="http://127.0.0.1:$PORT"
WORK="$BENCH_TARGET/import"
RESULTS="$WORK/results.tsv"
OUT="$ROOT/bench/results/import.md"
TUTORIAL="$WORK/database.db"

cleanup() { stop_server KILL; }
trap cleanup EXIT

# make_tutorial: $TUTORIAL as the Flask tutorial's Prisma migration makes it, with $ROWS rows
# (ids HERE+1 .., half the dates Prisma's epoch milliseconds, half SQLite's text).
make_tutorial() {
  rm -f "$TUTORIAL"
  sqlite3 "$TUTORIAL" >/dev/null <<SQL
CREATE TABLE "Url" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "original" TEXT NOT NULL, "clicks" INTEGER NOT NULL DEFAULT 0);
BEGIN;
WITH RECURSIVE n(id) AS (SELECT $((HERE + 1)) UNION ALL SELECT id + 1 FROM n WHERE id < $((HERE + ROWS)))
INSERT INTO "Url" ("id", "created", "original", "clicks")
  SELECT id,
    CASE id % 2 WHEN 0 THEN 1620097321000 + id ELSE datetime(1620097321 + id, 'unixepoch') END,
    'https://example.com/tutorial/' || id, id % 10 FROM n;
COMMIT;
SQL
}

# status: the import's progress JSON.
status() { curl -s -b "$COOKIE" "$BASE/admin/import/status"; }

# field NAME: a field of the JSON on stdin (numbers and plain strings only).
field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

# token: the admin's form token, from the import page.
token() { curl -s -b "$COOKIE" "$BASE/admin/import" | grep -o 'name="csrf" value="[^"]*' | head -1 | cut -d'"' -f4; }

# upload_and_start: uploads $TUTORIAL and presses Import; prints the upload's seconds.
upload_and_start() {
  local csrf started code
  csrf=$(token)
  started=$(date +%s.%N)
  code=$(curl -s -o "$WORK/upload.html" -w '%{http_code}' -b "$COOKIE" \
    -F "csrf=$csrf" -F "file=@$TUTORIAL;filename=database.db" "$BASE/admin/import/upload")
  [[ $code == 303 ]] || { echo "upload answered $code; see $WORK/upload.html" >&2; exit 1; }
  awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f\n", e - s}'
  csrf=$(token)
  code=$(curl -s -o "$WORK/start.html" -w '%{http_code}' -b "$COOKIE" \
    --data-urlencode "csrf=$csrf" \
    -d 'import-form=import-form&import-form:run=Import&jakarta.faces.ViewState=stateless' \
    "$BASE/admin/import")
  [[ $code == 302 ]] || { echo "the import did not start ($code); see $WORK/start.html" >&2; exit 1; }
}

# await_import: polls until the import has ended (at most IMPORT_LIMIT_SECONDS); prints the final
# status JSON. While LOAD is 1, keeps random redirects going in rounds of ROUND_SECONDS meanwhile.
await_import() {
  local load=$1 started=$SECONDS state
  while :; do
    state=$(status | field state)
    [[ $state == RUNNING ]] || break
    if ((SECONDS - started > IMPORT_LIMIT_SECONDS)); then
      echo "the import ran past $IMPORT_LIMIT_SECONDS s: $(status)" >&2
      exit 1
    fi
    if ((load)); then
      measure during-import "$ROUND_SECONDS" "$BASE" random.lua "$WORK/data/codes.txt" /
    else
      sleep 0.2
    fi
  done
  status
}

# check_sample: 200 imported ids, spread over the file, redirect to their tutorial URL.
check_sample() {
  local wrong=0 id code location
  java -cp "$ROOT/target/classes:$HASHIDS_JAR" "$ROOT/bench/java/Codes.java" \
    "$SHORTENER_HASHIDS_SALT" 4 $((HERE + ROWS)) "$WORK/all-codes.txt"
  for ((i = 0; i < 200; i++)); do
    id=$((HERE + 1 + i * (ROWS - 1) / 199))
    code=$(sed -n "${id}p" "$WORK/all-codes.txt")
    location=$(curl -s -o /dev/null -w '%{redirect_url}' "$BASE/$code")
    [[ $location == "https://example.com/tutorial/$id" ]] || wrong=$((wrong + 1))
  done
  echo "$wrong"
}

# one_import NAME LOAD: a fresh server with HERE links, the tutorial imported; appends
# "NAME rows seconds rows/s upload-seconds wrong-redirects" to $RESULTS.
one_import() {
  local name=$1 load=$2 upload started final done seconds wrong
  seed_database "$WORK/data" "$HERE"
  start_server "$WORK/data"
  wait_for_preload "$WORK/data"
  warm_jit "$WORK/data/codes.txt"
  if ((load)); then
    # A fresh JVM's redirects take about a minute of traffic to reach full speed: unrecorded.
    "${WRK[@]}" -d45s -s "$BENCH_WRK_DIR/random.lua" "$BASE" -- "$WORK/data/codes.txt" / >/dev/null
    measure before-import "$ROUND_SECONDS" "$BASE" random.lua "$WORK/data/codes.txt" /
    measure before-import "$ROUND_SECONDS" "$BASE" random.lua "$WORK/data/codes.txt" /
  fi
  COOKIE=$(admin_cookie)
  log "$name: uploading $ROWS rows ($(du -h "$TUTORIAL" | cut -f1))"
  upload=$(upload_and_start)
  started=$(date +%s.%N)
  final=$(await_import "$load")
  seconds=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')
  [[ $(field state <<<"$final") == DONE ]] || { echo "the import ended: $final" >&2; exit 1; }
  done=$(field imported <<<"$final")
  ((done == ROWS)) || { echo "imported $done of $ROWS rows: $final" >&2; exit 1; }
  wrong=$(check_sample)
  printf '%s %s %s %s %s %s\n' "$name" "$done" "$seconds" \
    "$(awk -v r="$done" -v s="$seconds" 'BEGIN {printf "%.0f", r / s}')" "$upload" "$wrong" >>"$RESULTS"
  log "$name: $done rows in $seconds s after a $upload s upload; $wrong of 200 sampled codes wrong"
  stop_server TERM
}

require_tools
if ((BUILD)); then
  build_product
fi
build_bench_wars
rm -rf "$WORK" && mkdir -p "$WORK"
: >"$RESULTS"
log "making the tutorial's database.db with $ROWS rows"
make_tutorial
one_import quiet 0
one_import under-load 1

python3 - "$RESULTS" "$OUT" "$ROWS" "$ROUND_SECONDS" <<'PY'
import statistics, sys, datetime
results, out, rows, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
imports, redirects = {}, {}
for line in open(results):
    f = line.split()
    if f[0] in ("quiet", "under-load"):
        imports[f[0]] = f[1:]
    else:
        redirects.setdefault(f[0], []).append(float(f[3]))
before = statistics.median(redirects["before-import"])
during = statistics.median(redirects["during-import"])
lines = [
    f"# Import benchmark, {datetime.date.today()}",
    "",
    f"The Flask tutorial's `database.db` with {rows:,} rows, uploaded on `/admin/import` and"
    " imported into SQLite on Payara Micro, 2 cores (`bench/import.sh`). Random redirects of the"
    f" 1,000 links already there: wrk -t2 -c64, {seconds} s rounds, median.",
    "",
    "| import | rows | seconds | rows/s | upload s | sampled codes wrong |",
    "|---|---:|---:|---:|---:|---:|",
]
for name in ("quiet", "under-load"):
    r = imports[name]
    lines.append(f"| {name} | {int(r[0]):,} | {r[1]} | {int(r[2]):,} | {r[3]} | {r[4]} of 200 |")
lines += [
    "",
    "| redirects | req/s | rounds |",
    "|---|---:|---:|",
    f"| before the import | {before:,.0f} | {len(redirects['before-import'])} |",
    f"| during the import | {during:,.0f} | {len(redirects['during-import'])} |",
    "",
    f"During / before: {during / before:.2f}.",
]
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
