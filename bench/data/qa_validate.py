"""Check one blind auto-QA set (conversations.jsonl and kb/ beside its validate.py) and print its counts table.

Shared by bench/data/qa_blind7 ... qa_blind12: each set's validate.py names only its help site and its ids.
Standard library only."""

from __future__ import annotations

import json
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

FLAGS = (
    "unsupported_promise",
    "wrong_information",
    "unanswered_question",
    "rude_or_dismissive",
    "missed_escalation",
    "leaked_personal_data",
)
# These two flags point at the customer's message; the other four at the agent's.
CUSTOMER_FLAGS = {"unanswered_question", "missed_escalation"}
HELPDESKS = {"zendesk", "freshdesk", "intercom", "helpscout", "front", "gorgias"}
ROW_KEYS = {"id", "split", "conversation", "expected_flags", "note"}
CONV_KEYS = {"helpdesk", "ticket_id", "subject", "messages"}
FIRST = datetime(2026, 10, 1, tzinfo=UTC)
LAST = datetime(2027, 2, 1, tzinfo=UTC)
MIN_PER_FLAG = 7
GOOD_WANTED = 16
CARD_RE = re.compile(r"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")
IBAN_RE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b")
# A note cites an article as "article-id:"; an article cites another as "(see article-id)".
NOTE_CITE_RE = re.compile(r"\b([a-z]+(?:-[a-z]+)+):")
KB_CITE_RE = re.compile(r"\(see ([a-z]+(?:-[a-z]+)+)\)")
# Made-up contact details only: UK phones in the 07700 900xxx drama range, e-mails on .example domains.
# A phone followed by a comma or full stop still counts (the lookahead only refuses more digits).
PHONE_RE = re.compile(r"(?<![\d£,.])(?:\+44 ?|0)\d{2,4}(?:[ -]?\d{2,4}){2}(?!\d)")
DRAMA_RE = re.compile(r"(?:\+44 ?|0)7700[ -]?900[ -]?\d{3}")
EMAIL_RE = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")


def luhn_ok(number: str) -> bool:
    """True when the digits pass the Luhn check."""
    digits = [int(c) for c in number if c.isdigit()][::-1]
    total = 0
    for i, d in enumerate(digits):
        if i % 2:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return total % 10 == 0


def iban_ok(iban: str) -> bool:
    """True when the IBAN passes its mod-97 check."""
    s = iban.replace(" ", "")
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def parse_at(value: str) -> datetime:
    """Parse an ISO 8601 UTC timestamp ending in Z."""
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def check_kb(here: Path, site: str, errors: list[str]) -> set[str]:
    """Check the KB articles (front matter, heading, length, cross-references) and return their ids."""
    ids: set[str] = set()
    bodies: dict[str, str] = {}
    files = sorted((here / "kb").glob("*.md"))
    if not 14 <= len(files) <= 18:
        errors.append(f"kb: {len(files)} articles, expected 14 to 18")
    for path in files:
        text = path.read_text(encoding="utf-8")
        m = re.match(r"---\n(.*?)\n---\n(.*)", text, re.S)
        if not m:
            errors.append(f"kb/{path.name}: no front matter")
            continue
        meta = dict(line.split(": ", 1) for line in m.group(1).splitlines() if ": " in line)
        if set(meta) != {"id", "title", "url"}:
            errors.append(f"kb/{path.name}: front matter keys {sorted(meta)}")
        body = m.group(2)
        aid = meta.get("id", "")
        if aid != path.stem:
            errors.append(f"kb/{path.name}: id {aid!r} does not match the file name")
        if meta.get("url") != site + aid:
            errors.append(f"kb/{path.name}: bad url {meta.get('url')!r}")
        title = meta.get("title", "")
        if not title or f"# {title}\n" not in body:
            errors.append(f"kb/{path.name}: missing title or '# Title' heading")
        words = len(re.findall(r"[\w$%'-]+", body))
        if not 100 <= words <= 250:
            errors.append(f"kb/{path.name}: {words} words, expected 100 to 250")
        ids.add(aid)
        bodies[aid] = body
    if not any("supervisor" in b for b in bodies.values()):
        errors.append("kb: no article says when agents hand over to a supervisor")
    for aid, body in bodies.items():
        for ref in KB_CITE_RE.findall(body):
            if ref not in ids:
                errors.append(f"kb/{aid}.md: refers to missing article {ref!r}")
    return ids


