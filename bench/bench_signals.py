"""Signals on conversations nobody tuned them on (writes bench/results/signals.json).

1. Escalation on two blind sets (bench/data/signals_blind/ and signals_blind2/, each written by a helper who never
   read backend/signals/): precision/recall of `high`, whether `codes` name every expected trigger reason,
   per-code and per-language precision/recall, on the tune half (choices were made on it) and the test half,
   English and multilingual. The shipped readers (MiniLM int8 for English, USE multilingual v3 for the
   languages it knows) beside the same detector reading everything with WordLlama (the reader until
   signals_blind2) and the previous regex rules (bench/signals_legacy.py). signals_blind's test half has been
   read since its first report, signals_blind2's and signals_blind3's since theirs; signals_blind4 (test
   only) is held out.
2. Language on short messages (3-8 words), per language, new vs the previous function-word lists.
3. The 40 conversations the previous rules were tuned on (tests/fixtures/escalation.jsonl): in-sample for
   the old rules, labelled with an older convention (shouting or a repeat alone counted as escalation).
4. TweetSumm valid (public Twitter support): the history check of `tandem eval history` (any replay point
   flagged high vs the agents saying they escalated), old and new ground truth, old and new detector.
5. Latency of compute_signals per conversation, p50/p99, side by side in one run: previous rules, the new
   signals with the shipped embedder (WordLlama) from a cold sentence cache, and with MiniLM for reference.

    python -m bench.bench_signals
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from backend import tuning
from backend.models import Turn
from backend.retrieval.embed import clear_vector_cache, get_embedder
from backend.signals import escalation
from backend.signals.core import compute_signals
from backend.signals.language import detect_language
from bench import signals_legacy as legacy
from bench.common import DATA, ROOT, result_file, write_result

BLIND = ROOT / "bench" / "data" / "signals_blind"
BLIND2 = ROOT / "bench" / "data" / "signals_blind2"
BLIND3 = ROOT / "bench" / "data" / "signals_blind3"  # test only, written blind while blind2's errors were read
BLIND4 = ROOT / "bench" / "data" / "signals_blind4"  # test only, written blind while blind3's and QA's were read
BLIND5 = ROOT / "bench" / "data" / "signals_blind5"  # test only, written blind while the seen sets' hand-overs were mended
BLIND6 = ROOT / "bench" / "data" / "signals_blind6"  # test only, written blind while blind5's errors were read
TRIGGERS = {*escalation.TRIGGERS, "vip_money"}  # the codes that make the risk high
CODES = escalation.CODES


def _rows(name: str, folder: Path = BLIND) -> list[dict]:
    return [json.loads(line) for line in (folder / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@contextmanager
def _foreign_reader(spec: str) -> Iterator[None]:
    """compute_signals reading other languages with `spec` for the duration (the WordLlama-only comparison)."""
    shipped = tuning.SIGNALS_FOREIGN_EMBEDDER
    tuning.SIGNALS_FOREIGN_EMBEDDER = spec
    try:
        yield
    finally:
        tuning.SIGNALS_FOREIGN_EMBEDDER = shipped


def _wordllama_only(turns, tier):
    with _foreign_reader("wordllama"):
        return compute_signals(turns, tier=tier, embedder=get_embedder("wordllama"))


def _turns(messages: list[dict]) -> list[Turn]:
    return [Turn(key=str(m.get("id", i)), role=m["role"], text=m["text"]) for i, m in enumerate(messages)]


def _new(embedder):
    return lambda turns, tier: compute_signals(turns, tier=tier, embedder=embedder)


def _old(turns, tier):
    return legacy.compute_signals(turns, tier=tier)


def _legacy_codes(reasons: list[str]) -> set[str]:
    """The old reasons mapped onto the code vocabulary (the old rules had no codes)."""
    table = {"Asked for a human": "human", "Legal language": "legal", "Chargeback or fraud": "chargeback",
             "Threatens to leave": "churn", "Wants to cancel": "churn", "Repeated attempts": "repeat",
             "Profanity": "profanity", "Sentiment getting worse": "negative_trend", "turns without resolution":
             "long_unresolved", "High-value customer at risk": "vip_money"}
    return {code for r in reasons for key, code in table.items() if key in r}


def escalation_scores(rows: list[dict], predict, *, legacy_codes: bool = False) -> dict:
    """High precision/recall, trigger codes named, per-code precision/recall, per split."""
    out: dict[str, dict] = {}
    for split in ("tune", "test"):
        part = [r for r in rows if r["split"] == split]
        tp = fp = fn = named = highs = 0
        per_code: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        per_language: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for row in part:
            conv = row["conversation"]
            signals = predict(_turns(conv["messages"]), (conv.get("customer") or {}).get("tier"))
            codes = _legacy_codes(signals.escalation.reasons) if legacy_codes else set(signals.escalation.codes)
            high, expected = signals.escalation.risk == "high", row["expected_risk"] == "high"
            tp += high and expected
            fp += high and not expected
            fn += expected and not high
            counts = per_language[row.get("language", "en")]
            counts[0] += high and expected
            counts[1] += high and not expected
            counts[2] += expected and not high
            if expected:
                highs += 1
                named += (set(row["expected_codes"]) & TRIGGERS) <= codes
            for code in CODES:
                want, got = code in row["expected_codes"], code in codes
                per_code[code][0] += want and got
                per_code[code][1] += got and not want
                per_code[code][2] += want and not got
        out[split] = {
            "rows": len(part), "high_precision": _ratio(tp, tp + fp), "high_recall": _ratio(tp, tp + fn),
            "tp": tp, "fp": fp, "fn": fn,
            "codes_name_every_trigger": _ratio(named, highs),
            "per_code": {c: {"precision": _ratio(v[0], v[0] + v[1]), "recall": _ratio(v[0], v[0] + v[2]),
                             "expected": v[0] + v[2]} for c, v in per_code.items() if v[0] + v[1] + v[2]},
        }
        if len(per_language) > 1:
            out[split]["per_language"] = {lang: {"precision": _ratio(v[0], v[0] + v[1]), "recall": _ratio(v[0], v[0] + v[2]),
                                                 "tp": v[0], "fp": v[1], "fn": v[2]} for lang, v in sorted(per_language.items())}
    return out


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def language_scores(detect) -> dict:
    """Accuracy on the short messages, per split and per language."""
    rows = _rows("language.jsonl")
    out = {}
    for split in ("tune", "test"):
        part = [r for r in rows if r["split"] == split]
        hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for row in part:
            hits[row["language"]][0] += detect(row["text"]) == row["language"]
            hits[row["language"]][1] += 1
        main = [lang for lang in ("en", "es", "de", "fr", "nl", "pt", "it")]
        out[split] = {"accuracy": _ratio(sum(v[0] for v in hits.values()), len(part)),
                      "accuracy_7_main": _ratio(sum(hits[lang][0] for lang in main), sum(hits[lang][1] for lang in main)),
                      "per_language": {lang: f"{v[0]}/{v[1]}" for lang, v in sorted(hits.items())}}
    return out


def legacy_fixture(predict) -> dict:
    """The 40 conversations of tests/fixtures/escalation.jsonl (the old rules were tuned on them)."""
    tp = fp = fn = 0
    for line in (ROOT / "tests" / "fixtures" / "escalation.jsonl").read_text().splitlines():
        case = json.loads(line)
        high = predict(_turns(case["messages"]), case.get("tier")).escalation.risk == "high"
        tp += high and case["escalate"]
        fp += high and not case["escalate"]
        fn += (not high) and case["escalate"]
    return {"precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn), "tp": tp, "fp": fp, "fn": fn}


def tweetsumm_history(predict) -> dict:
    """`tandem eval history`'s escalation check on TweetSumm valid, without the KB replay around it."""
    import re

    from backend.services.evaluation import was_escalated

    old_truth = re.compile(r"\b(?:escalat\w*|transferr?(?:ed|ing)?\b|hand(?:ed|ing)? (?:this |it |you )?over|"
                           r"pass(?:ed|ing)? (?:this |it |you )?(?:on )?to (?:a |the |our )?(?:supervisor|manager|"
                           r"specialist|team)|supervisor|tier ?2|second[- ]line)", re.IGNORECASE)
    path = DATA / "tweetsumm" / "reconstructed" / "tweetsumm_valid_with_text.jsonl"
    dialogs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    predicted, actual_old, actual_new = set(), set(), set()
    for d in dialogs:
        turns = _turns([{"id": t["tweet_id"], "role": t["speaker"], "text": t["text"]} for t in d["turns"]])
        cid = d["conversation_id"]
        if any(old_truth.search(t.text) for t in turns if t.role == "agent"):
            actual_old.add(cid)
        if was_escalated(turns):
            actual_new.add(cid)
        seen_customer = False
        for i, t in enumerate(turns):  # as the replay does: signals on the messages before each agent reply
            seen_customer = seen_customer or t.role == "customer"
            if t.role == "agent" and seen_customer and predict(turns[:i], None).escalation.risk == "high":
                predicted.add(cid)
                break

    def check(actual: set) -> dict:
        both = len(predicted & actual)
        return {"predicted": len(predicted), "actual": len(actual), "found": both,
                "precision": _ratio(both, len(predicted)), "recall": _ratio(both, len(actual))}

    return {"dialogs": len(dialogs), "old_ground_truth": check(actual_old), "new_ground_truth": check(actual_new)}


