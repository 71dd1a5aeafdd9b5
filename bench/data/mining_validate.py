#!/usr/bin/env python3
"""The checks every blind FAQ-mining set passes (stdlib only); each set's validate.py calls run() on its folder.

Usage: python mining_blind2/validate.py [file.jsonl ...]   (default: every *.jsonl in that set's folder)

Checks, per file:
  * every line is a JSON object with exactly the keys question (non-empty str),
    topic (non-empty str) and reply (non-empty str or null);
  * 40-50 main topics (topics not named tail-<n>), each with 6-35 messages,
    and 650-950 messages in main topics;
  * 30-50 tail topics, named tail-<n> and holding exactly one message each;
  * identical questions (exact string match) stay under 2% of messages, and so do
    questions that are identical once case, punctuation and spacing are ignored;
  * the same question never appears under two topics;
  * lines are shuffled (not grouped by topic);
  * the share of messages with a reply is between 55% and 85%.
Prints a per-topic count table and exits 1 if any check fails.
"""
import json
import re
from collections import Counter
from pathlib import Path

KEYS = {"question", "topic", "reply"}
TAIL = re.compile(r"^tail-\d+$")
MIN_TOPICS, MAX_TOPICS = 40, 50
MIN_PER_TOPIC, MAX_PER_TOPIC = 6, 35
MAX_DUP_SHARE = 0.02
MIN_MAIN_MSGS, MAX_MAIN_MSGS = 650, 950
MIN_TAILS, MAX_TAILS = 30, 50


def norm(q):
    """Lower-case, drop punctuation, squeeze spaces: catches copy-paste near-duplicates."""
    q = re.sub(r"[^a-z0-9 ]+", " ", q.lower())
    return " ".join(q.split())


def check(path):
    problems = []
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                problems.append(f"line {n}: blank line")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"line {n}: bad JSON ({e})")
                continue
            if not isinstance(obj, dict) or set(obj) != KEYS:
                problems.append(f"line {n}: keys must be exactly {sorted(KEYS)}")
                continue
            q, t, r = obj["question"], obj["topic"], obj["reply"]
            if not isinstance(q, str) or not q.strip():
                problems.append(f"line {n}: question must be a non-empty string")
            if not isinstance(t, str) or not t.strip():
                problems.append(f"line {n}: topic must be a non-empty string")
            if r is not None and (not isinstance(r, str) or not r.strip()):
                problems.append(f"line {n}: reply must be a non-empty string or null")
            rows.append(obj)

    if not rows:
        return ["no rows"], {}
    counts = Counter(r["topic"] for r in rows)
    main = {t: c for t, c in counts.items() if not TAIL.match(t)}
    tails = {t: c for t, c in counts.items() if TAIL.match(t)}
    if t_bad := [t for t in counts if t.startswith("tail") and not TAIL.match(t)]:
        problems.append(f"malformed tail labels: {t_bad}")
    if not MIN_TOPICS <= len(main) <= MAX_TOPICS:
        problems.append(f"{len(main)} main topics, expected {MIN_TOPICS}-{MAX_TOPICS}")
    for t, c in sorted(main.items()):
        if not MIN_PER_TOPIC <= c <= MAX_PER_TOPIC:
            problems.append(f"topic {t}: {c} messages, expected {MIN_PER_TOPIC}-{MAX_PER_TOPIC}")
    n_main = sum(main.values())
    if not MIN_MAIN_MSGS <= n_main <= MAX_MAIN_MSGS:
        problems.append(f"{n_main} messages in main topics, expected {MIN_MAIN_MSGS}-{MAX_MAIN_MSGS}")
    if not MIN_TAILS <= len(tails) <= MAX_TAILS:
        problems.append(f"{len(tails)} tail topics, expected {MIN_TAILS}-{MAX_TAILS}")
    for t, c in tails.items():
        if c != 1:
            problems.append(f"tail topic {t} has {c} messages, expected 1")

    qcount = Counter(r["question"] for r in rows)
    dups = {q: c for q, c in qcount.items() if c > 1}
    dup_extra = sum(c - 1 for c in dups.values())
    if dup_extra / len(rows) >= MAX_DUP_SHARE:
        problems.append(f"{dup_extra} duplicate questions ({dup_extra / len(rows):.1%}), limit {MAX_DUP_SHARE:.0%}")
    ncount = Counter(norm(r["question"]) for r in rows)
    near_extra = sum(c - 1 for c in ncount.values() if c > 1)
    if near_extra / len(rows) >= MAX_DUP_SHARE:
        problems.append(f"{near_extra} near-duplicate questions ({near_extra / len(rows):.1%}), limit {MAX_DUP_SHARE:.0%}")
    # the same question under two different topics is always an error
    by_q = {}
    for r in rows:
        by_q.setdefault(r["question"], set()).add(r["topic"])
    for q, ts in by_q.items():
        if len(ts) > 1:
            problems.append(f"question under several topics {sorted(ts)}: {q[:60]!r}")

    # shuffled? adjacent lines sharing a topic should be about as rare as chance
    same_adj = sum(a["topic"] == b["topic"] for a, b in zip(rows, rows[1:]))
    expected = sum((c / len(rows)) ** 2 for c in counts.values()) * (len(rows) - 1)
    if same_adj > 3 * expected + 10:
        problems.append(f"lines look grouped by topic ({same_adj} adjacent same-topic pairs, ~{expected:.0f} by chance)")

    reply_share = sum(r["reply"] is not None for r in rows) / len(rows)
    if not 0.55 <= reply_share <= 0.85:
        problems.append(f"reply share {reply_share:.0%} outside 55-85%")

    stats = {
        "messages": len(rows),
        "main_topics": len(main),
        "messages_in_main_topics": sum(main.values()),
        "tail_topics": len(tails),
        "min_per_topic": min(main.values()) if main else 0,
        "max_per_topic": max(main.values()) if main else 0,
        "duplicate_questions": dup_extra,
        "near_duplicates": near_extra,
        "reply_share": round(reply_share, 3),
        "per_topic": dict(sorted(main.items(), key=lambda kv: -kv[1])),
        "duplicates": dups,
    }
    return problems, stats


def run(folder: Path, argv: list[str]) -> int:
    """Check the files named in `argv`, else every *.jsonl in `folder`; 1 when any check fails."""
    paths = [Path(p) for p in argv] or sorted(folder.glob("*.jsonl"))
    if not paths:
        print("no .jsonl files found")
        return 1
    failed = False
    for path in paths:
        problems, st = check(path)
        print(f"== {path.name}")
        if st:
            print(f"   {st['messages']} messages, {st['main_topics']} topics "
                  f"({st['messages_in_main_topics']} messages, {st['min_per_topic']}-{st['max_per_topic']} per topic), "
                  f"{st['tail_topics']} tail one-offs, replies {st['reply_share']:.0%}, "
                  f"duplicate questions {st['duplicate_questions']}, near-duplicates {st['near_duplicates']}")
            for t, c in st["per_topic"].items():
                print(f"     {c:3d}  {t}")
            for q, c in st["duplicates"].items():
                print(f"   duplicate x{c}: {q!r}")
        for p in problems:
            print(f"   PROBLEM: {p}")
        failed |= bool(problems)
    print("FAILED" if failed else "OK")
    return 1 if failed else 0
