#!/usr/bin/env python3
"""Where the CPU of each benchmark target goes, per request: reads `jfr print --events jdk.ExecutionSample` output
and the measured windows bench/run.sh wrote (target, start, end as UTC time of day, requests), and prints the
samples per 1000 requests of each target, then what MCP spends more than REST on, by code owner and by method.

Usage: jfr_compare.py <samples.txt> <windows.txt>
"""
import collections
import re
import sys

TOP = 20


def seconds(text):
    h, m, s = text.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def inside(t, window):
    start, end = window
    # a window that crosses midnight UTC wraps; a JVM of a benchmark lives far less than a day
    return start <= t < end if start <= end else (t >= start or t < end)


def read_windows(path):
    windows = collections.defaultdict(list)
    requests = collections.Counter()
    for line in open(path):
        target, start, end, count = line.split()
        windows[target].append((seconds(start), seconds(end)))
        requests[target] += int(count)
    return windows, requests


def read_samples(path, windows):
    samples = collections.defaultdict(list)
    text = open(path).read()
    for block in text.split("jdk.ExecutionSample {")[1:]:
        time = re.search(r"startTime = ([\d:.]+)", block)
        stack = re.search(r"stackTrace = \[(.*?)\n\s*\]", block, re.S)
        if not time or not stack:
            continue
        t = seconds(time.group(1))
        target = next((name for name, spans in windows.items() if any(inside(t, w) for w in spans)), None)
        if target is None:
            continue
        frames = [re.sub(r"\(.*$", "", line.strip()) for line in stack.group(1).strip().split("\n")
                  if line.strip() and line.strip() != "..."]
        samples[target].append(frames)
    return samples


def owner(frames):
    """The first frame from the top that is not the JDK's, by its package's first three names."""
    for frame in frames:
        if not frame.startswith(("java.", "jdk.", "sun.")):
            parts = frame.split(".")
            return ".".join(parts[:3])
    return "(JDK only)"


def short(frame):
    return ".".join(frame.split(".")[-2:])


def table(title, rest, mcp, per_rest, per_mcp):
    print(f"\n{title}\n{'rest':>8} {'mcp':>8} {'mcp-rest':>9}  (samples per 1000 requests)")
    keys = sorted(set(rest) | set(mcp), key=lambda k: -(mcp[k] * per_mcp - rest[k] * per_rest))
    for key in keys[:TOP]:
        a, b = rest[key] * per_rest, mcp[key] * per_mcp
        print(f"{a:8.2f} {b:8.2f} {b - a:+9.2f}  {key}")


def main():
    windows, requests = read_windows(sys.argv[2])
    samples = read_samples(sys.argv[1], windows)
    if not samples.get("rest") or not samples.get("mcp"):
        sys.exit("jfr_compare: no samples inside the measured windows")
    per = {t: 1000.0 / requests[t] for t in ("rest", "mcp")}
    print("CPU profile of the measured rounds (JFR execution samples of Java threads; GC and JIT threads not counted)")
    for target in ("rest", "mcp"):
        print(f"  {target}: {requests[target]} requests, {len(samples[target])} samples,"
              f" {len(samples[target]) * per[target]:.1f} samples per 1000 requests")
    owners = {t: collections.Counter(owner(f) for f in samples[t]) for t in ("rest", "mcp")}
    table("what MCP spends more on, by the code on top of the stack", owners["rest"], owners["mcp"], per["rest"],
          per["mcp"])
    inclusive = {t: collections.Counter(m for f in samples[t] for m in set(short(x) for x in f if "io.mcpee" in x))
                 for t in ("rest", "mcp")}
    table("mcp-ee methods, inclusive (a method and everything it calls)", inclusive["rest"], inclusive["mcp"],
          per["rest"], per["mcp"])


if __name__ == "__main__":
    main()