def check_messages(where: str, msgs: list, errors: list[str]) -> dict[str, str]:
    """Check message ids, roles, authors and timestamps; return each message id's role."""
    if not 3 <= len(msgs) <= 7:
        errors.append(f"{where}: {len(msgs)} messages, expected 3 to 7")
    if msgs and msgs[0].get("role") != "customer":
        errors.append(f"{where}: first message is not the customer's")
    roles: dict[str, str] = {}
    prev = None
    for i, m in enumerate(msgs, 1):
        if not isinstance(m, dict):
            errors.append(f"{where}: message {i} is not an object")
            continue
        want_keys = {"id", "role", "text", "at"} | ({"author"} if m.get("role") == "agent" else set())
        if set(m) != want_keys:
            errors.append(f"{where}: message {i} keys {sorted(m)}")
        if m.get("id") != f"m{i}":
            errors.append(f"{where}: message {i} has id {m.get('id')!r}")
        role = str(m.get("role", ""))
        if role not in ("customer", "agent"):
            errors.append(f"{where}: {m.get('id')} role {role!r}")
        if role == "agent" and not m.get("author"):
            errors.append(f"{where}: agent message {m.get('id')} has no author")
        if not isinstance(m.get("text"), str) or not m["text"].strip():
            errors.append(f"{where}: {m.get('id')} has no text")
        try:
            at = parse_at(m.get("at", ""))
        except (TypeError, ValueError):
            errors.append(f"{where}: {m.get('id')} bad timestamp {m.get('at')!r}")
            continue
        if not FIRST <= at < LAST:
            errors.append(f"{where}: {m['id']} at {m['at']} outside Oct 2026 - Jan 2027")
        if prev is not None and at <= prev:
            errors.append(f"{where}: {m['id']} timestamp does not increase")
        prev = at
        roles[m.get("id", "")] = role
    return roles


def check_flags(where: str, expected: list, roles: dict[str, str], errors: list[str]) -> None:
    """Check that each flag is known, appears once and points at the right kind of message."""
    seen: set[str] = set()
    for ef in expected:
        if not isinstance(ef, dict) or set(ef) != {"flag", "message_ids"}:
            errors.append(f"{where}: bad expected flag {ef!r}")
            continue
        flag, ids = ef["flag"], ef["message_ids"]
        if flag not in FLAGS:
            errors.append(f"{where}: unknown flag {flag!r}")
            continue
        if flag in seen:
            errors.append(f"{where}: flag {flag} twice")
        seen.add(flag)
        if not ids or len(set(ids)) != len(ids):
            errors.append(f"{where}: {flag} has empty or repeated message_ids")
        want = "customer" if flag in CUSTOMER_FLAGS else "agent"
        for mid in ids or []:
            if mid not in roles:
                errors.append(f"{where}: {flag} points at missing {mid}")
            elif roles[mid] != want:
                errors.append(f"{where}: {flag} points at {mid}, a {roles[mid]} message")


def check_pii(where: str, msgs: list, expected: list, errors: list[str]) -> None:
    """Check card numbers (Luhn), IBANs (mod 97), phones and e-mails; agent messages with cards must be labelled."""
    leaky = set()
    for m in msgs:
        text = m.get("text", "")
        ibans = IBAN_RE.findall(text)
        # IBANs are removed first, so their digits are not taken for a card number.
        cards = CARD_RE.findall(IBAN_RE.sub(" ", text))
        errors.extend(
            f"{where}: {m['id']} card-like number {c!r} fails Luhn" for c in cards if not luhn_ok(c)
        )
        errors.extend(f"{where}: {m['id']} IBAN {i!r} fails mod-97" for i in ibans if not iban_ok(i))
        if m.get("role") == "agent" and (cards or ibans):
            leaky.add(m["id"])
        for phone in PHONE_RE.findall(text):
            if not DRAMA_RE.fullmatch(phone):
                errors.append(f"{where}: {m['id']} phone {phone!r} is not a 07700 900xxx number")
        for domain in EMAIL_RE.findall(text):
            if not domain.endswith(".example"):
                errors.append(f"{where}: {m['id']} e-mail domain {domain!r} is not .example")
    labelled = {
        mid
        for ef in expected
        if isinstance(ef, dict) and ef.get("flag") == "leaked_personal_data"
        for mid in ef.get("message_ids", [])
    }
    for mid in sorted(leaky - labelled):
        errors.append(f"{where}: agent message {mid} holds a card number or IBAN but is not labelled")


