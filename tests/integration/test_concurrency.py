"""Data safety under concurrency, with real threads and real processes on a real data dir: KB writes through
the API from many threads, the CLI importing while the server runs, two processes publishing indexes,
migrations started together, /healthz following the KB (periodic jobs offered by many workers:
tests/store/test_backends.py, on both stores)."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from backend.app import create_app
from backend.retrieval.index import VectorIndex
from backend.services import users as user_service
from backend.store import kb as kb_store
from tests.conftest import TANDEM, TEST_EMBEDDER, LiveServer, make_runtime, wait_for


def index_matches_store(rt) -> bool:
    """Every committed chunk is in the process's index, and nothing else is."""
    rt.retriever.follow(force=True)
    index = rt.retriever.index
    stored = {int(r[0]) for r in rt.db.rows("SELECT id FROM chunks")}
    held = set()
    for chunk_id in stored:
        if index.reconstruct([chunk_id])[0] is not None:
            held.add(chunk_id)
    return held == stored and index.count == len(stored)


@pytest.fixture
def server(demo_data):
    rt = make_runtime(demo_data)
    token = user_service.add_user(rt, "km", "knowledge_manager")
    with LiveServer(create_app(runtime=rt)) as live:
        yield live, {"Authorization": f"Bearer {token}"}, rt
    rt.close()


def test_concurrent_upserts_and_deletes_through_the_api_lose_nothing(server):
    """3 bursts of 40 upserts shuffled with 40 deletes from 8 threads: no 500s, the last write wins,
    every deleted article is gone, and the index holds exactly the committed chunks."""
    live, headers, rt = server
    expected: dict[str, str | None] = {}
    lock = threading.Lock()

    def article(i: int, burst: int) -> dict:
        return {"external_id": f"c-{i}", "title": f"Concurrency article {i}",
                "body": f"Version {burst} of article {i}: the zebra-{i}-{burst} policy applies."}

    def upsert(i: int, burst: int) -> int:
        r = httpx.post(f"{live.base}/v1/kb/articles", headers=headers, timeout=60,
                       json={"source": "conc", "articles": [article(i, burst)]})
        return r.status_code

    def delete(i: int) -> int:
        return httpx.delete(f"{live.base}/v1/kb/articles/c-{i}", params={"source": "conc"}, headers=headers,
                            timeout=60).status_code

    statuses: list[int] = []
    with ThreadPoolExecutor(8) as pool:
        for burst in range(3):
            for i in range(40):  # everything exists before this burst's deletes race with its upserts
                assert upsert(i, burst) == 200
            jobs = [("up", i) for i in range(40)] + [("del", i) for i in range(0, 40, 1)]
            random.Random(burst).shuffle(jobs)
            futures = [(kind, i, pool.submit(upsert, i, burst + 10) if kind == "up" else pool.submit(delete, i))
                       for kind, i in jobs]
            for kind, _i, future in futures:
                status = future.result()
                statuses.append(status)
                with lock:
                    if kind == "up":
                        assert status == 200, status
                    else:
                        assert status in (204, 404), status
    assert 500 not in statuses
    # The final state of each article is whatever its last committed write made it; check the store and
    # the index agree with each other and with the API.
    for i in range(40):
        row = kb_store.find_article(rt.db, "conc", f"c-{i}")
        expected[f"c-{i}"] = row.body if row else None
    assert index_matches_store(rt)
    for i, body in list(expected.items())[:10]:
        hits = httpx.get(f"{live.base}/v1/kb/search", params={"q": f"zebra-{i.split('-')[1]} policy", "k": 3},
                         headers=headers, timeout=30).json()
        found = [h for h in hits if h["article_id"] == i]
        assert bool(found) == (body is not None), (i, body, hits)


