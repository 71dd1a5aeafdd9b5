"""The store on both backends, SQLite and a real PostgreSQL server: every test here runs twice through the same
services, and what each backend returns is compared where the SQL differs (search, JSON in reports)."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import msgspec
import pytest

from backend.models import ArticleIn
from backend.services import access, analytics, exports, retention
from backend.services import kb as kb_service
from backend.services.jobs import run_if_due
from backend.store import conversations as conv_store
from backend.store import coordination, migrations
from backend.store import faq as faq_store
from backend.store import kb as kb_store
from backend.store import reports as report_store
from tests.conftest import ROOT, make_runtime, store_env, wait_for
from tests.store.populate import FILLED, populate


def runtime_on(store_url: str, data_dir: Path):
    """Another process's view of the same store: its own data dir (index cache), the shared store."""
    if not store_url.startswith("postgresql://"):
        return make_runtime(Path(store_url).parent)
    return make_runtime(data_dir, **store_env(store_url))


def index_matches_store(rt) -> bool:
    """Every committed chunk is in the process's index, and nothing else is."""
    rt.retriever.follow(force=True)
    index = rt.retriever.index
    stored = {int(r[0]) for r in rt.db.rows("SELECT id FROM chunks")}
    held = {c for c in stored if index.reconstruct([c])[0] is not None}
    return held == stored and index.count == len(stored)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def populated(request, tmp_path_factory):
    """One populated store per backend for the read-only tests of this module."""
    data = tmp_path_factory.mktemp(f"populated-{request.param}")
    if request.param == "sqlite":
        rt = make_runtime(data)
    else:
        server = request.getfixturevalue("postgres_server")
        url = server.create_database("populated")
        rt = make_runtime(data, TANDEM_DATABASE_URL=url)
    made = populate(rt)
    yield rt, made
    rt.close()


# ---- knowledge base -----------------------------------------------------------------------------------------

def test_kb_import_search_remove_reindex_round_trip(any_runtime):
    rt = any_runtime
    report = kb_service.import_paths(rt, [ROOT / "kb"], source="demo")
    assert report.added == 52 and not report.failed
    again = kb_service.import_paths(rt, [ROOT / "kb"], source="demo")
    assert again.unchanged == 52 and again.added == 0  # idempotent: content hashes compare equal
    hits = kb_service.search(rt, "When will I get my refund after returning a lamp?", k=3)
    assert "refund-timing" in [h.article_id for h in hits], [h.article_id for h in hits]
    lexical = kb_store.lexical_search(rt.db, ["refund", "lamp"], 10)
    assert lexical and all(score > 0 for _, score in lexical)
    assert kb_store.term_chunk_count(rt.db, "refund", cap=1000) >= 3
    assert kb_store.lexical_search(rt.db, ['"); DROP TABLE chunks; --', "it's"], 5) is not None  # values, never syntax
    removed, missing = kb_service.remove_articles(rt, ["refund-timing", "no-such-article"], source="demo")
    assert removed == ["refund-timing"] and missing == ["no-such-article"]
    assert "refund-timing" not in [h.article_id for h in kb_service.search(rt, "refund after returning a lamp", k=5)]
    stats = kb_store.kb_stats(rt.db)
    assert stats.articles == 51 and stats.kb_version == 53  # one version per imported file, one for the removal
    reindexed = kb_service.reindex(rt)
    assert reindexed.articles == 51 and reindexed.chunks == kb_store.chunk_count(rt.db)
    assert index_matches_store(rt)
    assert kb_service.search(rt, "How do I reset my password?", k=1)[0].article_id == "reset-password"


