"""Retrieval quality and latency: StackFAQ (R@1/R@5/MRR) and banking77_oos abstention (AUROC, P/R).

Every method runs in this one process, side by side, through Tandem's own import path and Retriever:
BM25 alone, dense alone and fused, for each embedder. Writes bench/results/retrieval.json.

Abstention ("does the KB answer this?"), per query over its top 3 hits:
- the best cosine similarity: AUROC, the best-F1 cosine threshold chosen on the data
  (`calibrated_threshold_*`, as before) and the previous release's fixed cosine threshold
  (`at_previous_release_threshold`; it replaced `at_shipped_threshold`, since no cosine threshold ships now);
- what ships now, the per-KB calibrated confidence (`hit.confidence`, measured by `calibrate` after the
  import): `confidence_auroc` and the P/R of `hit.grounded` at the KB's operating point (`at_shipped_grounded`).
  The grounding weights were fitted on six domains that include StackFAQ and a KB built from banking77_oos
  (bench/bench_grounding.py), so these confidence numbers are not held out (that table is in grounding.json).
`import_seconds` includes the calibration `kb import` now runs after a change.

BENCH_SMOKE=1: 300 StackFAQ queries and at most 300 queries per abstention pool; writes smoke-retrieval.json.
Run: .venv/bin/python -m bench.bench_retrieval
"""

from __future__ import annotations

import html
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

import msgspec
import numpy as np

from backend import tuning
from backend.services import kb as kb_service
from backend.services.calibration import calibrate
from bench.common import DATA, SMOKE, auroc, latency_summary, runtime, write_result

EMBEDDERS = ("minilm", "minilm-int8", "wordllama")
# The fixed cosine threshold each embedder shipped with before per-KB calibration (kept as a reference).
PREVIOUS_RELEASE_THRESHOLDS = {"minilm": 0.52, "minilm-int8": 0.53, "wordllama": 0.47}
SMOKE_QUERIES = 300
# (name, fusion, dense weight, lexical weight)
METHODS = (("bm25", "rrf", 0.0, 1.0), ("dense", "rrf", 1.0, 0.0), ("rrf_1_1", "rrf", 1.0, 1.0),
           ("rrf_1_0.25", "rrf", 1.0, 0.25), ("blend_0.05", "blend", 1.0, 0.05), ("blend_0.1", "blend", 1.0, 0.1))


def load_stackfaq() -> tuple[list[dict], list[tuple[str, str]]]:
    """(articles, [(query, article_id)]) from the StackFAQ XML."""
    text = (DATA / "stackfaq" / "stackExchange-FAQ.xml").read_text()
    articles, queries = [], []
    for number, pair in enumerate(re.findall(r"<qapair>(.*?)</qapair>", text, flags=re.S), start=1):
        def field(tag: str, block: str = pair) -> list[str]:
            return [html.unescape(x).strip() for x in re.findall(fr"<{tag}>(.*?)</{tag}>", block, flags=re.S)]
        article_id = f"faq-{number}"
        answers = field("answer")
        articles.append({"id": article_id, "title": field("question")[0],
                         "body": "\n\n".join(a for a in answers if a)})
        queries += [(q, article_id) for q in field("rephr") if q and q != "*"]
    return articles, queries


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    return path


def eval_ranking(rt, queries, fusion, dense_w, lexical_w) -> dict:
    retriever = rt.retriever
    retriever.fusion, retriever.dense_weight, retriever.lexical_weight = fusion, dense_w, lexical_w
    ranks, latency = [], []
    for query, expected in queries:
        start = time.perf_counter()
        hits = retriever.search(query, k=10)
        latency.append((time.perf_counter() - start) * 1000)
        ids = [h.article_id for h in hits]
        ranks.append(ids.index(expected) + 1 if expected in ids else None)
    n = len(ranks)
    return {
        "R@1": round(sum(r == 1 for r in ranks) / n, 4),
        "R@5": round(sum(r is not None and r <= 5 for r in ranks) / n, 4),
        "MRR": round(sum(1 / r for r in ranks if r) / n, 4),
        "latency": latency_summary(latency),
    }


def lexical_leg_latency(rt, queries) -> dict:
    """Per-query latency of the FTS5/BM25 leg alone (no query embedding)."""
    latency = []
    for query, _ in queries:
        start = time.perf_counter()
        rt.retriever._lexical_search(query, 50)  # the bench times one leg on purpose
        latency.append((time.perf_counter() - start) * 1000)
    return latency_summary(latency)


