#!/usr/bin/env python3
"""serve under a flood of pair requests (issue 21.15): how long `serve` takes to start over a folder, how long
/api/index takes to answer while N pair requests are pending, what the pair requests got, and the server's peak
memory. Any local web page could send such a flood.

    bench/serve_flood.py --jar target/jmle-bench.jar --results DIR --dataset ../shared/jmle2026 [--pairs 250]

Run it with an old jar and a new one on the same folder, one after the other, to compare (bench/README.md).
"""
import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request


def get(url, timeout):
    start = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            r.read()
            return r.status, time.monotonic() - start
    except urllib.error.HTTPError as e:
        return e.code, time.monotonic() - start
    except Exception as e:  # a timeout or a reset: say which
        return type(e).__name__, time.monotonic() - start


def peak_rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--dataset", action="append", default=[])
    ap.add_argument("--port", type=int, default=18501)
    ap.add_argument("--pairs", type=int, default=250)
    ap.add_argument("--timeout", type=float, default=120, help="seconds any one request may take")
    ap.add_argument("--jvm", action="append", default=[], help="a JVM option, e.g. --jvm=-Xmx1g")
    a = ap.parse_args()

    cmd = ["java", *a.jvm, "-jar", a.jar, "serve", "--results", a.results, "--port", str(a.port)]
    for d in a.dataset:
        cmd += ["--dataset", d]
    start = time.monotonic()
    server = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for line in server.stdout:
            if line.startswith("Viewing"):
                break
        else:
            sys.exit("serve stopped before it listened")
        up = time.monotonic() - start
        base = f"http://127.0.0.1:{a.port}"
        with urllib.request.urlopen(base + "/api/index", timeout=a.timeout) as r:
            ids = [m["id"] for m in json.load(r)["models"]]
        first_index = time.monotonic() - start - up
        # Pairs are keyed higher-ranked first: the index lists the runs in rank order.
        keys = [f"pair/{ids[i]}/{ids[j]}" for i in range(len(ids)) for j in range(i + 1, len(ids))][-a.pairs:]
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=len(keys))
        flood = [pool.submit(get, f"{base}/api/{k}", a.timeout) for k in keys]
        time.sleep(0.5)  # let the flood reach the server before the index is asked
        status, index_s = get(base + "/api/index", a.timeout)
        pending = sum(not f.done() for f in flood)
        outcomes = {}
        slowest = 0.0
        for f in flood:
            s, t = f.result()
            outcomes[s] = outcomes.get(s, 0) + 1
            slowest = max(slowest, t)
        print(f"serve up (listening) after {up:.1f} s; first /api/index {first_index * 1000:.0f} ms; {len(ids)} runs")
        print(f"/api/index during a flood of {len(keys)} pair requests: {status} after {index_s * 1000:.0f} ms "
              f"({pending} of the flood still pending then)")
        print(f"the flood: {dict(sorted(outcomes.items(), key=str))}, slowest {slowest:.1f} s")
        print(f"server peak RSS {peak_rss_mb(server.pid):.0f} MB")
    finally:
        server.terminate()
        server.wait(30)


if __name__ == "__main__":
    main()
