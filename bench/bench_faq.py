"""FAQ mining benchmarks (writes bench/results/faq.json):

1. Clustering quality on BANKING77 test (3,080 real queries, 77 intents), number of clusters not given:
   the distance threshold is tuned on a BANKING77 *train* sample, then applied to test; WordLlama and
   MiniLM side by side, with k-means given the true k as the reference.
2. The whole pipeline (import as one-message conversations -> `faq mine`) and what a reviewer sees:
   purity, duplicate drafts, coverage of intents with >= min-count queries.
3. New topics, banking77_oos: the 50 known intents are in the KB; mining test + id-oos queries should
   draft the 27 unseen intents and not the known ones.
4. Speed: mining over 100,000 stored queries (time, peak RSS).

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

import numpy as np
from scipy.optimize import linear_sum_assignment
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from bench.common import DATA, runtime, write_result

MIN_COUNT = 5
THRESHOLDS = (0.30, 0.35, 0.40, 0.45, 0.50)


def banking(split: str) -> tuple[list[str], list[str]]:
    rows = list(csv.DictReader((DATA / "banking77" / f"{split}.csv").open(encoding="utf-8")))
    return [r["text"] for r in rows], [r["category"] for r in rows]


def hungarian_accuracy(labels: list[str], clusters: list[int]) -> float:
    names = sorted(set(labels))
    ids = sorted(set(clusters))
    matrix = np.zeros((len(ids), len(names)))
    for label, cluster_id in zip(labels, clusters, strict=True):
        matrix[ids.index(cluster_id), names.index(label)] += 1
    rows, cols = linear_sum_assignment(-matrix)
    return float(matrix[rows, cols].sum() / len(labels))


def reviewer_view(groups: list[list[int]], labels: list[str], min_count: int) -> dict:
    """Purity, duplicate rate and coverage of the drafts a reviewer would see."""
    drafts = [g for g in groups if len(g) >= min_count]
    majorities = [Counter(labels[i] for i in g).most_common(1)[0] for g in drafts]
    members = sum(len(g) for g in drafts)
    purity = sum(n for _, n in majorities) / members if members else 0.0
    names = [name for name, _ in majorities]
    duplicates = (len(names) - len(set(names))) / len(names) if names else 0.0
    eligible = {label for label, n in Counter(labels).items() if n >= min_count}
    coverage = len(set(names) & eligible) / len(eligible) if eligible else 0.0
    return {"drafts": len(drafts), "purity": round(purity, 3), "duplicate_rate": round(duplicates, 3),
            "coverage": round(coverage, 3)}


def score(labels: list[str], assignment: np.ndarray) -> dict:
    groups: dict[int, list[int]] = {}
    for i, c in enumerate(assignment):
        groups.setdefault(int(c), []).append(i)
    return {
        "clusters": len(groups),
        "nmi": round(100 * normalized_mutual_info_score(labels, assignment), 2),
        "ari": round(100 * adjusted_rand_score(labels, assignment), 2),
        "acc": round(100 * hungarian_accuracy(labels, list(map(int, assignment))), 2),
        **reviewer_view(list(groups.values()), labels, MIN_COUNT),
    }


def embed(embedder, texts: list[str]) -> np.ndarray:
    vectors = np.asarray(embedder.embed(texts), dtype=np.float32)
    return vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-12)


def clustering_quality() -> dict:
    import faiss

    from backend.retrieval.embed import get_embedder
    from backend.services.faq import cluster

    test_texts, test_labels = banking("test")
    train_texts, train_labels = banking("train")
    sample = random.Random(0).sample(range(len(train_texts)), 3000)
    out = {}
    for name in ("wordllama", "minilm-int8"):
        embedder = get_embedder(name)
        train = embed(embedder, [train_texts[i] for i in sample])
        tuning = {t: score([train_labels[i] for i in sample], cluster(train, threshold=t)) for t in THRESHOLDS}
        best = max(THRESHOLDS, key=lambda t: tuning[t]["nmi"] + tuning[t]["ari"])
        test = embed(embedder, test_texts)
        started = time.perf_counter()
        result = score(test_labels, cluster(test, threshold=best))
        result["seconds"] = round(time.perf_counter() - started, 2)
        kmeans = faiss.Kmeans(test.shape[1], 77, niter=25, seed=0, spherical=True)
        kmeans.train(test)
        _, given_k = kmeans.index.search(test, 1)
        out[name] = {"threshold_tuned_on_train": best, "train_tuning": {str(t): tuning[t] for t in THRESHOLDS},
                     "test": result, "kmeans_true_k_reference": score(test_labels, given_k[:, 0])}
        print(name, best, result, flush=True)
    return out


def _conversations_file(path: Path, texts: list[str], prefix: str) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            f.write(json.dumps({"helpdesk": "bench", "ticket_id": f"{prefix}-{i}",
                                "messages": [{"id": f"{prefix}-{i}", "role": "customer", "text": text}]}) + "\n")


def pipeline(embedder: str = "minilm-int8") -> dict:
    """BANKING77 test through `conversations import` + `faq mine` (empty KB): what a reviewer sees."""
    from backend.services import faq, history

    texts, labels = banking("test")
    with tempfile.TemporaryDirectory() as tmp:
        rt = runtime(Path(tmp), embedder)
        file = Path(tmp) / "banking_test.jsonl"
        _conversations_file(file, texts, "b")
        started = time.perf_counter()
        history.import_history(rt, [file])
        imported = time.perf_counter() - started
        report = faq.mine(rt, min_count=MIN_COUNT)
        label_of = {f"b-{i}": labels[i] for i in range(len(texts))}
        drafts = faq.list_drafts(rt, "all")
        groups = [d["member_message_ids"] for d in drafts]
        keyed = {m: label_of[m] for g in groups for m in g}
        index = {m: i for i, m in enumerate(keyed)}
        view = reviewer_view([[index[m] for m in g] for g in groups], list(keyed.values()), MIN_COUNT)
        eligible = {label for label, n in Counter(labels).items() if n >= MIN_COUNT}
        covered = {Counter(label_of[m] for m in g).most_common(1)[0][0] for g in groups}
        view["coverage"] = round(len(covered & eligible) / len(eligible), 3)
        again = faq.mine(rt, min_count=MIN_COUNT)
        rt.close()
    return {"embedder": embedder, "import_seconds": round(imported, 1), "mine": report.as_dict(), **view,
            "remine_new_drafts": again.new_drafts, "remine_grown": again.grown_drafts}


def new_topics(embedder: str = "minilm-int8") -> dict:
    """banking77_oos: KB = the 50 known intents; do drafts go to the 27 unseen ones?"""
    from backend.services import faq, history
    from backend.services import kb as kb_service

    root = DATA / "banking77_oos"

    def read(split: Path) -> tuple[list[str], list[str]]:
        texts = (split / "seq.in").read_text(encoding="utf-8").splitlines()
        label_file = split / "label_original" if (split / "label_original").exists() else split / "label"
        return texts, label_file.read_text(encoding="utf-8").splitlines()

    train_texts, train_labels = read(root / "train")
    known = sorted(set(train_labels))
    test_texts, test_labels = read(root / "test")
    oos_texts, oos_labels = read(root / "id-oos" / "test")
    with tempfile.TemporaryDirectory() as tmp:
        rt = runtime(Path(tmp), embedder)
        # One article per known intent, made of its training questions (bench data only, never kb/).
        articles = []
        for intent in known:
            examples = [t for t, lab in zip(train_texts, train_labels, strict=True) if lab == intent][:15]
            articles.append({"external_id": intent, "title": intent.replace("_", " "), "body": "\n".join(examples)})
        kb_service.upsert_articles(rt, articles, source="bench")
        texts = test_texts + oos_texts
        labels = test_labels + oos_labels
        file = Path(tmp) / "oos.jsonl"
        _conversations_file(file, texts, "q")
        history.import_history(rt, [file])
        report = faq.mine(rt, min_count=MIN_COUNT)
        drafts = faq.list_drafts(rt, "all")
        rt.close()
    label_of = {f"q-{i}": labels[i] for i in range(len(texts))}
    unseen = {lab for lab, n in Counter(oos_labels).items() if n >= MIN_COUNT and lab not in known}
    majorities = [Counter(label_of[m] for m in d["member_message_ids"]).most_common(1)[0][0] for d in drafts]
    new = [m for m in majorities if m in unseen]
    return {"embedder": embedder, "known_intents": len(known), "unseen_intents_eligible": len(unseen),
            "drafts": len(drafts), "already_answered_clusters": report.already_answered,
            "precision": round(len(new) / len(drafts), 3) if drafts else 0.0,
            "recall": round(len(set(new)) / len(unseen), 3) if unseen else 0.0}


def speed(count: int = 100_000, embedder: str = "minilm-int8") -> dict:
    """Mining over `count` stored queries. Vectors are stored once at import (not timed here); the
    queries are real BANKING77 / Bitext texts, repeated with small variations to reach `count`."""
    from backend.services import faq
    from backend.store import faq as faq_store
    from backend.store.db import transaction

    texts, _ = banking("train")
    texts += banking("test")[0]
    bitext = DATA / "bitext_cs"
    for path in sorted(bitext.glob("*.csv")):
        texts += [r.get("instruction") or r.get("text") or "" for r in csv.DictReader(path.open(encoding="utf-8"))]
    texts = [t for t in dict.fromkeys(texts) if t]
    with tempfile.TemporaryDirectory() as tmp:
        rt = runtime(Path(tmp), embedder)
        vectors = embed(rt.retriever.embedder, texts)
        rng = random.Random(1)
        picks = [rng.randrange(len(texts)) for _ in range(count)]
        from backend.store import conversations as conv_store

        with transaction(rt.db):
            rows = []
            for n, i in enumerate(picks):
                cid = conv_store.upsert_conversation(rt.db, {"helpdesk": "bench", "ticket_id": str(n)})
                conv_store.add_messages(rt.db, cid, [{"key": "q", "role": "customer", "text": texts[i]}])
                rows.append(cid)
        ids = [r[0] for r in rt.db.execute("SELECT id FROM messages ORDER BY id").fetchall()]
        with transaction(rt.db):
            faq_store.save_vectors(rt.db, ids, vectors[picks], rt.retriever.embedder.name)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        report = faq.mine(rt, min_count=MIN_COUNT)
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rt.close()
    return {"queries": count, "distinct_texts": len(texts), "embedder": embedder, "seconds": round(seconds, 1),
            "peak_rss_mb": round(peak), "rss_before_mining_mb": round(before), "mine": report.as_dict(),
            "target_seconds": 60, "target_peak_mb": 2048}


def main() -> None:
    result = {"min_count": MIN_COUNT, "clustering": clustering_quality(), "pipeline": pipeline(),
              "new_topics": new_topics()}
    if "--skip-speed" not in sys.argv:
        result["speed"] = speed()
    write_result("faq", result)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
