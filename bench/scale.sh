#!/usr/bin/env bash
# Scale benchmark (issue 23.5): a lab's worth of results — 7 exams × 54 models × 8 variants = 3,024 result files,
# made by dev.jmlebench.viewer.ScaleFolder (test scope) from the shared files: the 120th's 8 published files, the
# 119th's PFN answers and the IgakuQA predictions of the 112th-116th, imported as a user imports them, each copy
# with some answers changed — then bench/scale.py times `serve` (start, each page's data, peak RSS), `leaderboard`,
# `compare --all` and `report` over it (wall, peak RSS; a command past --limit seconds is stopped and said so).
# Not part of ./mvnw verify.
#
#   bench/scale.sh [DIR] [scale.py options, e.g. --only serve --limit 600]
#
# DIR (default /tmp/jmle-scale/results) is made once and reused; JAVA_OPTS reach every command (e.g. -Xmx1g).
# The commands run through ./jmle-bench (built first when its sources changed), as a user runs them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${JMLE_BENCH_SHARED:-$here/../shared}"
dir="${1:-/tmp/jmle-scale/results}"
shift || true
cd "$here"
./mvnw -B -q -o test-compile
./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
cp="$here/target/test-classes:$here/target/classes:$(cat target/cp.txt)"
if [ ! -d "$dir" ] || [ -z "$(ls -A "$dir")" ]; then
  java -cp "$cp" dev.jmlebench.viewer.ScaleFolder "$dir"
fi
# Each command through the launcher, as a user runs it (its JVM flags per command); JAVA_OPTS reach the JVM.
export JMLE_BENCH_JAVA_OPTS="${JAVA_OPTS:-}"
exec python3 "$here/bench/scale.py" --cli "$here/jmle-bench" --results "$dir" \
  --dataset "$shared/jmle2026" --dataset "$shared/igakuqa119" --dataset "$shared/igakuqa" "$@"
