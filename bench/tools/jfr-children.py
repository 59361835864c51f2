#!/usr/bin/env python3
"""Where the CPU samples under one method go: share of all samples spent in each direct callee of
the first frame whose name contains PARENT (plus the parent's own time).

Usage: bench/tools/jfr-children.py RECORDING.jfr PARENT
"""
import collections
import re
import subprocess
import sys

recording, parent = sys.argv[1], sys.argv[2]
text = subprocess.run(
    ["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", recording],
    check=True, capture_output=True, text=True).stdout
frame = re.compile(r"^\s+([\w$.<>/]+)\(.*\)\s+line:")
children = collections.Counter()
samples = under = 0
for event in text.split("jdk.ExecutionSample")[1:]:
    frames = [m.group(1) for m in map(frame.match, event.splitlines()) if m]
    if not frames:
        continue
    samples += 1
    # frames[0] is the leaf; find the outermost occurrence of the parent
    hits = [i for i, name in enumerate(frames) if parent in name]
    if not hits:
        continue
    under += 1
    i = hits[-1]
    children[frames[i - 1] if i > 0 else "(self)"] += 1
print(f"{samples} samples, {100.0 * under / samples:.1f}% under {parent}")
for name, n in children.most_common(20):
    print(f"{100.0 * n / samples:5.1f}%  {name}")
