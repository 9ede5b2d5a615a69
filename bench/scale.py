#!/usr/bin/env python3
"""A lab's worth of results (issue 23.5): `serve`, `leaderboard`, `compare --all` and `report` over a folder of
~3,000 result files (7 exams × 54 models × 8 variants, made by dev.jmlebench.viewer.ScaleFolder from the shared
files; bench/scale.sh makes it and calls this). For each command: wall time and peak memory (RSS); for `serve`:
the time until it listens, and each page's data (index, a model, a question, an answer, the pairwise matrix, one
pair) of the newest exam and of another, each asked twice (first: built; second: as kept). A command that passes
--limit seconds is stopped and reported as such.

    bench/scale.py --cli 'java -jar target/jmle-bench.jar' --results DIR --dataset ../shared/jmle2026 \\
        --dataset ../shared/igakuqa119 --dataset ../shared/igakuqa [--only serve,leaderboard,compare,report]
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request


def get(url, timeout):
    start = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            body = r.read()
            return r.status, time.monotonic() - start, body
    except urllib.error.HTTPError as e:
        return e.code, time.monotonic() - start, b""
    except Exception as e:  # a timeout or a reset: say which
        return type(e).__name__, time.monotonic() - start, b""


class PeakRss:
    """The peak RSS of a process and its children, sampled every 100 ms (VmHWM of the java process)."""

    def __init__(self, pid):
        self.pid, self.peak, self.done = pid, 0, False
        threading.Thread(target=self.watch, daemon=True).start()

    def watch(self):
        while not self.done:
            for pid in [self.pid] + children(self.pid):
                try:
                    with open(f"/proc/{pid}/status") as f:
                        for line in f:
                            if line.startswith("VmHWM:"):
                                self.peak = max(self.peak, int(line.split()[1]) / 1024)
                except OSError:
                    pass
            time.sleep(0.1)


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def timed(name, cmd, limit):
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    rss = PeakRss(p.pid)
    try:
        out, _ = p.communicate(timeout=limit)
        status = f"exit {p.returncode}"
    except subprocess.TimeoutExpired:
        p.kill()
        out, _ = p.communicate()
        status = f"STOPPED after {limit:.0f} s"
    rss.done = True
    wall = time.monotonic() - start
    last = [l for l in out.splitlines() if l.strip()][-1:] or [""]
    print(f"{name:<28} wall {wall:7.1f} s   peak RSS {rss.peak:6.0f} MB   {status}   {last[0][:150]}", flush=True)


def serve(a, datasets):
    cmd = shlex.split(a.cli) + ["serve", "--results", a.results, "--port", "0"] + datasets
    start = time.monotonic()
    server = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    rss = PeakRss(server.pid)
    try:
        base, said = None, []
        for line in server.stdout:
            said = (said + [line.rstrip()])[-3:]
            if line.startswith("Viewing"):
                base = line.split(" at ")[1].split()[0].rstrip("/")
                break
        if base is None:
            print(f"serve stopped before it listened, after {time.monotonic() - start:.1f} s, peak RSS {rss.peak:.0f} MB:",
                  *said, sep="\n  ")
            return
        up = time.monotonic() - start
        print(f"serve listening after {up:.1f} s ({line.strip()[:100]})", flush=True)
        drain = threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True)
        drain.start()
        # Until its first files are read serve answers 503 (reading): ask again until it answers.
        while True:
            status, t, body = get(base + "/api/index", a.timeout)
            if status != 503 or time.monotonic() - start > a.timeout:
                break
            time.sleep(0.2)
        reading = json.loads(body).get("reading") if status == 200 else None
        print(f"  {'index':<40} {str(status):>4} {t * 1000:8.0f} ms  {len(body) / 1e6:6.2f} MB"
              + (f"  (partial: {reading['read']} of {reading['files']} files read)" if reading else "")
              + f", first answered {time.monotonic() - start:.1f} s after serve started", flush=True)
        # serve listens before it has read the folder (the pages show the files read so far, labelled partial):
        # the pages below are timed once it has read them all, /live saying how far it is meanwhile.
        while True:
            status, t, body = get(base + "/live", a.timeout)
            if status != 200 or "reading" not in json.loads(body):
                break
            time.sleep(1)
        print(f"serve has read the folder after {time.monotonic() - start:.1f} s, peak RSS so far {rss.peak:.0f} MB",
              flush=True)
        status, t, body = get(base + "/api/index", a.timeout)
        print(f"  {'index':<40} {str(status):>4} {t * 1000:8.0f} ms  {len(body) / 1e6:6.2f} MB", flush=True)
        if status != 200:
            return
        home = json.loads(body)
        exams = [None] + [e["id"] for e in home.get("exams", [])[1:2]]
        for exam in exams:
            prefix = "" if exam is None else f"exam/{exam}/"
            index = home if exam is None else json.loads(get(f"{base}/api/{prefix}index", a.timeout)[2])
            ids = [m["id"] for m in index["models"]]
            q = index["questions"][0]["id"]
            q = urllib.parse.quote(q)
            keys = ["index", f"model/{ids[0]}", f"model/{ids[-1]}", f"question/{q}", f"answer/{ids[0]}/{q}",
                    "pairs", f"pair/{ids[0]}/{ids[1]}", f"pair/{ids[len(ids) // 2]}/{ids[-1]}"]
            for key in keys:
                for round in ("first", "again"):
                    status, t, body = get(f"{base}/api/{prefix}{key}", a.timeout)
                    print(f"  {prefix + key:<40.40} {str(status):>4} {t * 1000:8.0f} ms  {len(body) / 1e6:6.2f} MB  ({round})",
                          flush=True)
        print(f"serve peak RSS {rss.peak:.0f} MB", flush=True)
    finally:
        rss.done = True
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True, help="how to start jmle-bench, e.g. 'java -Xmx1g -jar target/jmle-bench.jar'")
    ap.add_argument("--results", required=True)
    ap.add_argument("--dataset", action="append", default=[])
    ap.add_argument("--only", default="serve,leaderboard,compare,report")
    ap.add_argument("--timeout", type=float, default=60, help="seconds any one page may take")
    ap.add_argument("--limit", type=float, default=900, help="seconds any one command may take")
    a = ap.parse_args()
    datasets = [x for d in a.dataset for x in ("--dataset", d)]
    files = sum(1 for f in os.listdir(a.results) if f.endswith(".json"))
    print(f"{files} result files in {a.results}; {os.cpu_count()} cores; load {open('/proc/loadavg').read().strip()}")
    only = a.only.split(",")
    work = tempfile.mkdtemp(prefix="jmle-scale-")
    cli = shlex.split(a.cli)
    if "serve" in only:
        serve(a, datasets)
    if "leaderboard" in only:
        timed("leaderboard", cli + ["leaderboard", "--results", a.results, "--chart", f"{work}/board.png"] + datasets,
              a.limit)
    if "compare" in only:
        timed("compare --all", cli + ["compare", "--all", a.results] + datasets, a.limit)
    if "report" in only:
        timed("report", cli + ["report", "--results", a.results, "--out", f"{work}/report"] + datasets, a.limit)
        subprocess.run(["du", "-sh", f"{work}/report"])
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    sys.exit(main())