def test_text_with_nul_characters_is_stored(any_runtime):
    """PostgreSQL text cannot hold NUL: the store drops it there instead of failing the write."""
    rt = any_runtime
    kb_service.upsert_articles(rt, [ArticleIn(external_id="nul", title="Null\x00 byte", body="Body with a \x00 NUL.")],
                               source="s")
    article = kb_store.find_article(rt.db, "s", "nul")
    assert article is not None and article.body.replace("\x00", "") == "Body with a  NUL."
    from tests.store.populate import conversation

    thread = conversation("zendesk", "nul-1", "Where is my order\x00?")
    from backend.services.assist import assist

    assert assist(rt, thread).suggestions


def test_a_change_made_by_another_process_is_caught_up_from_the_change_log(store_url, tmp_path):
    writer = runtime_on(store_url, tmp_path / "writer")
    reader = runtime_on(store_url, tmp_path / "reader")
    try:
        kb_service.import_paths(writer, [ROOT / "kb"], source="demo")
        reader.retriever.ensure_index()
        start = reader.retriever.index.kb_version
        kb_service.upsert_articles(writer, [ArticleIn(external_id="wombat", title="Wombat policy",
                                                      body="Wombats ship free on Tuesdays.")], source="x")
        kb_service.remove_articles(writer, ["refund-timing"], source="demo")
        with reader.db.transaction(write=False):
            changes = kb_store.changes_between(reader.db, start, kb_store.kb_version(reader.db))
        assert changes.complete and len(changes.added) == 1 and changes.removed
        assert reader.retriever.follow(force=True)
        assert reader.retriever.index.kb_version == kb_store.kb_version(reader.db)
        assert index_matches_store(reader)
        assert reader.retriever.search("Do wombats ship free?", k=1)[0].article_id == "wombat"
        # Tombstones older than the horizon are pruned: an index that far behind rebuilds instead.
        stale = runtime_on(store_url, tmp_path / "stale")
        stale.retriever.ensure_index()
        kb_service.upsert_articles(writer, [ArticleIn(external_id="emu", title="Emu", body="Emus are tall.")],
                                   source="x")
        with writer.db.transaction():
            assert kb_store.prune_tombstones(writer.db, keep_versions=0) >= 1
        with stale.db.transaction(write=False):
            assert not kb_store.changes_between(stale.db, stale.retriever.index.kb_version,
                                                kb_store.kb_version(stale.db)).complete
        stale.retriever.follow(force=True)
        assert index_matches_store(stale)
        stale.close()
    finally:
        writer.close()
        reader.close()


def test_concurrent_writers_lose_nothing(store_url, tmp_path):
    """Four runtimes (as four workers) write 12 articles each at once: every write is there, KB versions
    are contiguous (one per write, none lost or doubled), and every index holds exactly the committed chunks."""
    runtimes = [runtime_on(store_url, tmp_path / f"w{i}") for i in range(4)]
    for rt in runtimes:
        rt.retriever.ensure_index()
    barrier = threading.Barrier(len(runtimes))
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            barrier.wait()
            for i in range(12):
                kb_service.upsert_articles(runtimes[n], [ArticleIn(
                    external_id=f"w{n}-{i}", title=f"Writer {n} article {i}",
                    body=f"Writer {n} wrote article {i} about the heron-{n}-{i} rule.")], source="conc")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(len(runtimes))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert not errors, errors
        db = runtimes[0].db
        assert kb_store.kb_version(db) == 48
        assert sorted(int(r[0]) for r in db.rows("SELECT DISTINCT kb_version FROM chunks")) == list(range(1, 49))
        assert db.value("SELECT count(*) FROM articles") == 48
        assert all(index_matches_store(rt) for rt in runtimes)
    finally:
        for rt in runtimes:
            rt.close()


# ---- migrations ---------------------------------------------------------------------------------------------

