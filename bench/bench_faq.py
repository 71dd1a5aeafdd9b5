"""FAQ mining benchmarks (writes bench/results/faq.json):

1. New topics, banking77_oos: the 50 known intents are in the KB (one article per intent, calibrated the
   way an imported KB is); mining test + id-oos queries should draft the 27 unseen intents and not the
   known ones.
2. Speed: mining over 100,000 stored queries (time, peak RSS).

Clustering quality and the whole import -> mine pipeline are measured by bench/bench_mining.py
(leave-one-dataset-out, the product pipeline on four data sets).

Drafts are written by the extractive engine (no model calls), so the numbers do not depend on an API key.
BENCH_SMOKE=1: 600 queries for new topics, 2,000 stored queries for speed; writes smoke-faq.json.

Usage: python -m bench.bench_faq [--skip-speed]
"""

from __future__ import annotations

import csv
import json
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import msgspec
import numpy as np

from bench.common import DATA, SMOKE, read_banking77_oos, runtime, sized, write_result

MIN_COUNT = 5


def banking(split: str) -> tuple[list[str], list[str]]:
    rows = list(csv.DictReader((DATA / "banking77" / f"{split}.csv").open(encoding="utf-8")))
    return [r["text"] for r in rows], [r["category"] for r in rows]


def embed(embedder, texts: list[str]) -> np.ndarray:
    vectors = np.asarray(embedder.embed(texts), dtype=np.float32)
    return vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12)


def _conversations_file(path: Path, texts: list[str], prefix: str) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            f.write(json.dumps({"helpdesk": "bench", "ticket_id": f"{prefix}-{i}",
                                "messages": [{"id": f"{prefix}-{i}", "role": "customer", "text": text}]}) + "\n")


def new_topics(embedder: str = "minilm-int8") -> dict:
    """banking77_oos: KB = the 50 known intents; do drafts go to the 27 unseen ones?"""
    from backend.models import ArticleIn
    from backend.services import faq, history
    from backend.services import kb as kb_service
    from backend.services.calibration import calibrate



    train_texts, train_labels = read_banking77_oos("train")
    known = sorted(set(train_labels))
    test_texts, test_labels = read_banking77_oos("test")
    oos_texts, oos_labels = read_banking77_oos("id-oos/test")
    texts = test_texts + oos_texts
    labels = test_labels + oos_labels
    if SMOKE:  # a random share of the queries (the KB stays whole)
        keep = sorted(random.Random(0).sample(range(len(texts)), sized(len(texts), 600)))
        texts, labels = [texts[i] for i in keep], [labels[i] for i in keep]
    with tempfile.TemporaryDirectory() as tmp:
        rt = runtime(Path(tmp), embedder, llm="extractive")
        # One article per known intent, made of its training questions (bench data only, never kb/).
        articles = []
        for intent in known:
            examples = [t for t, lab in zip(train_texts, train_labels, strict=True) if lab == intent][:15]
            articles.append(ArticleIn(external_id=intent, title=intent.replace("_", " "), body="\n".join(examples)))
        kb_service.upsert_articles(rt, articles, source="bench")
        calibration = calibrate(rt)  # upsert_articles does not recalibrate; `kb import` would have
        file = Path(tmp) / "oos.jsonl"
        _conversations_file(file, texts, "q")
        history.import_history(rt, [file])
        report = faq.mine(rt, min_count=MIN_COUNT)
        drafts = faq.list_drafts(rt, "all")
        rt.close()
    label_of = {f"q-{i}": labels[i] for i in range(len(texts))}
    unseen = {lab for lab, n in Counter(labels).items() if n >= MIN_COUNT and lab not in known}
    majorities = [Counter(label_of[m] for m in d.member_message_ids).most_common(1)[0][0] for d in drafts]
    new = [m for m in majorities if m in unseen]
    return {"embedder": embedder, "known_intents": len(known), "unseen_intents_eligible": len(unseen),
            "queries": len(texts), "drafts": len(drafts), "already_answered_clusters": report.already_answered,
            "precision": round(len(new) / len(drafts), 3) if drafts else 0.0,
            "recall": round(len(set(new)) / len(unseen), 3) if unseen else 0.0,
            "calibration": {"method": calibration.method, "operating_point": calibration.operating_point}}


def speed(count: int = 100_000, embedder: str = "minilm-int8") -> dict:
    """Mining over `count` stored queries. Vectors are stored once at import (not timed here); the
    queries are real BANKING77 / Bitext texts, repeated with small variations to reach `count`."""
    from backend.models import Customer, Thread, Turn
    from backend.services import faq
    from backend.store import conversations as conv_store
    from backend.store import faq as faq_store

    texts, _ = banking("train")
    texts += banking("test")[0]
    bitext = DATA / "bitext_cs"
    for path in sorted(bitext.glob("*.csv")):
        texts += [r.get("instruction") or r.get("text") or "" for r in csv.DictReader(path.open(encoding="utf-8"))]
    texts = [t for t in dict.fromkeys(texts) if t]
    if SMOKE:  # fewer distinct texts to embed (embedding is not what is timed)
        texts = random.Random(0).sample(texts, sized(len(texts), 1500))
    with tempfile.TemporaryDirectory() as tmp:
        rt = runtime(Path(tmp), embedder, llm="extractive")
        vectors = embed(rt.retriever.embedder, texts)
        rng = random.Random(1)
        picks = [rng.randrange(len(texts)) for _ in range(count)]
        with rt.db.transaction():
            for n, i in enumerate(picks):
                thread = Thread(helpdesk="bench", site="", ticket_id=str(n), url=None, subject=None,
                                customer=Customer(), messages=[Turn(key="q", role="customer", text=texts[i])])
                cid = conv_store.upsert_conversation(rt.db, thread)
                conv_store.add_messages(rt.db, cid, thread.messages)
        ids = [int(r[0]) for r in rt.db.rows("SELECT id FROM messages ORDER BY id")]
        with rt.db.transaction():
            faq_store.save_vectors(rt.db, ids, vectors[picks], rt.retriever.embedder.name)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        report = faq.mine(rt, min_count=MIN_COUNT)
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rt.close()
    return {"queries": count, "distinct_texts": len(texts), "embedder": embedder, "seconds": round(seconds, 1),
            "peak_rss_mb": round(peak), "rss_before_mining_mb": round(before), "mine": msgspec.to_builtins(report),
            "target_seconds": 60, "target_peak_mb": 2048}


def main() -> None:
    result = {"min_count": MIN_COUNT, "new_topics": new_topics()}
    print(json.dumps(result["new_topics"]), file=sys.stderr, flush=True)
    if "--skip-speed" not in sys.argv:
        result["speed"] = speed(sized(100_000, 2_000))
    path = write_result("faq", result)
    print(json.dumps(result, indent=2))
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
