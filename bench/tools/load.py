#!/usr/bin/env python3
"""Load client for bench/crash.sh: creates links through the home page form and follows short
links, recording exactly what the server acknowledged.

  load.py mixed BASE SECONDS SEED_CODES OUT_DIR [CREATORS] [CLICKERS]
      Creators POST the home form with new unique URLs; each link whose creation was answered with
      its short link is appended to OUT_DIR/acknowledged.tsv (code, URL) at once, so the file is
      complete however the run ends. Clickers GET random codes from SEED_CODES and count the 302s.
      Connection errors (the server was killed) are counted and the run goes on until SECONDS.
      Writes OUT_DIR/clicks.tsv (code, 302s received) and OUT_DIR/timeline.tsv (unix time in
      tenths of a second, 302s received in that tenth).
  load.py exact BASE SEED_CODES OUT_DIR PER_LINK [CLICKERS]
      Sends exactly PER_LINK GETs to each code of SEED_CODES from CLICKERS threads, all of which
      must be answered 302; writes OUT_DIR/clicks.tsv.
  load.py check BASE ACKNOWLEDGED_TSV
      Prints "found N of M": links of the file whose short link still redirects to exactly their URL
      (asked with HEAD, which the server does not count as a click); lists the others.
  load.py window OUT_DIR KILLED_AT LOST INTERVAL_MS
      From OUT_DIR/timeline.tsv: prints "<ms> <clicks>": the shortest stretch before KILLED_AT (unix
      time) in which LOST clicks were served, and how many were served in the last INTERVAL_MS.
"""
import collections
import http.client
import os
import random
import re
import sys
import threading
import time
import urllib.parse

SHORT_URL = re.compile(r'id="short-url"[^>]*value="([^"]+)"')


class Client:
    """One keep-alive HTTP connection that reconnects after an error."""

    def __init__(self, base):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port
        self.connection = None

    def request(self, method, path, body=None, headers=None):
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        try:
            self.connection.request(method, path, body=body, headers=headers or {})
            response = self.connection.getresponse()
            return response.status, response.getheader("Location"), response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = None
            raise


def form_body(url):
    return urllib.parse.urlencode({
        "shorten": "shorten",
        "shorten:url": url,
        "shorten:submit": "Shorten",
        "jakarta.faces.ViewState": "stateless",
    })


def mixed(base, seconds, seed_codes, out_dir, creators=4, clickers=8):
    codes = [line.strip() for line in open(seed_codes) if line.strip()]
    deadline = time.time() + seconds
    lock = threading.Lock()
    acknowledged = open(os.path.join(out_dir, "acknowledged.tsv"), "a", buffering=1)
    clicks = collections.Counter()
    timeline = collections.Counter()
    errors = collections.Counter()
    run = "%x" % random.getrandbits(40)

    def create(worker):
        client = Client(base)
        n = 0
        while time.time() < deadline:
            n += 1
            url = f"https://example.com/crash/{run}/{worker}/{n}?q=a%20b&x=1"
            try:
                status, _, body = client.request(
                    "POST", "/index.xhtml", form_body(url),
                    {"Content-Type": "application/x-www-form-urlencoded"})
            except (OSError, http.client.HTTPException):
                with lock:
                    errors["create"] += 1
                time.sleep(0.05)
                continue
            match = SHORT_URL.search(body.decode("utf-8", "replace"))
            if status == 200 and match:
                code = match.group(1).rsplit("/", 1)[1]
                with lock:
                    acknowledged.write(f"{code}\t{url}\n")
            else:
                with lock:
                    errors[f"create-status-{status}"] += 1

    def click():
        client = Client(base)
        while time.time() < deadline:
            code = random.choice(codes)
            try:
                status, _, _ = client.request("GET", "/" + code)
            except (OSError, http.client.HTTPException):
                with lock:
                    errors["click"] += 1
                time.sleep(0.05)
                continue
            if status == 302:
                with lock:
                    clicks[code] += 1
                    timeline[int(time.time() * 10)] += 1
            else:
                with lock:
                    errors[f"click-status-{status}"] += 1

    threads = [threading.Thread(target=create, args=(i,)) for i in range(creators)]
    threads += [threading.Thread(target=click) for _ in range(clickers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    acknowledged.close()
    with open(os.path.join(out_dir, "clicks.tsv"), "w") as out:
        for code, n in sorted(clicks.items()):
            out.write(f"{code}\t{n}\n")
    with open(os.path.join(out_dir, "timeline.tsv"), "w") as out:
        for tenth, n in sorted(timeline.items()):
            out.write(f"{tenth}\t{n}\n")
    print("errors", dict(errors))


def exact(base, seed_codes, out_dir, per_link, clickers=8):
    codes = [line.strip() for line in open(seed_codes) if line.strip()]
    work = [code for code in codes for _ in range(per_link)]
    random.shuffle(work)
    lock = threading.Lock()
    clicks = collections.Counter()
    failures = []

    def click(share):
        client = Client(base)
        for code in share:
            status, _, _ = client.request("GET", "/" + code)
            with lock:
                if status == 302:
                    clicks[code] += 1
                else:
                    failures.append((code, status))

    threads = [threading.Thread(target=click, args=(work[i::clickers],)) for i in range(clickers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with open(os.path.join(out_dir, "clicks.tsv"), "w") as out:
        for code, n in sorted(clicks.items()):
            out.write(f"{code}\t{n}\n")
    if failures:
        print("failed", len(failures), failures[:5])
        sys.exit(1)


def check(base, acknowledged_file):
    client = Client(base)
    links = [line.rstrip("\n").split("\t") for line in open(acknowledged_file) if line.strip()]
    missing = []
    for code, url in links:
        status, location, _ = client.request("HEAD", "/" + code)
        if status != 302 or location != url:
            missing.append((code, url, status, location))
    print(f"found {len(links) - len(missing)} of {len(links)}")
    for entry in missing[:20]:
        print("  not resolved:", *entry)


def window(out_dir, killed_at, lost, interval_ms):
    served = {}
    for line in open(os.path.join(out_dir, "timeline.tsv")):
        tenth, n = map(int, line.split())
        served[tenth] = n
    kill = killed_at * 10
    stretch, total = 0, 0
    if lost > 0:
        for tenth in range(int(kill), int(kill) - 600, -1):
            total += served.get(tenth, 0)
            if total >= lost:
                stretch = round((kill - tenth) * 100)
                break
        else:
            stretch = 60000
    last = sum(n for tenth, n in served.items() if kill - interval_ms / 100 < tenth <= kill)
    print(stretch, last)


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "mixed":
        mixed(args[0], float(args[1]), args[2], args[3], *map(int, args[4:]))
    elif command == "exact":
        exact(args[0], args[1], args[2], int(args[3]), *map(int, args[4:]))
    elif command == "check":
        check(args[0], args[1])
    elif command == "window":
        window(args[0], float(args[1]), int(args[2]), int(args[3]))
    else:
        sys.exit(__doc__)
