#!/usr/bin/env python3
"""Turns the raw figures bench/run.sh collected in WORK_DIR into the Markdown results table.

Usage: report.py WORK_DIR  (environment: BIG_ROWS, QUICK, ELAPSED, ROUNDS, ROUND_SECONDS)
"""
import collections
import datetime
import os
import platform
import statistics
import subprocess
import sys

work = sys.argv[1]
big_rows = int(os.environ["BIG_ROWS"])
big_label = f"{big_rows // 1000000} M" if big_rows >= 1000000 else f"{big_rows // 1000} k"

runs = collections.defaultdict(list)
others = []
for line in open(os.path.join(work, "results.tsv")):
    name, requests, seconds, rate, p50, p99, errors, other, cpu = line.split()
    runs[name].append(
        dict(requests=int(requests), rate=float(rate), p50=float(p50), p99=float(p99),
             errors=int(errors), cpu=float(cpu)))
    others.append(float(other))


def median(name, key):
    values = [run[key] for run in runs.get(name, [])]
    return statistics.median(values) if values else None


def errors(name):
    return sum(run["errors"] for run in runs.get(name, []))


def fmt_rate(value):
    return "-" if value is None else f"{value:,.0f}"


def fmt_ms(value):
    return "-" if value is None else f"{value:.2f}"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


notes = collections.defaultdict(list)
notes_file = os.path.join(work, "notes.txt")
if os.path.exists(notes_file):
    for line in open(notes_file):
        name, kind, value = line.split()
        notes[(name, kind)].append(float(value))

memory = {}
for line in open(os.path.join(work, "memory.txt")):
    label, *fields = line.split()
    memory[label] = dict(field.split("=") for field in fields)

gets, get_rates = {}, {}
for line in open(os.path.join(work, "gets.txt")):
    name, count, rate = line.split()
    gets[name], get_rates[name] = count, int(rate)


def set_cookie(file):
    with open(os.path.join(work, file)) as headers:
        return any(h.lower().startswith("set-cookie") for h in headers)


