"""What a security reviewer tries before letting Tandem into a helpdesk: conversations that must not merge,
formula injection in exports, dashboard sessions, errors that must not leak, privacy on real text, purge
that removes everything, hostile files, exact article ids, and the operability a team needs."""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import time
from pathlib import Path

import httpx
import msgspec
import pytest
from litestar.testing import TestClient

from backend.app import create_app
from backend.models import Conversation
from backend.services import access, assist, summaries
from backend.services import users as user_service
from tests.conftest import CLI, LiveServer, make_runtime


@pytest.fixture
def api(demo_data):
    rt = make_runtime(demo_data)
    tokens = {role: user_service.add_user(rt, f"u-{role}", role) for role in user_service.ROLES}
    with TestClient(create_app(runtime=rt)) as client:
        yield client, tokens, rt
    rt.close()


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def conv(**fields) -> Conversation:
    return msgspec.convert(fields, Conversation)


# ---- 5. conversations never merge across sites ---------------------------------------------------------

def test_same_ticket_number_on_two_helpdesk_accounts_is_two_conversations(api):
    client, tokens, rt = api
    for account in ("acme", "globex"):
        r = client.post("/v1/assist", headers=bearer(tokens["agent"]), json={
            "helpdesk": "zendesk", "ticket_id": "4711", "url": f"https://{account}.zendesk.com/agent/tickets/4711",
            "messages": [{"id": "m1", "role": "customer", "text": f"{account}: where is my parcel?"}]})
        assert r.status_code == 200
    rows = rt.db.rows("SELECT site FROM conversations WHERE ticket_id = '4711' ORDER BY site")
    assert [r[0] for r in rows] == ["https://acme.zendesk.com", "https://globex.zendesk.com"]
    for _ in range(2):  # no ticket id: two customers who both open with "Hi" stay apart
        client.post("/v1/assist", headers=bearer(tokens["agent"]), json={"messages": [{"text": "Hi"}]})
    assert rt.db.value("SELECT count(*) FROM conversations WHERE ticket_id LIKE 'auto-%'") == 2


# ---- 6. formula injection --------------------------------------------------------------------------------

HOSTILE = "=cmd|' /C calc'!A0 please refund me"


def test_exports_neutralise_formulas_and_escape_markdown(api, tmp_path):
    client, tokens, rt = api
    for i, text in enumerate((HOSTILE, "+SUM(1,2) is what I was charged", "@SUM(A1) hello", "-2+3 items",
                              "\tTAB first", "[click](https://evil.example) ![x](https://evil.example/i.png) <b>x</b>")):
        summaries.summarize(rt, conv(helpdesk="z", ticket_id=f"f-{i}", subject=text,
                                     messages=[{"role": "customer", "text": text}]))
    cli = CLI(Path(rt.settings.data_dir))
    exported = client.get("/v1/summaries/export", headers=bearer(tokens["lead"]))
    assert exported.headers["content-type"] == "text/csv; charset=utf-8"  # once, not twice
    for source in (cli.run("summaries", "export").stdout, exported.text):
        for row in csv.reader(io.StringIO(source)):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
        assert "'=cmd|" in source
    md = cli.run("summaries", "export", "--format", "md").stdout
    assert "](https://evil" not in md and "<b>" not in md and "\\[click\\]" in md


# ---- 9. dashboard sessions -------------------------------------------------------------------------------

def csrf_of(page: str) -> str:
    return re.search(r'name=_csrf_token value="([^"]+)"', page).group(1)


def session_csrf_of(page: str) -> str:
    return re.search(r'name=_session_csrf value="([^"]+)"', page).group(1)


