"""Customers who do not write English, against an English help centre: retrieval and grounding per language.

Both blind help centres (bench/data/helpcentres) with the questions a helper rewrote as customers in Spain,
Germany, France, the Netherlands, Portugal and Italy type them (bench/data/helpcentres/multilingual), and
the same questions in English. For each embedder: R@1 and R@5 (ranking needs no fit), then grounding:
logistic weights and an operating point fitted on kestrel's records (every language), applied to ledgerly
(held out, reported once) — so a `confidence` is measured to mean the same in every language.

    python -m bench.bench_languages [embedder ...]      (default: minilm e5-small use-m3)
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from bench.bench_answers import HELPCENTRES, helpcentre, import_history
from bench.bench_grounding import choose_operating_point, fit, top_confidences
from bench.common import latency_summary, runtime, write_result

TUNE, HELD_OUT = "kestrel", "ledgerly"
LANGUAGES = ("en", "es", "de", "fr", "nl", "pt", "it")


def questions(name: str) -> list[dict]:
    """The multilingual questions and their English originals (language "en")."""
    rows = [json.loads(line) for line in (HELPCENTRES / "multilingual" / f"{name}.jsonl").read_text().splitlines()
            if line.strip()]
    originals = {json.loads(line)["id"]: json.loads(line)
                 for line in (HELPCENTRES / name / "questions.jsonl").read_text().splitlines() if line.strip()}
    english = [{"id": f"{sid}-en", "source_id": sid, "language": "en", "query": originals[sid]["query"],
                "expected_article_id": originals[sid]["expected_article_id"], "kind": originals[sid]["kind"]}
               for sid in sorted({r["source_id"] for r in rows})]
    return english + rows


def records(name: str, embedder: str, workdir: Path, *, history: bool = False) -> list[dict]:
    """Every question's top hits and their grounding features (`history`: after learning from the business's
    own past conversations, as `tandem kb learn` does)."""
    from backend.retrieval.calibration import hit_features, lexical_overlap
    from backend.services import kb as kb_service
    from backend.services.calibration import calibrate

    kb, _, past, _ = helpcentre(name)
    rt = runtime(workdir / f"{name}-{embedder}-{'history' if history else 'cold'}", embedder)
    try:
        kb_service.upsert_articles(rt, kb, source=name)
        scale = calibrate(rt).scale
        if history:
            import_history(rt, past, workdir / f"{name}-{embedder}-history")
        out = []
        for row in questions(name):
            started = time.perf_counter()
            hits = rt.retriever.search(row["query"], k=5)
            ms = (time.perf_counter() - started) * 1000
            similarities = [h.similarity for h in hits]
            out.append({"language": row["language"], "expected": row["expected_article_id"], "kind": row["kind"],
                        "shipped_grounded": bool(hits) and hits[0].grounded, "ms": ms,
                        "hits": [h.article_id for h in hits], "similarities": similarities,
                        "features": [hit_features(similarities, i, lexical_overlap(row["query"], f"{h.title} {h.text}"),
                                                  scale) for i, h in enumerate(hits)]})
        return out
    finally:
        rt.close()


def table(rows: list[dict], weights: list[float] | None, bias: float = 0.0, point: float = 0.0) -> dict:
    """Per language: R@1, R@5, false abstention and out-of-scope abstention at the fitted operating point
    (`weights` None: the product's own decisions with its shipped weights)."""
    by_language: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_language[row["language"]].append(row)
    out = {}
    for language, items in by_language.items():
        grounded = top_confidences(items, weights, bias) >= point if weights is not None else \
            np.array([r["shipped_grounded"] for r in items])
        answerable = np.array([r["expected"] is not None for r in items])
        top1 = np.array([bool(r["hits"]) and r["hits"][0] == r["expected"] for r in items])
        top5 = np.array([r["expected"] in r["hits"] for r in items])
        out[language] = {"R@1": round(float(top1[answerable].mean()), 4), "R@5": round(float(top5[answerable].mean()), 4),
                         "false_abstention": round(float((~grounded[answerable]).mean()), 4),
                         "oos_abstention": round(float((~grounded[~answerable]).mean()), 4),
                         "answerable": int(answerable.sum()), "out_of_scope": int((~answerable).sum())}
    return out


def main(embedders: list[str]) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="tandem-languages-"))
    result: dict = {"tune": TUNE, "held_out": HELD_OUT, "embedders": {}}
    for embedder in embedders:
        tune, held = records(TUNE, embedder, workdir), records(HELD_OUT, embedder, workdir)
        weights, bias = fit({TUNE: tune})
        point = choose_operating_point({f"{TUNE}-{lang}": [r for r in tune if r["language"] == lang]
                                        for lang in LANGUAGES}, weights, bias, "targets")
        result["embedders"][embedder] = {
            "weights": weights, "bias": bias, "operating_point": point,
            "held_out_shipped_weights": table(held, None),
            "tune": table(tune, weights, bias, point), "held_out_table": table(held, weights, bias, point),
            "search": latency_summary([r["ms"] for r in tune + held])}
        for language, row in result["embedders"][embedder]["held_out_table"].items():
            print(embedder, HELD_OUT, language, row, file=sys.stderr)
    print(write_result("languages", result))


if __name__ == "__main__":
    main(sys.argv[1:] or ["minilm", "e5-small", "use-m3"])
