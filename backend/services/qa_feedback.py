"""Auto-QA learns from the team lead: verdicts on flags, and the team's judged sentences beside the tone head.

A lead confirms a flag, dismisses it, or marks a message that deserved one. For rude_or_dismissive the
verdicts become the team's judged sentences beside the shipped bank (signals/tone.py, TeamTone): a confirmed or
missed message gives its most rude-sounding sentence, a dismissed one every sentence the bank's head found rude
(at least its most rude-sounding). Sentences close to them take the lead's verdict, so a team's own register
("Per the handbook, that's not our department" may be fine at one company and curt at another) is judged as
that team judges it. Verdicts on the other flags are kept for the lead's record; nothing learns from them yet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from backend import tuning
from backend.errors import InvalidInput, NotFound
from backend.services.qa_rubric import FLAGS
from backend.services.qa_wording import sentences
from backend.signals.tone import tone_classifier
from backend.store import qa as qa_store
from backend.text import stems

if TYPE_CHECKING:
    from backend.retrieval.embed import Embedder
    from backend.services.runtime import Runtime

VERDICTS = ("confirm", "dismiss", "missed")


def record_verdict(rt: Runtime, *, helpdesk: str, ticket_id: str, message_id: str, flag: str, verdict: str,
                   by: str, site: str | None = None) -> None:
    """Record a lead's verdict on one flag of one agent message (a clear error for anything else)."""
    if flag not in FLAGS:
        raise InvalidInput(f"flag must be one of {', '.join(FLAGS)}")
    if verdict not in VERDICTS:
        raise InvalidInput(f"verdict must be one of {', '.join(VERDICTS)}")
    found = qa_store.conversation_ids(rt.db, helpdesk, ticket_id, site)
    if not found:
        raise NotFound(f"no stored conversation {helpdesk} {ticket_id}" + (f" on {site}" if site is not None else ""))
    if len(found) > 1:
        raise InvalidInput(f"{helpdesk} {ticket_id} is stored for several sites; say which (site: the origin of its "
                           "URL, such as https://acme.zendesk.com)")
    role = qa_store.message_role(rt.db, found[0], message_id)
    if role is None:
        raise NotFound(f"{helpdesk} {ticket_id} has no message {message_id}")
    if role != "agent":
        raise InvalidInput(f"message {message_id} is a {role} message; verdicts are on agents' messages")
    with rt.db.transaction():
        qa_store.save_verdict(rt.db, conversation_id=found[0], message_key=message_id, flag=flag, verdict=verdict,
                              by_user=by)


def team_tone_examples(rt: Runtime, embedder: Embedder) -> tuple[list[str], list[str]]:
    """The team's rude and civil sentences, from its lead's verdicts on rude_or_dismissive."""
    rows = qa_store.verdict_texts(rt.db, "rude_or_dismissive")
    if not rows:
        return [], []
    bank = tone_classifier(embedder)
    rude: list[str] = []
    civil: list[str] = []
    for row in rows:
        readable = [s for s in sentences(row.text) if len(stems(s)) >= tuning.TONE_MIN_CONTENT_WORDS]
        if not readable:
            continue
        scores = [float(p) for p in bank.rudeness(embedder.embed(readable))]
        worst = max(range(len(readable)), key=scores.__getitem__)
        if row.verdict in ("confirm", "missed"):
            rude.append(readable[worst])
        else:
            fired = [s for s, p in zip(readable, scores, strict=True) if p >= tuning.TONE_TEAM_DISMISS_FROM]
            civil += fired or [readable[worst]]
    return rude, civil