def test_dashboard_sessions_are_server_side_expiring_and_csrf_protected(api, caplog):
    client, tokens, rt = api
    form = client.get("/dashboard/login").text
    no_csrf = client.post("/dashboard/login", data={"token": tokens["lead"]}, follow_redirects=False)
    assert no_csrf.status_code == 403  # a sign-in form posted from elsewhere is refused
    ok = client.post("/dashboard/login", data={"token": tokens["lead"], "_csrf_token": csrf_of(form)},
                     follow_redirects=False)
    assert ok.status_code == 303
    cookie = ok.cookies.get("tandem_session") or client.cookies.get("tandem_session")
    assert cookie and tokens["lead"] not in (ok.headers.get("set-cookie") or "")  # the cookie is not the token
    assert rt.db.value("SELECT count(*) FROM sessions") == 1
    assert rt.db.value("SELECT id_hash FROM sessions") != cookie  # only a hash is stored
    page = client.get("/dashboard")
    assert page.status_code == 200 and "Sign out" in page.text
    # Expiry is the server's: a session past its time is refused even with the cookie.
    rt.db.run("UPDATE sessions SET expires_at = '2000-01-01T00:00:00Z'")
    assert client.get("/dashboard").status_code == 401
    # Logout ends the session on the server.
    client.cookies.clear()
    form = client.get("/dashboard/login").text
    client.post("/dashboard/login", data={"token": tokens["lead"], "_csrf_token": csrf_of(form)})
    page = client.get("/dashboard").text
    client.post("/dashboard/logout", data={"_csrf_token": csrf_of(page), "_session_csrf": session_csrf_of(page)})
    assert rt.db.value("SELECT count(*) FROM sessions WHERE expires_at > '2001'") == 0
    assert client.get("/dashboard").status_code == 401


def test_sign_out_needs_the_token_stored_with_the_session(api):
    """Litestar's CSRF cookie is not tied to the session; the sign-out form also carries the token the
    server stored with this session, and a form without it (or with another session's) changes nothing."""
    client, tokens, rt = api
    form = client.get("/dashboard/login").text
    client.post("/dashboard/login", data={"token": tokens["lead"], "_csrf_token": csrf_of(form)})
    page = client.get("/dashboard").text
    mine = session_csrf_of(page)
    assert mine == rt.db.value("SELECT csrf FROM sessions")
    _, other = access.start_session(rt, user_service.authenticate(rt, tokens["admin"]))
    for forged in ({}, {"_session_csrf": ""}, {"_session_csrf": other.csrf}):
        refused = client.post("/dashboard/logout", data={"_csrf_token": csrf_of(page), **forged},
                              follow_redirects=False)
        assert refused.status_code == 403, forged
        assert client.get("/dashboard").status_code == 200  # still signed in
    ok = client.post("/dashboard/logout", data={"_csrf_token": csrf_of(page), "_session_csrf": mine},
                     follow_redirects=False)
    assert ok.status_code == 303 and client.get("/dashboard").status_code == 401


def test_failed_sign_ins_are_limited_per_token_prefix_and_per_address(api, caplog, monkeypatch):
    """Ten bad tries used to lock every user behind the address out; now they lock out that token prefix, and
    an address is refused only after many more failures."""
    from backend.services import access

    monkeypatch.setattr(access.time, "time", lambda: 1_800_000_010.0)  # one rate window throughout
    client, tokens, _ = api
    csrf = csrf_of(client.get("/dashboard/login").text)

    def sign_in(token: str) -> int:
        return client.post("/dashboard/login", data={"token": token, "_csrf_token": csrf},
                           follow_redirects=False).status_code

    with caplog.at_level(logging.WARNING, logger="backend.services.access"):
        guessed = tokens["lead"][:access.TOKEN_PREFIX_CHARS]
        codes = [sign_in(f"{guessed}guess{i}") for i in range(access.LOGIN_FAILURES_PER_TOKEN + 1)]
    assert codes == [401] * access.LOGIN_FAILURES_PER_TOKEN + [429]
    assert "sign-in failed" in caplog.text and guessed not in caplog.text  # logged, without the token
    assert sign_in(tokens["lead"]) == 429  # the token someone was guessing waits out the window
    assert sign_in(tokens["admin"]) == 303  # everyone else behind the address signs in
    while sum(1 for r in caplog.records if "sign-in failed" in r.getMessage()) < access.LOGIN_FAILURES_PER_ADDRESS:
        assert sign_in(f"tdm_{len(caplog.records):08d}") == 401  # a new prefix each time
    blocked = client.post("/dashboard/login", data={"token": tokens["admin"], "_csrf_token": csrf})
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) > 0  # the address is refused


def test_forwarded_addresses_are_believed_only_from_trusted_proxies(demo_data, caplog):
    """uvicorn believes X-Forwarded-For from 127.0.0.1 by default: rotating it dodged the per-address limit."""
    from backend.api.server import uvicorn_options

    for proxies, seen in (("", "127.0.0.1"), ("127.0.0.1", "203.0.113.7")):
        rt = make_runtime(demo_data, **({"TANDEM_TRUSTED_PROXIES": proxies} if proxies else {}))
        caplog.clear()
        try:
            with LiveServer(create_app(runtime=rt), **uvicorn_options(rt.settings)) as live, \
                    httpx.Client(base_url=live.base, timeout=30) as browser, \
                    caplog.at_level(logging.WARNING, logger="backend.services.access"):
                csrf = csrf_of(browser.get("/dashboard/login").text)
                browser.post("/dashboard/login", data={"token": "tdm_wrong", "_csrf_token": csrf},
                             headers={"X-Forwarded-For": "203.0.113.7"})
            assert f"sign-in failed from {seen} " in caplog.text, caplog.text
        finally:
            rt.close()


