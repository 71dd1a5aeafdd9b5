"""Auto-QA's judgement criteria read by the configured model, under the offline checks' evidence discipline.

When a team opts in (the rubric's `model = true`) and a model is configured, the criteria that need reading
rather than matching (unsupported_promise, wrong_information, rude_or_dismissive) are asked of it: one call per
conversation, with the articles retrieved for the agents' replies. A verdict counts only when it can be checked:
its quote (three words or more) is in the agent message it names; a wrong_information rests on a sentence of an
article the model was sent; an unsupported_promise's quote holds a promise, an amount or a time frame the
offline checks see, and its evidence, when given, is in an article sent. Anything else is dropped. Exact rude
wordings found offline stay whatever the model says (an agent's own text is in the prompt and could ask the
model to clear it). When the model fails or answers with no usable JSON, the offline findings stand.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

import msgspec

from backend.llm.base import LLMRequest, Provider, json_object
from backend.llm.checks import commitments
from backend.llm.prompts import get_prompt
from backend.services.generation import generate_or_fall_back
from backend.services.qa_wording import EXCEPTION
from backend.text import count_tokens

if TYPE_CHECKING:
    from backend.models import Article, Thread
    from backend.services.qa import Finding, Rubric
    from backend.services.runtime import Runtime

log = logging.getLogger(__name__)
CRITERIA = {
    "unsupported_promise": "unsupported_promise: an agent promised money, a refund, credit, discount, waiver, "
                           "free item or a time frame that no article allows.",
    "wrong_information": "wrong_information: an agent stated a policy fact (an amount, a time frame, a rule, who "
                         "is eligible) that an article contradicts.",
    "rude_or_dismissive": "rude_or_dismissive: an agent blamed, mocked, patronised or brushed off the customer.",
}
_encode = msgspec.json.Encoder().encode
_SPACE = re.compile(r"\s+")
_MARKUP = re.compile(r"[*`_#>|]")  # Markdown emphasis and tables: a model quotes the words, not the stars


class Verdict(msgspec.Struct, kw_only=True):
    """One flag as the model gives it."""

    flag: str
    message_id: str
    quote: str
    evidence: str | None = None
    reason: str = ""


class Verdicts(msgspec.Struct):
    """The model's whole answer."""

    flags: list[Verdict]


def build_judge_request(thread: Thread, articles: list[Article],
                        criteria: list[str]) -> tuple[LLMRequest, list[Article]] | None:
    """The request for one conversation and the articles it carries (pure); None when the conversation alone is
    over the budget."""
    prompt = get_prompt("qa_judge")
    conversation = "\n".join(_encode({"id": m.key, "role": m.role, "text": m.text}).decode()
                             for m in thread.messages if m.role != "note")
    room = prompt.input_budget_tokens - count_tokens(conversation) - count_tokens(prompt.system) - 200
    if room <= 0:
        return None
    sent: list[Article] = []
    for article in articles:  # most relevant first: the ones that do not fit are left out whole
        size = count_tokens(_block(article))
        if size <= room:
            sent.append(article)
            room -= size
    user = prompt.render_user(articles="\n\n".join(_block(a) for a in sent) or "(none found)",
                              conversation=conversation, criteria="\n".join(f"- {CRITERIA[c]}" for c in criteria))
    return LLMRequest(purpose="qa_judge", system=prompt.system, context="", user=user,
                      max_tokens=prompt.max_output_tokens, prompt_version=prompt.version), sent


def _block(article: Article) -> str:
    return f"## {article.title}\n{article.body.strip()}"


def judge(rt: Runtime, rubric: Rubric, thread: Thread, articles: list[Article],
          offline: list[Finding]) -> list[Finding]:
    """The findings with the judged criteria as the model reads them, or `offline` unchanged (no model, the
    rubric says no, or the model failed)."""
    criteria = [c for c in CRITERIA if rubric.rule(c)]
    agents = {m.key: m.text for m in thread.messages if m.role == "agent"}
    if not rubric.model or rt.provider is None or not criteria or not agents:
        return offline
    built = build_judge_request(thread, articles, criteria)
    if built is None:
        return offline
    request, sent = built

    def ask(provider: Provider) -> Verdicts | None:
        raw = json_object(provider.generate(request).text)
        try:
            return msgspec.convert(raw, Verdicts) if raw is not None else None
        except msgspec.ValidationError:
            return None

    verdicts = generate_or_fall_back(rt, ask, lambda: None).value
    if verdicts is None:
        log.warning("qa judge: %s: no usable verdicts from the model; offline findings kept", thread.ticket_id)
        return offline
    from backend.services.qa import Finding

    kept = [f for f in offline if f.flag not in criteria or f.exact]
    by_flag = {f.flag: f for f in kept if f.flag in criteria}
    for verdict in verdicts.flags:
        if verdict.flag not in criteria or not _checked(verdict, agents, sent):
            continue
        found = by_flag.get(verdict.flag)
        if found is None:
            found = by_flag[verdict.flag] = Finding(verdict.flag, [], f"model: {verdict.reason.strip()[:200]} "
                                                                      f"({verdict.quote.strip()[:120]!r})", [])
            kept.append(found)
        if verdict.message_id not in found.message_ids:
            found.message_ids.append(verdict.message_id)
            found.agent_keys.append(verdict.message_id)
    return kept


def _folded(text: str) -> str:
    """Text as a quote is compared: case, spacing and Markdown marks do not count."""
    return _SPACE.sub(" ", _MARKUP.sub("", text)).strip().lower()


def _checked(verdict: Verdict, agents: dict[str, str], sent: list[Article]) -> bool:
    """Whether a verdict holds up: the quote is the agent's, and a claim about the KB rests on what was sent."""
    said = agents.get(verdict.message_id)
    quote = _folded(verdict.quote)
    if said is None or len(quote.split()) < 3 or quote not in _folded(said):
        return False
    evidence = _folded(verdict.evidence or "")
    if evidence and (len(evidence.split()) < 3 or not any(evidence in _folded(a.body) for a in sent)):
        return False  # evidence that is not the articles' is an invented policy
    if verdict.flag == "wrong_information":
        return bool(evidence)
    if verdict.flag == "unsupported_promise":
        return bool(commitments(verdict.quote)) or EXCEPTION.search(verdict.quote) is not None
    return True
