"""Handoff summaries that name the issue: must-mention recall of the offline summarizer.

bench/data/summaries_dev.jsonl (isp, meal kits, airline) is the set the summarizer was developed on;
bench/data/summaries_heldout.jsonl (invoicing SaaS, micromobility, pet pharmacy) was written beside it and
only scored, never read while tuning. Each conversation lists the words a good handoff must contain
(groups of alternatives); recall is the share of groups any of whose words the summary `text` contains.
TweetSumm ROUGE is in bench_quality.py.

    python -m bench.bench_summaries [--heldout]
"""

from __future__ import annotations

import json
import re
import statistics
import sys
from collections import defaultdict

import msgspec

from backend.llm.handoff import extractive_summary
from backend.models import Conversation
from backend.services.conversations import prepare
from backend.signals.core import compute_signals
from bench.common import ROOT, write_result

TARGET = 0.90
# The previous release's summarizer (commit 3c326a9) put through score() on 2026-11-30, for comparison.
PREVIOUS_RELEASE = {"dev": 0.4296, "heldout": 0.5,
                    "note": "must-mention recall of release 3c326a9's extractive summarizer on the same sets"}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("’", "'"))


def mentions(summary: str, group: list[str]) -> bool:
    text = normalise(summary)
    return any(normalise(word) in text for word in group)


def score(path_name: str, verbose: bool = False) -> dict:
    rows = [json.loads(line) for line in (ROOT / "bench" / "data" / path_name).read_text().splitlines() if line]
    per_kind: dict[str, list[float]] = defaultdict(list)
    per_business: dict[str, list[float]] = defaultdict(list)
    hits = total = 0
    words = []
    misses = []
    for row in rows:
        thread = prepare(msgspec.convert(row["conversation"], Conversation), redact_pii=True)
        summary = extractive_summary(thread, compute_signals(thread.messages, tier=thread.customer.tier)).text
        words.append(len(summary.split()))
        found = [mentions(summary, group) for group in row["must_mention"]]
        hits += sum(found)
        total += len(found)
        recall = sum(found) / len(found)
        per_business[row["business"]].append(recall)
        for kind in row["kinds"]:
            per_kind[kind].append(recall)
        missed = [group for group, ok in zip(row["must_mention"], found, strict=True) if not ok]
        if missed:
            misses.append({"id": row["id"], "missed": missed})
            if verbose:
                print(f"--- {row['id']} missed {missed}\n{summary}\n", file=sys.stderr)
    return {"conversations": len(rows), "must_mention_recall": round(hits / total, 4),
            "per_business": {k: round(statistics.fmean(v), 4) for k, v in sorted(per_business.items())},
            "per_kind": {k: round(statistics.fmean(v), 4) for k, v in sorted(per_kind.items())},
            "mean_words": round(statistics.fmean(words), 1), "max_words": max(words),
            "conversations_with_a_miss": len(misses), "misses": misses}


def main(heldout: bool) -> None:
    result = {"target": TARGET, "previous_release": PREVIOUS_RELEASE,
              "dev": score("summaries_dev.jsonl", verbose=not heldout)}
    if heldout:
        result["heldout"] = score("summaries_heldout.jsonl")
    print(json.dumps({k: v if not isinstance(v, dict) else {kk: vv for kk, vv in v.items() if kk != "misses"}
                      for k, v in result.items()}, indent=1), file=sys.stderr)
    if heldout:
        print(write_result("summaries", result))


if __name__ == "__main__":
    main("--heldout" in sys.argv[1:])