def test_dashboard_pages_may_not_load_anything_be_framed_or_cached(api):
    client, tokens, _ = api
    form = client.get("/dashboard/login")
    pages = [form, client.post("/dashboard/login", data={"token": "tdm_wrong", "_csrf_token": csrf_of(form.text)}),
             client.get("/dashboard", headers=bearer(tokens["lead"]))]
    for page in pages:
        csp = page.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp and "script-src" not in csp
        assert page.headers["x-frame-options"] == "DENY" and page.headers["cache-control"] == "no-store"
        assert "<script" not in page.text


def test_secure_cookies_behind_a_tls_proxy(demo_data):
    rt = make_runtime(demo_data, TANDEM_SECURE_COOKIES="on")
    token = user_service.add_user(rt, "lead", "lead")
    try:
        with TestClient(create_app(runtime=rt), base_url="https://testserver") as client:  # TLS at the proxy
            csrf = csrf_of(client.get("/dashboard/login").text)
            ok = client.post("/dashboard/login", data={"token": token, "_csrf_token": csrf}, follow_redirects=False)
            assert "secure" in ok.headers["set-cookie"].lower()
    finally:
        rt.close()


def test_summaries_are_rate_limited_like_assist(demo_data, monkeypatch):
    """Summaries cost as much as suggestions: each route has TANDEM_ASSIST_RATE_PER_MIN per user a minute."""
    from backend.services import access

    monkeypatch.setattr(access.time, "time", lambda: 1_800_000_010.0)  # one minute window throughout
    rt = make_runtime(demo_data, TANDEM_ASSIST_RATE_PER_MIN="3")
    agent = user_service.add_user(rt, "agent", "agent")
    body = {"messages": [{"role": "customer", "text": "How do I reset my password?"}]}
    try:
        with TestClient(create_app(runtime=rt)) as client:
            codes = [client.post("/v1/summaries", json=body, headers=bearer(agent)) for _ in range(4)]
            assert [c.status_code for c in codes] == [200, 200, 200, 429]
            assert int(codes[-1].headers["retry-after"]) > 0 and "summaries" in codes[-1].json()["detail"]
            assert client.post("/v1/assist", json=body, headers=bearer(agent)).status_code == 200  # its own count
    finally:
        rt.close()


def test_a_refused_token_is_a_logged_and_counted_401_with_a_request_id(demo_data, caplog):
    """Authentication failures used to escape the request-id, access-log and metrics middleware: logged as 500,
    missing from /metrics, and without the X-Request-ID every response carries."""
    rt = make_runtime(demo_data, TANDEM_ACCESS_LOG="json")
    admin = user_service.add_user(rt, "admin", "admin")

    def refused(metrics: str) -> float:
        found = [float(line.rsplit(" ", 1)[1]) for line in metrics.splitlines() if line.startswith(
            "tandem_requests_total{") and 'path="/v1/me"' in line and 'status_code="401"' in line]
        return sum(found)

    try:
        with TestClient(create_app(runtime=rt)) as client, caplog.at_level(logging.INFO, logger="tandem.access"):
            before = refused(client.get("/metrics", headers=bearer(admin)).text)
            for headers in ({"Authorization": "Bearer tdm_wrong"}, {}):
                r = client.get("/v1/me", headers=headers)
                assert r.status_code == 401 and r.json()["request_id"] == r.headers["x-request-id"]
            assert client.get("/dashboard").status_code == 401  # no session cookie
            assert refused(client.get("/metrics", headers=bearer(admin)).text) == before + 2
        lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "tandem.access"]
        assert [line["status"] for line in lines if line["path"] in ("/v1/me", "/dashboard")] == [401, 401, 401]
    finally:
        rt.close()