def sample(items: list, size: int) -> list:
    """`items`, or a fixed random `size` of them (in their order) under BENCH_SMOKE."""
    if not SMOKE or len(items) <= size:
        return items
    return [items[i] for i in sorted(random.Random(0).sample(range(len(items)), size))]


def top_scores(retriever, queries: list[str], k: int = 3) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per query, over its top `k` hits: (best cosine similarity, best calibrated confidence, any grounded)."""
    similarity, confidence, grounded = [], [], []
    for query in queries:
        hits = retriever.search(query, k=k)
        similarity.append(max((h.similarity for h in hits), default=-1.0))
        confidence.append(max((h.confidence for h in hits), default=0.0))
        grounded.append(any(h.grounded for h in hits))
    return np.array(similarity), np.array(confidence), np.array(grounded, dtype=bool)


def grounded_pr(pos: np.ndarray, neg: np.ndarray, operating_point: float) -> dict:
    """P/R of the shipped `grounded` decision (answerable = positive)."""
    tp, fp = int(pos.sum()), int(neg.sum())
    return {"operating_point": operating_point, "precision": round(tp / max(tp + fp, 1), 4),
            "recall": round(tp / len(pos), 4), "oos_rejected": round(float((~neg).mean()), 4)}


def calibration_info(calibration) -> dict:
    """What the KB measured of itself (`tandem kb calibrate`), without the fitted weights."""
    return {"method": calibration.method, "operating_point": calibration.operating_point,
            "scale": msgspec.to_builtins(calibration.scale)}


def stackfaq(workdir: Path) -> dict:
    articles, queries = load_stackfaq()
    queries = sample(queries, SMOKE_QUERIES)
    source = write_jsonl(workdir / "stackfaq.jsonl", articles)
    out = {"articles": len(articles), "queries": len(queries), "runs": {}}
    for embedder in EMBEDDERS:
        rt = runtime(workdir / f"sf-{embedder}", embedder)
        start = time.perf_counter()
        report = kb_service.import_paths(rt, [source], source="stackfaq")
        import_s = time.perf_counter() - start
        assert report.ok and report.added == len(articles), report.summary()
        calibration = calibrate(rt)
        rt.retriever.search("warm up", k=1)
        for name, fusion, dense_w, lexical_w in METHODS:
            if name == "bm25" and embedder != EMBEDDERS[0]:
                continue
            key = "bm25" if name == "bm25" else f"{embedder}:{name}"
            out["runs"][key] = eval_ranking(rt, queries, fusion, dense_w, lexical_w)
            print(key, out["runs"][key], file=sys.stderr)
        if embedder == EMBEDDERS[0]:
            # The "bm25" row ranks by BM25 alone but still embeds the query, since every hit carries its
            # dense similarity and calibrated confidence; this times the FTS5 leg by itself, as a lexical-only
            # engine would run.
            out["runs"]["bm25:lexical_leg_latency"] = lexical_leg_latency(rt, queries)
            print("bm25:lexical_leg_latency", out["runs"]["bm25:lexical_leg_latency"], file=sys.stderr)
        out["runs"][f"{embedder}:import_seconds"] = round(import_s, 2)
        # Abstention with the shipped fusion (the confidence's margin and "top" features depend on the ranking).
        rt.retriever.fusion, rt.retriever.dense_weight, rt.retriever.lexical_weight = \
            tuning.FUSION, tuning.DENSE_WEIGHT, tuning.LEXICAL_WEIGHT
        out.setdefault("abstention_cross_domain", {})[embedder] = {
            **cross_domain_abstention(rt, queries, embedder), "calibration": calibration_info(calibration)}
        print(embedder, out["abstention_cross_domain"][embedder], file=sys.stderr)
        rt.close()
    return out


def cross_domain_abstention(rt, queries: list[tuple[str, str]], embedder: str) -> dict:
    """Article-style KB (StackFAQ): its paraphrases are answerable; banking and general queries are not."""
    root = DATA / "banking77_oos"
    oos = sample(read_lines(root / "ood-oos" / "test" / "seq.in") + read_lines(root / "test" / "seq.in")[:1000],
                 SMOKE_QUERIES)
    pos, pos_conf, pos_grounded = top_scores(rt.retriever, [q for q, _ in queries])
    neg, neg_conf, neg_grounded = top_scores(rt.retriever, oos)
    best = float(max(np.unique(np.round(np.concatenate([pos, neg]), 3)),
                     key=lambda th: 2 * (pos >= th).sum() / max(2 * (pos >= th).sum() + (neg >= th).sum()
                                                                 + (pos < th).sum(), 1)))
    def at(th: float) -> dict:
        tp, fp = int((pos >= th).sum()), int((neg >= th).sum())
        return {"threshold": round(th, 3), "precision": round(tp / max(tp + fp, 1), 4),
                "recall": round(tp / len(pos), 4), "oos_rejected": round(float((neg < th).mean()), 4)}
    return {"auroc": round(auroc(list(pos), list(neg)), 4), "answerable": len(pos), "out_of_scope": len(neg),
            "calibrated_threshold_f1": round(best, 3), "at_calibrated_threshold": at(best),
            "at_previous_release_threshold": at(PREVIOUS_RELEASE_THRESHOLDS[embedder]),
            "confidence_auroc": round(auroc(list(pos_conf), list(neg_conf)), 4),
            "at_shipped_grounded": grounded_pr(pos_grounded, neg_grounded, rt.retriever.calibration.operating_point)}


def read_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text().splitlines()]


def banking_oos(workdir: Path) -> dict:
    """KB = one article per in-scope intent (its train queries); in-scope test vs out-of-scope test."""
    root = DATA / "banking77_oos"
    train_q, train_l = read_lines(root / "train" / "seq.in"), read_lines(root / "train" / "label")
    by_intent: dict[str, list[str]] = {}
    for q, label in zip(train_q, train_l, strict=True):
        by_intent.setdefault(label, []).append(q)
    articles = [{"id": intent, "title": intent.replace("_", " "), "body": "\n".join(f"- {q}" for q in qs)}
                for intent, qs in sorted(by_intent.items())]
    source = write_jsonl(workdir / "banking.jsonl", articles)

    def split(name: str) -> tuple[list[str], list[str]]:
        in_scope = read_lines(root / name / "seq.in")
        oos = read_lines(root / "id-oos" / name / "seq.in") + read_lines(root / "ood-oos" / name / "seq.in")
        return sample(in_scope, SMOKE_QUERIES), sample(oos, SMOKE_QUERIES)

    out = {"intents": len(articles), "runs": {}}
    for embedder in EMBEDDERS:
        rt = runtime(workdir / f"b77-{embedder}", embedder)
        report = kb_service.import_paths(rt, [source], source="banking")
        assert report.ok, report.summary()
        calibration = calibrate(rt)
        retriever = rt.retriever

        valid_in, valid_oos = split("valid")
        test_in, test_oos = split("test")
        v_in, v_in_conf, _ = top_scores(retriever, valid_in)
        v_oos, v_oos_conf, _ = top_scores(retriever, valid_oos)
        t_in, t_in_conf, t_in_grounded = top_scores(retriever, test_in)
        t_oos, t_oos_conf, t_oos_grounded = top_scores(retriever, test_oos)
        # Calibrate on valid: the threshold with the best F1 for "grounded" (in-scope).
        candidates = np.unique(np.round(np.concatenate([v_in, v_oos]), 3))
        def f1_at(th: float) -> float:
            tp = (v_in >= th).sum()
            fp = (v_oos >= th).sum()
            fn = (v_in < th).sum()
            return 2 * tp / max(2 * tp + fp + fn, 1)
        best = float(max(candidates, key=f1_at))

        def pr(th: float) -> dict:
            tp = int((t_in >= th).sum())
            fp = int((t_oos >= th).sum())
            return {"threshold": round(th, 3), "precision": round(tp / max(tp + fp, 1), 4),
                    "recall": round(tp / len(t_in), 4),
                    "oos_rejected": round(float((t_oos < th).mean()), 4)}

        out["runs"][embedder] = {
            "valid_auroc": round(auroc(list(v_in), list(v_oos)), 4),
            "test_auroc": round(auroc(list(t_in), list(t_oos)), 4),
            "calibrated_threshold_valid_f1": round(best, 3),
            "at_calibrated_threshold": pr(best),
            "at_previous_release_threshold": pr(PREVIOUS_RELEASE_THRESHOLDS[embedder]),
            "valid_confidence_auroc": round(auroc(list(v_in_conf), list(v_oos_conf)), 4),
            "test_confidence_auroc": round(auroc(list(t_in_conf), list(t_oos_conf)), 4),
            "at_shipped_grounded": grounded_pr(t_in_grounded, t_oos_grounded, retriever.calibration.operating_point),
            "calibration": calibration_info(calibration),
            "test_in_scope": len(t_in), "test_out_of_scope": len(t_oos),
        }
        print(embedder, out["runs"][embedder], file=sys.stderr)
        rt.close()
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        result = {"stackfaq": stackfaq(workdir), "banking77_oos_abstention": banking_oos(workdir)}
    path = write_result("retrieval", result)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
