"""The `tandem kb` commands (in-process, and through the entry point where a real process matters), on real
files and temp data dirs."""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import time
from pathlib import Path

import pytest


def test_import_list_search_show(cli, demo_kb):
    out = cli.run("kb", "import", str(demo_kb), "--source", "demo")
    articles = len(list(demo_kb.rglob("*.md")))
    assert f"{articles} added, 0 updated, 0 unchanged, 0 failed" in out.stdout
    listed = cli.json("kb", "list", "--json")
    assert len(listed) == articles >= 40
    assert set(listed[0]) >= {"article_id", "source", "title", "url", "status", "updated_at"}
    assert len(cli.json("kb", "list", "--json", "--limit", "3")) == 3
    hits = cli.json("kb", "search", "my card was declined at checkout", "--json", "-k", "3")
    assert hits[0]["article_id"] == "payment-declined"
    assert hits[0]["grounded"] is True
    assert all(set(h) >= {"article_id", "title", "url", "chunk_id", "text", "score", "grounded"} for h in hits)
    assert len({h["article_id"] for h in hits}) == len(hits)  # one hit per article
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    shown = cli.json("kb", "show", "payment-declined", "--json")
    assert shown["title"] == "Why was my payment declined?" and shown["chunks"]


def test_unrelated_query_is_not_grounded(cli, demo_kb):
    cli.run("kb", "import", str(demo_kb))
    hits = cli.json("kb", "search", "what is the capital of mongolia", "--json")
    assert hits and not any(h["grounded"] for h in hits)
    text = cli.run("kb", "search", "what is the capital of mongolia").stdout
    assert "No grounded answer" in text


def test_reimport_is_idempotent_and_updates_changed(cli, tmp_path, demo_kb):
    kb = tmp_path / "kb"
    shutil.copytree(demo_kb, kb)
    cli.run("kb", "import", str(kb))
    again = cli.run("kb", "import", str(kb)).stdout
    assert " 0 added, 0 updated," in " " + again and "0 failed" in again
    target = kb / "returns" / "refund-timing.md"
    target.write_text(target.read_text().replace("within 3 business days", "within 2 business days"))
    out = cli.run("kb", "import", str(kb)).stdout
    assert out.startswith("0 added, 1 updated")
    chunks = cli.json("kb", "show", "refund-timing", "--json")["chunks"]
    assert any("within 2 business days" in c["text"] for c in chunks)
    assert not any("within 3 business days" in c["text"] for c in chunks)
    hits = cli.json("kb", "search", "when will I get my refund", "--json", "-k", "3")
    assert any("within 2 business days" in h["text"] for h in hits if h["article_id"] == "refund-timing")


def test_prune_removes_articles_gone_from_source(cli, tmp_path, demo_kb):
    kb = tmp_path / "kb"
    shutil.copytree(demo_kb, kb)
    cli.run("kb", "import", str(kb), "--source", "help")
    (kb / "general" / "price-match.md").unlink()
    out = cli.run("kb", "import", str(kb), "--source", "help", "--prune").stdout
    assert "1 removed" in out
    ids = {a["article_id"] for a in cli.json("kb", "list", "--json")}
    assert "price-match" not in ids and "return-policy" in ids
    assert all(h["article_id"] != "price-match" for h in cli.json("kb", "search", "do you price match", "--json"))


def test_bad_files_reported_rest_imported(cli, tmp_path):
    kb = tmp_path / "mixed"
    kb.mkdir()
    (kb / "good.md").write_text("---\nid: good\ntitle: Good\n---\nReturns are free for members.\n")
    (kb / "binary.md").write_bytes(b"\x00\x01\x02\x03")
    (kb / "latin1.txt").write_bytes(b"Caf\xe9 policy\nWe serve coffee.")
    (kb / "broken.jsonl").write_text('{"title": "A", "body": "b"}\n{broken\n')
    (kb / "empty.html").write_text("")
    (kb / "bad.csv").write_text("colour,size\nred,big\n")
    result = cli.run("kb", "import", str(kb), check=False)
    assert result.returncode == 1
    assert "1 added, 0 updated, 0 unchanged, 5 failed" in result.stdout
    for name, reason in [("binary.md", "binary"), ("latin1.txt", "not UTF-8"), ("broken.jsonl", "line 2"),
                         ("empty.html", "empty"), ("bad.csv", "no title field")]:
        assert name in result.stderr and reason in result.stderr
    assert [a["article_id"] for a in cli.json("kb", "list", "--json")] == ["good"]
    missing = cli.run("kb", "import", str(tmp_path / "nope"), check=False)
    assert missing.returncode == 1 and "no such file" in missing.stderr