def check_note(where: str, note: object, kb_ids: set[str], errors: list[str]) -> None:
    """Check that the note names at least one article and every article it cites exists."""
    if not isinstance(note, str) or not note.strip():
        errors.append(f"{where}: empty note")
        return
    if not any(re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", note) for a in kb_ids):
        errors.append(f"{where}: note names no KB article")
    for ref in NOTE_CITE_RE.findall(note):
        if ref not in kb_ids:
            errors.append(f"{where}: note cites missing article {ref!r}")


def check_note_labels(where: str, note: object, expected: list, errors: list[str]) -> None:
    """Check that the note explains every label, and that a row with no label says GOOD."""
    if not isinstance(note, str):
        return
    flags = [str(ef.get("flag")) for ef in expected if isinstance(ef, dict)]
    for flag in flags:
        if flag not in note:
            errors.append(f"{where}: note does not explain {flag}")
    if not flags and not note.startswith("GOOD"):
        errors.append(f"{where}: a row with no flag must have a note starting 'GOOD'")
    if flags and note.startswith("GOOD"):
        errors.append(f"{where}: a flagged row's note starts 'GOOD'")


def check_row(n: int, row: dict, kb_ids: set[str], errors: list[str]) -> bool:
    """Check one conversation row; False when its shape is too broken to count."""
    if set(row) != ROW_KEYS:
        errors.append(f"line {n}: keys {sorted(row)}")
        return False
    where = f"line {n} ({row['id']})"
    if row["split"] != "test":
        errors.append(f"{where}: split {row['split']!r}, expected 'test'")
    conv = row["conversation"]
    if not isinstance(conv, dict) or set(conv) != CONV_KEYS:
        errors.append(f"{where}: conversation keys {sorted(conv) if isinstance(conv, dict) else conv}")
        return False
    if conv["helpdesk"] not in HELPDESKS:
        errors.append(f"{where}: helpdesk {conv['helpdesk']!r}")
    if not isinstance(conv["ticket_id"], str) or not conv["ticket_id"]:
        errors.append(f"{where}: ticket_id must be a non-empty string")
    if not isinstance(conv["subject"], str) or not conv["subject"].strip():
        errors.append(f"{where}: empty subject")
    if not isinstance(conv["messages"], list) or not isinstance(row["expected_flags"], list):
        errors.append(f"{where}: messages and expected_flags must be lists")
        return False
    roles = check_messages(where, conv["messages"], errors)
    check_flags(where, row["expected_flags"], roles, errors)
    check_note(where, row["note"], kb_ids, errors)
    check_note_labels(where, row["note"], row["expected_flags"], errors)
    check_pii(where, [m for m in conv["messages"] if isinstance(m, dict)], row["expected_flags"], errors)
    return True


def run(here: Path, site: str, first_id: int) -> int:
    """Check the set in `here` (articles at `site`, ids qa-`first_id` onwards); 0 when it passes."""
    ids = [f"qa-{i}" for i in range(first_id, first_id + 48)]
    errors: list[str] = []
    kb_ids = check_kb(here, site, errors)
    rows = []
    lines = (here / "conversations.jsonl").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {n}: not JSON ({exc})")
            continue
        if not isinstance(row, dict):
            errors.append(f"line {n}: not an object")
            continue
        if check_row(n, row, kb_ids, errors):
            rows.append(row)
    if sorted(str(r.get("id")) for r in rows) != ids:
        errors.append(f"ids are not exactly {ids[0]} ... {ids[-1]}")
    pairs = [(r["conversation"]["helpdesk"], r["conversation"]["ticket_id"]) for r in rows]
    if len(set(pairs)) != len(pairs):
        errors.append("helpdesk + ticket_id pairs are not unique")
    counts = {f: 0 for f in FLAGS}
    good = doubles = two_agents = 0
    cited: set[str] = set()
    for r in rows:
        flags = [ef.get("flag") for ef in r["expected_flags"] if isinstance(ef, dict)]
        good += not flags
        doubles += len(flags) > 1
        authors = {m.get("author") for m in r["conversation"]["messages"] if m.get("role") == "agent"}
        two_agents += len(authors) > 1
        cited |= {a for a in kb_ids if re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", r["note"])}
        for f in flags:
            if f in counts:
                counts[f] += 1
    for f, c in counts.items():
        if c < MIN_PER_FLAG:
            errors.append(f"{f}: in {c} conversations, expected {MIN_PER_FLAG} or more")
    if rows and good != GOOD_WANTED:
        errors.append(f"good conversations: {good}/{len(rows)}, expected {GOOD_WANTED}")
    desks = {d: sum(1 for p in pairs if p[0] == d) for d in sorted(HELPDESKS)}
    if rows and min(desks.values()) < 5:
        errors.append(f"helpdesks unevenly used: {desks}")
    print("| | test (all) |\n|---|---:|")
    print(f"| conversations | {len(rows)} |\n| good (no flag) | {good} |")
    for f, c in counts.items():
        print(f"| {f} | {c} |")
    print(
        f"\nflagged: {len(rows) - good} ({doubles} with two flags); with two agents: {two_agents}; "
        + "helpdesks: "
        + ", ".join(f"{d} {n}" for d, n in desks.items())
    )
    unused = sorted(kb_ids - cited)
    if rows and unused:
        errors.append(f"articles no note cites: {unused}")
    print(
        f"articles cited by notes: {len(cited)}/{len(kb_ids)}"
        + (f" (never: {', '.join(unused)})" if unused else "")
    )
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0
