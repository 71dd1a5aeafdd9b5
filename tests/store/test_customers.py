"""Who is this customer (issue 28): conversations linked by a keyed hash of the customer's id or e-mail on
one helpdesk site, context with summaries and promises, erasure and secret rotation, on both backends."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import msgspec

from backend.models import Conversation
from backend.services import analytics, assist, customers, retention
from backend.store.db import get_meta

DESK, SITE = "zendesk", "https://acme.zendesk.example.com"
CUSTOMER_ID, EMAIL = "CUST-77123", "Dana.Mill@Example.org"


def conv(ticket: str, messages: list[tuple[str, str, str]], *, url_site: str = SITE, customer: dict | None = None,
         desk: str = DESK) -> Conversation:
    who = {"id": CUSTOMER_ID, "email": f"  {EMAIL} ", "name": "Dana"} if customer is None else customer
    return msgspec.convert({"helpdesk": desk, "ticket_id": ticket, "url": f"{url_site}/agent/tickets/{ticket}",
                            "customer": who,
                            "messages": [{"id": f"m{i}", "role": role, "text": text, "at": at}
                                         for i, (role, text, at) in enumerate(messages, start=1)]}, Conversation)


REFUND = [("customer", "My order ORD-4411 arrived broken and I want my money back.", "2026-03-02T09:00:00Z"),
          ("agent", "I'm sorry about that. I've issued a refund of €42.50 and you will see it within 5 business "
                    "days.", "2026-03-02T09:05:00Z")]
LATER = [("customer", "Hello again, my new lamp does not turn on at all.", "2026-03-20T09:00:00Z")]


def test_a_second_conversation_sees_the_first_with_its_summary_and_open_refund(any_runtime):
    rt = any_runtime
    first = assist.assist(rt, conv("T-1", REFUND))
    assert first.context.previous_conversations == 0 and first.context.recent == []
    second = assist.assist(rt, conv("T-2", LATER, customer={"email": EMAIL.upper()}))  # e-mail only, other case
    assert second.context.previous_conversations == 1
    earlier = second.context.recent[0]
    assert earlier.ticket_id == "T-1" and "broken" in earlier.summary
    assert [p.text for p in earlier.open_promises] == [
        "I've issued a refund of €42.50 and you will see it within 5 business days."]
    promise = earlier.open_promises[0]
    assert promise.due == "2026-03-09T09:05:00Z" and promise.status == "overdue"  # due long before today
    again = assist.assist(rt, conv("T-2", LATER))  # the same ticket again: still one earlier conversation
    assert again.context.previous_conversations == 1


def test_an_escalated_earlier_conversation_is_marked(any_runtime):
    rt = any_runtime
    assist.assist(rt, conv("T-1", [("customer", "I was charged twice for order ORD-9 and nobody helps.",
                                    "2026-03-02T09:00:00Z"),
                                   ("agent", "I've escalated this to our billing team.", "2026-03-02T09:05:00Z")]))
    assist.assist(rt, conv("T-2", REFUND))
    recent = assist.assist(rt, conv("T-3", LATER)).context.recent
    assert [(c.ticket_id, c.escalated) for c in recent] == [("T-2", False), ("T-1", True)]


def test_another_site_and_another_customer_see_nothing(any_runtime):
    rt = any_runtime
    assist.assist(rt, conv("T-1", REFUND))
    elsewhere = assist.assist(rt, conv("T-9", LATER, url_site="https://other.zendesk.example.com"))
    assert elsewhere.context.previous_conversations == 0
    other_desk = assist.assist(rt, conv("T-8", LATER, desk="freshdesk"))
    assert other_desk.context.previous_conversations == 0
    stranger = assist.assist(rt, conv("T-7", LATER, customer={"id": "CUST-1", "email": "sam@example.org"}))
    assert stranger.context.previous_conversations == 0
    anonymous = assist.assist(rt, conv("T-6", LATER, customer={"name": "Dana"}))
    assert anonymous.context.previous_conversations == 0


def test_a_later_conversation_saying_it_came_shows_the_promise_kept(any_runtime):
    rt = any_runtime
    assist.assist(rt, conv("T-1", REFUND))
    assist.assist(rt, conv("T-2", [("customer", "Thanks, the refund came through. Now the lamp cord is frayed.",
                                    "2026-03-06T10:00:00Z")]))
    third = assist.assist(rt, conv("T-3", LATER))
    assert third.context.previous_conversations == 2
    assert all(not c.open_promises for c in third.context.recent)
    weeks = customers.promise_weeks(rt)
    assert weeks == [{"week": "2026-W10", "made": 1, "kept": 1, "overdue": 0}]
    report = analytics.build(rt, since="2026-03-01T00:00:00Z")
    assert report["promises_by_week"] == weeks
    assert '<table data-table="promises-by-week">' in analytics.render_html(report)
    assert analytics.build(rt, since="2026-04-01T00:00:00Z")["promises_by_week"] == []


def test_promises_are_open_until_due_then_overdue(any_runtime):
    from datetime import UTC, datetime, timedelta

    rt = any_runtime
    asked = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)  # times ahead of the clock are clamped
    stamp = lambda moment: moment.strftime("%Y-%m-%dT%H:%M:%SZ")  # noqa: E731
    assist.assist(rt, conv("T-1", [("customer", "Please call me about my broken heater.", stamp(asked)),
                                   ("agent", "I will call you back tomorrow about the heater.",
                                    stamp(asked + timedelta(minutes=10)))]))
    seen = assist.assist(rt, conv("T-2", LATER)).context.recent[0].open_promises
    promised = asked + timedelta(minutes=10)
    due = (promised + timedelta(days=1)).strftime("%Y-%m-%dT23:59:59Z")
    assert [(p.status, p.due) for p in seen] == [("open", due)]
    year, week, _ = promised.isocalendar()
    assert customers.promise_weeks(rt) == [{"week": f"{year}-W{week:02d}", "made": 1, "kept": 0, "overdue": 0}]


def test_conversations_stored_before_context_existed_are_summarized_when_first_needed(any_runtime):
    rt = any_runtime
    assist.assist(rt, conv("T-1", REFUND))
    with rt.db.transaction():
        rt.db.run("DELETE FROM conversation_context")
        rt.db.run("DELETE FROM promises")
    recent = assist.assist(rt, conv("T-2", LATER)).context.recent
    assert "broken" in recent[0].summary and recent[0].open_promises
    assert rt.db.value("SELECT count(*) FROM conversation_context") == 2


def test_forget_erases_one_customer_on_one_site(any_runtime):
    rt = any_runtime
    assist.assist(rt, conv("T-1", REFUND))
    assist.assist(rt, conv("T-2", LATER, customer={"email": EMAIL}))
    assist.assist(rt, conv("T-3", LATER, url_site="https://other.zendesk.example.com"))
    assist.assist(rt, conv("T-4", LATER, customer={"id": "CUST-1"}))
    report = customers.forget(rt, "Zendesk", SITE + "/some/page", email=" dana.mill@example.org")
    assert report.conversations == 2
    left = sorted(r[0] for r in rt.db.rows("SELECT ticket_id FROM conversations"))
    assert left == ["T-3", "T-4"]
    for table in ("promises", "conversation_context", "customer_links", "messages"):
        kept = rt.db.value(f"SELECT count(*) FROM {table} WHERE conversation_id NOT IN (SELECT id FROM conversations)")
        assert kept == 0, table


def test_purge_removes_context_and_promises_with_their_conversations(any_runtime):
    rt = any_runtime
    assist.assist(rt, conv("T-1", REFUND))
    assert rt.db.value("SELECT count(*) FROM promises") == 1
    report = retention.purge(rt, timedelta(days=1))
    assert report.removed["promises"] == 1 and report.removed["customer_links"] == 2
    for table in ("promises", "conversation_context", "customer_links"):
        assert rt.db.value(f"SELECT count(*) FROM {table}") == 0, table


def test_the_secret_is_created_once_and_rotation_unlinks_the_past(any_runtime):
    rt = any_runtime
    assert get_meta(rt.db, customers.SECRET_KEY) is None
    assist.assist(rt, conv("T-1", REFUND))
    made = get_meta(rt.db, customers.SECRET_KEY)
    assert made and customers.secret(rt) == made.encode()
    keys = customers.keys_for(made.encode(), DESK, SITE, customer_id=CUSTOMER_ID)
    assert rt.db.value("SELECT count(*) FROM customer_links WHERE customer_key = ?", keys) == 1
    assert customers.rotate_secret(rt) == 2
    assert get_meta(rt.db, customers.SECRET_KEY) not in (None, made)
    assert assist.assist(rt, conv("T-2", LATER)).context.previous_conversations == 0
    assert assist.assist(rt, conv("T-3", LATER)).context.previous_conversations == 1  # linked again from now on
    assert customers.forget(rt, DESK, SITE, customer_id=CUSTOMER_ID).conversations == 2  # T-1 is unreachable


def test_no_customer_id_or_email_reaches_the_store_files(tmp_path: Path):
    from tests.conftest import make_runtime

    rt = make_runtime(tmp_path)
    try:
        assist.assist(rt, conv("T-1", REFUND))
        assist.assist(rt, conv("T-2", LATER))
        rt.db.run("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        rt.close()
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name.endswith(".db") for p in files)
    for path in files:
        data = path.read_bytes().lower()
        for secret in (CUSTOMER_ID.lower(), EMAIL.lower(), b"dana.mill".decode()):
            assert secret.encode() not in data, path


def test_the_cli_forgets_a_customer_and_rotates_the_secret(cli):
    from tests.conftest import make_runtime

    rt = make_runtime(cli.data_dir)
    try:
        assist.assist(rt, conv("T-1", REFUND))
        assist.assist(rt, conv("T-2", LATER, customer={"id": "CUST-1"}))
    finally:
        rt.close()
    bad = cli.run("customers", "forget", "--helpdesk", DESK, "--site", SITE, "--yes", check=False)
    assert bad.returncode == 2 and "--id or --email" in bad.stderr
    out = cli.json("customers", "forget", "--helpdesk", DESK, "--site", SITE, "--id", CUSTOMER_ID, "--json")
    assert out == {"conversations": 1, "faq_drafts": 0}
    assert "links dropped" in cli.run("customers", "rotate-secret", "--yes").stdout
    out = cli.json("customers", "forget", "--helpdesk", DESK, "--site", SITE, "--id", "CUST-1", "--json")
    assert out == {"conversations": 0, "faq_drafts": 0}  # linked under the old secret: rotation unlinked it


def test_workers_creating_the_secret_together_keep_one(store_url, tmp_path):
    import threading

    from tests.store.test_backends import runtime_on

    runtimes = [runtime_on(store_url, tmp_path / f"rt{i}") for i in range(4)]
    seen: list[bytes] = []
    try:
        threads = [threading.Thread(target=lambda r=rt: seen.append(customers.secret(r))) for rt in runtimes]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(set(seen)) == 1 and seen[0] == customers.secret(runtimes[0])
    finally:
        for rt in runtimes:
            rt.close()