def test_export_round_trip(cli, tmp_path, demo_kb):
    cli.run("kb", "import", str(demo_kb), "--source", "demo")
    (tmp_path / "z.json").write_text(json.dumps({"articles": [
        {"id": 77, "title": "Zen article", "body": "<p>Hello <b>there</b></p>", "html_url": "https://z/77"}]}))
    cli.run("kb", "import", str(tmp_path / "z.json"), "--source", "zendesk")
    out = tmp_path / "export"
    cli.run("kb", "export", str(out))
    other = type(cli)(tmp_path / "other")
    before = _hashes(cli.data_dir)
    result = other.run("kb", "import", str(out)).stdout
    assert result.startswith(f"{len(before)} added, 0 updated, 0 unchanged, 0 failed")
    # same ids, sources, titles, bodies, urls, tags and status (the content hash covers them all)
    assert _hashes(other.data_dir) == before
    # importing the export back into the original store changes nothing
    assert cli.run("kb", "import", str(out)).stdout.startswith(f"0 added, 0 updated, {len(before)} unchanged")


def _hashes(data_dir: Path) -> dict:
    with sqlite3.connect(data_dir / "tandem.db") as conn:
        return dict(((r[0], r[1]), r[2]) for r in conn.execute("SELECT source, external_id, content_hash FROM articles"))


def test_remove_and_stats(demo_cli, demo_kb):
    cli = demo_cli
    cli.run("kb", "remove", "gift-cards")
    assert "gift-cards" not in {a["article_id"] for a in cli.json("kb", "list", "--json")}
    result = cli.run("kb", "remove", "no-such-article", check=False)
    assert result.returncode == 1 and "not found: no-such-article" in result.stderr
    stats = cli.json("kb", "stats", "--json")
    assert stats["articles"] == len(list(demo_kb.rglob("*.md"))) - 1
    assert stats["index"]["count"] == stats["chunks"]


def test_missing_and_corrupt_index_rebuilt(demo_cli):
    cli = demo_cli
    index_dir = next((cli.data_dir / "index").iterdir())
    expected = cli.json("kb", "search", "reset my password", "--json")[0]["article_id"]
    shutil.rmtree(index_dir)
    assert cli.json("kb", "search", "reset my password", "--json")[0]["article_id"] == expected
    manifest = json.loads((index_dir / "manifest.json").read_text())
    (index_dir / manifest["file"]).write_bytes(b"garbage" * 100)
    assert cli.json("kb", "search", "reset my password", "--json")[0]["article_id"] == expected
    stats = cli.json("kb", "stats", "--json")
    assert stats["index"]["count"] == stats["chunks"]


def test_reindex_after_chunk_settings_change(demo_cli):
    cli = demo_cli
    before = cli.json("kb", "stats", "--json")["chunks"]
    (cli.data_dir / "tandem.toml").write_text("chunk_tokens = 60\nchunk_overlap = 10\n")
    out = cli.run("kb", "reindex").stdout
    after = cli.json("kb", "stats", "--json")
    assert after["chunks"] > before and f"{after['chunks']} chunks" in out
    assert cli.json("kb", "search", "reset my password", "--json")[0]["article_id"] == "reset-password"


