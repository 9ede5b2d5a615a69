#!/usr/bin/env bash
# The performance table of issue 23, before against after, measured side by side in one sitting: each figure
# taken in pairs that alternate the two builds (before, after, before, after, ...), so that whatever else the
# machine does falls on both alike; the median of RUNS pairs (default 7) is printed, with the range.
#
#   bench/table.sh [--before DIR] [--runs N] [--harness-runs N] [--only ROWS] [--shared DIR]
#
#   --before DIR  a checkout of the commit to compare with, its jar built (default: $JMLE_BENCH_BEFORE, else
#                 /work/before/src; made with `git worktree add --detach DIR dd59500` and the launcher's build
#                 when missing)
#   --runs N      pairs per figure (default 7)
#   --harness-runs N  pairs of `bench` runs (default 3: each takes about a minute and a half, the 1 s column of the
#                 latency grid most of it)
#   --only ROWS   a comma-separated subset of: same, leaderboard, plot, summary, startup, harness, viewer, report,
#                 scale (default: all but scale, which takes many minutes; see bench/scale.sh)
#   --shared DIR  the shared material (default ../shared)
#
# Rows and what they run (both builds through their own launcher, as a user runs them; the launcher's class-data
# archives are made by warm-up runs first):
#   same         the 8 published files, `leaderboard --rescore --readme` under --key author and --key official
#                with each build: the README, leaderboard.json/.csv and the four charts compared with cmp
#   leaderboard  `leaderboard --key author --rescore --readme` over 20 result files (the 8 published ones and
#                copies under other names), files and leaderboard.json up to date, against
#                bench/leaderboard_reference.py drawing its matplotlib chart (Debian's python3-matplotlib,
#                /usr/bin/python3) on the same 20 files; wall time and peak memory (max RSS, /usr/bin/time)
#   plot         `leaderboard --plot-only`, same folder; and with the four charts removed first (a redraw)
#   summary      `summary` of one published file, warm
#   startup      `--version` and `summary --help` on each JDK 17+ under /usr/lib/jvm (17, 21, 25 where present)
#   harness      `bench --scenario overhead,latency,rate-limit`: ms per question at P=32 (instant server), wall
#                against ideal at 0.2 s and P=128, the share of a 50 req/s limit reached at P=64 (the lowest and
#                the median of the runs); and the bench process's CPU time (user + system)
#   viewer       first paint of the leaderboard in a fresh browser context, 20 runs: each build's `serve` over the
#                same 20 files, measured in alternation by dev.jmlebench.viewer.FirstPaint (test scope, this
#                checkout's, built into target-bench/; the page watched from its first frame, no Playwright round
#                trip in the figure), 3 rounds per turn
#   report       `report --out` over 16 result files of 3 exams: size and number of files
#   scale        bench/scale.sh (3,000 result files; this build only), when present
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
before="${JMLE_BENCH_BEFORE:-/work/before/src}"
runs=7
harness_runs=3
only="same,leaderboard,plot,summary,startup,harness,viewer,report"
shared="$here/../shared"
while [ $# -gt 0 ]; do
  case "$1" in
    --before) before="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --harness-runs) harness_runs="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --shared) shared="$2"; shift 2 ;;
    *) echo "bench/table.sh: unknown option $1 (see the comment at the top)" >&2; exit 2 ;;
  esac
done
shared="$(cd "$shared" && pwd)"
data="$shared/jmle2026"
want() { [[ ",$only," == *",$1,"* ]]; }
work="$(mktemp -d)"
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
results="$work/figures.tsv"   # row, side, value
: > "$results"                # --only same records no figure

if [ ! -x "$before/jmle-bench" ]; then
  echo "bench: making the before checkout $before (dd59500) ..." >&2
  git -C "$here" worktree add --detach "$before" dd59500 >&2
fi
launcher() { if [ "$1" = old ]; then echo "$old"; else echo "$new"; fi; }
old="$before/jmle-bench"
new="$here/jmle-bench"
"$old" --version >/dev/null && "$new" --version >/dev/null   # builds both when needed

note() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$results"; }
# timed ROW SIDE DIR CMD...: runs CMD in DIR, records its wall time (s) and max RSS (KB)
timed() {
  local row="$1" side="$2" dir="$3"; shift 3
  local t="$work/time.$$"
  (cd "$dir" && /usr/bin/time -f "%e %M" -o "$t" "$@" >/dev/null 2>&1) || { echo "bench: failed: $*" >&2; return 1; }
  read -r wall rss < "$t"
  note "$row" "$side" "$wall"
  note "$row-rss" "$side" "$rss"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg)," \
  "$(java -version 2>&1 | head -1), $(/usr/bin/python3 --version 2>&1), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "before: $(git -C "$before" log -1 --format='%h %cs' 2>/dev/null || echo "$before"); after: $(git -C "$here" log -1 --format='%h %cs')"

# twenty DIR SIDE...: the 20-file folder (bench/twenty.py) for each SIDE under DIR.
twenty() { python3 "$here/bench/twenty.py" "$data/results" "$@"; }

# ---- outputs byte for byte: the 8 published files through both builds --------------------------------------
if want same; then
  for key in author official; do
    for side in old new; do
      d="$work/same-$key/$side"; mkdir -p "$d/results"; cp "$data"/results/*.json "$d/results/"
      printf '# Bench\n\n<!-- leaderboard-all-start -->\n<!-- leaderboard-all-end -->\n\n<!-- leaderboard-text-start -->\n<!-- leaderboard-text-end -->\n' > "$d/README.md"
      (cd "$d" && "$(launcher $side)" leaderboard --rescore --readme README.md --dataset "$data" --key $key >/dev/null 2>&1) \
        || echo "bench: $side leaderboard --key $key failed" >&2
    done
    echo "outputs over the 8 published files, --key $key (before/ against after/):"
    for f in README.md results/leaderboard.json results/leaderboard.csv results/leaderboard.png results/leaderboard.svg \
        results/leaderboard-blocks.png results/leaderboard-blocks.svg $(cd "$data/results" && ls *.json | sed 's|^|results/|'); do
      if cmp "$work/same-$key/old/$f" "$work/same-$key/new/$f" >/dev/null 2>&1; then r="identical"; else r="DIFFER"; fi
      echo "  cmp before/$f after/$f: $r"
    done
  done
fi

# ---- the leaderboard: 20 files for each side -------------------------------------------------------------
if want leaderboard || want plot; then
  twenty "$work" old new python
  board=(leaderboard --rescore --readme README.md --dataset "$data" --key author)
  py=(/usr/bin/python3 "$here/bench/leaderboard_reference.py" "$data/jmle2026_dataset.json" results README.md
    leaderboard.png)
  for _ in 1 2; do   # warm-up: class-data archives, leaderboard.json, the page cache
    (cd "$work/old" && "$old" "${board[@]}" >/dev/null 2>&1); (cd "$work/new" && "$new" "${board[@]}" >/dev/null 2>&1)
    (cd "$work/python" && "${py[@]}" >/dev/null 2>&1)
  done
  same=""; differ=""
  for f in README.md results/leaderboard.json results/leaderboard.csv results/leaderboard.png results/leaderboard.svg \
      results/leaderboard-blocks.png results/leaderboard-blocks.svg; do
    if cmp -s "$work/old/$f" "$work/new/$f"; then same="$same $f"; else differ="$differ $f"; fi
  done
  echo "outputs of the two builds on the 20 files: identical:${same:- none}${differ:+; DIFFERENT:$differ}"
  cmp -s <(sed -n '/leaderboard-all-start/,/leaderboard-text-end/p' "$work/new/README.md") \
    <(sed -n '/leaderboard-all-start/,/leaderboard-text-end/p' "$work/python/README.md") \
    && echo "README tables: identical to the stand-in's" || echo "README tables: DIFFER from the stand-in's"
  if want leaderboard; then
    if ! /usr/bin/python3 -c "import matplotlib" 2>/dev/null; then
      echo "bench: the stand-in needs Debian's python3-matplotlib (apt-get install python3-matplotlib)" >&2; exit 1
    fi
    for _ in $(seq "$runs"); do
      timed leaderboard old "$work/old" "$old" "${board[@]}"
      timed leaderboard new "$work/new" "$new" "${board[@]}"
      timed leaderboard python "$work/python" "${py[@]}"
    done
  fi
  if want plot; then
    for _ in $(seq "$runs"); do
      timed plot old "$work/old" "$old" leaderboard --plot-only --key author --dataset "$data"
      timed plot new "$work/new" "$new" leaderboard --plot-only --key author --dataset "$data"
    done
    for _ in $(seq "$runs"); do
      rm -f "$work"/{old,new}/results/leaderboard*.{png,svg}
      timed redraw old "$work/old" "$old" leaderboard --plot-only --key author --dataset "$data"
      timed redraw new "$work/new" "$new" leaderboard --plot-only --key author --dataset "$data"
    done
  fi
fi

# ---- summary and start-up -------------------------------------------------------------------------------
if want summary; then
  sum=(summary --dataset "$data" "$data/results/openai_gpt-5.2.json")
  "$old" "${sum[@]}" >/dev/null; "$new" "${sum[@]}" >/dev/null
  for _ in $(seq "$runs"); do
    timed summary old "$work" "$old" "${sum[@]}"
    timed summary new "$work" "$new" "${sum[@]}"
  done
fi
if want startup; then
  echo "JDKs: $(for j in /usr/lib/jvm/*/; do sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$j/release" 2>/dev/null; done | sort -uV | tr '\n' ' ')(no other JDK is installed here)"
  for jdk in /usr/lib/jvm/*/; do
    jdk="$(readlink -f "$jdk")"
    [[ "$(cat "$jdk/release" 2>/dev/null)" =~ JAVA_VERSION=\"([0-9]+) ]] && [ "${BASH_REMATCH[1]}" -ge 17 ] || continue
    v="${BASH_REMATCH[1]}"
    [[ " ${seen_jdk:-} " == *" $v "* ]] && continue
    seen_jdk="${seen_jdk:-} $v"
    for cmd in "--version" "summary --help"; do
      # JAVA_HOME and PATH both: the launcher before this work took the java on PATH first.
      for side in old new; do
        L="$old"; [ $side = new ] && L="$new"
        JAVA_HOME="$jdk" PATH="$jdk/bin:$PATH" "$L" $cmd >/dev/null 2>&1 || true
      done
      for _ in $(seq "$runs"); do
        for side in old new; do
          L="$old"; [ $side = new ] && L="$new"
          JAVA_HOME="$jdk" PATH="$jdk/bin:$PATH" timed "jdk$v $cmd" $side "$work" "$L" $cmd
        done
      done
    done
  done
fi

# ---- the harness (bench command: runloop's scenarios) ----------------------------------------------------
if want harness; then
  for _ in $(seq "$harness_runs"); do
    for side in old new; do
      L="$old"; [ $side = new ] && L="$new"
      /usr/bin/time -f "%U %S" -o "$work/bench-cpu.$side" \
        "$L" bench --scenario overhead,latency,rate-limit --dataset "$data" > "$work/bench.$side" 2>&1 || true
      python3 - "$work/bench.$side" "$side" "$work/bench-cpu.$side" >> "$results" <<'PY'
import re, sys
text, side = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
# The whole bench process's CPU (user + system), its mock server and warm-up run included: less disturbed by
# load than the walls, and the harness rows' cost per question is most of it.
cpu = open(sys.argv[3]).read().split()
if len(cpu) == 2: print(f"harness-cpu\t{side}\t{float(cpu[0]) + float(cpu[1]):.2f}")
m = re.search(r"^\|\s*32\s*\|\s*400\s*\|[^|]*\|\s*([\d.]+) ms", text, re.M)
if m: print(f"overhead\t{side}\t{m.group(1)}")
m = re.search(r"^\|\s*128\s*\|\s*0\.2s\s*\|.*\|\s*\+?(-?[\d.]+)%\s*\|\s*$", text, re.M)
if m: print(f"latency\t{side}\t{m.group(1)}")
m = re.search(r"\((\d+)% of the limit\)", text)
if m: print(f"ratelimit\t{side}\t{m.group(1)}")
PY
    done
  done
fi

# ---- the viewer's first paint: each build's serve, one probe (FirstPaint) ---------------------------------------
if want viewer; then
  (cd "$here" && ./mvnw -o -q -B -DbuildDir="$here/target-bench" test-compile \
    && ./mvnw -o -q -B -DbuildDir="$here/target-bench" dependency:build-classpath \
      -Dmdep.outputFile="$here/target-bench/cp.txt" -Dmdep.includeScope=test) >/dev/null 2>&1 \
    || echo "bench: could not build FirstPaint into $here/target-bench" >&2
  twenty "$work/viewer" old new
  declare -A url
  for side in old new; do
    log="$work/serve.$side"
    setsid "$(launcher $side)" serve --results "$work/viewer/$side/results" --dataset "$data" --port 0 > "$log" 2>&1 &
    servers+=($!)
    for _ in $(seq 600); do grep -q 'http://' "$log" && break; sleep 0.2; done
    url[$side]="$(grep -o 'http://[^ ]*' "$log" | head -1)"
    [ -n "${url[$side]}" ] || echo "bench: $side serve did not start: $(tail -3 "$log")" >&2
  done
  cp="$here/target-bench/test-classes:$here/target-bench/classes:$(cat "$here/target-bench/cp.txt" 2>/dev/null)"
  for _ in $(seq "$runs"); do
    for side in old new; do
      [ -n "${url[$side]}" ] || continue
      java -cp "$cp" dev.jmlebench.viewer.FirstPaint "${url[$side]}" 20 3 2>"$work/paint.err" \
        | sed "s/^/paint\t$side\t/" >> "$results" || echo "bench: FirstPaint: $(tail -2 "$work/paint.err")" >&2
    done
  done
  for pid in "${servers[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  servers=()
fi

# ---- the static report over 16 result files of 3 exams ------------------------------------------------------
# The 8 published 120th files, the 119th's PFN answers imported and 3 copies of them under other names, and
# IgakuQA's four predictions of the 116th imported (as viewerspeed measured it in issue 23's "now" column).
if want report; then
  mix="$work/mix"; mkdir -p "$mix"
  cp "$data"/results/*.json "$mix/"
  "$new" import igakuqa119 --dataset "$shared/igakuqa119" --out "$mix/119_pfn.json" \
    "$shared"/igakuqa119/answers/demo/119?_pfn-medllm-qwen-72b.json >/dev/null 2>&1 || echo "bench: import igakuqa119 failed" >&2
  for i in 2 3 4; do
    python3 -c "import json,sys; d=json.load(open(sys.argv[1])); d['metadata']['display_name']=(d['metadata'].get('display_name') or d['metadata']['model'])+' #'+sys.argv[3]; json.dump(d, open(sys.argv[2],'w'), ensure_ascii=False, indent=2)" \
      "$mix/119_pfn.json" "$mix/119_pfn_$i.json" "$i"
  done
  for model in chatgpt gpt3 student-majority translate_chatgpt-en; do
    "$new" import igakuqa --dataset "$shared/igakuqa" --out "$mix/116_$model.json" \
      "$shared"/igakuqa/baseline_results/2022/116-?_"$model".jsonl >/dev/null 2>&1 || echo "bench: import igakuqa $model failed" >&2
  done
  echo "report folder: $(ls "$mix"/*.json | wc -l) result files"
  for side in old new; do
    timed report $side "$work" "$(launcher $side)" report --results "$mix" --out "$work/site.$side" --dataset "$data" \
      --dataset "$shared/igakuqa119" --dataset "$shared/igakuqa" || true
    note report-mb $side "$(du -sm "$work/site.$side" | cut -f1)"
    note report-files $side "$(find "$work/site.$side" -type f | wc -l)"
    note report-data $side "$(find "$work/site.$side/data" -type f 2>/dev/null | wc -l)"
  done
fi

# ---- scale: viewerspeed's benchmark, when it has landed (this build only: the old one does not get there) ----
if want scale; then
  if [ -x "$here/bench/scale.sh" ]; then
    "$here/bench/scale.sh" | tee "$work/scale.txt" || true
  else
    echo "scale: bench/scale.sh is not in this checkout (see viewerspeed's report)"
  fi
fi

# ---- the table -------------------------------------------------------------------------------------------
python3 - "$results" "$runs" "$harness_runs" <<'PY'
import statistics, sys
from collections import defaultdict
v = defaultdict(list)
for line in open(sys.argv[1], encoding="utf-8"):
    row, side, value = line.rstrip("\n").split("\t")
    v[(row, side)].append(float(value))
def med(row, side):
    xs = v.get((row, side))
    return statistics.median(xs) if xs else None
def rng(row, side):
    xs = v.get((row, side))
    return f"{min(xs):g}-{max(xs):g}" if xs else "-"
def f(x, fmt):
    return "-" if x is None else fmt.format(x)
print()
print(f"Medians of {sys.argv[2]} alternating pairs (before, after), {sys.argv[3]} for the harness, 3 rounds a turn for"
      " the first paint; ranges in brackets.")
print()
print("| what | before | after | goal |")
print("|---|---|---|---|")
ob, nb, pb = med("leaderboard", "old"), med("leaderboard", "new"), med("leaderboard", "python")
if pb:
    orr, nr, pr = med("leaderboard-rss", "old"), med("leaderboard-rss", "new"), med("leaderboard-rss", "python")
    print(f"| `leaderboard --key author --rescore`, 20 files up to date, against the stand-in with its chart "
          f"({f(pb, '{:.2f}')} s, {f(pr and pr / 1024, '{:.0f}')} MiB) "
          f"| {f(ob / pb, '{:.2f}')}× its wall ({f(ob, '{:.2f}')} s [{rng('leaderboard', 'old')}]), "
          f"{f(orr / 1024, '{:.0f}')} MiB | {f(nb / pb, '{:.2f}')}× ({f(nb, '{:.2f}')} s [{rng('leaderboard', 'new')}]), "
          f"{f(nr / 1024, '{:.0f}')} MiB | ≤ 0.6× the stand-in's wall, memory ≤ its |")
for row, label, goal in (("plot", "`leaderboard --plot-only`, same folder", "< 0.5 s"),
                         ("redraw", "`leaderboard --plot-only`, the charts removed first (drawn)", "-"),
                         ("summary", "`summary` of one file, warm", "≤ 0.4 s")):
    if med(row, "old") is not None:
        print(f"| {label} | {med(row, 'old'):.2f} s [{rng(row, 'old')}] | {med(row, 'new'):.2f} s [{rng(row, 'new')}] | {goal} |")
for (row, side) in sorted(k for k in v if k[0].startswith("jdk") and not k[0].endswith("rss") and k[1] == "old"):
    print(f"| `{row.split(' ', 1)[1]}` on JDK {row.split(' ')[0][3:]} | {med(row, 'old'):.2f} s [{rng(row, 'old')}] "
          f"| {med(row, 'new'):.2f} s [{rng(row, 'new')}] | fast |")
if med("overhead", "old") is not None:
    print(f"| harness overhead, instant server, P = 32 | {med('overhead', 'old'):.2f} ms/question [{rng('overhead', 'old')}] "
          f"| {med('overhead', 'new'):.2f} ms/question [{rng('overhead', 'new')}] | ≤ 1 ms |")
if med("latency", "old") is not None:
    print(f"| wall against ideal, latency 0.2 s, P = 128 | {med('latency', 'old'):+.1f}% [{rng('latency', 'old')}] "
          f"| {med('latency', 'new'):+.1f}% [{rng('latency', 'new')}] | ≤ +5% |")
if med("ratelimit", "old") is not None:
    print(f"| 50 req/s rate limit, P = 64 (median; each run) | {med('ratelimit', 'old'):.0f}%; "
          f"{', '.join(f'{x:.0f}' for x in v[('ratelimit', 'old')])} | {med('ratelimit', 'new'):.0f}%; "
          f"{', '.join(f'{x:.0f}' for x in v[('ratelimit', 'new')])} | ≥ 95% in every run |")
if med("harness-cpu", "old") is not None:
    print(f"| CPU of the `bench` process for those three rows (mock server included) | {med('harness-cpu', 'old'):.1f} s "
          f"[{rng('harness-cpu', 'old')}] | {med('harness-cpu', 'new'):.1f} s [{rng('harness-cpu', 'new')}] | - |")
if med("paint", "old") is not None:
    print(f"| viewer first paint of the leaderboard, fresh browser context, 20 runs | {med('paint', 'old'):.0f} ms [{rng('paint', 'old')}] "
          f"| {med('paint', 'new'):.0f} ms [{rng('paint', 'new')}] | < 300 ms |")
if med("report-mb", "old") is not None:
    print(f"| `report --out`, 16 result files of 3 exams | {med('report-mb', 'old'):.0f} MB, {med('report-data', 'old'):,.0f} data files "
          f"({med('report-files', 'old'):,.0f} in all), {med('report', 'old'):.1f} s | {med('report-mb', 'new'):.0f} MB, "
          f"{med('report-data', 'new'):,.0f} data files ({med('report-files', 'new'):,.0f} in all), {med('report', 'new'):.1f} s "
          f"| grows with what is distinct |")
PY