def test_the_text_access_log_is_one_line_per_request(demo_data, caplog):
    """A decoded %0A in the path (or a newline in a user's name) used to start a forged log line."""
    rt = make_runtime(demo_data, TANDEM_ACCESS_LOG="text")
    eve = user_service.add_user(rt, "eve\nforged 0000 GET /v1/users 200 1.0ms user=admin", "agent")
    try:
        with TestClient(create_app(runtime=rt)) as client, caplog.at_level(logging.INFO, logger="tandem.access"):
            client.get("/v1/kb/articles/x%0Aabcdef0123456789%20GET%20users%20200%201.0ms%20user=admin")
            client.get("/v1/me", headers=bearer(eve))
        lines = [r.getMessage() for r in caplog.records if r.name == "tandem.access"]
        assert len(lines) == 2 and not any("\n" in line or "\r" in line for line in lines), lines
        assert "/v1/kb/articles/x%0Aabcdef0123456789%20GET" in lines[0] and "eve\\u000aforged" in lines[1]
    finally:
        rt.close()


def test_unknown_paths_and_methods_have_a_request_id_and_a_log_line(demo_data, caplog):
    rt = make_runtime(demo_data, TANDEM_ACCESS_LOG="json")
    try:
        with TestClient(create_app(runtime=rt)) as client, caplog.at_level(logging.INFO, logger="tandem.access"):
            for r in (client.get("/nope"), client.delete("/healthz")):
                assert r.status_code in (404, 405) and r.json()["request_id"] == r.headers["x-request-id"]
        lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "tandem.access"]
        assert [(line["path"], line["status"]) for line in lines] == [("/nope", 404), ("/healthz", 405)]
    finally:
        rt.close()


def test_slow_headers_cannot_hold_sockets(demo_data, monkeypatch):
    """uvicorn has no header-read deadline: 50 sockets sending headers a byte at a time stayed open 64 s."""
    import socket

    from backend.api import server

    monkeypatch.setattr(server.DeadlineH11Protocol, "header_timeout", 1.0)
    rt = make_runtime(demo_data)
    try:
        with LiveServer(create_app(runtime=rt), **server.uvicorn_options(rt.settings)) as live:
            slow = [socket.create_connection(("127.0.0.1", live.port), timeout=5) for _ in range(20)]
            started = time.monotonic()
            for s in slow[:10]:
                s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # half the sockets: headers never finish
            closed: set[int] = set()
            while len(closed) < len(slow) and time.monotonic() - started < 4:
                for i, s in enumerate(slow):
                    if i in closed:
                        continue
                    try:
                        s.sendall(b"X: y\r\n")  # a trickle does not move the deadline
                        s.settimeout(0.05)
                        if s.recv(1) == b"":
                            closed.add(i)
                    except TimeoutError:
                        pass
                    except OSError:
                        closed.add(i)
                time.sleep(0.2)
            assert len(closed) == len(slow) and time.monotonic() - started < 3, (len(closed), time.monotonic() - started)
            assert httpx.get(f"{live.base}/healthz", timeout=10).status_code == 200  # whole requests are served
            with httpx.Client(base_url=live.base, timeout=10) as kept:  # and a kept-alive connection reused
                assert [kept.get("/healthz").status_code for _ in range(3)] == [200, 200, 200]
        for s in slow:
            s.close()
    finally:
        rt.close()


# ---- 10. errors do not leak internals -----------------------------------------------------------------------

def test_a_bug_is_a_500_with_a_request_id_not_its_message(api, monkeypatch):
    client, tokens, _ = api

    def broken(*args, **kwargs):
        raise ValueError("secret internals: /srv/tandem/db password=hunter2")

    monkeypatch.setattr(assist, "retrieve", broken)
    r = client.post("/v1/assist", headers=bearer(tokens["agent"]), json={"messages": [{"text": "refund?"}]})
    assert r.status_code == 500 and "hunter2" not in r.text and "ValueError" not in r.text
    assert r.json()["request_id"] == r.headers["x-request-id"]
    with client.stream("POST", "/v1/assist", json={"messages": [{"text": "refund?"}]},
                       headers={**bearer(tokens["agent"]), "Accept": "text/event-stream"}) as stream:
        text = "".join(stream.iter_text())
    error = json.loads(text.split("event: error")[1].split("data:")[1].split("\n")[0])
    assert error == {"code": "internal_error", "request_id": stream.headers["x-request-id"]}
    assert "hunter2" not in text


# ---- 11. privacy on real text --------------------------------------------------------------------------------