@pytest.mark.subprocess
def test_kill_mid_import_leaves_consistent_db_and_rerun_completes(process_cli, tmp_path):
    cli = process_cli
    kb = tmp_path / "big"
    kb.mkdir()
    for i in range(400):
        (kb / f"a{i:03}.md").write_text(
            f"---\nid: a{i}\ntitle: Article {i}\n---\n" + f"Policy {i} says items ship in {i % 9 + 1} days. " * 40
            + ("Zebra umbrellas carry a lifetime warranty." if i == 399 else ""))
    cli.run("kb", "import", str(kb / "a000.md"))  # the store exists before we start polling it
    proc = cli.popen("kb", "import", str(kb))
    db = cli.data_dir / "tandem.db"
    deadline = time.time() + 120
    while time.time() < deadline:
        with sqlite3.connect(db, timeout=30) as conn:
            if conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= 40:
                break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    with sqlite3.connect(db, timeout=30) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert 40 <= articles < 400, "the import should have been killed midway"
        assert conn.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS "
                            "(SELECT 1 FROM chunks c WHERE c.article_id = a.id)").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM chunks").fetchone()[0] == \
            conn.execute("SELECT count(*) FROM chunks_fts").fetchone()[0]
    out = cli.run("kb", "import", str(kb)).stdout
    added = int(out.split(" added")[0])
    assert added == 400 - articles
    stats = cli.json("kb", "stats", "--json")
    assert stats["articles"] == 400 and stats["index"]["count"] == stats["chunks"]
    assert cli.json("kb", "search", "zebra umbrella warranty", "--json")[0]["article_id"] == "a399"


@pytest.mark.slow
def test_default_embedder_import_and_search(tmp_path, demo_kb):
    from tests.conftest import CLI

    cli = CLI(tmp_path / "data", embedder="minilm")
    cli.env.pop("TANDEM_EMBEDDER")
    cli.run("kb", "import", str(demo_kb))
    hits = cli.json("kb", "search", "when do I get my money back after returning something", "--json")
    assert hits[0]["article_id"] == "refund-timing" and hits[0]["grounded"]
    assert not cli.json("kb", "search", "best pizza recipe with pineapple", "--json")[0]["grounded"]
    assert cli.json("kb", "stats", "--json")["index"]["embedder"].startswith("all-MiniLM-L6-v2")


def test_path_with_spaces_and_cli_errors(cli, tmp_path):
    folder = tmp_path / "my kb"
    folder.mkdir()
    (folder / "x.txt").write_text("Opening hours\nWe are open 9 to 5.")
    cli.run("kb", "import", str(folder))
    assert cli.json("kb", "list", "--json")[0]["title"] == "Opening hours"
    bad = cli.run("kb", "show", "nope", check=False)
    assert bad.returncode == 1 and "no article with id 'nope'" in bad.stderr
    cli.env["TANDEM_EMBEDDER"] = "not-a-model"
    result = cli.run("kb", "list", check=False)
    assert result.returncode == 1 and "TANDEM_EMBEDDER" in result.stderr


def test_articles_file_path_recorded(demo_cli):
    cli = demo_cli
    db = sqlite3.connect(cli.data_dir / "tandem.db")
    paths = {Path(r[0]).name for r in db.execute("SELECT origin_path FROM articles")}
    assert "payment-declined.md" in paths


def test_remote_import_refuses_ids_repeated_across_files(cli, tmp_path):
    """A remote import reads files through the same reader as a local one: a file repeating another file's article
    id fails (before, the server silently kept whichever copy came last)."""
    from backend.app import create_app
    from tests.conftest import CLI, LiveServer, make_runtime

    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "a.md").write_text("---\nid: refunds\ntitle: Refunds\n---\nRefunds take five days.\n")
    (kb / "b.md").write_text("---\nid: refunds\ntitle: Refunds (old)\n---\nRefunds take ninety days.\n")
    (kb / "c.md").write_text("---\nid: orders\ntitle: Orders\n---\nOrders ship in two days.\n")
    server_data = tmp_path / "server"
    curator = CLI(server_data).run("users", "add", "kim", "--role", "knowledge_manager").stdout.strip()
    rt = make_runtime(server_data)
    try:
        with LiveServer(create_app(runtime=rt)) as live:
            remote = cli.run("kb", "import", str(kb), "--server", live.base, "--token", curator, check=False)
            listed = cli.json("kb", "list", "--json", "--server", live.base, "--token", curator)
    finally:
        rt.close()
    assert remote.returncode == 1 and "2 added, 0 updated, 0 unchanged, 1 failed" in remote.stdout
    assert "b.md" in remote.stderr and "duplicate article id 'refunds'" in remote.stderr and "a.md" in remote.stderr
    assert {a["article_id"] for a in listed} == {"refunds", "orders"}
    local = cli.run("kb", "import", str(kb), check=False)  # the local import refuses the same file the same way
    assert local.returncode == 1 and "b.md" in local.stderr and "duplicate article id 'refunds'" in local.stderr
