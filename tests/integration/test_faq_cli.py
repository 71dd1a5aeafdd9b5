"""FAQ mining end to end through the CLI: import history -> mine -> review -> approve -> cited by suggest;
idempotent re-mining; bad files; /v1/faq roles; remote mode against a live server on loopback."""

from __future__ import annotations

import json
import os
import stat
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import CLI, FIXTURES, ROOT, SHIPPED_EMBEDDER, TEST_EMBEDDER, ProcessCLI, copy_store
from tests.integration.test_cli_server import free_port

HISTORY = FIXTURES / "history"


@pytest.fixture(scope="module")
def mined_store(tmp_path_factory) -> Path:
    """Demo KB + repeated-question history with the shipped default embedder (built once per module)."""
    data = tmp_path_factory.mktemp("faq") / "data"
    cli = CLI(data, embedder=SHIPPED_EMBEDDER)
    cli.run("kb", "import", str(ROOT / "kb"), "--source", "demo")
    cli.run("conversations", "import", str(HISTORY / "repeated_questions.jsonl"))
    return data


@pytest.fixture
def kmcli(mined_store, tmp_path) -> CLI:
    """The shipped default embedder (MiniLM): clustering thresholds are tuned for it."""
    return CLI(copy_store(mined_store, tmp_path / "data"), embedder=SHIPPED_EMBEDDER)


def _student_draft(drafts: list[dict]) -> dict:
    found = [d for d in drafts if "student" in d["question"].lower()]
    assert len(found) == 1, [d["question"] for d in drafts]
    return found[0]


def test_mine_review_approve_then_suggest_cites_it(kmcli, tmp_path):
    report = kmcli.json("faq", "mine", "--min-count", "3", "--json")
    assert report["new_drafts"] >= 1 and report["already_answered"] >= 1  # password reset is in the demo KB
    drafts = kmcli.json("faq", "list", "--json")
    draft = _student_draft(drafts)
    # Contract shape and evidence.
    assert set(draft) >= {"id", "status", "question", "answer", "cluster_size", "member_message_ids", "example_queries",
                          "source_conversation_ids", "nearest_article", "suggested_action", "created_at", "decided_by",
                          "decided_at"}
    assert draft["status"] == "pending" and draft["suggested_action"] == "new_article"
    assert all(m.startswith("student-") for m in draft["member_message_ids"])
    assert "10%" in draft["answer"] and not draft["answer"].lower().startswith(("hi", "hello", "thanks"))
    assert "Riley" not in draft["answer"]  # sign-off and names cleaned away
    assert not any("password" in d["question"].lower() for d in drafts)  # answered by the KB: no draft
    shown = kmcli.run("faq", "show", str(draft["id"])).stdout
    assert "Customers asked:" in shown and "Nearest article:" in shown

    # Review one by one: the student draft is edited in a scripted $EDITOR and approved, others skipped.
    editor = tmp_path / "editor.py"
    editor.write_text("import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
                      "p.write_text('Is there a student discount?\\n\\nYes: 10% off full-priced items after you verify"
                      " a student email on the Student Perks page.\\n')\n")
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    kmcli.env["EDITOR"] = f"{sys.executable} {editor}"
    pending = kmcli.json("faq", "list", "--json")
    answers = "".join("e\n" if d["id"] == draft["id"] else "s\n" for d in pending)
    out = kmcli.run("faq", "review", input=answers).stdout
    assert "1 approved" in out and f"{len(pending) - 1} skipped" in out
    approved = kmcli.json("faq", "list", "--status", "approved", "--json")
    assert [d["question"] for d in approved] == ["Is there a student discount?"]
    assert approved[0]["decided_by"].startswith("cli") and approved[0]["decided_at"]

    # Indexed at once: search and suggest cite the new article; kb export includes it.
    hits = kmcli.json("kb", "search", "do students get a discount", "--json", "-k", "1")
    assert hits[0]["article_id"] == f"faq-{draft['id']}" and hits[0]["grounded"]
    conversation = tmp_path / "conv.json"
    conversation.write_text(json.dumps({"messages": [{"role": "customer", "text": "Hello, do you have a discount "
                                                                                  "for students?"}]}))
    suggestion = kmcli.json("suggest", str(conversation), "--json")["suggestions"][0]
    assert suggestion["kind"] == "answer"
    assert f"faq-{draft['id']}" in [c["article_id"] for c in suggestion["citations"]]
    kmcli.run("kb", "export", str(tmp_path / "export"))
    assert (tmp_path / "export" / "faq").exists() or any((tmp_path / "export").rglob(f"faq-{draft['id']}*"))

    # Re-mining never duplicates: the approved draft's evidence grows instead.
    kmcli.run("conversations", "import", str(HISTORY / "repeated_questions.jsonl"))
    again = kmcli.json("faq", "mine", "--min-count", "3", "--json")
    assert again["new_drafts"] == 0
    assert len(kmcli.json("faq", "list", "--status", "all", "--json")) == len(pending)


