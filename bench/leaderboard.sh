#!/usr/bin/env bash
# Benchmark of `jmle-bench leaderboard --rescore` over 20 result files, JVM start included, against
# bench/leaderboard_reference.py, a stdlib-only Python stand-in for the published tool (see docs/BENCHMARKS.md).
# The 20 files are the 8 shared published results, copied under other display names, in a temporary folder.
# Both grade with the dataset's own answers (the published tool's; `--key author` on the Java side), so the two
# READMEs must come out identical.
# The runs after the first find the previous leaderboard.json and reuse its intervals (bootstraps); the last
# benchmark removes it before each run, so every file is bootstrapped again.
#
#   bench/leaderboard.sh [RUNS]        # RUNS timed runs of each (default 10), after 2 warm-up runs
#
# Uses hyperfine (Debian: apt-get install hyperfine) when present, else a plain timing loop.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${JMLE_BENCH_SHARED:-$here/../shared/jmle2026}"
runs="${1:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 "$here/bench/twenty.py" "$shared/results" "$work" java python pychart stale
echo "20 result files, $(du -sh "$work/java/results" | cut -f1) per side, in $work"

"$here/jmle-bench" --version >/dev/null   # build the jar (and the start-up archive) before timing
jar="$here/target/jmle-bench.jar"
launcher="cd $work/java && $here/jmle-bench leaderboard --rescore --readme README.md --dataset $shared --key author"
plain="cd $work/java && java -jar $jar leaderboard --rescore --readme README.md --dataset $shared --key author"
stale="cd $work/stale && $here/jmle-bench leaderboard --rescore --readme README.md --dataset $shared --key author"
python="python3 $here/bench/leaderboard_reference.py $shared/jmle2026_dataset.json $work/python/results $work/python/README.md"
# The stand-in with a matplotlib chart, where Debian's python3-matplotlib is installed (apt-get install
# python3-matplotlib): the published tool draws a chart too, so this is the fairer comparison.
python_chart=""
if /usr/bin/python3 -c "import matplotlib" 2>/dev/null; then
  python_chart="/usr/bin/python3 $here/bench/leaderboard_reference.py $shared/jmle2026_dataset.json $work/pychart/results $work/pychart/README.md $work/pychart/leaderboard.png"
fi
echo "java: $(java -version 2>&1 | head -1); python: $(python3 --version); cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "$work/stale/restore"
cp "$work"/stale/results/*.json "$work/stale/restore/"
restore="cp $work/stale/restore/*.json $work/stale/results/"

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 2 --runs "$runs" \
    -n "jmle-bench, files up to date (launcher: CDS, C1)" "$launcher" \
    -n "java -jar, files up to date (JVM defaults, no app CDS)" "$plain" \
    -n "python stand-in (rewrites every file; no chart)" "$python"
  hyperfine --warmup 1 --runs "$runs" --prepare "$restore" \
    -n "jmle-bench, every file stale and rewritten (launcher)" "$stale"
  if [ -n "$python_chart" ]; then
    hyperfine --warmup 2 --runs "$runs" -n "python stand-in with a matplotlib chart" "$python_chart"
  fi
  hyperfine --warmup 1 --runs "$runs" --prepare "rm -f $work/java/results/leaderboard.json" \
    -n "jmle-bench, no earlier leaderboard.json: all 20 bootstrapped (launcher)" "$launcher"
else
  for cmd in "$launcher" "$plain" "$python" "$restore && $stale" "rm -f $work/java/results/leaderboard.json && $launcher"; do
    bash -c "$cmd" >/dev/null 2>&1; bash -c "$cmd" >/dev/null 2>&1
    best=999999; total=0
    for _ in $(seq "$runs"); do
      t0=$(date +%s%N); bash -c "$cmd" >/dev/null 2>&1; t=$(( ($(date +%s%N) - t0) / 1000000 ))
      total=$((total + t)); [ "$t" -lt "$best" ] && best=$t
    done
    echo "$((total / runs)) ms mean, $best ms best: $cmd"
  done
fi
diff -q "$work/java/README.md" "$work/python/README.md" >/dev/null \
  && echo "the two READMEs are identical" || { echo "README tables differ:"; diff "$work/java/README.md" "$work/python/README.md" || true; }
