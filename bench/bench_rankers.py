"""Which ranker: embedders whose weights ship inside packages, and the BM25 weight, side by side in one run.

Each domain's KB is imported through Tandem's own path with each embedder, and its answerable questions are
ranked by `kb search` (one hit per article): R@1, R@5, MRR, query latency (p50 of the whole search) and
import speed (chunks a second, embedding included). Domains: the six of bench_grounding and the two blind
help centres (kestrel: long articles and shared titles; ledgerly). Nothing here is fitted: each embedder
ranks with its own cosine plus the shipped BM25 blend; `--lexical` adds the blend weights to compare.

    python -m bench.bench_rankers [--lexical] [--quick]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench.bench_answers import HELPCENTRES, helpcentre, stackfaq_all
from bench.bench_grounding import DOMAINS as GROUNDING_DOMAINS
from bench.bench_grounding import Query
from bench.common import latency_summary, runtime, write_result

EMBEDDERS = ("minilm", "minilm-int8", "wordllama", "e5-small")
LEXICAL_WEIGHTS = (0.05, 0.2, 0.5)


def domains(quick: bool) -> dict[str, tuple[list, list[Query]]]:
    """Each domain's KB and answerable questions."""
    built = {name: build() for name, (build, _) in GROUNDING_DOMAINS.items()}
    built["stackfaq"] = stackfaq_all()
    for name in ("kestrel", "ledgerly"):
        if (HELPCENTRES / name).exists():
            kb, queries, _, _ = helpcentre(name)
            built[name] = (kb, queries)
    names = ["unusual", "kestrel"] if quick else list(built)
    return {n: (built[n][0], [q for q in built[n][1] if q.expected]) for n in names if n in built}


def rank(rt, queries: list[Query]) -> dict:
    from backend.services import kb as kb_service

    ranks, ms = [], []
    for query in queries:
        started = time.perf_counter()
        hits = kb_service.search(rt, query.text, k=5)
        ms.append((time.perf_counter() - started) * 1000)
        ids = [h.article_id for h in hits]
        ranks.append(ids.index(query.expected) + 1 if query.expected in ids else None)
    n = len(ranks)
    return {"R@1": round(sum(r == 1 for r in ranks) / n, 4), "R@5": round(sum(r is not None for r in ranks) / n, 4),
            "MRR": round(sum(1 / r for r in ranks if r) / n, 4), "queries": n, "search": latency_summary(ms)}


def main(lexical: bool, quick: bool) -> None:
    from backend.services import kb as kb_service

    workdir = Path(tempfile.mkdtemp(prefix="tandem-rankers-"))
    table: dict[str, dict] = {}
    for name, (kb, queries) in domains(quick).items():
        table[name] = {}
        for embedder in EMBEDDERS:
            weights = LEXICAL_WEIGHTS if lexical and embedder == "minilm" else (None,)
            for weight in weights:
                label = embedder if weight is None else f"{embedder}+bm25x{weight}"
                overrides = {} if weight is None else {"lexical_weight": weight}
                rt = runtime(workdir / f"{name}-{label}", embedder)
                try:
                    if overrides:
                        rt.retriever.lexical_weight = weight
                    started = time.perf_counter()
                    report = kb_service.upsert_articles(rt, kb, source=name)
                    seconds = time.perf_counter() - started
                    chunks = kb_service.stats(rt).chunks
                    table[name][label] = {**rank(rt, queries), "import_chunks_per_s": round(chunks / seconds, 1),
                                          "articles": report.added}
                finally:
                    rt.close()
                row = table[name][label]
                print(f"{name} {label}: R@1 {row['R@1']} R@5 {row['R@5']} p50 {row['search']['p50_ms']} ms "
                      f"import {row['import_chunks_per_s']} chunks/s", file=sys.stderr)
    write_result("rankers" + ("-quick" if quick else ""), {
        "what": "kb search on each domain's answerable questions, one embedder at a time, nothing fitted; "
                "held out: kestrel and ledgerly (written blind); the other six were seen by earlier work",
        "embedders": list(EMBEDDERS), "domains": table})


if __name__ == "__main__":
    main(lexical="--lexical" in sys.argv, quick="--quick" in sys.argv)
