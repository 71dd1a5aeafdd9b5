"""Scale: 100,000 chunks of real support text per embedder — import throughput, index build, query
latency p50/p99 (embedding + BM25 + faiss + fusion) and resident memory.

Each embedder runs in its own subprocess so memory is measured cleanly; the parent writes
bench/results/scale.json with all of them side by side.

Configurations compared on the same queries, one change at a time: shipped; exact (flat) index; BM25
pruned by the first rule (5% / keep 3); BM25 unpruned; and "exact" (flat index, BM25 unpruned), the
retrieval of the first release and the reference for the top article. The query encoder is the ONNX
export in every configuration (the first release's plain PyTorch encoder and the traced one it was
compared with are gone), so "exact" no longer includes the old encoder's cost.

BENCH_SMOKE=1: at most 2,000 chunks and 100 queries; writes smoke-NAME.json.
Run: .venv/bin/python -m bench.bench_scale [chunks] [embedder,...] [name]
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_retrieval import load_stackfaq, write_jsonl
from bench.common import DATA, latency_summary, peak_rss_mb, percentile, runtime, sized, write_result

# Full-precision MiniLM is left out by default: its 100k import alone takes ~20 min here. Add it with
# `python -m bench.bench_scale 100000 minilm-int8,wordllama,minilm`.
EMBEDDERS = ("minilm-int8", "wordllama")
PASSAGE_WORDS = 45
QUERIES = sized(600, 100)
WARM_UP = sized(20, 5)
STRIDE = 15


def corpus_words() -> list[str]:
    """Words of real support text from the shared data sets, in reading order."""
    texts: list[str] = []
    with (DATA / "bitext_cs" / "Bitext_Sample_Customer_Support_Training_Dataset_4514.csv").open() as handle:
        for row in csv.DictReader(handle):
            texts += [row["instruction"], row["response"]]
    for split in ("train", "test"):
        with (DATA / "banking77" / f"{split}.csv").open() as handle:
            texts += [row["text"] for row in csv.DictReader(handle)]
    for line in (DATA / "tweetsumm" / "reconstructed" / "tweetsumm_train_with_text.jsonl").read_text().splitlines():
        texts += [turn["text"] for turn in json.loads(line)["turns"]]
    articles, _ = load_stackfaq()
    texts += [a["body"] for a in articles]
    return [w for t in texts for w in re.sub(r"\s+", " ", t).split(" ") if w]


def passages(count: int) -> list[dict]:
    """`count` overlapping ~45-word windows over the corpus, each one article of one chunk."""
    words = corpus_words()
    out = []
    start = 0
    while len(out) < count:
        if start + PASSAGE_WORDS > len(words):
            start = (start % STRIDE) + 1  # wrap with a new phase so windows stay distinct
        text = " ".join(words[start:start + PASSAGE_WORDS])
        out.append({"id": f"p{len(out)}", "title": " ".join(words[start:start + 6]), "body": text})
        start += STRIDE
    return out


def run_one(embedder: str, count: int, workdir: Path) -> dict:
    """Measure one embedder in this process."""
    from backend.services import kb as kb_service

    source = workdir / "passages.jsonl"
    if not source.exists():
        source.write_text("\n".join(json.dumps(p) for p in passages(count)) + "\n")
    rt = runtime(workdir / f"data-{embedder}", embedder)
    rt.retriever  # noqa: B018 - load model + empty index before timing the import
    rss_loaded = peak_rss_mb()
    start = time.perf_counter()
    report = kb_service.import_paths(rt, [source], source="scale")
    import_s = time.perf_counter() - start
    assert report.ok, report.summary()
    chunks = rt.retriever.index.count
    start = time.perf_counter()
    rt.retriever.rebuild()  # from cached vectors: what a start-up with a stale index costs
    rebuild_s = time.perf_counter() - start
    # StackFAQ's 125 articles hidden among the 100k chunks give the queries a known right answer.
    articles, queries = load_stackfaq()
    assert kb_service.import_paths(rt, [write_jsonl(workdir / "stackfaq.jsonl", articles)], source="stackfaq").ok
    queries = queries[:QUERIES]
    variants = configurations(rt)
    for q, _ in queries[:WARM_UP]:
        for apply in variants.values():
            apply()
            rt.retriever.search(q, k=5)
    # Every configuration answers every query, interleaved (rotating order) so machine noise hits all
    # alike; "exact" (flat index, BM25 unpruned) is also the reference for the top article.
    latency = {name: [] for name in variants}
    tops = {name: [] for name in variants}
    names = list(variants)
    for i, (q, _) in enumerate(queries):
        for name in names[i % len(names):] + names[:i % len(names)]:
            variants[name]()
            t = time.perf_counter()
            hits = rt.retriever.search(q, k=5)
            latency[name].append((time.perf_counter() - t) * 1000)
            tops[name].append(hits[0].article_id if hits else None)
    variants["shipped"]()
    overlap = dense_overlap(rt, [q for q, _ in queries])
    wanted = [want for _, want in queries]
    return {
        "embedder": rt.retriever.embedder.name, "chunks": chunks,
        "import_seconds": round(import_s, 1), "import_chunks_per_s": round(chunks / import_s, 1),
        "index_rebuild_from_cache_seconds": round(rebuild_s, 2), "index_kind": rt.retriever.index.kind,
        "query_latency": latency_summary(latency["shipped"]),
        "configurations": {
            name: {"query_latency": latency_summary(latency[name]),
                   "stackfaq_r_at_1_among_distractors": round(
                       sum(a == b for a, b in zip(tops[name], wanted, strict=True)) / len(queries), 3),
                   "same_top_article_as_exact": round(
                       sum(a == b for a, b in zip(tops[name], tops["exact"], strict=True)) / len(queries), 3),
                   "p50_vs_shipped": round(percentile(latency[name], 50) / percentile(latency["shipped"], 50), 2)}
            for name in variants},
        "dense_top50_overlap_with_exact": overlap,
        "rss_after_model_load_mb": round(rss_loaded, 1), "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def configurations(rt) -> dict:
    """Setters for the shipped configuration and the ones it replaced, one change at a time."""
    from backend import tuning

    retriever = rt.retriever
    shipped_index = retriever.index
    exact_index = exact_copy(rt)
    shipped_prune = (tuning.PRUNE_MIN_CHUNKS, tuning.PRUNE_SHARE, tuning.KEEP_RAREST)
    unpruned, first_pruning = (10**12, *shipped_prune[1:]), (shipped_prune[0], 0.05, 3)
    df_caches: dict[tuple, dict] = {}  # one per pruning rule: cached counts are capped at its share

    def setter(index, prune):
        def apply():
            retriever.index = index
            tuning.PRUNE_MIN_CHUNKS, tuning.PRUNE_SHARE, tuning.KEEP_RAREST = prune
            retriever._df_cache = df_caches.setdefault(prune, {})
        return apply

    return {"shipped": setter(shipped_index, shipped_prune),
            "exact_index": setter(exact_index, shipped_prune),
            "bm25_pruned_5pct_keep3": setter(shipped_index, first_pruning),
            "unpruned_bm25": setter(shipped_index, unpruned),
            "exact": setter(exact_index, unpruned)}  # the retrieval of the first release


def exact_copy(rt):
    """The shipped index's vectors (the store's cached vectors of its chunks) in an exact (flat) index."""
    from backend.retrieval.index import VectorIndex
    from backend.store import kb as kb_store

    index = rt.retriever.index
    ids, vectors = kb_store.load_vectors(rt.db, index.embedder, index.dim)
    assert len(ids) == index.count, (len(ids), index.count)
    exact = VectorIndex.build(index.embedder, index.dim, ids[:0], vectors[:0], index.kb_version)  # empty: flat
    exact.apply([], ids, vectors, index.kb_version)
    return exact


def dense_overlap(rt, queries: list[str], k: int = 50) -> float:
    """Mean share of the exact top-k dense candidates that the shipped index also returns."""
    retriever = rt.retriever
    exact = exact_copy(rt)
    shares = []
    for q in queries:
        vector = retriever.embed_query(q)
        got = {i for i, _ in retriever.index.search(vector, k)}
        want = {i for i, _ in exact.search(vector, k)}
        shares.append(len(got & want) / max(len(want), 1))
    return round(sum(shares) / len(shares), 4)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        embedder, count, workdir = sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
        print(json.dumps(run_one(embedder, count, workdir)))
        return
    count = sized(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000, 2_000)
    embedders = tuple(sys.argv[2].split(",")) if len(sys.argv) > 2 else EMBEDDERS
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for embedder in embedders:
            out = subprocess.run([sys.executable, "-m", "bench.bench_scale", "--one", embedder, str(count), tmp],
                                 capture_output=True, text=True, check=True)
            results[embedder] = json.loads(out.stdout.strip().splitlines()[-1])
            print(embedder, results[embedder], file=sys.stderr)
            base = results[embedders[0]]["query_latency"]["p50_ms"]
            for r in results.values():
                r[f"p50_vs_{embedders[0]}"] = round(r["query_latency"]["p50_ms"] / base, 3)
            name = sys.argv[3] if len(sys.argv) > 3 else "scale"
            path = write_result(name, {"chunks_target": count, "runs": results})  # after each: partial lands
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