@pytest.mark.subprocess
def test_processes_starting_together_migrate_once(store_url):
    """Four processes open a new store at once: all start, each migration ran exactly once."""
    code = ("import sys; from backend.store.db import connect; from backend.store import migrations; "
            "db = connect(sys.argv[1]); print(len(migrations.pending(db))); db.close()")
    procs = [subprocess.Popen([sys.executable, "-c", code, store_url], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, cwd=ROOT) for _ in range(4)]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e for _, e in outputs]
    assert [o.strip() for o, _ in outputs] == ["0"] * 4
    from backend.store.db import connect

    db = connect(store_url, migrate=False)
    try:
        if db.dialect == "postgres":
            names = [r[0] for r in db.rows("SELECT name FROM tandem_migrations")]
            expected = [name for name, _ in migrations.POSTGRES_MIGRATIONS]
        else:
            names = [r[0] for r in db.rows("SELECT name FROM _sqlite_migrations")]
            expected = [name for name, _ in migrations.SQLITE_MIGRATIONS]
        assert sorted(names) == sorted(expected)
        assert db.value("SELECT value FROM meta WHERE key = 'kb_version'") == "0"
    finally:
        db.close()


# ---- what workers share -------------------------------------------------------------------------------------

def test_a_periodic_job_runs_once_however_many_workers_offer_it(store_url, tmp_path):
    workers = [runtime_on(store_url, tmp_path / f"w{i}") for i in range(4)]
    ran: list[int] = []
    barrier = threading.Barrier(len(workers))

    def offer(i: int) -> None:
        barrier.wait()
        run_if_due(workers[i], "faq-mine", timedelta(hours=1), lambda: ran.append(i) or "done")

    threads = [threading.Thread(target=offer, args=(i,)) for i in range(len(workers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert len(ran) == 1
        assert run_if_due(workers[2], "faq-mine", timedelta(hours=1), lambda: "again") is None
        assert run_if_due(workers[3], "faq-mine", timedelta(seconds=0), lambda: "due") == "due"
        db = workers[0].db
        with db.transaction():  # a live lease held by someone else blocks; an expired one is taken over
            assert coordination.try_lease(db, "j", "a", now="2026-01-01T00:00:00.000000Z",
                                          until="2026-01-01T01:00:00.000000Z", due_before=None)
            assert not coordination.try_lease(db, "j", "b", now="2026-01-01T00:30:00.000000Z",
                                              until="2026-01-01T01:30:00.000000Z", due_before=None)
            assert coordination.try_lease(db, "j", "b", now="2026-01-01T01:00:00.500000Z",
                                          until="2026-01-01T02:00:00.000000Z", due_before=None)
    finally:
        for rt in workers:
            rt.close()


def test_the_servers_periodic_jobs_prune_old_tombstones(any_runtime, monkeypatch):
    """Removals leave tombstones for indexes catching up; a job the server starts forgets those older than
    the kept versions (and only those), so the change log does not grow forever."""
    from backend import tuning
    from backend.app import start_jobs
    from backend.store.db import get_meta

    rt = any_runtime
    kb_service.upsert_articles(rt, [ArticleIn(external_id=f"a{i}", title=f"Article {i}", body=f"Body {i}.")
                                    for i in range(3)], source="s")
    kb_service.remove_articles(rt, ["a0"], source="s")
    kb_service.remove_articles(rt, ["a1"], source="s")
    current = kb_store.kb_version(rt.db)
    assert rt.db.value("SELECT count(*) FROM chunk_tombstones") == 2
    monkeypatch.setattr(tuning, "TOMBSTONE_KEEP_VERSIONS", 1)
    monkeypatch.setattr(tuning, "TOMBSTONE_PRUNE_EVERY_S", 0.2)
    jobs = start_jobs(rt)
    try:
        wait_for(lambda: get_meta(rt.db, "tombstone_horizon") == str(current - 1), timeout=30)
    finally:
        for job in jobs:
            job.stop()
    kept = [int(r[0]) for r in rt.db.rows("SELECT kb_version FROM chunk_tombstones")]
    assert kept == [current]  # a1's removal is within the kept version; a0's is forgotten
    with rt.db.transaction(write=False):
        assert not kb_store.changes_between(rt.db, current - 2, current).complete  # that far behind: rebuild


def test_sessions_and_rate_windows_are_shared_by_every_worker(store_url, tmp_path):
    from backend.errors import RateLimited
    from backend.services import users as user_service

    one, two = runtime_on(store_url, tmp_path / "one"), runtime_on(store_url, tmp_path / "two")
    try:
        token = user_service.add_user(one, "ana", "lead")
        user = user_service.authenticate(two, token)
        assert user is not None
        session_id, session = access.start_session(one, user)
        seen = access.session(two, session_id)  # signed in on one worker, known to the other
        assert seen is not None and seen.csrf == session.csrf and seen.user.name == "ana"
        access.end_session(two, session_id)
        assert access.session(one, session_id) is None
        assert user_service.revoke(one, "ana") and user_service.authenticate(two, token) is None
        # Rate windows count across workers: two workers, one limit.
        limited = msgspec.structs.replace(one.settings, assist_rate_per_min=5)
        one.settings, two.settings = limited, limited
        bob = user_service.authenticate(one, user_service.add_user(one, "bob", "agent"))
        assert bob is not None
        for i in range(5):
            access.count_request(one if i % 2 else two, bob, "assist")
        with pytest.raises(RateLimited):
            access.count_request(one, bob, "assist")
        with one.db.transaction():
            assert coordination.hit(one.db, "k", 100) == 1 and coordination.hit(one.db, "k", 100) == 2
            assert coordination.window_hits(one.db, "k", 100) == 2
            assert coordination.forget_windows(one.db, 101) >= 1
            coordination.create_session(one.db, "h", bob.id, "c", "2000-01-01T00:00:00Z")
            assert coordination.session_user(one.db, "h", "2026-01-01T00:00:00Z") is None  # expired
            assert coordination.delete_expired_sessions(one.db, "2026-01-01T00:00:00Z") == 1
    finally:
        one.close()
        two.close()


# ---- conversations and everything derived from them ------------------------------------------------------------

def test_every_table_has_rows_and_records_round_trip(populated):
    rt, made = populated
    for table in FILLED:
        assert rt.db.value(f"SELECT count(*) FROM {table}") > 0, table
    thread = conv_store.load_thread(rt.db, int(rt.db.value("SELECT min(id) FROM conversations")))
    assert thread is not None and thread.customer.tier == "vip" and thread.messages[0].role == "customer"
    assert thread.site == "https://zendesk.example.com"
    calls = conv_store.llm_calls(rt.db)
    assert calls[0].ok is True and calls[0].latency_ms == 12.5
    draft = faq_store.get_draft(rt.db, made["draft"])
    assert draft is not None and draft.nearest_similarity == pytest.approx(0.42) and len(draft.member_rows) == 3
    existing = faq_store.existing_drafts(rt.db, rt.retriever.embedder.name)
    assert existing[0].centroid.shape == (rt.retriever.embedder.dim,) and existing[0].centroid[0] == 1.0
    assert existing[0].member_rows == set(draft.member_rows)  # bytea and JSON text read back alike
    rows = faq_store.customer_messages(rt.db)
    assert rows and any(r.opening for r in rows) and isinstance(rows[0].opening, bool)
    vectors = faq_store.vectors_for(rt.db, [r.row_id for r in rows[:5]], rt.retriever.embedder.name)
    assert len(vectors) == 5 and next(iter(vectors.values())).dtype.name == "float32"
    assert conv_store.suggestion_text(rt.db, made["suggestions"][0])
    stats = kb_store.kb_stats(rt.db)
    assert stats.articles == 52 and stats.cached_vectors[rt.retriever.embedder.name] == stats.chunks
    between = conv_store.conversations_between(rt.db, "2026-01-01T00:00:00Z", None)
    assert between and all(isinstance(c.row_id, int) for c in between)


def test_faq_mining_reads_and_writes_on_both_backends(populated):
    """Mining runs its SQL (openings per conversation, agent replies, vectors, centroids) on either backend,
    and a second run finds the same clusters again without duplicating a draft."""
    from backend.services import faq as faq_service

    rt, _ = populated
    first = faq_service.mine(rt, min_count=3)
    assert first.candidates > 10 and first.clusters >= 1
    drafts = rt.db.value("SELECT count(*) FROM faq_drafts")
    again = faq_service.mine(rt, min_count=3)
    assert again.new_drafts == 0 and rt.db.value("SELECT count(*) FROM faq_drafts") == drafts
    assert faq_store.agent_replies(rt.db, [(r.conversation_row, r.ordinal) for r in faq_store.customer_messages(rt.db)])


def test_drafts_are_decided_and_grown(any_runtime):
    import numpy as np

    rt = any_runtime
    dim = rt.retriever.embedder.dim
    with rt.db.transaction():
        draft_id = faq_store.insert_draft(rt.db, faq_store.NewDraft(
            question="Q?", answer="A.", cluster_size=2, member_rows=[1, 2], member_message_ids=["a", "b"],
            example_queries=["q1"], source_conversation_ids=["c"], nearest_article_id=None, nearest_similarity=None,
            suggested_action="new_article", embedder="e", engine="extractive"), np.zeros(dim, dtype=np.float32))
        faq_store.grow_draft(rt.db, draft_id, member_rows=[1, 2, 3], member_message_ids=["a", "b", "c"],
                             example_queries=["q1", "q2 ünïcode"], source_conversation_ids=["c"],
                             centroid=np.ones(dim, dtype=np.float32))
        faq_store.decide(rt.db, draft_id, status="approved", decided_by="kim", answer="Better A.")
    draft = faq_store.get_draft(rt.db, draft_id)
    assert draft is not None and draft.cluster_size == 3 and draft.example_queries[1] == "q2 ünïcode"
    assert draft.status == "approved" and draft.answer == "Better A." and draft.question == "Q?"
    assert [d.id for d in faq_store.list_drafts(rt.db, "approved")] == [draft_id]
    assert faq_store.list_drafts(rt.db, "pending") == []


def test_reports_and_exports_agree_on_both_backends(populated, tmp_path_factory):
    """The report's numbers (JSON citations expanded per dialect, averages, pivots) are plain Python values
    and add up; exports stream every summary."""
    rt, _ = populated
    data = analytics.build(rt)
    totals = data["totals"]
    assert totals["assist_requests"] == 4 and totals["feedback"] == 4 and totals["summaries"] == 4
    assert data["grounded"]["grounded"] + data["grounded"]["not_grounded"] == 4
    by_agent = {r["key"]: r for r in data["acceptance_by_agent"]}
    assert by_agent["bo"]["edited"] == 1 and isinstance(by_agent["bo"]["mean_edit_distance"], float)
    assert by_agent["ana"]["inserted"] == 1 and by_agent["ana"]["dismissed"] == 1
    assert data["top_topics"] and all(isinstance(t["count"], int) for t in data["top_topics"])
    assert data["acceptance_by_article"] and all(r["key"] for r in data["acceptance_by_article"])
    days = data["signals_by_day"]
    assert all(isinstance(d["mean_sentiment"], float) for d in days) and sum(d["requests"] for d in days) == 4
    # The imported history counts by its own signals, dated by its last activity (issue 29).
    assert sum(d["history"] for d in days) == totals["history_conversations"] > 0
    import json

    json.dumps(data)  # nothing a backend returned (Decimal, memoryview) leaks into the report
    csv_text = "".join(exports.export_lines(rt, "csv"))
    assert csv_text.count("\n") == 5  # header + 4 summaries
    jsonl = [json.loads(line) for line in "".join(exports.export_lines(rt, "jsonl")).splitlines()]
    assert {r["ticket_id"] for r in jsonl} == {"R-0", "R-1", "R-2", "R-3"} and jsonl[0]["agent"] == "ana"
    assert len(list(report_store.iter_latest_summaries(rt.db, agent="bo"))) == 2
    assert report_store.conversations_without_summary(rt.db)  # the imported history has none
    # What each backend reports for the same activity is the same (the JSON expansions differ per dialect).
    # The same activity gives the same report on both backends (the module runs SQLite first, then PostgreSQL).
    seen = REPORTS_SEEN.setdefault("reports", [])
    seen.append(data)
    if len(seen) == 2:
        # Except the topics of imported history that no agent linked: those come from a search, whose lexical
        # leg is each store's own (FTS5 / tsvector) and may rank a near-tie differently.
        topics = [{t["article_id"]: t["cited"] for t in report.pop("top_topics") if t["cited"]} for report in seen]
        assert topics[0] == topics[1]
        assert seen[0] == seen[1]


REPORTS_SEEN: dict[str, list] = {}


def test_purge_leaves_nothing_behind(store_url, tmp_path):
    rt = runtime_on(store_url, tmp_path / "rt")
    try:
        populate(rt)
        before = rt.db.value("SELECT count(*) FROM conversations")
        report = retention.purge(rt, timedelta(days=1))  # everything was active long before
        assert report.removed["conversations"] == before
        for table in ("conversations", "messages", "summaries", "suggestions", "feedback", "signal_events",
                      "knowledge_gaps", "message_vectors"):
            assert rt.db.value(f"SELECT count(*) FROM {table}") == 0, table
        assert rt.db.value("SELECT count(*) FROM faq_drafts") == 0  # a pending draft left with no evidence
        assert rt.db.value("SELECT count(*) FROM articles") == 52  # the KB is not conversation data
        assert rt.db.value("SELECT count(*) FROM llm_calls") == 1  # recorded just now: younger than the cutoff
    finally:
        rt.close()


@pytest.mark.postgres
def test_a_stream_resumed_on_another_thread_leaves_no_thread_holding_a_connection(postgres_url):
    """Streamed exports are generators a server may resume on any thread: the stream owns its pooled
    connection, so neither thread is left pointing at a connection that went back to the pool."""
    from concurrent.futures import ThreadPoolExecutor

    from backend.store.db import connect

    db = connect(postgres_url)
    try:
        initial = db.value("SELECT count(*) FROM meta")  # the schema's own rows (kb_version, ...)
        db.run_many("INSERT INTO meta (key, value) VALUES (?, ?)", [(f"k{i}", str(i)) for i in range(50)])
        rows = db.stream("SELECT key FROM meta ORDER BY key", batch=5)
        first = next(rows)
        with ThreadPoolExecutor(1) as pool:
            rest = pool.submit(lambda: (list(rows), getattr(db._local, "conn", None))).result()
        assert len([first, *rest[0]]) == 50 + initial and rest[1] is None
        assert getattr(db._local, "conn", None) is None  # this thread holds nothing either
        with db.transaction():
            db.run("INSERT INTO meta (key, value) VALUES ('after', '1')")
        assert db.value("SELECT value FROM meta WHERE key = 'after'") == "1"
    finally:
        db.close()


def test_a_store_another_process_holds_locked_is_switched_to_wal_once_free(tmp_path):
    """SQLite refuses a journal-mode change under another's lock without waiting; opening waits for it."""
    import sqlite3
    import threading

    from backend.store.db import _use_wal

    path = tmp_path / "new.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    opener = sqlite3.connect(path, isolation_level=None, timeout=0.05)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        opener.execute("PRAGMA journal_mode = WAL")  # what four processes starting together met
    threading.Timer(0.3, lambda: holder.execute("COMMIT")).start()
    _use_wal(opener)
    assert opener.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    opener.close()
    holder.close()
