"""`tandem db copy` (a populated SQLite store into an empty PostgreSQL database), `tandem db check` on both
backends (and the problems it must find), `tandem db migrate`."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from backend.services import kb as kb_service
from backend.store import kb as kb_store
from tests.conftest import CLI, make_runtime, store_env
from tests.store.populate import FILLED, populate


@pytest.fixture(scope="module")
def sqlite_store(tmp_path_factory) -> Path:
    """A data dir whose SQLite store has rows in every table (built once for the module)."""
    data = tmp_path_factory.mktemp("copy-source") / "data"
    rt = make_runtime(data)
    populate(rt)
    rt.close()
    return data


@pytest.mark.postgres
def test_copy_carries_everything_and_the_copy_serves(sqlite_store, postgres_url, tmp_path):
    cli = CLI(sqlite_store)
    report = json.loads(cli.run("db", "copy", "--to", postgres_url, "--json").stdout)
    counts = {t["table"]: (t["source"], t["target"]) for t in report["tables"]}
    assert all(counts[t][0] == counts[t][1] > 0 for t in FILLED), counts
    assert report["rows"] == sum(target for _, target in counts.values())
    source = make_runtime(sqlite_store)
    copy = make_runtime(tmp_path / "pg", TANDEM_DATABASE_URL=postgres_url)
    try:
        for table, key in (("articles", "id"), ("chunks", "id"), ("conversations", "id"), ("messages", "id"),
                           ("suggestions", "id"), ("users", "id"), ("faq_drafts", "id"), ("meta", "key")):
            sql = f"SELECT * FROM {table} ORDER BY {key}"
            if table == "chunks":
                sql = "SELECT id, article_id, ordinal, heading_path, text, token_count, kb_version FROM chunks ORDER BY id"
            assert [tuple(r) for r in source.db.rows(sql)] == [tuple(r) for r in copy.db.rows(sql)], table
        assert source.db.rows("SELECT chunk_id, vector FROM chunk_vectors ORDER BY chunk_id") == \
            [(r[0], bytes(r[1])) for r in copy.db.rows("SELECT chunk_id, vector FROM chunk_vectors ORDER BY chunk_id")]
        # The search column was rebuilt: PostgreSQL's own full-text search finds the copied chunks.
        assert kb_store.lexical_search(copy.db, ["refund"], 5)
        assert kb_store.kb_version(copy.db) == kb_store.kb_version(source.db)
        hits = kb_service.search(copy, "How do I reset my password?", k=3)
        assert "reset-password" in [h.article_id for h in hits]
        assert copy.retriever.index.count == kb_store.chunk_count(copy.db)  # derived from the copied vectors
        # Identity sequences moved past the copied ids: new rows get new ids, not collisions.
        from backend.services import users as user_service

        user_service.add_user(copy, "new-after-copy", "agent")
        assert copy.db.value("SELECT id FROM users WHERE name = 'new-after-copy'") == \
            source.db.value("SELECT max(id) FROM users") + 1
        from backend.models import ArticleIn

        kb_service.upsert_articles(copy, [ArticleIn(external_id="after", title="After the copy",
                                                    body="Written on PostgreSQL after moving up.")], source="pg")
        assert kb_store.kb_version(copy.db) == kb_store.kb_version(source.db) + 1
    finally:
        source.close()
        copy.close()
    # A second copy into the now non-empty database is refused, clearly, and changes nothing.
    again = cli.run("db", "copy", "--to", postgres_url, check=False)
    assert again.returncode != 0 and "not empty" in again.stderr and "articles" in again.stderr


@pytest.mark.postgres
def test_copy_refuses_a_database_that_holds_something_else(sqlite_store, postgres_url):
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id int)")
    out = CLI(sqlite_store).run("db", "copy", "--to", postgres_url, check=False)
    assert out.returncode != 0 and "other tables (invoices)" in out.stderr
    with psycopg.connect(postgres_url, autocommit=True) as conn:  # nothing of Tandem's was created there
        assert conn.execute("SELECT to_regclass('public.articles')").fetchone()[0] is None


def test_copy_refuses_what_is_not_a_postgresql_url(sqlite_store, tmp_path):
    out = CLI(sqlite_store).run("db", "copy", "--to", str(tmp_path / "other.db"), check=False)
    assert out.returncode != 0 and "postgresql://" in out.stderr


@pytest.mark.postgres
def test_check_on_both_backends(sqlite_store, postgres_server, tmp_path):
    sqlite_report = json.loads(CLI(sqlite_store).run("db", "check", "--json").stdout)
    assert sqlite_report["ok"] and sqlite_report["dialect"] == "sqlite" and sqlite_report["integrity"] == "ok"
    assert not sqlite_report["pending"] and sqlite_report["counts"]["articles"] == 52
    url = postgres_server.create_database("check")
    name = url.rsplit("/", 1)[1]
    secret_url = postgres_server.url(name, password="s3cret-pw")  # trust auth: the password is not checked
    CLI(sqlite_store).run("db", "copy", "--to", secret_url)
    pg = CLI(tmp_path / "pg", env={"TANDEM_DATABASE_URL": secret_url})
    out = pg.run("db", "check", "--json").stdout
    assert "s3cret-pw" not in out
    report = json.loads(out)
    assert report["ok"] and report["dialect"] == "postgres" and report["integrity"] is None
    assert report["connection"]["database"] == name and "***" in report["connection"]["url"]
    assert report["counts"] == sqlite_report["counts"] and report["kb_version"] == sqlite_report["kb_version"]
    assert report["tombstone_horizon"] == 0 and all(n == 0 for n in report["orphans"].values())
    text = pg.run("db", "check").stdout
    assert "store: postgres" in text and text.strip().endswith("ok")
    # Problems are found: a chunk whose search terms were lost, a change newer than the committed version.
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("UPDATE chunks SET search = ''::tsvector WHERE id = (SELECT min(id) FROM chunks)")
        conn.execute("UPDATE chunks SET kb_version = kb_version + 100 WHERE id = (SELECT max(id) FROM chunks)")
    broken = pg.run("db", "check", "--json", check=False)
    assert broken.returncode == 1
    problems = json.loads(broken.stdout)["problems"]
    assert any("1 chunks without search terms" in p for p in problems), problems
    assert any("newer than the committed KB version" in p for p in problems), problems
    postgres_server.drop_database(url)


def test_check_finds_sqlite_problems_and_migrate_fixes_pending(tmp_path):
    from tests.integration.test_concurrency import first_release_store

    data = tmp_path / "data"
    first_release_store(data / "tandem.db")
    cli = CLI(data)
    old = cli.run("db", "check", "--json", check=False)
    assert old.returncode == 1
    report = json.loads(old.stdout)
    assert report["pending"] == ["m003_faq", "m004_reporting", "m005_coherence_and_trust", "m006_learned_questions",
                                 "m007_customer_context", "m008_user_language",
                                 "m009_knowledge_upkeep", "m010_auto_qa", "m011_history_signals", "m012_qa_verdicts"]
    assert "applied m003_faq" in cli.run("db", "migrate").stdout
    assert "up to date" in cli.run("db", "migrate").stdout
    assert json.loads(cli.run("db", "check", "--json").stdout)["ok"]
    import sqlite3

    with sqlite3.connect(data / "tandem.db") as conn:
        conn.execute("DELETE FROM chunks_fts")
    report = json.loads(cli.run("db", "check", "--json", check=False).stdout)
    assert report["orphans"]["chunks without search row"] == 1 and not report["ok"]


def test_migrate_on_both_backends(store_url, tmp_path):
    data = Path(store_url).parent if not store_url.startswith("postgresql://") else tmp_path / "data"
    cli = CLI(data, env=store_env(store_url))
    assert "applied" in cli.run("db", "migrate").stdout
    assert "up to date" in cli.run("db", "migrate").stdout
    report = json.loads(cli.run("db", "check", "--json").stdout)
    assert report["ok"] and report["dialect"] == ("postgres" if store_env(store_url) else "sqlite")


def test_an_unreachable_server_is_a_clear_error_without_the_password(tmp_path):
    from tests.conftest import free_port

    url = f"postgresql://tandem:topsecret@127.0.0.1:{free_port()}/tandem"  # nothing listens there
    out = CLI(tmp_path / "data", env={"TANDEM_DATABASE_URL": url}).run("db", "check", check=False)
    assert out.returncode == 1 and "cannot connect to PostgreSQL" in out.stderr
    assert "topsecret" not in out.stderr + out.stdout and "tandem:***@" in out.stderr


@pytest.mark.postgres
def test_the_store_runs_on_psycopgs_compiled_driver(postgres_url, tmp_path):
    """pyproject asks for psycopg[binary]: the pure-Python fallback doubled the time of every statement (measured
    10 vs 21 ms per assist request), so an install without it must not pass unnoticed."""
    cli = CLI(tmp_path / "data", env={"TANDEM_DATABASE_URL": postgres_url})
    cli.run("db", "migrate")
    report = json.loads(cli.run("db", "check", "--json").stdout)
    assert report["connection"]["driver"].endswith(("(binary)", "(c)")), report["connection"]
