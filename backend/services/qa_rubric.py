"""The auto-QA rubric: which flags a team looks for, what each costs, their thresholds (TOML; the shipped
default is qa_rubric.toml beside this module)."""

from __future__ import annotations

import hashlib
import logging
from importlib import resources
from pathlib import Path
from typing import Any

import msgspec

from backend.errors import InvalidInput

FLAGS = ("unsupported_promise", "wrong_information", "unanswered_question", "rude_or_dismissive",
         "missed_escalation", "leaked_personal_data")
log = logging.getLogger(__name__)


class FlagRule(msgspec.Struct, forbid_unknown_fields=True, kw_only=True, omit_defaults=True):
    """One flag of a rubric: whether it is looked for, what it costs, and its threshold."""

    enabled: bool = True
    weight: float = 20.0
    min_confidence: float = 0.5  # wrong_information: a retrieved article governs from this confidence
    min_overlap: float = 0.2  # unanswered_question: shared words from which a reply matches a question outright
    min_unaddressed: float = 0.4  # unanswered_question: the answer model's probability that flags a message
    min_probability: float = 0.7  # rude_or_dismissive: the tone head's probability that flags a sentence
    min_similarity: float | None = None  # deprecated: read by the exemplar matcher the tone head replaced; ignored
    codes: list[str] = msgspec.field(default_factory=lambda: ["human", "legal", "chargeback", "public", "churn",
                                                              "safety", "repeat"])
    kinds: list[str] = msgspec.field(default_factory=lambda: ["CARD", "IBAN", "NATIONAL_ID", "EMAIL:other",
                                                              "PHONE:other", "ADDRESS:other"])


class Rubric(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """What a team scores conversations against (TOML; the shipped default is qa_rubric.toml)."""

    name: str = "custom"
    version: str = "1"
    start: float = 100.0
    model: bool = False  # opt in: with a configured model, ask it the judgement criteria (services/qa_judge.py)
    flags: dict[str, FlagRule] = msgspec.field(default_factory=dict)

    def rule(self, flag: str) -> FlagRule | None:
        """The rule of `flag`, or None when the rubric turns it off."""
        found = self.flags.get(flag)
        return found if found is not None and found.enabled else None

    @property
    def digest(self) -> str:
        """Identifies the rubric's content: results scored under another one are scored again."""
        return hashlib.sha256(msgspec.json.encode(self, order="sorted")).hexdigest()[:12]

    def describe(self) -> dict[str, Any]:
        """The `rubric` object of the report."""
        return {"name": self.name, "version": self.version, "digest": self.digest, "start": self.start,
                "model": self.model,
                "flags": {f: {"enabled": bool(self.rule(f)), "weight": self.flags[f].weight if f in self.flags else 0}
                          for f in FLAGS}}


def default_rubric_text() -> str:
    """The shipped rubric's TOML, for a team to copy."""
    return resources.files("backend.services").joinpath("qa_rubric.toml").read_text(encoding="utf-8")


def load_rubric(path: Path | None = None) -> Rubric:
    """The rubric at `path` (the shipped default when None); a bad file is a clear InvalidInput."""
    try:
        raw = path.read_bytes() if path is not None else default_rubric_text().encode()
    except OSError as exc:
        raise InvalidInput(f"cannot read rubric {path}: {exc.strerror or exc}") from None
    try:
        rubric = msgspec.toml.decode(raw, type=Rubric)
    except msgspec.DecodeError as exc:
        raise InvalidInput(f"rubric {path or 'default'}: {exc}") from None
    unknown = sorted(set(rubric.flags) - set(FLAGS))
    if unknown:
        raise InvalidInput(f"rubric {path or 'default'}: unknown flags {', '.join(unknown)} "
                           f"(known: {', '.join(FLAGS)})")
    if any(not 0 < rule.min_probability < 1 or not 0 < rule.min_unaddressed < 1 for rule in rubric.flags.values()):
        raise InvalidInput(f"rubric {path or 'default'}: min_probability and min_unaddressed must be between 0 and 1")
    if any(rule.weight < 0 for rule in rubric.flags.values()) or rubric.start <= 0:
        raise InvalidInput(f"rubric {path or 'default'}: weights must be >= 0 and start > 0")
    if any(rule.min_similarity is not None for rule in rubric.flags.values()):
        # A team's copy of the old default still loads; the threshold it names no longer exists.
        log.warning("rubric %s: min_similarity is no longer read; rude_or_dismissive uses min_probability",
                    path or "default")
    return rubric