def test_nothing_personal_is_stored_from_urls_names_ids_or_sent_replies(api):
    client, tokens, rt = api
    body = client.post("/v1/assist", headers=bearer(tokens["agent"]), json={
        "helpdesk": "zendesk", "ticket_id": "p-1", "url": "https://acme.zendesk.com/t/1?email=dana.reyes@example.com",
        "customer": {"id": "cust-8812", "name": "Dana Reyes", "email": "dana.reyes@example.com"},
        "messages": [{"role": "customer", "text": "card 4111  1111 1111 1111 cvv 123, call me on 07700 900123 or "
                                                  "dana at example dot com. SSN 123 45 6789, IBAN de89370400440532013000"}]}
                       ).json()
    suggestion = body["suggestions"][0]["id"]
    client.post("/v1/feedback", headers=bearer(tokens["agent"]), json={
        "suggestion_id": suggestion, "action": "edited", "final_text": "Hi Dana, I sent it to dana.reyes@example.com"})
    stored = json.dumps(rt.db.rows("SELECT url, customer FROM conversations WHERE ticket_id = 'p-1'")) + \
        json.dumps(rt.db.rows("SELECT text FROM messages")) + json.dumps(rt.db.rows("SELECT final_text FROM feedback"))
    for secret in ("dana.reyes@example.com", "Dana Reyes", "cust-8812", "4111", "07700 900123", "dana at example",
                   "123 45 6789", "de89370400440532013000"):
        assert secret not in stored, secret


def test_the_customers_name_is_shown_but_not_stored(api):
    """Suggestions greet the customer by name; the stored rows (JSON and SSE) and the stored sent reply have
    [NAME] there, and an unchanged reply is still an edit distance of 0."""
    client, tokens, rt = api
    body = {"helpdesk": "zendesk", "ticket_id": "n-1", "customer": {"name": "Xanthippe Mbeki-Oduya"},
            "messages": [{"role": "customer", "text": "How do I reset my password?"}]}
    shown = client.post("/v1/assist", headers=bearer(tokens["agent"]), json=body).json()["suggestions"]
    assert shown[0]["text"].startswith("Hi Xanthippe,")
    with client.stream("POST", "/v1/assist", json=body,
                       headers={**bearer(tokens["agent"]), "Accept": "text/event-stream"}) as stream:
        assert "Hi Xanthippe," in "".join(stream.iter_text())
    stored = [row[0] for row in rt.db.rows("SELECT text FROM suggestions")]
    assert len(stored) >= 2 and all("Xanthippe" not in t and "Mbeki" not in t for t in stored)
    assert sum(t.startswith("Hi [NAME],") for t in stored) >= 2
    r = client.post("/v1/feedback", headers=bearer(tokens["agent"]), json={
        "suggestion_id": shown[0]["id"], "action": "inserted", "final_text": shown[0]["text"]})
    assert r.json()["edit_distance"] == 0
    assert rt.db.value("SELECT final_text FROM feedback").startswith("Hi [NAME],")


def test_ids_and_tiers_are_redacted_and_stay_apart(api):
    """An e-mail sent as a ticket or message id (or inside the tier) is neither stored nor exported; ids that
    held PII stay distinct (a keyed digest), and the same id finds its conversation again."""
    client, tokens, rt = api
    for _ in range(2):
        for email in ("dana.reyes@example.com", "li.wei@example.com"):
            body = {"helpdesk": "mail", "ticket_id": email, "customer": {"tier": f"VIP {email}"},
                    "messages": [{"id": f"{email}/1", "role": "customer", "text": "Where is my refund?"},
                                 {"id": f"{email}/2", "role": "customer", "text": "Call me on +44 20 7946 0018"}]}
            assert client.post("/v1/summaries", headers=bearer(tokens["agent"]), json=body).status_code == 200
    stored = json.dumps(rt.db.rows("SELECT ticket_id, customer FROM conversations WHERE helpdesk = 'mail'")) + \
        json.dumps(rt.db.rows("SELECT message_key FROM messages"))
    exported = "".join(client.get("/v1/summaries/export", params={"format": fmt}, headers=bearer(tokens["lead"])).text
                       for fmt in ("csv", "jsonl"))
    for text in (stored, exported):
        assert "example.com" not in text and "dana" not in text and "7946" not in text
    tickets = [r[0] for r in rt.db.rows("SELECT ticket_id FROM conversations WHERE helpdesk = 'mail'")]
    assert len(tickets) == 2 and all(t.startswith("[EMAIL]~") for t in tickets)  # two, not four, not one
    assert rt.db.value("SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id "
                       "WHERE c.helpdesk = 'mail'") == 4
    assert "VIP [EMAIL]" in stored  # the tier is kept, redacted