def latency(predict, rows: list[dict], *, cold: bool, repeats: int = 3) -> dict:
    """compute_signals per conversation, ms (cold: the sentence-vector cache emptied before every call)."""
    samples = []
    for _ in range(repeats):
        for row in rows:
            conv = row["conversation"]
            turns, tier = _turns(conv["messages"]), (conv.get("customer") or {}).get("tier")
            if cold:
                clear_vector_cache()
            started = time.perf_counter()
            predict(turns, tier)
            samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {"p50_ms": round(statistics.median(samples), 3), "p99_ms": round(samples[int(0.99 * (len(samples) - 1))], 3),
            "calls": len(samples)}


def signals_latency() -> dict:
    """The shipped detector's compute_signals per conversation over signals_blind to 4, cold and warm cache."""
    rows = [r for folder in (BLIND, BLIND2, BLIND3, BLIND4)
            for name in ("escalation.jsonl", "escalation_multilingual.jsonl") for r in _rows(name, folder)]
    new = _new(None)
    new(_turns([{"role": "customer", "text": "warm up"}]), None)
    new(_turns([{"role": "customer", "text": "hola, quiero hablar con alguien"}]), None)
    return {"note": f"per conversation, all {len(rows)} conversations of signals_blind 1-4 x3, one process",
            "new_cold_cache": latency(new, rows, cold=True), "new_warm_cache": latency(new, rows, cold=False)}