def test_reject_needs_a_reason_and_decisions_are_final(kmcli):
    kmcli.run("faq", "mine", "--min-count", "3")
    draft = _student_draft(kmcli.json("faq", "list", "--json"))
    missing = kmcli.run("faq", "reject", str(draft["id"]), check=False)
    assert missing.returncode == 2 and "--reason" in missing.stderr
    kmcli.run("faq", "reject", str(draft["id"]), "--reason", "policy is changing next month")
    rejected = kmcli.json("faq", "list", "--status", "rejected", "--json")[0]
    assert rejected["reason"] == "policy is changing next month"
    again = kmcli.run("faq", "approve", str(draft["id"]), check=False)
    assert again.returncode == 1 and "already rejected" in again.stderr
    unknown = kmcli.run("faq", "show", "9999", check=False)
    assert unknown.returncode == 1 and "no FAQ draft 9999" in unknown.stderr
    # Re-mining does not bring a rejected topic back.
    assert kmcli.json("faq", "mine", "--min-count", "3", "--json")["new_drafts"] == 0
    assert not any("student" in d["question"].lower() for d in kmcli.json("faq", "list", "--json"))


def test_history_formats_bad_files_and_redaction(cli, tmp_path):
    ok = cli.json("conversations", "import", str(HISTORY / "tickets.csv"), str(HISTORY / "zendesk_tickets.json"),
                  "--json")
    assert ok["conversations"] == 3 and not ok["failed"]
    again = cli.json("conversations", "import", str(HISTORY / "tickets.csv"), "--json")
    assert again["new_messages"] == 0  # idempotent
    bad_json = tmp_path / "bad.jsonl"
    bad_json.write_text('{"messages": [{"role": "customer", "text": "hi"}]}\n{not json\n')
    binary = tmp_path / "blob.csv"
    binary.write_bytes(b"\x00\x01\x02 binary")
    no_columns = tmp_path / "cols.csv"
    no_columns.write_text("who,what\nx,y\n")
    empty = tmp_path / "empty.json"
    empty.write_text("")
    out = cli.run("conversations", "import", str(bad_json), str(binary), str(no_columns), str(empty),
                  str(tmp_path / "missing.jsonl"), check=False)
    assert out.returncode == 1
    for expected in ("line 2: invalid JSON", "binary file", "CSV needs columns for ticket, text", "empty file",
                     "no such file"):
        assert expected in out.stderr
    from backend.services.runtime import Runtime
    from backend.settings import load_settings

    rt = Runtime(load_settings(cli.data_dir, env={"TANDEM_EMBEDDER": TEST_EMBEDDER}))
    texts = [r[0] for r in rt.db.rows("SELECT text FROM messages")]
    roles = dict(rt.db.rows("SELECT text, role FROM messages"))
    rt.close()
    assert not any("jo@example.com" in t or "555 0134" in t for t in texts)
    assert roles["Check with warehouse first"] == "note" and roles["Is the lamp dimmable?"] == "customer"


def _serve(cli: CLI):
    port = free_port()
    proc = ProcessCLI(cli.data_dir, embedder=cli.env["TANDEM_EMBEDDER"]).popen("serve", "--port", str(port))
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.3)
    proc.terminate()
    raise AssertionError("server did not become ready")