def test_message_times_never_lie_in_the_future(api):
    """A message dated 9999-12-31 would exempt its conversation from retention forever: it is stored as the
    time it was received; a clock a few minutes ahead is believed."""
    from datetime import UTC, datetime, timedelta

    client, tokens, rt = api
    soon = (datetime.now(UTC) + timedelta(minutes=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    client.post("/v1/assist", headers=bearer(tokens["agent"]), json={
        "helpdesk": "z", "ticket_id": "future", "messages": [
            {"id": "a", "role": "customer", "text": "Hi", "at": "9999-12-31T23:59:59Z"},
            {"id": "b", "role": "customer", "text": "Hello?", "at": soon}]})
    ceiling = (datetime.now(UTC) + timedelta(minutes=11)).strftime("%Y-%m-%dT%H:%M:%SZ")
    times = dict(rt.db.rows("SELECT message_key, at FROM messages WHERE message_key IN ('a', 'b')"))
    assert times["a"] <= ceiling and times["b"] == soon
    assert rt.db.value("SELECT last_activity_at FROM conversations WHERE ticket_id = 'future'") <= ceiling


def test_page_urls_are_stored_as_origin_and_path(api):
    """User info, query and fragment carry passwords, tokens and e-mails: only origin and path are kept."""
    client, tokens, rt = api
    url = "https://user:pw@desk.example/tickets/5?email=a@b.co&token=SECRETQ123#frag-SECRETF"
    for ticket, page in (("u-1", url), ("u-2", "https://desk.example/customers/dana@example.com/t/6?x=1")):
        r = client.post("/v1/assist", headers=bearer(tokens["agent"]), json={
            "helpdesk": "zendesk", "ticket_id": ticket, "url": page, "messages": [{"role": "customer", "text": "Hi"}]})
        assert r.status_code == 200
    stored = dict(rt.db.rows("SELECT ticket_id, url FROM conversations WHERE ticket_id LIKE 'u-%'"))
    assert stored == {"u-1": "https://desk.example/tickets/5", "u-2": "https://desk.example/customers/[EMAIL]/t/6"}


# ---- 12. purge removes everything ----------------------------------------------------------------------------

def test_purge_removes_everything_and_ages_imported_history_by_its_messages(demo_data, tmp_path):
    from backend.services import faq, history

    rt = make_runtime(demo_data)
    marker = "ZEBRACROSSING-71"
    old_history = tmp_path / "old.jsonl"
    old_history.write_text("\n".join(json.dumps({
        "helpdesk": "csv", "ticket_id": f"old-{i}", "messages": [
            {"id": "a", "role": "customer", "text": f"Do you sell {marker} garden gnomes in blue?",
             "at": f"2024-01-0{i + 1}T10:00:00Z"},
            {"id": "b", "role": "agent", "text": "Yes, blue gnomes ship in 3 days.", "at": "2024-01-02T10:00:00Z"}]})
        for i in range(4)) + "\n")
    history.import_history(rt, [old_history])  # imported today, written in 2024
    faq.mine(rt, min_count=3)
    assert any(marker in " ".join(d.example_queries) for d in faq.list_drafts(rt, "all"))
    from backend.store import conversations as conv_store

    assist.assist(rt, conv(messages=[{"role": "customer", "text": f"{marker} question without a ticket"}]))
    rt.db.run("UPDATE conversations SET last_activity_at = '2024-02-01T00:00:00Z' WHERE ticket_id LIKE 'auto-%'")
    conv_store.add_knowledge_gap(rt.db, None, f"{marker} asked through no conversation", None, None)  # orphans
    rt.db.run("UPDATE knowledge_gaps SET created_at = '2024-01-01T00:00:00Z'")
    rt.close()
    cli = CLI(demo_data)
    refused = cli.run("conversations", "purge", "--older-than", "0d", "--yes", check=False)
    assert refused.returncode == 2 and "must be positive" in refused.stderr
    out = json.loads(cli.run("conversations", "purge", "--older-than", "90d", "--yes", "--json").stdout)
    assert out["removed"]["conversations"] == 5 and out["removed"]["faq_drafts"] >= 1
    rt = make_runtime(demo_data)
    try:
        assert rt.db.value("SELECT count(*) FROM messages") == 0
        assert rt.db.value("SELECT count(*) FROM suggestions") == 0
        assert rt.db.value("SELECT count(*) FROM knowledge_gaps") == 0
        assert not any(marker in " ".join(d.example_queries) + d.question for d in faq.list_drafts(rt, "all"))
    finally:
        rt.close()
    raw = b"".join(p.read_bytes() for p in demo_data.glob("tandem.db*"))
    assert marker.encode() not in raw  # not left behind in free pages or the WAL


def test_a_new_store_is_readable_by_its_owner_only(tmp_path):
    """The SQLite file (and its WAL and shared-memory files) used to be created 0644: world-readable."""
    import stat

    rt = make_runtime(tmp_path / "fresh")
    try:
        user_service.add_user(rt, "ana", "agent")  # a write: the WAL exists
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "fresh").glob("tandem.db*")}
        assert set(modes) >= {"tandem.db", "tandem.db-wal", "tandem.db-shm"} and set(modes.values()) == {0o600}
        assert stat.S_IMODE((tmp_path / "fresh").stat().st_mode) == 0o700
    finally:
        rt.close()