@pytest.mark.subprocess
def test_cli_import_while_the_server_writes_keeps_every_chunk(server, tmp_path):
    """A `tandem kb import` in another process, racing API writes: the server's index ends up holding every
    committed chunk of both (it catches up from the change log; no save can stamp an incomplete index)."""
    live, headers, rt = server
    folder = tmp_path / "cli-kb"
    folder.mkdir()
    for i in range(30):
        (folder / f"cli-{i}.md").write_text(f"---\nid: cli-{i}\ntitle: CLI article {i}\n---\n"
                                            f"The walrus-{i} procedure covers item {i}.\n")
    env = {"TANDEM_DATA_DIR": str(rt.settings.data_dir), "TANDEM_EMBEDDER": TEST_EMBEDDER, "PATH": "/usr/bin:/bin"}
    proc = subprocess.Popen([TANDEM, "kb", "import", str(folder), "--source", "cli"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda i: httpx.post(
            f"{live.base}/v1/kb/articles", headers=headers, timeout=60,
            json={"source": "api", "articles": [{"external_id": f"api-{i}", "title": f"API article {i}",
                                                 "body": f"The otter-{i} rule covers item {i}."}]}).status_code,
            range(30)))
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert results == [200] * 30
    wait_for(lambda: httpx.get(f"{live.base}/healthz", timeout=10).json()["stale"] is False)
    health = httpx.get(f"{live.base}/healthz", timeout=10).json()
    assert health["index_vectors"] == health["chunks"] and health["index_kb_version"] == health["kb_version"]
    assert index_matches_store(rt)
    for query, article_id in (("walrus-29 procedure", "cli-29"), ("otter-29 rule", "api-29")):
        hits = httpx.get(f"{live.base}/v1/kb/search", params={"q": query, "k": 5}, headers=headers, timeout=30).json()
        assert article_id in [h["article_id"] for h in hits], (query, hits)


