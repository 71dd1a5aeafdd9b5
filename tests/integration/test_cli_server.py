"""`tandem users|suggest|summarize|serve|demo` through the entry point; the server on uvicorn, loopback."""

from __future__ import annotations

import json
import socket
import time

import httpx
import pytest

from tests.conftest import ROOT, SHIPPED_EMBEDDER, ProcessCLI

EXAMPLE = ROOT / "cli" / "demo_helpdesk" / "conversation.json"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_users_lifecycle(cli):
    token = cli.run("users", "add", "ana", "--role", "knowledge_manager").stdout.strip()
    assert token.startswith("tdm_") and "\n" not in token
    dup = cli.run("users", "add", "ana", "--role", "agent", check=False)
    assert dup.returncode == 1 and "already exists" in dup.stderr
    bad = cli.run("users", "add", "bo", "--role", "wizard", check=False)
    assert bad.returncode == 2 and "wizard" in bad.stderr
    users = cli.json("users", "list", "--json")
    assert [(u["name"], u["role"], u["revoked_at"]) for u in users] == [("ana", "knowledge_manager", None)]
    assert token not in json.dumps(users)
    cli.run("users", "revoke", "ana")
    assert cli.json("users", "list", "--json")[0]["revoked_at"]
    assert cli.run("users", "revoke", "ana", check=False).returncode == 1


def test_suggest_and_summarize_files(shipped_demo_cli, tmp_path):
    cli = shipped_demo_cli
    result = cli.json("suggest", str(EXAMPLE), "--json")
    assert result["suggestions"][0]["kind"] == "answer" and result["suggestions"][0]["citations"]
    assert result["engine"] == "extractive"
    human = cli.run("suggest", str(EXAMPLE)).stdout
    assert "[answer]" in human and "cites:" in human
    summary = cli.json("summarize", str(EXAMPLE), "--json")
    assert "HP-104233" in summary["entities"]["order_ids"] and summary["text"]
    bad = tmp_path / "bad.json"
    bad.write_text('{"messages": [{"text": "hi", "colour": "red"}]}')
    out = cli.run("suggest", str(bad), check=False)
    assert out.returncode == 1 and "colour" in out.stderr
    bad.write_text("{not json")
    assert cli.run("summarize", str(bad), check=False).returncode == 1
    big = tmp_path / "big.json"
    big.write_text(json.dumps({"messages": [{"text": "x" * 20_001}]}))
    out = cli.run("suggest", str(big), check=False)
    assert out.returncode == 1 and "20000" in out.stderr


def test_suggest_shows_a_priority_where_there_is_no_confidence(demo_cli, tmp_path):
    """Clarify and escalate carry a priority, not a calibrated confidence; the text output says which."""
    unanswered = tmp_path / "trail.json"
    unanswered.write_text(json.dumps({"messages": [
        {"role": "customer", "text": "Can you recommend a good hiking trail near Denver for this weekend?"}]}))
    human = demo_cli.run("suggest", str(unanswered)).stdout
    assert "[clarify] priority normal (not grounded)" in human and "[escalate] priority low" in human
    assert "confidence" not in human


@pytest.mark.subprocess
def test_serve_on_loopback(shipped_demo_cli):
    cli = ProcessCLI(shipped_demo_cli.data_dir, embedder=SHIPPED_EMBEDDER)
    token = cli.run("users", "add", "agent1", "--role", "agent").stdout.strip()
    port = free_port()
    cli.env["TANDEM_LLM"] = "extractive"
    proc = cli.popen("serve", "--port", str(port))
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.3)
        else:
            raise AssertionError("server did not become ready: " + (proc.stderr.read() if proc.poll() else ""))
        headers = {"Authorization": f"Bearer {token}"}
        body = json.loads(EXAMPLE.read_text())
        r = httpx.post(f"{base}/v1/assist", json=body, headers=headers, timeout=30)
        assert r.status_code == 200 and r.json()["suggestions"][0]["citations"]
        events = []
        with httpx.stream("POST", f"{base}/v1/assist", json=body, timeout=30,
                          headers={**headers, "Accept": "text/event-stream"}) as stream:
            for line in stream.iter_lines():
                if line.startswith("event:"):
                    events.append(line.split(":", 1)[1].strip())
        assert events[0] == "signals" and events[-1] == "done" and "suggestion" in events
        assert httpx.post(f"{base}/v1/assist", json=body, timeout=30).status_code == 401
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_demo_without_serving(cli):
    out = cli.run("demo", "--no-serve").stdout
    assert "demo KB:" in out and "0 failed" in out
    assert "Demo agent token (shown once): tdm_" in out and "curl" in out
    assert "no grounded answer" in out  # the pizza question


@pytest.mark.subprocess
@pytest.mark.parametrize("workers", ["1", "2"])
def test_serve_writes_the_access_log_without_verbose(demo_data, workers):
    """TANDEM_ACCESS_LOG used to write nothing unless `tandem -v` was given (the process logs WARNING and up)."""
    cli = ProcessCLI(demo_data)
    cli.env.update({"TANDEM_ACCESS_LOG": "json", "TANDEM_LLM": "extractive"})
    port = free_port()
    proc = cli.popen("serve", "--port", str(port), "--workers", workers)
    try:
        deadline = time.time() + 90
        while time.time() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.3)
        else:
            raise AssertionError("server did not become ready")
        assert httpx.get(f"http://127.0.0.1:{port}/v1/me", timeout=10).status_code == 401
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=60)
    lines = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    assert any(line["path"] == "/v1/me" and line["status"] == 401 for line in lines), err