# ---- 13. untrusted files ---------------------------------------------------------------------------------------

def test_hostile_files_are_named_and_the_rest_imports(cli, tmp_path):
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "good.md").write_text("---\nid: good\ntitle: Good\n---\nReturns are free.\n")
    (kb / "bomb.md").write_text("---\na: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
                                "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\ntitle: *c\n---\nbody\n")
    (kb / "deep.html").write_text("<main>" + "<div>" * 1200 + "<p>Deeply nested shipping policy.</p>" + "</div>" * 1200)
    outside = tmp_path / "secret.md"
    outside.write_text("---\ntitle: Secret\n---\nprivate notes")
    (kb / "link.md").symlink_to(outside)
    (kb / ".hidden").mkdir()
    (kb / ".hidden" / "x.md").write_text("---\ntitle: Hidden\n---\nhidden")
    out = cli.run("kb", "import", str(kb), check=False)
    assert out.returncode == 1
    assert "bomb.md" in out.stderr and "aliases" in out.stderr
    assert "link.md" in out.stderr and "outside the folder" in out.stderr
    titles = {a["title"] for a in cli.json("kb", "list", "--json")}
    assert titles == {"Good", "deep"}  # the nested page was read; the link and the hidden folder were not


DEEP = "[" * 10_000 + "]" * 10_000


def test_deeply_nested_json_is_a_bad_request_not_a_crash(api, caplog):
    """10,000 levels of nesting used to raise RecursionError in the decoder: 500 and a traceback in the log."""
    client, tokens, _ = api
    for path, role, body in (
            ("/v1/assist", "agent", '{"messages": [{"text": "x", "id": ' + DEEP + '}]}'),
            ("/v1/summaries", "agent", '{"messages": [{"text": "x"}], "customer": ' + DEEP + '}'),
            ("/v1/feedback", "agent", '{"suggestion_id": ' + DEEP + ', "action": "inserted"}'),
            ("/v1/kb/articles", "knowledge_manager", '{"source": "x", "articles": ' + DEEP + '}'),
            ("/v1/eval/questions", "knowledge_manager", '{"questions": ' + DEEP + '}')):
        r = client.post(path, content=body.encode(), headers={**bearer(tokens[role]),
                                                              "Content-Type": "application/json"})
        assert r.status_code == 400 and "nested too deeply" in r.json()["detail"], (path, r.text)
    assert "RecursionError" not in caplog.text


def test_deeply_nested_json_files_are_named_and_skipped(cli, tmp_path):
    (tmp_path / "deep.jsonl").write_text('{"messages": [{"text": "hi"}], "x": ' + DEEP + '}\n')
    (tmp_path / "ok.jsonl").write_text('{"ticket_id": "1", "messages": [{"role": "customer", "text": "hi"}]}\n')
    out = cli.run("conversations", "import", str(tmp_path / "deep.jsonl"), str(tmp_path / "ok.jsonl"), check=False)
    assert "deep.jsonl" in out.stderr + out.stdout and "nested too deeply" in out.stderr + out.stdout
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "deep.json").write_text(DEEP)
    (kb / "good.md").write_text("---\nid: good\ntitle: Good\n---\nReturns are free.\n")
    out = cli.run("kb", "import", str(kb), check=False)
    assert "deep.json" in out.stderr and "nested too deeply" in out.stderr
    assert [a["title"] for a in cli.json("kb", "list", "--json")] == ["Good"]


