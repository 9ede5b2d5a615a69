#!/usr/bin/env python3
"""A stand-in for the published Python tool's `leaderboard --rescore`, written from SPEC.md for benchmarking.

It does the same work per result file that the published tool does (json.load, re-parse every answer
with `re`, re-grade, recompute the summary, json.dump the file back, rebuild the two README tables), using
the standard library only. Given CHART_PNG it also draws a leaderboard bar chart with matplotlib (Debian's
python3-matplotlib, run with /usr/bin/python3), as the published tool draws one; without it, it does less
work than the published tool. It is not the published tool, whose source we have not read.

usage: leaderboard_reference.py DATASET_JSON RESULTS_DIR README [CHART_PNG]
"""
import glob
import json
import os
import re
import sys

ANSWER = re.compile(r"【回答】\s*(.+)")
SPLIT = re.compile(r"[,、\s]+")
REQUIRED = {"B", "E"}


def parse(text, qtype):
    m = ANSWER.search(text)
    if not m:
        return [], False
    s = m.group(1).strip()
    if qtype == "calculation":
        return [s], True
    s = re.sub(r"[*_`#]", "", s).strip()
    letters = sorted({t.lower() for t in SPLIT.split(s) if re.fullmatch(r"[a-eA-E]", t)})
    return letters, bool(letters)


def points(q):
    return (3 if q["number"] > 25 else 1) if q["block"] in REQUIRED else 1


def tally(c, t):
    return {"correct": c, "total": t, "accuracy": round(c / t, 4) if t else 0}


def summarize(results, questions):
    acc = {k: 0 for k in ("correct", "n", "score", "max", "ts", "tm", "rs", "rm", "gs", "gm", "pf", "err")}
    blocks, types, images = {}, {"multiple_choice": [0, 0], "calculation": [0, 0]}, {"text_only": [0, 0],
                                                                                      "with_image": [0, 0]}
    for r in results:
        q = questions[r["question_id"]]
        ok = r["correct"]
        acc["n"] += 1
        acc["correct"] += ok
        acc["pf"] += not r["parse_success"]
        acc["err"] += r["error"] is not None
        for d, k in ((blocks, q["block"]), (types, q["question_type"]),
                     (images, "with_image" if q["requires_image"] else "text_only")):
            d.setdefault(k, [0, 0])
            d[k][0] += ok
            d[k][1] += 1
        p = points(q)
        earned = p if ok else 0
        acc["score"] += earned
        acc["max"] += p
        if not q["requires_image"]:
            acc["ts"] += earned
            acc["tm"] += p
        part = ("rs", "rm") if q["block"] in REQUIRED else ("gs", "gm")
        acc[part[0]] += earned
        acc[part[1]] += p
    ratio = lambda a, b: round(a / b, 4) if b else 0
    return {
        "accuracy": ratio(acc["correct"], acc["n"]), "correct": acc["correct"],
        "incorrect": acc["n"] - acc["correct"],
        "score": acc["score"], "score_max": acc["max"], "score_pct": ratio(acc["score"], acc["max"]),
        "text_only_score": acc["ts"], "text_only_score_max": acc["tm"],
        "text_only_score_pct": ratio(acc["ts"], acc["tm"]),
        "required_score": acc["rs"], "required_score_max": acc["rm"], "required_score_pct": ratio(acc["rs"], acc["rm"]),
        "general_score": acc["gs"], "general_score_max": acc["gm"], "general_score_pct": ratio(acc["gs"], acc["gm"]),
        "required_pass": acc["rs"] >= 160 if acc["rm"] == 200 else None,
        "general_pass": acc["gs"] >= 221 if acc["gm"] == 300 else None,
        "parse_failures": acc["pf"], "errors": acc["err"],
        "by_block": {k: tally(*blocks[k]) for k in sorted(blocks)},
        "by_type": {k: tally(*v) for k, v in types.items()},
        "by_image": {k: tally(*v) for k, v in images.items()},
    }