integrity = open(os.path.join(work, "integrity.txt")).read().strip()
cpu = next(
    (l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]

out = []
w = out.append
mode = "quick" if os.environ.get("QUICK") == "1" else "full"
w(f"# Redirect benchmark ({mode} run)")
w("")
w(f"- Date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; "
  f"run took {int(os.environ.get('ELAPSED', 0)) // 60} min {int(os.environ.get('ELAPSED', 0)) % 60} s")
w(f"- Machine: {os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}; {java}")
w(f"- Server: Payara Micro 6.2025.10, default JVM flags; client: `wrk -t2 -c64` on loopback, "
  f"same machine")
w(f"- Each redirect figure is the median of {os.environ.get('ROUNDS')} interleaved rounds of "
  f"{os.environ.get('ROUND_SECONDS')} s; latencies in ms")
w(f"- CPU taken by processes other than the server and wrk during the wrk runs: "
  f"median {statistics.median(others):.0f} %, max {max(others):.0f} % of the machine "
  f"(above a few percent, req/s and latencies of that run are depressed)")
w("")
w(f"| case | 1 k links req/s | p50 | p99 | CPU µs/req | {big_label} links req/s | p50 | p99 | CPU µs/req |")
w("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
cases = [
    ("hot", "(a) one hot link"),
    ("random", "(b) random links over the whole set"),
    ("ceiling-hot", "(c) ceiling: bare servlet in the same WAR, the hot link's path"),
    ("ceiling-random", "(c) ceiling: bare servlet in the same WAR, random paths"),
    ("server-random", "(e) bare servlet alone in its own WAR, random paths"),
    ("cold-random", "(d) random links, cache of 1,000: misses, one SQLite read each"),
]
for key, label in cases:
    cells = [label]
    for size in ("small", "big"):
        name = f"{size}.{key}"
        cells += [fmt_rate(median(name, "rate")), fmt_ms(median(name, "p50")), fmt_ms(median(name, "p99")),
                  fmt_rate(median(name, "cpu"))]
    w("| " + " | ".join(cells) + " |")
w("")

w("| ratio | 1 k links | " + big_label + " links |")
w("|---|---:|---:|")
def ratio_row(label, a, b, key):
    cells = [label]
    for size in ("small", "big"):
        r = ratio(median(f"{size}.{a}", key), median(f"{size}.{b}", key))
        cells.append("-" if r is None else f"{r:.2f}")
    w("| " + " | ".join(cells) + " |")
ratio_row("hot link / ceiling (req/s)", "hot", "ceiling-hot", "rate")
ratio_row("hot link p99 / ceiling p99", "hot", "ceiling-hot", "p99")
ratio_row("random links / ceiling (req/s)", "random", "ceiling-random", "rate")
ratio_row("random links p99 / ceiling p99", "random", "ceiling-random", "p99")
ratio_row("random links: ceiling CPU per request / app CPU per request", "ceiling-random", "random", "cpu")
ratio_row("(c) / (e): the WAR's per-request cost before any of its code runs (req/s)", "ceiling-random",
          "server-random", "rate")
ratio_row("random links / (e) (req/s)", "random", "server-random", "rate")
scale = ratio(median("big.random", "rate"), median("small.random", "rate"))
w("")
w(f"Random links, {big_label} vs 1 k: {scale:.2f} of the 1 k throughput.")
w("")

visit_rounds = []
visits_file = os.path.join(work, "visits.txt")
if os.path.exists(visits_file):
    for line in open(visits_file):
        requests, at_end, later, seconds = (int(f) for f in line.split())
        visit_rounds.append(dict(requests=requests, at_end=at_end, later=later, seconds=seconds))
dropped_file = os.path.join(work, "visits-dropped.txt")
dropped = int(open(dropped_file).read().strip() or 0) if os.path.exists(dropped_file) else None
visits_ratio = ratio(median("big.visits-on", "rate"), median("big.visits-off", "rate"))
if visit_rounds:
    w(f"| visit analytics (random links over {big_label}, `wrk/visits.lua`) | req/s | p50 | p99 | CPU µs/req | RSS MiB | live heap MiB |")
    w("|---|---:|---:|---:|---:|---:|---:|")
    for side, label in (("on", "analytics on (the default)"), ("off", "analytics off (`-Dshortener.visits=false`), a second server")):
        name, m = f"big.visits-{side}", memory.get(f"big.visits-{side}", {})
        w(f"| {label} | {fmt_rate(median(name, 'rate'))} | {fmt_ms(median(name, 'p50'))} | "
          f"{fmt_ms(median(name, 'p99'))} | {fmt_rate(median(name, 'cpu'))} | {m.get('rss', '-')} | {m.get('heap', '-')} |")
    w("")
    served = sum(r["requests"] for r in visit_rounds)
    at_end = sum(r["at_end"] for r in visit_rounds)
    later = sum(r["later"] for r in visit_rounds)
    seconds = sum(r["seconds"] for r in visit_rounds)
    w(f"On / off: {visits_ratio:.2f} of the req/s. Memory after the rounds, both servers running "
      f"(live heap: the class histogram's total after the full GC it forces). The flush wrote "
      f"{later:,} visits for the {served:,} redirects of the analytics rounds "
      f"({at_end:,} already counted at the end of each round, the rest within 2 s): "
      f"{later / seconds:,.0f} visits/s over the rounds' time, "
      f"{'as many as were served' if later >= served else 'FEWER than were served'} (counted from "
      f"`visit_day`, which includes the 1 in 20 with DNT that get no row in `visit`; the share "
      f"counted at the end tells how far the flush lagged behind). Visits dropped since the start "
      f"(`/admin/visits`): {dropped}.")
    w("")
create_form = median("big.create-form", "rate")
create_service = median("big.create-service", "rate")
create_api = median("big.create-api", "rate")
w(f"| link creation (on the {big_label}-link database) | links/s | p50 | p99 | CPU µs/link | failed |")
w("|---|---:|---:|---:|---:|---:|")
for key, label in (("create-form", "home page form (POST /index.xhtml, Faces)"),
                   ("create-api", "REST API (POST /rest/v3/short-urls, JSON, API key)"),
                   ("create-service", "LinkService alone (benchmark servlet)")):
    name = f"big.{key}"
    failed = int(sum(notes.get((name, "FAILED"), [0]))) + errors(name)
    w(f"| {label} | {fmt_rate(median(name, 'rate'))} | {fmt_ms(median(name, 'p50'))} | "
      f"{fmt_ms(median(name, 'p99'))} | {fmt_rate(median(name, 'cpu'))} | {failed} |")
w("")

w(f"| lists (on the {big_label}-link database; the admin signed in, the API with a key) | pages/s | p50 | p99 | CPU µs/page |")
w("|---|---:|---:|---:|---:|")
for key, label in (("list-first", "first page, newest first"),
                   ("list-deep", "a page half way down, newest first"),
                   ("list-clicks", "a page half way down, most clicked first"),
                   ("list-search", "a search for part of a destination"),
                   ("list-expired", "the expired links (none here)"),
                   ("api-list", "API: GET /rest/v3/short-urls (first page of 10, with the total)"),
                   ("api-list-visits", "API: page 1,000 of 10, most visited first"),
                   ("api-list-search", "API: searchTerm, part of a destination")):
    name = f"big.{key}"
    w(f"| {label} | {fmt_rate(median(name, 'rate'))} | {fmt_ms(median(name, 'p50'))} | "
      f"{fmt_ms(median(name, 'p99'))} | {fmt_rate(median(name, 'cpu'))} |")
w("")

w("| memory | RSS MiB | live heap MiB (after full GC) | HTTP sessions |")
w("|---|---:|---:|---:|")
for label, m in memory.items():
    w(f"| {label} | {m['rss']} | {m['heap']} | {m['sessions']} |")
w("")
w(f"Anonymous GETs before `small.after-anonymous-gets`: {int(gets.get('home', 0)):,} of `/` "
  f"(the Faces home page, {get_rates.get('home', 0):,}/s: the ceiling of anything that renders "
  f"it, such as the form's answer) and {int(gets.get('redirect', 0)):,} of a short link. Set-Cookie on `/`: "
  f"{'yes' if set_cookie('headers-home.txt') else 'no'}; on a redirect: "
  f"{'yes' if set_cookie('headers-redirect.txt') else 'no'}.")
w(f"`PRAGMA integrity_check` after the {big_label} run: {integrity}. "
  f"Request errors (non-2xx/3xx, timeouts) over all redirect runs: "
  f"{sum(errors(n) for n in runs if '.create-' not in n and '.list-' not in n)}.")
w("")

w("## Targets")
w("")
def target(label, ok, detail):
    w(f"- {'met' if ok else 'MISSED'}: {label} ({detail})")
r = ratio(median("big.random", "rate"), median("big.ceiling-random", "rate"))
cpu = ratio(median("big.ceiling-random", "cpu"), median("big.random", "cpu"))
target(f"random links over {big_label} at least 90 % of the bare-servlet ceiling (c)",
       r is not None and r >= 0.9, f"{r:.0%}; {cpu:.0%} by server CPU per request")
p = ratio(median("big.random", "p99"), median("big.ceiling-random", "p99"))
target(f"p99 at most 1.5x the ceiling's p99", p is not None and p <= 1.5, f"{p:.2f}x")
cpu_scale = ratio(median("small.random", "cpu"), median("big.random", "cpu"))
target(f"{big_label} vs 1 k links within 10 %", scale is not None and abs(1 - scale) <= 0.10,
       f"{scale:.2f} of the 1 k req/s; by server CPU per request {cpu_scale:.2f}")
if visit_rounds:
    target(f"random links over {big_label} with visit analytics at least 90 % of the same run without",
           visits_ratio is not None and visits_ratio >= 0.9, f"{visits_ratio:.2f}")
    target("the flush keeps up with the full redirect rate: no visit dropped, every one written",
           dropped == 0 and later >= served, f"{dropped} dropped; {later:,} written of {served:,}")
target("creation at least 2,000 links/s on SQLite (LinkService: validation, INSERT, cache)",
       (create_service or 0) >= 2000, f"{fmt_rate(create_service)}/s")
api_failed = int(sum(notes.get(("big.create-api", "FAILED"), [0]))) + errors("big.create-api")
target("creation through the REST API at least 2,000 links/s on SQLite, 0 failed",
       (create_api or 0) >= 2000 and api_failed == 0,
       f"{fmt_rate(create_api)}/s, p99 {fmt_ms(median('big.create-api', 'p99'))}, {api_failed} failed")
w("")
w(f"Not targets, for the record: through the home page form, creation ran at "
  f"{fmt_rate(create_form)} links/s, each answer a rendered Faces page (the home page alone "
  f"renders {get_rates.get('home', 0):,}/s); random links over {big_label} ran at "
  f"{ratio(median('big.random', 'rate'), median('big.server-random', 'rate')):.0%} of (e), a "
  f"bare servlet in a WAR of its own, which skips the security, CDI and Faces work the server "
  f"does for every request of the shortener's WAR.")
print("\n".join(out))