@pytest.mark.subprocess
def test_api_roles_and_remote_mode(kmcli, tmp_path):
    km = kmcli.run("users", "add", "kim", "--role", "knowledge_manager").stdout.strip()
    agent = kmcli.run("users", "add", "ada", "--role", "agent").stdout.strip()
    proc, base = _serve(kmcli)
    try:
        assert httpx.get(f"{base}/v1/faq", timeout=10).status_code == 401
        assert httpx.get(f"{base}/v1/faq", headers={"Authorization": f"Bearer {agent}"}, timeout=10).status_code == 403
        bad = httpx.post(f"{base}/v1/faq/mine", json={"min_count": 3, "colour": 1},
                         headers={"Authorization": f"Bearer {km}"}, timeout=10)
        assert bad.status_code == 400 and "colour" in bad.text

        remote = CLI(tmp_path / "elsewhere")  # a knowledge manager's laptop: no local store involved
        remote.env.update({"TANDEM_SERVER": base, "TANDEM_TOKEN": km})
        report = remote.json("faq", "mine", "--min-count", "3", "--json")
        assert report["new_drafts"] >= 1
        drafts = remote.json("faq", "list", "--json")
        draft = _student_draft(drafts)
        assert remote.run("faq", "show", str(draft["id"])).stdout.count("Customers asked:") == 1
        approved = remote.json("faq", "approve", str(draft["id"]), "--json")
        assert approved["status"] == "approved" and approved["decided_by"] == "kim"
        conflict = remote.run("faq", "approve", str(draft["id"]), check=False)
        assert conflict.returncode == 1 and "409" in conflict.stderr
        # kb commands remotely: same output as locally.
        hits = remote.json("kb", "search", "student discount", "--json", "-k", "1")
        assert hits[0]["article_id"] == approved["article_id"]
        listed = remote.json("kb", "list", "--json")
        assert approved["article_id"] in [a["article_id"] for a in listed]
        new_kb = tmp_path / "newkb"
        new_kb.mkdir()
        (new_kb / "gift.md").write_text("---\nid: gift-wrap\ntitle: Gift wrapping\n---\nGift wrap costs $5 per item.\n")
        imported = remote.json("kb", "import", str(new_kb), "--source", "remote-test", "--json")
        assert imported["added"] == 1
        assert remote.json("kb", "show", "gift-wrap", "--json")["title"] == "Gift wrapping"
        remote.run("kb", "remove", "gift-wrap")
        assert remote.run("kb", "show", "gift-wrap", check=False).returncode == 1
        as_agent = CLI(tmp_path / "agent")
        as_agent.env.update({"TANDEM_SERVER": base, "TANDEM_TOKEN": agent})
        denied = as_agent.run("faq", "list", check=False)
        assert denied.returncode == 1 and "role" in denied.stderr
        wrong = CLI(tmp_path / "wrong")
        wrong.env.update({"TANDEM_SERVER": base, "TANDEM_TOKEN": "tdm_nope"})
        assert "token rejected" in wrong.run("faq", "list", check=False).stderr
        down = CLI(tmp_path / "down")
        down.env.update({"TANDEM_SERVER": f"http://127.0.0.1:{free_port()}", "TANDEM_TOKEN": km})
        assert "cannot reach Tandem" in down.run("faq", "list", check=False).stderr
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert not os.path.exists(tmp_path / "elsewhere" / "tandem.db")


def test_review_merges_a_draft_into_an_existing_article(kmcli):
    kmcli.run("faq", "mine", "--min-count", "3")
    pending = kmcli.json("faq", "list", "--json")
    draft = _student_draft(pending)
    # Merge the student-discount draft into the payment methods article; skip the rest.
    answers = "".join("m\npayment-methods\n" if d["id"] == draft["id"] else "s\n" for d in pending)
    out = kmcli.run("faq", "review", input=answers).stdout
    assert "1 merged" in out
    merged = kmcli.json("faq", "show", str(draft["id"]), "--json")
    assert merged["status"] == "merged" and merged["article_id"] == "payment-methods"
    article = kmcli.json("kb", "show", "payment-methods", "--json")
    assert f"## {draft['question']}" in article["body"] and "10%" in article["body"]
    hits = kmcli.json("kb", "search", "student discount", "--json", "-k", "1")
    assert hits[0]["article_id"] == "payment-methods"  # re-indexed at once


def test_server_mines_periodically_when_configured(mined_store, tmp_path):
    import msgspec

    from backend.app import start_jobs
    from backend.services import faq
    from backend.services.runtime import Runtime
    from backend.settings import load_settings

    data = copy_store(mined_store, tmp_path / "data")
    settings = load_settings(data, env={"TANDEM_EMBEDDER": SHIPPED_EMBEDDER, "TANDEM_LLM": "extractive"})
    rt = Runtime(msgspec.structs.replace(settings, faq_mine_every_h=0.5 / 3600, faq_min_count=3))
    jobs = start_jobs(rt)
    try:
        deadline = time.time() + 60
        while time.time() < deadline and not faq.list_drafts(rt):
            time.sleep(0.2)
        assert any("student" in d.question.lower() for d in faq.list_drafts(rt))
    finally:
        for job in jobs:
            job.stop()
        rt.close()
