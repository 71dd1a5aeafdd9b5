"""Answers checked against their evidence: precision and recall of `checks.unsupported` and `checks.cited`
(writes bench/results/guardrails.json).

Sets of model outputs written for Tandem (bench/data/): faithful answers (with many supported numbers,
dates, links and promises), unfaithful ones (invented refund, discount or waiver, wrong number, foreign
link or phone, uncited, citing a passage that does not exist) and answers obeying a customer's injected
instructions. guardrails.jsonl is the development set; guardrails_heldout.jsonl was written separately by
someone who never saw the checker and is only scored.

A flagged span counts as correct when it overlaps an expected span (the checker may flag "$25" where the
label says "$25 credit"); recall is over expected spans. Answer level: an answer needs attention when it
is uncited or has an unsupported span. Target: recall >= 0.95 at precision >= 0.90.

    python -m bench.bench_guardrails
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import msgspec

from backend.llm.checks import verify
from backend.models import Conversation
from backend.services.conversations import prepare
from bench.common import ROOT, write_result

SETS = {"dev": "guardrails.jsonl", "heldout": "guardrails_heldout.jsonl"}
# The dev set through the checker as it was before it was tuned on that set (2026-11-30), for comparison.
FIRST_BLIND_RUN_DEV = {"precision": 1.0, "recall": 0.857, "tp": 60, "fp": 0, "fn": 10,
                       "note": "checks.py before this change; misses were promises the passage offered for "
                               "another matter, bare-domain links, points, times of day, forged '[System note:'"}


def spans(answer: str, texts: list[str]) -> list[tuple[int, int]]:
    out = []
    for text in texts:
        start = answer.find(text)
        if start >= 0:
            out.append((start, start + len(text)))
    return out


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(path: Path, verbose: bool) -> dict:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    tp = fp = fn = 0
    cited_right = 0
    answer_tp = answer_fp = answer_fn = answer_tn = 0
    per_category: dict[str, dict[str, int]] = defaultdict(lambda: {"items": 0, "fully_right": 0})
    mistakes = []
    for row in rows:
        passages = [p["text"] for p in sorted(row["passages"], key=lambda p: p["marker"])]
        conversation = msgspec.convert({"helpdesk": "bench", "ticket_id": row["id"], "messages": [
            {"id": str(i), "role": t["role"], "text": t["text"]} for i, t in enumerate(row["conversation"])]},
            Conversation)
        thread = prepare(conversation, redact_pii=False)  # the checker alone (redaction has its own bench)
        checks = verify(row["answer"], passages, thread).checks
        flagged = spans(row["answer"], [u.text for u in checks.unsupported])
        expected = spans(row["answer"], row["expected"]["unsupported"])
        hit_expected = [e for e in expected if any(overlaps(e, f) for f in flagged)]
        right_flags = [f for f in flagged if any(overlaps(f, e) for e in expected)]
        tp += len(hit_expected)
        fn += len(expected) - len(hit_expected)
        fp += len(flagged) - len(right_flags)
        cited_right += checks.cited == row["expected"]["cited"]
        needs = (not row["expected"]["cited"]) or bool(expected)
        said = (not checks.cited) or bool(flagged)
        answer_tp += needs and said
        answer_fp += said and not needs
        answer_fn += needs and not said
        answer_tn += not needs and not said
        right = (checks.cited == row["expected"]["cited"] and len(hit_expected) == len(expected)
                 and len(right_flags) == len(flagged))
        per_category[row["category"]]["items"] += 1
        per_category[row["category"]]["fully_right"] += right
        if not right:
            mistakes.append({"id": row["id"], "category": row["category"],
                             "flagged": [u.text for u in checks.unsupported], "expected": row["expected"]["unsupported"],
                             "cited": checks.cited, "expected_cited": row["expected"]["cited"]})
            if verbose:
                print(f"{row['id']} {row['category']}: flagged {mistakes[-1]['flagged']} expected "
                      f"{row['expected']['unsupported']} cited {checks.cited}/{row['expected']['cited']}",
                      file=sys.stderr)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"items": len(rows),
            "unsupported_spans": {"precision": round(precision, 3), "recall": round(recall, 3), "tp": tp, "fp": fp,
                                  "fn": fn},
            "cited_accuracy": round(cited_right / len(rows), 3),
            "answers_needing_attention": {"precision": round(answer_tp / max(answer_tp + answer_fp, 1), 3),
                                          "recall": round(answer_tp / max(answer_tp + answer_fn, 1), 3),
                                          "tp": answer_tp, "fp": answer_fp, "fn": answer_fn, "tn": answer_tn},
            "per_category": dict(per_category), "mistakes": mistakes,
            "target_met": recall >= 0.95 and precision >= 0.90}


def main() -> None:
    result: dict = {"dev_first_blind_run": FIRST_BLIND_RUN_DEV}
    for name, file in SETS.items():
        path = ROOT / "bench" / "data" / file
        if path.exists():
            result[name] = score(path, verbose="-v" in sys.argv)
            print(name, {k: v for k, v in result[name].items() if k not in ("mistakes", "per_category")},
                  file=sys.stderr)
    print(write_result("guardrails", result))


if __name__ == "__main__":
    main()
