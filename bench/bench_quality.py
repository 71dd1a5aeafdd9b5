"""Quality of the offline engine: summaries on TweetSumm valid (ROUGE vs human summaries, beside a lead
baseline in the same run), escalation precision/recall on our labelled set. (PII redaction has its own
benchmark: bench/bench_redaction.py.)
Writes bench/results/quality.json. Run: .venv/bin/python -m bench.bench_quality
"""

from __future__ import annotations

import json
import statistics
import sys

import msgspec
from rouge_score import rouge_scorer

from backend.llm.handoff import clean, extractive_summary
from backend.models import Conversation, Turn
from backend.services.conversations import prepare
from backend.signals.core import compute_signals
from bench.common import DATA, write_result
from tests.conftest import FIXTURES

SCORER = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)


def load(split: str) -> list[dict]:
    path = DATA / "tweetsumm" / "reconstructed" / f"tweetsumm_{split}_with_text.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def to_conversation(dialog: dict) -> Conversation:
    return msgspec.convert({"helpdesk": "twitter", "ticket_id": dialog["conversation_id"],
                            "messages": [{"id": str(t["tweet_id"]), "role": t["speaker"], "text": t["text"]}
                                         for t in dialog["turns"]]}, Conversation)


def lead(dialog: dict) -> str:
    """First customer turn + first agent turn (the README's lead baseline)."""
    first = {}
    for turn in dialog["turns"]:
        first.setdefault(turn["speaker"], clean(turn["text"]))
    return " ".join(first.get(s, "") for s in ("customer", "agent")).strip()


def rouge(predictions: list[str], references: list[list[str]]) -> dict:
    first = {k: [] for k in ("rouge1", "rouge2", "rougeL")}
    mean = {k: [] for k in first}
    for prediction, refs in zip(predictions, references, strict=True):
        scores = [SCORER.score(ref, prediction) for ref in refs]
        for key in first:
            first[key].append(scores[0][key].fmeasure)
            mean[key].append(statistics.fmean(s[key].fmeasure for s in scores))
    pct = lambda xs: round(100 * statistics.fmean(xs), 2)  # noqa: E731
    return {"first_annotator": {k: pct(v) for k, v in first.items()},
            "mean_over_annotators": {k: pct(v) for k, v in mean.items()}}


def summaries(split: str = "valid") -> dict:
    dialogs = load(split)
    ours, base, refs = [], [], []
    for dialog in dialogs:
        thread = prepare(to_conversation(dialog), redact_pii=True)
        signals = compute_signals(thread.messages)
        ours.append(extractive_summary(thread, signals).text)
        base.append(lead(dialog))
        refs.append(dialog["abstractive_summaries"])
    return {"split": split, "dialogs": len(dialogs), "tandem_extractive": rouge(ours, refs),
            "lead_baseline": rouge(base, refs),
            "mean_words": {"tandem": round(statistics.fmean(len(s.split()) for s in ours), 1),
                           "lead": round(statistics.fmean(len(s.split()) for s in base), 1)}}


def escalation() -> dict:
    tp = fp = fn = tn = 0
    for line in (FIXTURES / "escalation.jsonl").read_text().splitlines():
        case = json.loads(line)
        turns = [Turn(key=str(i), role=m["role"], text=m["text"]) for i, m in enumerate(case["messages"])]
        predicted = compute_signals(turns, tier=case.get("tier")).escalation.risk == "high"
        tp += predicted and case["escalate"]
        fp += predicted and not case["escalate"]
        fn += (not predicted) and case["escalate"]
        tn += (not predicted) and not case["escalate"]
    return {"cases": tp + fp + fn + tn, "precision": round(tp / max(tp + fp, 1), 4),
            "recall": round(tp / max(tp + fn, 1), 4), "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "note": "labelled set written for Tandem; the rules were tuned on it, so this is optimistic"}


def main() -> None:
    result = {"summaries": summaries("valid"), "escalation": escalation()}
    print(json.dumps(result, indent=2), file=sys.stderr)
    print(f"wrote {write_result('quality', result)}")


if __name__ == "__main__":
    main()
