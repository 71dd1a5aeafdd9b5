"""PostgreSQL side by side with SQLite, in one run on this machine (Debian's PostgreSQL started on a temp dir,
durable defaults: fsync and synchronous_commit on).

1. Assist load (bench_api's driver, 16 clients): `tandem serve` on SQLite with 1 worker vs PostgreSQL with 1, 2
   and 4 workers (req/s, p50, p99, errors), and database writes per assist request (pg_stat_database).
2. StackFAQ R@1/R@5/MRR: PostgreSQL's lexical leg (tsvector, ts_rank_cd) vs FTS5 BM25, shipped fusion and
   lexical alone (target: within 0.01 R@1).
3. Propagation: two hosts on one database; a KB change made through one is found by the other (target p99 <= 2 s).
4. Scale: `db copy` of a SQLite store with 100k chunks and 100k conversations; index build from the
   database's vectors (cold start), start-up from the index cache + catch-up, one change caught up; index
   memory per million chunks (extrapolated from the measured 100k).
Writes bench/results/postgres.json. Run: nice -n 10 .venv/bin/python -m bench.bench_postgres [seconds] [clients]
[sections, e.g. load,scale: a partial rerun keeps the other sections' last results]
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench.bench_api import free_port, load
from bench.common import RESULTS, ROOT, latency_summary, percentile, write_result

EMBEDDER = "wordllama"  # the load and scale runs measure the store, not the query embedder
TANDEM = str(Path(sys.executable).parent / "tandem")
SCALE_CHUNKS = 100_000
SCALE_CONVERSATIONS = 100_000
SECTIONS = ("load", "stackfaq", "propagation", "scale")


def tandem_env(data: Path, url: str | None, embedder: str = EMBEDDER) -> dict[str, str]:
    env = {**os.environ, "TANDEM_DATA_DIR": str(data), "TANDEM_EMBEDDER": embedder, "TANDEM_LLM": "extractive",
           "TANDEM_ASSIST_RATE_PER_MIN": "0"}
    if url:
        env["TANDEM_DATABASE_URL"] = url
    else:
        env.pop("TANDEM_DATABASE_URL", None)
    return env


def start_server(env: dict[str, str], workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([TANDEM, "serve", "--port", str(port), "--workers", str(workers)], env=env,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(1200):
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return proc, base
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError("server did not start")


def stop_server(proc: subprocess.Popen) -> None:
    import signal

    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=60)


def pg_writes(url: str) -> tuple[int, int]:
    """(committed transactions, rows inserted + updated + deleted) of this database so far."""
    import psycopg

    time.sleep(1.5)  # statistics reach pg_stat_database asynchronously
    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute("SELECT xact_commit, tup_inserted + tup_updated + tup_deleted FROM pg_stat_database "
                           "WHERE datname = current_database()").fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


def process_tree_cpu_s(root: int) -> float:
    """CPU seconds (user + system) used so far by a process and all its descendants."""
    ticks = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    used: dict[int, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        used[pid] = (int(fields[11]) + int(fields[12])) / ticks
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier += children
    return sum(used.get(pid, 0.0) for pid in tree)


# ---- 1. assist load ---------------------------------------------------------------------------------------------

def assist_load(server, workdir: Path, seconds: float, clients: int) -> dict:
    runs: dict[str, dict] = {}
    for name, workers in (("sqlite_1_worker", 1), ("postgres_1_worker", 1), ("postgres_2_workers", 2),
                          ("postgres_4_workers", 4)):
        url = server.create_database("load") if name.startswith("postgres") else None
        env = tandem_env(workdir / name, url)
        subprocess.run([TANDEM, "kb", "import", str(ROOT / "kb")], env=env, check=True, capture_output=True)
        token = subprocess.run([TANDEM, "users", "add", "bench", "--role", "agent"], env=env, check=True,
                               capture_output=True, text=True).stdout.strip()
        proc, base = start_server(env, workers)
        try:
            asyncio.run(load(base, token, 3, clients))  # warm-up: every worker loads its index
            before = pg_writes(url) if url else None
            cpu_before = process_tree_cpu_s(proc.pid), process_tree_cpu_s(server.postmaster_pid())
            result = asyncio.run(load(base, token, seconds, clients))
            # CPU per request is what carries over to a bigger machine: the workers' and the database's.
            cpu_after = process_tree_cpu_s(proc.pid), process_tree_cpu_s(server.postmaster_pid())
            served = max(result["requests"], 1)
            result["tandem_cpu_ms_per_request"] = round((cpu_after[0] - cpu_before[0]) * 1000 / served, 2)
            if url:
                result["postgres_cpu_ms_per_request"] = round((cpu_after[1] - cpu_before[1]) * 1000 / served, 2)
            if url and before:
                after = pg_writes(url)
                # Transactions include the request's reads (each autocommit statement is one); rows written are
                # the conversation and its messages, then the suggestions, the signal event and any gap.
                result["db_transactions_per_request"] = round((after[0] - before[0]) / max(result["requests"], 1), 2)
                result["db_rows_written_per_request"] = round((after[1] - before[1]) / max(result["requests"], 1), 2)
        finally:
            stop_server(proc)
        runs[name] = {"workers": workers, "clients": clients, **result}
        print(json.dumps({name: runs[name]}), file=sys.stderr)
    return runs


# ---- 2. StackFAQ ---------------------------------------------------------------------------------------------------

def stackfaq(server, workdir: Path) -> dict:
    from backend import tuning
    from backend.services import kb as kb_service
    from bench.bench_retrieval import eval_ranking, lexical_leg_latency, load_stackfaq, write_jsonl
    from tests.conftest import make_runtime

    articles, queries = load_stackfaq()
    source = write_jsonl(workdir / "stackfaq.jsonl", articles)
    out: dict[str, dict] = {}
    for backend in ("sqlite_fts5", "postgres_tsvector"):
        env = {"TANDEM_DATABASE_URL": server.create_database("faq")} if backend.startswith("postgres") else {}
        rt = make_runtime(workdir / f"faq-{backend}", "minilm-int8", **env)
        assert kb_service.import_paths(rt, [source], source="stackfaq").ok
        out[backend] = {
            "shipped": eval_ranking(rt, queries, tuning.FUSION, tuning.DENSE_WEIGHT, tuning.LEXICAL_WEIGHT),
            "lexical_only": eval_ranking(rt, queries, "rrf", 0.0, 1.0),
            "lexical_leg_latency": lexical_leg_latency(rt, queries),
        }
        rt.close()
        print(json.dumps({backend: {k: v for k, v in out[backend].items()}}), file=sys.stderr)
    out["shipped_r_at_1_difference"] = round(out["postgres_tsvector"]["shipped"]["R@1"]
                                             - out["sqlite_fts5"]["shipped"]["R@1"], 4)
    out["embedder"] = "minilm-int8 (the default)"
    out["queries"] = len(queries)
    return out


# ---- 3. propagation between hosts -----------------------------------------------------------------------------------

def propagation(server, workdir: Path, rounds: int = 40) -> dict:
    url = server.create_database("hosts")
    env_a, env_b = tandem_env(workdir / "host-a", url), tandem_env(workdir / "host-b", url)
    subprocess.run([TANDEM, "kb", "import", str(ROOT / "kb")], env=env_a, check=True, capture_output=True)
    token = subprocess.run([TANDEM, "users", "add", "km", "--role", "knowledge_manager"], env=env_a, check=True,
                           capture_output=True, text=True).stdout.strip()
    headers = {"Authorization": f"Bearer {token}"}
    (a, base_a), (b, base_b) = start_server(env_a, 1), start_server(env_b, 1)
    seen_ms: list[float] = []
    try:
        with httpx.Client(headers=headers, timeout=30) as client:
            for i in range(rounds):
                word = f"quetzal{i}x"
                committed = time.perf_counter()
                r = client.post(f"{base_a}/v1/kb/articles", json={"source": "prop", "articles": [
                    {"external_id": f"prop-{i}", "title": f"The {word} policy", "body": f"The {word} policy applies."}]})
                assert r.status_code == 200, r.text
                committed = time.perf_counter()  # the write has committed when host A answers
                while True:
                    hits = client.get(f"{base_b}/v1/kb/search", params={"q": f"{word} policy", "k": 1}).json()
                    if hits and hits[0]["article_id"] == f"prop-{i}":
                        break
                    if time.perf_counter() - committed > 30:
                        raise RuntimeError("host B never saw the change")
                    time.sleep(0.01)
                seen_ms.append((time.perf_counter() - committed) * 1000)
                time.sleep(0.3)
    finally:
        stop_server(a)
        stop_server(b)
    return {"rounds": rounds, "change_visible_on_other_host": latency_summary(seen_ms),
            "target_p99_ms": 2000, "met": percentile(seen_ms, 99) <= 2000}


# ---- 4. scale: db copy, index build and memory ---------------------------------------------------------------------

def build_scale_store(data: Path) -> dict:
    """A SQLite store with SCALE_CHUNKS one-chunk articles (WordLlama vectors) and SCALE_CONVERSATIONS conversations."""
    from backend.models import Customer, Thread, Turn
    from backend.services import kb as kb_service
    from backend.store import conversations as conv_store
    from bench.bench_scale import passages
    from tests.conftest import make_runtime

    source = data.parent / "passages.jsonl"
    source.write_text("\n".join(json.dumps(p) for p in passages(SCALE_CHUNKS)) + "\n")
    rt = make_runtime(data, EMBEDDER)
    started = time.perf_counter()
    assert kb_service.import_paths(rt, [source], source="scale").ok
    import_s = time.perf_counter() - started
    started = time.perf_counter()
    with rt.db.transaction():
        for i in range(SCALE_CONVERSATIONS):
            thread = Thread(helpdesk="zendesk", site="https://acme.example.com", ticket_id=f"T-{i}", url=None,
                            subject=f"Ticket {i}", customer=Customer(name="Sam"), messages=[
                                Turn(key="m1", role="customer", text=f"Where is my order {i}? It is late.",
                                     at="2026-06-01T10:00:00Z"),
                                Turn(key="m2", role="agent", text="Let me check the tracking for you.", at=None)])
            conv_store.add_messages(rt.db, conv_store.upsert_conversation(rt.db, thread), thread.messages)
    conversations_s = time.perf_counter() - started
    chunks = int(rt.db.value("SELECT count(*) FROM chunks"))
    rt.close()
    return {"chunks": chunks, "conversations": SCALE_CONVERSATIONS, "import_seconds": round(import_s, 1),
            "conversations_insert_seconds": round(conversations_s, 1)}


def lexical_at_scale(sqlite_path: Path, url: str, n: int = 300) -> dict:
    """The full-text leg alone on both backends holding the same 100k chunks (StackFAQ queries' words, pruned
    as the retriever prunes them)."""
    from backend import tuning
    from backend.retrieval import lexical
    from backend.store import kb as kb_store
    from backend.store.db import connect
    from bench.bench_retrieval import load_stackfaq

    _, queries = load_stackfaq()
    out = {}
    for name, target in (("sqlite_fts5", str(sqlite_path)), ("postgres_tsvector", url)):
        db = connect(target)
        total = kb_store.chunk_count(db)
        latency = []
        for query, _ in queries[:n]:
            words = lexical.query_words(query)
            counts = {w: kb_store.term_chunk_count(db, w, cap=int(tuning.PRUNE_SHARE * total) + 1) for w in words}
            words = lexical.prune_common(words, counts, total)
            started = time.perf_counter()
            kb_store.lexical_search(db, words, 50)
            latency.append((time.perf_counter() - started) * 1000)
        out[name] = latency_summary(latency)
        db.close()
    return out


def scale(server, workdir: Path) -> dict:
    from backend.models import ArticleIn
    from backend.services import database
    from backend.services import kb as kb_service
    from backend.settings import load_settings
    from tests.conftest import make_runtime

    data = workdir / "scale" / "data"
    data.parent.mkdir(parents=True)
    built = build_scale_store(data)
    url = server.create_database("copy")
    started = time.perf_counter()
    report = database.copy_to(load_settings(data, env={"TANDEM_EMBEDDER": EMBEDDER}), url)
    copy_s = time.perf_counter() - started
    out: dict = {"store": built, "db_copy": {"seconds": round(copy_s, 1), "rows": report.rows,
                                             "rows_per_s": round(report.rows / copy_s),
                                             "tables": {t.table: t.target for t in report.tables}}}
    out["lexical_leg_at_100k"] = lexical_at_scale(data / "tandem.db", url)
    # A new host's first start: no index cache, every vector read from PostgreSQL.
    rt = make_runtime(workdir / "scale" / "host-cold", EMBEDDER, TANDEM_DATABASE_URL=url)
    rt.retriever  # noqa: B018 - loads the embedder and builds the index from the database's vectors
    started = time.perf_counter()
    rt.retriever.rebuild()
    rebuild_s = time.perf_counter() - started
    index = rt.retriever.index
    assert index is not None
    import faiss

    # What the index holds in memory: its serialized form (vectors, ids, IVF lists and centroids).
    index_bytes = int(faiss.serialize_index(index._index).nbytes)  # the bench measures the private index on purpose
    # One change made elsewhere, caught up from the change log.
    other = make_runtime(workdir / "scale" / "writer", EMBEDDER, TANDEM_DATABASE_URL=url)
    kb_service.upsert_articles(other, [ArticleIn(external_id="late", title="Late change", body="A new article.")],
                               source="x")
    started = time.perf_counter()
    assert rt.retriever.follow(force=True)
    catch_up_ms = (time.perf_counter() - started) * 1000
    rt.close()
    other.close()
    # A restart with the index cache in its data dir: load the files, then catch up.
    started = time.perf_counter()
    warm = make_runtime(workdir / "scale" / "host-cold", EMBEDDER, TANDEM_DATABASE_URL=url)
    warm.retriever  # noqa: B018
    warm_s = time.perf_counter() - started
    warm.close()
    out["index"] = {"chunks": index.count, "dim": index.dim, "kind": index.kind,
                    "index_bytes": index_bytes,
                    "mb_per_million_chunks": round(index_bytes / index.count * 1_000_000 / 2**20, 1),
                    "cold_build_from_postgres_seconds": round(rebuild_s, 2),
                    "restart_from_cache_seconds": round(warm_s, 2),
                    "catch_up_one_change_ms": round(catch_up_ms, 1)}
    print(json.dumps(out), file=sys.stderr)
    return out


def main() -> None:
    from tests.conftest import PostgresServer

    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 20
    clients = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    only = set(sys.argv[3].split(",")) if len(sys.argv) > 3 else set(SECTIONS)
    server = PostgresServer(durable=True).start()
    results: dict = {"postgres": "Debian PostgreSQL, durable defaults (fsync, synchronous_commit on)",
                     "embedder_for_load_and_scale": EMBEDDER}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            workdir = Path(tmp)
            if "load" in only:
                results["assist_load"] = assist_load(server, workdir, seconds, clients)
            if "stackfaq" in only:
                results["stackfaq"] = stackfaq(server, workdir)
            if "propagation" in only:
                results["propagation"] = propagation(server, workdir)
            if "scale" in only:
                results["scale"] = scale(server, workdir)
    finally:
        server.stop()
    previous = RESULTS / "postgres.json"
    if only != set(SECTIONS) and previous.exists():  # a partial rerun keeps the other sections' last numbers
        kept = json.loads(previous.read_text())
        results = {**{k: v for k, v in kept.items() if k not in ("benchmark", "when", "machine")}, **results}
    path = write_result("postgres", results)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