def assist_latency(rows: list[dict], rounds: int = 3) -> dict:
    """assist() p50/p99 on the demo KB over these conversations, the shipped readers and the WordLlama reader
    interleaved in one run (the whole assist, so the readers' share is seen against everything else)."""
    import msgspec

    from backend.models import Conversation
    from backend.services import kb as kb_service
    from backend.services.assist import assist
    from bench.common import runtime

    conversations = [msgspec.convert({"helpdesk": "bench", "ticket_id": row["id"], **{k: v for k, v in row["conversation"].items()
                                      if k in ("subject", "messages", "customer")}}, Conversation) for row in rows]
    with tempfile.TemporaryDirectory() as tmp:
        rt = runtime(Path(tmp), "minilm")
        try:
            kb_service.import_paths(rt, [ROOT / "kb"], source="demo")
            samples: dict[str, list[float]] = {"shipped_readers": [], "wordllama_reader": []}
            for conversation in conversations[:3]:  # warm both paths
                assist(rt, conversation)
                with _foreign_reader("wordllama"), _english_reader("wordllama"):
                    assist(rt, conversation)
            for _ in range(rounds):
                for conversation in conversations:
                    cold(rt)
                    started = time.perf_counter()
                    assist(rt, conversation)
                    samples["shipped_readers"].append((time.perf_counter() - started) * 1000)
                    cold(rt)
                    with _foreign_reader("wordllama"), _english_reader("wordllama"):
                        started = time.perf_counter()
                        assist(rt, conversation)
                        samples["wordllama_reader"].append((time.perf_counter() - started) * 1000)
            # As the overlay calls it: once per new customer message, the earlier sentences' vectors cached. Each
            # reader grows its own copy of the conversations (ticket ids apart), in turn, so neither finds the
            # other's retrieval vectors cached.
            for name, readers in (("shipped_readers_growing", (tuning.SIGNALS_EMBEDDER, tuning.SIGNALS_FOREIGN_EMBEDDER)),
                                  ("wordllama_reader_growing", ("wordllama", "wordllama"))):
                cold(rt)
                samples[name] = []
                with _english_reader(readers[0]), _foreign_reader(readers[1]):
                    for conversation in conversations:
                        for end in range(1, len(conversation.messages) + 1):
                            if conversation.messages[end - 1].role != "customer":
                                continue
                            grown = msgspec.structs.replace(conversation, messages=conversation.messages[:end],
                                                            ticket_id=f"{conversation.ticket_id}-{name}")
                            started = time.perf_counter()
                            assist(rt, grown)
                            samples[name].append((time.perf_counter() - started) * 1000)
        finally:
            rt.close()
    out = {name: {"p50_ms": round(statistics.median(v), 2), "p99_ms": round(sorted(v)[int(0.99 * (len(v) - 1))], 2),
                  "calls": len(v)} for name, v in samples.items()}
    out["p50_ratio_cold"] = round(out["shipped_readers"]["p50_ms"] / out["wordllama_reader"]["p50_ms"], 3)
    out["p50_ratio_growing"] = round(out["shipped_readers_growing"]["p50_ms"] / out["wordllama_reader_growing"]["p50_ms"], 3)
    return out


