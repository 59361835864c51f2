#!/usr/bin/env python3
"""Summarises the CPU samples of a JFR recording: hottest methods by self time, and by inclusive
time among frames matching an optional filter (default: all frames).

Usage: bench/tools/jfr-top.py RECORDING.jfr [FILTER_SUBSTRING] [TOP_N]
"""
import collections
import re
import subprocess
import sys

recording = sys.argv[1]
wanted = sys.argv[2] if len(sys.argv) > 2 else ""
top = int(sys.argv[3]) if len(sys.argv) > 3 else 25

text = subprocess.run(
    ["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", recording],
    check=True, capture_output=True, text=True).stdout

frame = re.compile(r"^\s+([\w$.<>/]+)\(.*\)\s+line:")
self_time = collections.Counter()
inclusive = collections.Counter()
samples = 0
for event in text.split("jdk.ExecutionSample")[1:]:
    frames = [m.group(1) for m in map(frame.match, event.splitlines()) if m]
    if not frames:
        continue
    samples += 1
    self_time[frames[0]] += 1
    for name in set(frames):
        if wanted in name:
            inclusive[name] += 1

print(f"{samples} CPU samples")
print(f"\n-- self time, top {top}")
for name, n in self_time.most_common(top):
    print(f"{100.0 * n / samples:5.1f}%  {name}")
print(f"\n-- inclusive time, frames containing '{wanted}', top {top}")
for name, n in inclusive.most_common(top):
    print(f"{100.0 * n / samples:5.1f}%  {name}")