# ---- 14. article ids are exact -----------------------------------------------------------------------------------

def test_article_ids_resolve_to_that_article_only(api):
    client, tokens, rt = api
    h = bearer(tokens["knowledge_manager"])
    row_42 = rt.db.value("SELECT external_id FROM articles WHERE id = 42")
    assert row_42 and row_42 != "42"
    assert client.delete("/v1/kb/articles/42", headers=h).status_code == 404  # a row id is not an article id
    assert client.get(f"/v1/kb/articles/{row_42}", headers=h).status_code == 200  # untouched
    client.post("/v1/kb/articles", headers=h, json={"source": "other", "articles": [
        {"external_id": "gift-cards", "title": "Other gift cards", "body": "Another source's gift card text."}]})
    ambiguous = client.delete("/v1/kb/articles/gift-cards", headers=h)
    assert ambiguous.status_code == 409 and "source" in ambiguous.json()["detail"]
    assert client.delete("/v1/kb/articles/gift-cards", params={"source": "other"}, headers=h).status_code == 204
    assert client.get("/v1/kb/articles/gift-cards", params={"source": "demo"}, headers=h).status_code == 200
    assert client.delete("/v1/kb/articles/gift-cards", params={"source": "other"}, headers=h).status_code == 404


def test_article_ids_hold_no_control_characters(api):
    """An id sent with a NUL (or a tab) kept it: SQLite stored it, PostgreSQL cannot, and it looked like
    another id. Control characters are dropped from ids, sources, titles and tags."""
    client, tokens, rt = api
    h = bearer(tokens["knowledge_manager"])
    r = client.post("/v1/kb/articles", headers=h, json={"source": "ext\x00", "articles": [
        {"external_id": "nul\x00-id\t", "title": "Nul\x00 title", "body": "Body.", "tags": ["a\x00b", "\x01"]}]})
    assert r.status_code == 200 and r.json()["added"] == 1
    article = client.get("/v1/kb/articles/nul-id", params={"source": "ext"}, headers=h).json()
    assert (article["article_id"], article["title"], article["tags"]) == ("nul-id", "Nul title", ["ab"])
    assert rt.db.value("SELECT count(*) FROM articles WHERE instr(external_id, char(0)) > 0") == 0
    bad = client.post("/v1/kb/articles", headers=h, json={"source": "ext", "articles": [
        {"external_id": "\x00\x00", "title": "Only NULs", "body": "Body."}]})
    assert bad.status_code == 400 and "control characters" in bad.json()["detail"]


# ---- 15. operability ------------------------------------------------------------------------------------------

def test_access_log_metrics_and_rate_limits(demo_data, caplog):
    rt = make_runtime(demo_data, TANDEM_ACCESS_LOG="json", TANDEM_ASSIST_RATE_PER_MIN="5")
    agent = user_service.add_user(rt, "agent", "agent")
    admin = user_service.add_user(rt, "admin", "admin")
    try:
        with LiveServer(create_app(runtime=rt)) as live, caplog.at_level(logging.INFO, logger="tandem.access"):
            body = {"messages": [{"role": "customer", "text": "How do I reset my password?"}]}
            # The limit counts per clock minute: warm the models up as another user, and start the seven
            # requests early in a minute, so a slow first request on a busy machine cannot straddle two windows.
            httpx.post(f"{live.base}/v1/assist", json=body, headers=bearer(admin), timeout=60)
            if time.time() % 60 > 40:
                time.sleep(60.5 - time.time() % 60)
            codes = [httpx.post(f"{live.base}/v1/assist", json=body, headers=bearer(agent), timeout=30)
                     for _ in range(7)]
            assert [c.status_code for c in codes] == [200] * 5 + [429, 429]
            assert int(codes[-1].headers["retry-after"]) > 0
            assert httpx.get(f"{live.base}/metrics", headers=bearer(agent), timeout=10).status_code == 403
            metrics = httpx.get(f"{live.base}/metrics", headers=bearer(admin), timeout=10)
            assert metrics.status_code == 200
            for name in ("tandem_requests_total", "tandem_request_duration_seconds", "tandem_suggestions_total"):
                assert name in metrics.text
            time.sleep(0.2)
        lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "tandem.access"]
        assert any(line["path"] == "/v1/assist" and line["status"] == 429 and line["request_id"] for line in lines)
        assert all("Bearer" not in json.dumps(line) for line in lines)
    finally:
        rt.close()
