"""Retrieval quality and latency: StackFAQ (R@1/R@5/MRR) and banking77_oos abstention (AUROC, P/R).

Every method runs in this one process, side by side, through Tandem's own import path and Retriever:
BM25 alone, dense alone and fused, for each embedder. Writes bench/results/retrieval.json.
Run: .venv/bin/python -m bench.bench_retrieval
"""

from __future__ import annotations

import html
import json
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from backend.services import kb as kb_service
from bench.common import DATA, auroc, latency_summary, runtime, write_result

EMBEDDERS = ("minilm", "minilm-int8", "wordllama")
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


def stackfaq(workdir: Path) -> dict:
    articles, queries = load_stackfaq()
    source = write_jsonl(workdir / "stackfaq.jsonl", articles)
    out = {"articles": len(articles), "queries": len(queries), "runs": {}}
    for embedder in EMBEDDERS:
        rt = runtime(workdir / f"sf-{embedder}", embedder)
        start = time.perf_counter()
        report = kb_service.import_paths(rt, [source], source="stackfaq")
        import_s = time.perf_counter() - start
        assert report.ok and report.added == len(articles), report.summary()
        rt.retriever.search("warm up", k=1)
        for name, fusion, dense_w, lexical_w in METHODS:
            if name == "bm25" and embedder != EMBEDDERS[0]:
                continue
            key = "bm25" if name == "bm25" else f"{embedder}:{name}"
            out["runs"][key] = eval_ranking(rt, queries, fusion, dense_w, lexical_w)
            print(key, out["runs"][key], file=sys.stderr)
        if embedder == EMBEDDERS[0]:
            # The "bm25" row ranks by BM25 alone but still embeds the query, since every hit carries the
            # dense `grounded` flag; this times the FTS5 leg by itself, as a lexical-only engine would run.
            out["runs"]["bm25:lexical_leg_latency"] = lexical_leg_latency(rt, queries)
            print("bm25:lexical_leg_latency", out["runs"]["bm25:lexical_leg_latency"], file=sys.stderr)
        out["runs"][f"{embedder}:import_seconds"] = round(import_s, 2)
        rt.retriever.fusion, rt.retriever.dense_weight, rt.retriever.lexical_weight = "blend", 1.0, 0.05
        out.setdefault("abstention_cross_domain", {})[embedder] = cross_domain_abstention(rt, queries)
        print(embedder, out["abstention_cross_domain"][embedder], file=sys.stderr)
        rt.close()
    return out


def cross_domain_abstention(rt, queries: list[tuple[str, str]]) -> dict:
    """Article-style KB (StackFAQ): its paraphrases are answerable; banking and general queries are not."""
    root = DATA / "banking77_oos"
    oos = read_lines(root / "ood-oos" / "test" / "seq.in") + read_lines(root / "test" / "seq.in")[:1000]
    top = lambda q: max((h.similarity for h in rt.retriever.search(q, k=3)), default=-1.0)  # noqa: E731
    pos = np.array([top(q) for q, _ in queries])
    neg = np.array([top(q) for q in oos])
    best = float(max(np.unique(np.round(np.concatenate([pos, neg]), 3)),
                     key=lambda th: 2 * (pos >= th).sum() / max(2 * (pos >= th).sum() + (neg >= th).sum()
                                                                 + (pos < th).sum(), 1)))
    shipped = rt.retriever.threshold
    def at(th: float) -> dict:
        tp, fp = int((pos >= th).sum()), int((neg >= th).sum())
        return {"threshold": round(th, 3), "precision": round(tp / max(tp + fp, 1), 4),
                "recall": round(tp / len(pos), 4), "oos_rejected": round(float((neg < th).mean()), 4)}
    return {"auroc": round(auroc(list(pos), list(neg)), 4), "answerable": len(pos), "out_of_scope": len(neg),
            "calibrated_threshold_f1": round(best, 3), "at_calibrated_threshold": at(best),
            "at_shipped_threshold": at(shipped)}


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
        return in_scope, oos

    out = {"intents": len(articles), "runs": {}}
    for embedder in EMBEDDERS:
        rt = runtime(workdir / f"b77-{embedder}", embedder)
        report = kb_service.import_paths(rt, [source], source="banking")
        assert report.ok, report.summary()
        retriever = rt.retriever

        def top_similarity(queries: list[str]) -> np.ndarray:
            return np.array([max((h.similarity for h in retriever.search(q, k=3)), default=-1.0) for q in queries])

        valid_in, valid_oos = split("valid")
        test_in, test_oos = split("test")
        v_in, v_oos = top_similarity(valid_in), top_similarity(valid_oos)
        t_in, t_oos = top_similarity(test_in), top_similarity(test_oos)
        # Calibrate on valid: the threshold with the best F1 for "grounded" (in-scope).
        candidates = np.unique(np.round(np.concatenate([v_in, v_oos]), 3))
        def f1_at(th: float) -> float:
            tp = (v_in >= th).sum()
            fp = (v_oos >= th).sum()
            fn = (v_in < th).sum()
            return 2 * tp / max(2 * tp + fp + fn, 1)
        best = float(max(candidates, key=f1_at))
        shipped = retriever.threshold

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
            "at_shipped_threshold": pr(shipped),
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