def test_concurrent_index_publishers_never_publish_a_stale_stamp(demo_data):
    """Two runtimes (as two processes would) write and publish at the same time from several threads; any
    index loaded afterwards reflects exactly the version it says, and catches up to the store."""
    from backend.models import ArticleIn
    from backend.services import kb as kb_service

    one, two = make_runtime(demo_data), make_runtime(demo_data)
    try:
        def writer(rt, prefix: str) -> None:
            for i in range(15):
                kb_service.upsert_articles(rt, [ArticleIn(external_id=f"{prefix}-{i}", title=f"{prefix} {i}",
                                                          body=f"{prefix} body {i} about quokkas.")], source=prefix)
                rt.retriever.save()

        threads = [threading.Thread(target=writer, args=(rt, name)) for rt, name in ((one, "one"), (two, "two"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        published = VectorIndex.load(one.retriever.index_dir, embedder=one.retriever.embedder.name,
                                     dim=one.retriever.embedder.dim)
        # Whatever version it is stamped with, its contents are exactly the chunks alive at that version
        # (chunks added later are not in it; chunks alive then are).
        with one.db.transaction(write=False):
            alive_then = {int(r[0]) for r in one.db.rows("SELECT id FROM chunks WHERE kb_version <= ?",
                                                         [published.kb_version])}
        held = {c for c in alive_then if published.reconstruct([c])[0] is not None}
        assert held == alive_then
        assert index_matches_store(one) and index_matches_store(two)
    finally:
        one.close()
        two.close()


def test_workers_help_text_tells_the_truth(cli):
    out = cli.run("serve", "--help").stdout
    assert "follows KB changes" in out and "read-only" not in out


# ---- migrations -----------------------------------------------------------------------------------------

def first_release_store(path: Path) -> None:
    """A store as the first released Tandem left it (migrations m001 + m002), with data in it."""
    from backend.store import migrations
    from backend.store.db import SQLiteDatabase

    db = SQLiteDatabase(path)
    migrations.apply(db, upto="m002_assist")
    db.run("INSERT INTO articles (external_id, source, title, body, content_hash, created_at, updated_at) "
           "VALUES ('old-1', 'demo', 'Old article', 'Returns take 5 days.', 'h', '2026-01-01', '2026-01-01')")
    db.run("INSERT INTO chunks (article_id, ordinal, heading_path, text, token_count) VALUES (1, 0, '', 'Returns take 5 days.', 5)")
    db.run("INSERT INTO chunks_fts (rowid, title, heading_path, text) VALUES (1, 'Old article', '', 'Returns take 5 days.')")
    db.run("INSERT INTO users (name, role, token_hash, created_at) VALUES ('ana', 'agent', 'x', '2026-01-01')")
    db.run("INSERT INTO conversations (helpdesk, ticket_id, subject, customer, created_at, updated_at) "
           "VALUES ('zendesk', '4711', 'Old ticket', '{}', '2026-01-01', '2026-01-02')")
    db.run("INSERT INTO messages (conversation_id, message_key, ordinal, role, text, at, created_at) "
           "VALUES (1, 'm1', 0, 'customer', 'Where is my refund?', '2026-01-01T10:00:00Z', '2026-01-05')")
    db.run("INSERT INTO suggestions (id, conversation_id, kind, text, confidence, grounded, engine, prompt_version, "
           "created_at) VALUES ('sug_1', 1, 'answer', 'x', 0.9, 1, 'extractive', 'e', '2026-01-01')")
    db.close()


def test_upgrade_from_the_first_released_schema_keeps_the_data(tmp_path):
    path = tmp_path / "data" / "tandem.db"
    first_release_store(path)
    rt = make_runtime(tmp_path / "data")
    try:
        assert rt.db.value("SELECT count(*) FROM conversations") == 1
        site, activity = rt.db.row("SELECT site, last_activity_at FROM conversations")
        assert site == "" and activity == "2026-01-01T10:00:00Z"  # aged by its last message
        assert rt.db.value("SELECT text FROM messages") == "Where is my refund?"
        assert rt.db.value("SELECT count(*) FROM suggestions") == 1 and rt.db.value("SELECT name FROM users") == "ana"
        assert rt.db.row("PRAGMA foreign_key_check") is None
        assert rt.retriever.search("how long do returns take", k=1)[0].article_id == "old-1"
    finally:
        rt.close()


@pytest.mark.subprocess
def test_processes_starting_together_migrate_once(tmp_path):
    """Four processes open the same old store at once: all start, the migrations ran exactly once."""
    path = tmp_path / "data" / "tandem.db"
    first_release_store(path)
    code = ("import sys; from backend.store.db import connect; db = connect(sys.argv[1]); "
            "print(db.value(\"SELECT count(*) FROM _sqlite_migrations\")); db.close()")
    import sys

    procs = [subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(4)]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e for _, e in outputs]
    with sqlite3.connect(path) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    from backend.store.migrations import SQLITE_MIGRATIONS

    assert names == sorted(set(names)) and len(names) == len(SQLITE_MIGRATIONS)  # each once, all applied


def test_workers_only_check_the_schema(tmp_path):
    """`tandem serve` migrates before its workers start; a worker on an unmigrated store refuses clearly."""
    from backend.services.runtime import Runtime
    from backend.settings import load_settings
    from backend.store.db import StoreError

    path = tmp_path / "data" / "tandem.db"
    first_release_store(path)
    settings = load_settings(tmp_path / "data", env={"TANDEM_EMBEDDER": TEST_EMBEDDER})
    with pytest.raises(StoreError, match="needs migrations m003_faq"):
        Runtime(settings, migrate=False)
    Runtime(settings).close()  # what `tandem serve` does before it starts workers
    Runtime(settings, migrate=False).close()


# ---- health ------------------------------------------------------------------------------------------------

@pytest.mark.subprocess
def test_healthz_follows_a_cli_import_instead_of_failing(server, tmp_path):
    live, _, rt = server
    article = tmp_path / "new.md"
    article.write_text("---\nid: healthz-new\ntitle: Healthz\n---\nA brand new article about capybaras.\n")
    env = {"TANDEM_DATA_DIR": str(rt.settings.data_dir), "TANDEM_EMBEDDER": TEST_EMBEDDER, "PATH": "/usr/bin:/bin"}
    subprocess.run([TANDEM, "kb", "import", str(article)], env=env, check=True, capture_output=True, timeout=120)
    body = wait_for(lambda: (r := httpx.get(f"{live.base}/healthz", timeout=10)).status_code == 200
                    and not r.json()["stale"] and r.json())
    assert body["index_vectors"] == body["chunks"] and body["status"] == "ok"