def rescore(path, questions):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    for r in data["results"]:
        q = questions[r["question_id"]]
        if r.get("error") is not None:
            r.update(predicted=[], gold=q["answer"], correct=False, parse_success=False)
            continue
        pred, ok = parse(r.get("raw_response") or "", q["question_type"])
        if not ok and r.get("reasoning") is not None:
            pred, ok = parse(r["reasoning"], q["question_type"])
        r.update(predicted=pred, gold=q["answer"], parse_success=ok,
                 correct=ok and sorted(pred) == sorted(q["answer"]))
    data["summary"] = summarize(data["results"], questions)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2, ensure_ascii=False)
    os.replace(tmp, path)
    return data


def cell(n, d, p):
    return f"{n}/{d} ({format(p, '.1%')})"


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("-" * max(4, len(h)) for h in header) + "|"]
    return "\n".join(lines + [r for _, r in sorted(rows, key=lambda x: -x[0])])


def splice(text, name, body):
    start, end = f"<!-- {name}-start -->", f"<!-- {name}-end -->"
    i, j = text.find(start), text.find(end)
    if i < 0 or j < 0:
        print(f"warning: no {start} {end} markers", file=sys.stderr)
        return text
    return text[: i + len(start)] + "\n" + body + "\n" + text[j:]


def chart(path, bars):
    """A leaderboard bar chart as a published Python tool would draw it: matplotlib (Debian's
    python3-matplotlib), all questions vs text-only per model, sorted, value labels, pass line."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    bars = sorted(bars, key=lambda b: b[1])
    names = [b[0] for b in bars]
    fig, ax = plt.subplots(figsize=(10, 0.6 * len(bars) + 2), dpi=100)
    ys = range(len(bars))
    ax.barh([y + 0.2 for y in ys], [b[1] * 100 for b in bars], height=0.4, label="all questions")
    ax.barh([y - 0.2 for y in ys], [b[2] * 100 for b in bars], height=0.4, label="text-only")
    for y, b in zip(ys, bars):
        ax.text(b[1] * 100, y + 0.2, f" {b[1]:.1%}", va="center", fontsize=8)
        ax.text(b[2] * 100, y - 0.2, f" {b[2]:.1%}", va="center", fontsize=8)
    ax.axvline(76.2, linestyle="--", color="gray", label="lowest passing total")
    ax.set_yticks(list(ys), names)
    ax.set_xlim(70, 100)
    ax.legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main(dataset_json, results_dir, readme, chart_png=None):
    with open(dataset_json, encoding="utf-8") as f:
        questions = {q["question_id"]: q for q in json.load(f)}
    all_rows, text_rows, bars = {}, {}, []
    for path in sorted(glob.glob(os.path.join(results_dir, "*.json"))):
        data = rescore(path, questions)
        m, s = data["metadata"], data["summary"]
        name = m.get("display_name") or m["model"]
        if m["image_mode"] != "skip":
            bold = f"**{name}**" if s["required_pass"] and s["general_pass"] else name
            all_rows[(name, m["image_mode"])] = (s["score_pct"], f"| {bold} | {'✓' if m['image_mode'] == 'vision' else '-'} | "
                                                 f"{cell(s['score'], s['score_max'], s['score_pct'])} | "
                                                 f"{cell(s['correct'], s['correct'] + s['incorrect'], s['accuracy'])} |")
            t = s["by_image"]["text_only"]
            bars.append((name, s["score_pct"], s["text_only_score_pct"]))
            text_rows[name] = (s["text_only_score_pct"], f"| {name} | {cell(s['text_only_score'], s['text_only_score_max'], s['text_only_score_pct'])} | "
                                                         f"{cell(t['correct'], t['total'], t['accuracy'])} |")
        else:
            text_rows[name] = (s["score_pct"], f"| {name} | {cell(s['score'], s['score_max'], s['score_pct'])} | "
                                               f"{cell(s['correct'], s['correct'] + s['incorrect'], s['accuracy'])} |")
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    text = splice(text, "leaderboard-all", table(["Model", "Vision", "Score", "Accuracy"], all_rows.values()))
    text = splice(text, "leaderboard-text", table(["Model", "Score", "Accuracy"], text_rows.values()))
    with open(readme, "w", encoding="utf-8") as f:
        f.write(text)
    if chart_png:
        chart(chart_png, bars)


if __name__ == "__main__":
    main(*sys.argv[1:5])
