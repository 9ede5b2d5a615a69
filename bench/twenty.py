"""The benchmarks' 20-file folder: the 8 published 120th result files and copies under other display names, 20 in
all, written to WORK/SIDE/results for each SIDE, with a README beside holding the two leaderboard tables' markers.
A SIDE named "stale" gets files without their summary, so every file must be rescored and rewritten.

    python3 bench/twenty.py PUBLISHED_RESULTS WORK SIDE...
"""
import glob
import json
import os
import sys

README = ("# Bench\n\n<!-- leaderboard-all-start -->\n<!-- leaderboard-all-end -->\n\n"
          "<!-- leaderboard-text-start -->\n<!-- leaderboard-text-end -->\n")


def main(src, work, *sides):
    files = sorted(glob.glob(os.path.join(src, "*.json")))
    for side in sides:
        os.makedirs(os.path.join(work, side, "results"))
        with open(os.path.join(work, side, "README.md"), "w", encoding="utf-8") as f:
            f.write(README)
    for i in range(20):
        path, copy = files[i % len(files)], i // len(files)
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        if copy:
            m = data["metadata"]
            m["display_name"] = (m.get("display_name") or m["model"]) + f" #{copy + 1}"
        for side in sides:
            out = dict(data)
            if side == "stale":
                out.pop("summary", None)
            name = os.path.join(work, side, "results", f"{copy}_{os.path.basename(path)}")
            with open(name, "w", encoding="utf-8") as f:
                json.dump(out, f, indent=2, ensure_ascii=False)


if __name__ == "__main__":
    main(*sys.argv[1:])
