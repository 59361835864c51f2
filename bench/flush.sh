#!/usr/bin/env bash
# What the click flush pays per visit for the statistics, without a server: VisitSeed's visits
# (its mix of browsers, bots and previews, referrers, an address each) spread evenly over 1 M
# links, as bench/run.sh's analytics rounds send them, written into a fresh SQLite file through
# the product's own VisitWriter, 30,000 a transaction (a one-second flush at 30,000 redirects/s).
# Prints the write-and-commit time per visit; on this machine that is the flush thread's CPU time,
# which a server saturated with redirects pays in throughput.
#
#   bench/flush.sh [--no-build] [--visits N]     (default 900,000: 30 flushes, about a minute)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=1
VISITS=900000
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
OPTIONS=(--no-build:BUILD=0 --visits:VISITS)
parse_options "$@"
((BUILD)) && build_product
WORK="$BENCH_TARGET/flush"
rm -rf "$WORK" && mkdir -p "$WORK"
java -cp "$ROOT/target/classes:$ROOT/target/shortener/WEB-INF/lib/*:$JAKARTA_API:$ECLIPSELINK_JAR" \
  "$ROOT/bench/java/VisitSeed.java" "$WORK/shortener.db" 1000000 "$VISITS" 0 "$(geoip_db)" 30000 \
  uniform 2>"$WORK/seed.log" >"$WORK/seed.txt"
read -r _ written seconds _ write_rate < <(grep '^RESULT' "$WORK/seed.txt")
awk -v n="$written" -v s="$seconds" -v r="$write_rate" 'BEGIN {
  printf "flush: %d visits over 1 M links in %s s; %.1f µs per visit written and committed\n", n, s, 1e6 / r
}'