def cold(rt) -> None:
    """Forget cached sentence and query vectors, so a call pays every embedding."""
    clear_vector_cache()
    rt.retriever._query_cache.clear()  # the retriever's recent queries (a bench reaching in, to measure cold)


@contextmanager
def _english_reader(spec: str) -> Iterator[None]:
    """compute_signals reading English with `spec` for the duration."""
    shipped = tuning.SIGNALS_EMBEDDER
    tuning.SIGNALS_EMBEDDER = spec
    try:
        yield
    finally:
        tuning.SIGNALS_EMBEDDER = shipped


def blind_n(folder: Path) -> dict:
    """A test-only blind set with the shipped detector: English and the six languages, read once."""
    new = _new(None)
    n = folder.name.removeprefix("signals_blind")
    return {f"escalation_english_blind{n}": {"new": escalation_scores(_rows("escalation.jsonl", folder), new)},
            f"escalation_multilingual_blind{n}": {"new": escalation_scores(
                _rows("escalation_multilingual.jsonl", folder), new)}}


def main() -> None:
    import sys

    if sys.argv[1:] == ["--latency"]:  # compute_signals per conversation alone, beside what signals.json holds
        previous = json.loads(result_file("signals.json").read_text())
        result = {k: v for k, v in previous.items() if k not in ("benchmark", "when", "machine")}
        result["latency_compute_signals_now"] = signals_latency()
        print(json.dumps(result["latency_compute_signals_now"], indent=2))
        write_result("signals", result)
        return
    if sys.argv[1:] in (["--blind5"], ["--blind6"]):  # one later blind set, beside what signals.json holds
        previous = json.loads(result_file("signals.json").read_text())
        result = {k: v for k, v in previous.items() if k not in ("benchmark", "when", "machine")}
        for key, value in blind_n(BLIND5 if sys.argv[1] == "--blind5" else BLIND6).items():
            result[f"{key}_rerun_after_seeing_it" if key in result else key] = value
        print(Path(write_result("signals", result)).read_text())
        return
    english, multilingual = _rows("escalation.jsonl"), _rows("escalation_multilingual.jsonl")
    english2 = _rows("escalation.jsonl", BLIND2)
    multilingual2 = _rows("escalation_multilingual.jsonl", BLIND2)
    english3 = _rows("escalation.jsonl", BLIND3)
    multilingual3 = _rows("escalation_multilingual.jsonl", BLIND3)
    english4 = _rows("escalation.jsonl", BLIND4)
    multilingual4 = _rows("escalation_multilingual.jsonl", BLIND4)
    new = _new(None)  # the shipped readers
    new(_turns([{"role": "customer", "text": "warm up"}]), None)
    new(_turns([{"role": "customer", "text": "hola, quiero hablar con alguien"}]), None)
    _wordllama_only(_turns([{"role": "customer", "text": "warm up"}]), None)
    _old(_turns([{"role": "customer", "text": "warm up"}]), None)

    def compare(rows: list[dict]) -> dict:
        return {"new": escalation_scores(rows, new), "wordllama_reader": escalation_scores(rows, _wordllama_only),
                "previous_rules": escalation_scores(rows, _old, legacy_codes=True)}

    result: dict = {
        "note": ("signals_blind: thresholds (backend/tuning.py) were chosen on its tune half, and its test half was "
                 "reported once, then read (its errors informed later changes). signals_blind2: the readers, the "
                 "safety code's exemplars and rules and the multilingual hand-over and ruling-out phrases were "
                 "chosen on its tune half; its test half was measured once (commit a9ef4f8), then read, and sarcastic "
                 "thanks, idioms in six languages and discrimination terms were added from its errors and "
                 "qa_blind7's. signals_blind3 (test only) was written blind meanwhile and measured once after those "
                 "(commit a9d5f01: English .818/.80, multilingual .80/.889); since then an independent review's "
                 "mends and qa_blind9's misses changed the rules, so its figures here are reruns, not held out. "
                 "signals_blind4 (test only) was written blind meanwhile: the held-out figures of the shipped "
                 "detector. "
                 "codes_name_every_trigger: share "
                 "of expected-high conversations whose codes contain every expected trigger code (human, churn, "
                 "legal, chargeback, public, safety, vip_money). wordllama_reader: the same detector reading every "
                 "language with WordLlama (the reader before signals_blind2). The previous rules had no codes: "
                 "their reasons are mapped onto the vocabulary."),
        "readers": {"english": tuning.SIGNALS_EMBEDDER, "other_languages": tuning.SIGNALS_FOREIGN_EMBEDDER},
        "escalation_english": compare(english),
        "escalation_multilingual": compare(multilingual),
        "escalation_english_blind2": compare(english2),
        "escalation_multilingual_blind2": compare(multilingual2),
        "escalation_english_blind3": compare(english3),
        "escalation_multilingual_blind3": compare(multilingual3),
        "escalation_english_blind4": compare(english4),
        "escalation_multilingual_blind4": compare(multilingual4),
        "language": {"new": language_scores(detect_language), "previous_rules": language_scores(legacy.detect_language)},
        "previous_fixture_40": {"note": "in-sample for the previous rules; older labels (shouting or a repeat alone "
                                        "counted as escalation)",
                                "new": legacy_fixture(new), "previous_rules": legacy_fixture(_old)},
        "tweetsumm_history": {
            "note": ("actual = agents (or notes) saying the case was escalated or handed to someone; old ground truth "
                     "= any agent message matching escalat/transfer/supervisor…. It cannot see escalations made "
                     "silently in the helpdesk (assignment, priority) or moved to DMs, nor whether a flagged "
                     "conversation deserved escalation that agents defused instead."),
            "new": tweetsumm_history(new), "previous_rules": tweetsumm_history(_old)},
    }
    both = english + multilingual + english2 + multilingual2 + english3 + multilingual3 + english4 + multilingual4
    result["latency_compute_signals"] = {
        "note": f"per conversation, all {len(both)} blind conversations x3, one process, 2 shared cores",
        "previous_rules": latency(_old, both, cold=True),
        "new_cold_cache": latency(new, both, cold=True),
        "new_warm_cache": latency(new, both, cold=False),
        "wordllama_reader_cold_cache": latency(_wordllama_only, both, cold=True),
    }
    result["assist_latency"] = {
        "note": "POST /v1/assist's service on the demo KB (MiniLM), 120 blind conversations (60 English, 60 in other "
                "languages): x3 with the sentence-vector cache emptied before each call (cold), and once per customer "
                "message as the conversation grows, cache kept (growing: what the overlay does); target p50 <= 1.5x "
                "(issue 24)",
        **assist_latency(english3[:60] + multilingual3[:60])}
    path = write_result("signals", result)
    print(Path(path).read_text())


if __name__ == "__main__":
    main()
