"""Escalation from what the customer means: an exemplar classifier over sentences, read across the whole thread.

Each customer sentence (and each clause of a long one) is embedded with the caller's embedder and scored by
one-vs-rest logistic heads fitted, once per embedder and process, on the exemplar bank (exemplars.py) plus
the shipped routine questions. Exact rules (rules.py) add a bonus for named regulators, platforms and
dispute procedures, catch counts and swearing, and rule reasons out ("I don't want to do a chargeback").
The thread is then read in order: a request stays active until the customer withdraws it or, for a
request for a person, an agent honours it; a customer who ends satisfied after an agent's reply has no
active reason left but harm reported (safety). Thresholds are in backend/tuning.py (fitted on the tune half of the blind set).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec
import numpy as np

from backend import tuning
from backend.models import Turn
from backend.retrieval.embed import embed_cached, reads_language
from backend.signals import rules
from backend.signals.exemplars import BANK, ELSEWHERE
from backend.text import stems

if TYPE_CHECKING:
    from backend.retrieval.embed import Embedder

HEADS = ("human", "churn", "legal", "chargeback", "public", "safety", "money", "repeat", "withdraw", "satisfied")
TRIGGERS = ("human", "churn", "legal", "chargeback", "public", "safety")  # any one of these active makes the risk high
WINDOWED = ("legal", "chargeback", "public", "safety")  # their terms name the threat; "manager" or "cancel" alone do not
LASTING = ("safety",)  # reasons a satisfied customer does not clear
CODES = ("human", "churn", "legal", "chargeback", "public", "safety", "repeat", "vip_money", "negative_trend",
         "long_unresolved", "profanity")
READABLE = {
    "human": "Asked for a human or a manager", "churn": "Threatens to leave or not renew",
    "legal": "Legal or regulator threat", "chargeback": "Bank dispute or chargeback",
    "public": "Threatens to go public (reviews, press, social media)",
    "safety": "Reports harm: an injury, illness, a hazard, harassment or discrimination", "repeat": "Repeated contact or failure",
    "money": "Disputes money",
}
MONEY_TERMS = re.compile(r"(?<!\w)(?:charg\w*|invoic\w*|bill\w*|fees?|refund\w*|overcharg\w*|credit|paid|payments?|"
                         r"debit\w*|statement|price|cobr\w*|factur\w*|rechnung\w*|abgebucht|addebit\w*|fattur\w*)(?!\w)",
                         re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+|\s+[—–]\s+|\s+-\s+|;\s+")
_CLAUSE = re.compile(r",\s*(?=(?:otherwise|or\s+else|else|or\s+i|or\s+we|unless|and\s+i|and\s+we|but|so\s+i|"
                     r"because|if\s+not|sinon|sonst|senão|altrimenti|si\s+no|anders)\b)|\s+(?=(?:otherwise|or\s+else|"
                     r"else\s+we|else\s+i)\b)", re.IGNORECASE)
_WORDS = re.compile(r"\w+")
_SPAN = re.compile(r"\S+")


def sentences(text: str) -> list[str]:
    """The units scored: sentences, the clauses of a sentence joined by "otherwise", "but", "unless"…, and
    a few words either side of an exact term (so "…by Monday I'll be taking this to the Ombudsman" is read
    for the threat, not for the money around it)."""
    out: list[str] = []
    for sentence in _SENTENCE.split(text):
        sentence = sentence.strip()
        if not _WORDS.search(sentence):
            continue
        out.append(sentence)
        clauses = [c.strip() for c in _CLAUSE.split(sentence) if len(_WORDS.findall(c)) >= 3]
        if len(clauses) > 1:
            out.extend(clauses)
        words = list(_SPAN.finditer(sentence))
        if len(words) <= 2 * tuning.ESCALATION_WINDOW_WORDS:
            continue
        for head in WINDOWED:
            for match in rules.TERMS[head].finditer(sentence):
                at = [i for i, w in enumerate(words) if w.end() > match.start() and w.start() < match.end()]
                if not at:
                    continue
                lo = max(0, at[0] - tuning.ESCALATION_WINDOW_WORDS)
                hi = min(len(words) - 1, at[-1] + tuning.ESCALATION_WINDOW_WORDS)
                window = sentence[words[lo].start():words[hi].end()]
                if window not in out:
                    out.append(window)
    return out


# ---- the classifier ------------------------------------------------------------------------------------------

def training_set(multilingual: bool = True) -> tuple[list[str], list[str]]:
    """Bank sentences with their head (those in other languages only for a `multilingual` reader), plus the
    shipped routine questions as `other` (money ones left out)."""
    texts: list[str] = []
    labels: list[str] = []
    for bank in (BANK, ELSEWHERE) if multilingual else (BANK,):
        for label, examples in bank.items():
            texts += examples
            labels += [label] * len(examples)
    background = Path(__file__).resolve().parent.parent / "retrieval" / "data" / "background_questions.txt"
    for line in background.read_text(encoding="utf-8").splitlines():
        # Routine questions about charges teach the money head nothing but confusion: left out.
        if line.strip() and not MONEY_TERMS.search(line):
            texts.append(line.strip())
            labels.append("other")
    return texts, labels


def fit_head(x: np.ndarray, y: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    """Class-balanced L2 logistic regression (L-BFGS): weights and bias."""
    from scipy.optimize import minimize

    positives = max(1, int(y.sum()))
    sample = np.where(y == 1, len(y) / (2 * positives), len(y) / (2 * max(1, len(y) - positives)))
    sign = np.where(y == 1, 1.0, -1.0)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-1], theta[-1]
        margin = sign * (x @ w + b)
        value = c * float(np.sum(sample * np.logaddexp(0.0, -margin))) + 0.5 * float(w @ w)
        grad_margin = -c * sample * sign / (1.0 + np.exp(margin))
        return value, np.concatenate([x.T @ grad_margin + w, [grad_margin.sum()]])

    result = minimize(loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return result.x[:-1].astype(np.float32), float(result.x[-1])


# Heads fitted at release for the shipped readers (python -m backend.signals.escalation writes them): fitting
# at start-up took 2 s for MiniLM and 5 s for USE, on every server start and CLI run that reads signals.
SHIPPED_HEADS = Path(__file__).resolve().parent / "data"
log = logging.getLogger(__name__)


def bank_digest(embedder_name: str, multilingual: bool = True) -> str:
    """What a fit depends on: the bank (as that reader is fitted on it), the heads, the regularisation and the
    embedder."""
    texts, labels = training_set(multilingual)
    payload = json.dumps([texts, labels, HEADS, tuning.ESCALATION_C, embedder_name], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def probe_texts() -> list[str]:
    """The bank's first sentence of each label: the probe stored with shipped heads."""
    return [examples[0] for examples in BANK.values()][:tuning.ESCALATION_HEADS_PROBE]


def shipped_heads_path(embedder_name: str) -> Path:
    return SHIPPED_HEADS / f"heads-{re.sub(r'[^A-Za-z0-9.]+', '-', embedder_name)}.npz"


class ExemplarClassifier:
    """One-vs-rest logistic heads over sentence vectors, fitted on the exemplar bank with one embedder."""

    def __init__(self, embedder: Embedder, *, shipped: bool = True) -> None:
        self.embedder_name = embedder.name
        # An English-only reader is fitted on the English sentences alone: other languages are noise to it.
        self.multilingual = bool(getattr(embedder, "multilingual", False))
        path = shipped_heads_path(embedder.name)
        if shipped and path.exists() and self._load(path, embedder):
            return
        # another embedder, a bank edited since the heads were shipped, or other vectors: fit now (a few seconds)
        texts, labels = training_set(self.multilingual)
        vectors = np.asarray(embedder.embed(texts), dtype=np.float32)
        y = np.array(labels)
        fitted = [fit_head(vectors, (y == head).astype(np.float64), tuning.ESCALATION_C) for head in HEADS]
        self.weights = np.stack([w for w, _ in fitted], axis=1)
        self.bias = np.array([b for _, b in fitted], dtype=np.float32)

    def _load(self, path: Path, embedder: Embedder) -> bool:
        """Take the shipped heads if they were fitted on this bank and agree with this machine's vectors."""
        try:
            with np.load(path) as stored:
                self.weights = stored["weights"].astype(np.float32)
                self.bias = stored["bias"].astype(np.float32)
                digest, probe = str(stored["digest"]), stored["probe"]
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:  # a damaged or foreign file
            log.warning("escalation heads in %s are unreadable (%s): fitting them now", path.name, error)
            return False
        if digest != bank_digest(embedder.name, self.multilingual):
            log.warning("escalation heads for %s are stale (the bank changed): fitting them now", embedder.name)
            return False
        found = self.scores(np.asarray(embedder.embed(probe_texts()), dtype=np.float32))
        if found.shape != probe.shape or np.abs(found - probe).max() > tuning.ESCALATION_HEADS_PROBE_TOLERANCE:
            log.warning("escalation heads for %s disagree with this machine's vectors: fitting them now", embedder.name)
            return False
        return True

    def save(self, path: Path, embedder: Embedder) -> None:
        """Write these heads with the digest of what they were fitted on and their probe's probabilities."""
        path.parent.mkdir(parents=True, exist_ok=True)
        probe = self.scores(np.asarray(embedder.embed(probe_texts()), dtype=np.float32))
        np.savez_compressed(path, weights=self.weights, bias=self.bias, probe=probe,
                            digest=np.array(bank_digest(self.embedder_name, self.multilingual)))

    def scores(self, vectors: np.ndarray) -> np.ndarray:
        """Probability per head (columns in HEADS order) for each row."""
        return 1.0 / (1.0 + np.exp(-(vectors @ self.weights + self.bias)))


_classifiers: dict[str, ExemplarClassifier] = {}
_classifier_lock = threading.Lock()


def classifier_for(embedder: Embedder) -> ExemplarClassifier:
    """The classifier fitted with this embedder (fitted on first use, then kept for the process)."""
    found = _classifiers.get(embedder.name)
    if found is None:
        with _classifier_lock:
            found = _classifiers.get(embedder.name)
            if found is None:
                found = _classifiers[embedder.name] = ExemplarClassifier(embedder)
    return found


# ---- reading the thread ----------------------------------------------------------------------------------------

class Unit(msgspec.Struct):
    """One scored customer sentence."""

    message: int  # index in the thread
    text: str
    fired: list[str]  # reasons it raises (TRIGGERS, money, repeat, long_unresolved)
    withdrawn: list[str]  # reasons it withdraws or rules out
    satisfied: bool


class Assessment(msgspec.Struct):
    """Active reasons at the end of the thread, each with the sentence that raised it."""

    active: dict[str, str]  # reason -> evidence
    units: list[Unit]


def score_units(texts: list[str], probabilities: np.ndarray, message_index: list[int], *,
                english: bool, understood: bool, thanking: frozenset[int] = frozenset()) -> list[Unit]:
    """Thresholds, term bonuses and ruling out applied to each sentence's head probabilities.

    The bank is mostly English. An encoder trained across languages (`understood`) reads a Spanish threat
    near its English meaning, so the heads are trusted as in English; with one that is not, a trigger in
    another language also needs its exact term (a regulator, a bank procedure, a platform, "responsable"…),
    since the classifier alone misreads routine foreign text."""
    column = {head: i for i, head in enumerate(HEADS)}
    out = []
    for row, text in enumerate(texts):
        p = probabilities[row]
        ruled_out = bool(rules.RULED_OUT.search(text))
        # A sentence of one or two content words ("Fine.", "Will you match it?") carries too little meaning for
        # the classifier alone: it raises a trigger only with an exact term or in so many words.
        enough_words = len(stems(text)) >= tuning.ESCALATION_MIN_CONTENT_WORDS
        fired: list[str] = []
        mentioned: list[str] = []
        said: set[str] = set()  # reasons named in so many words ("filing a chargeback")
        for head in TRIGGERS:
            if rules.not_meant(head, text):
                continue
            term = bool(rules.TERMS[head].search(text))
            score = float(p[column[head]]) + tuning.ESCALATION_TERM_BONUS * term
            if term or score >= tuning.ESCALATION_THRESHOLD / 2:
                mentioned.append(head)
            explicit = head in rules.EXPLICIT and rules.EXPLICIT[head].search(text) and not text.rstrip().endswith("?")
            if explicit:
                said.add(head)
            # outside English a whole phrase ("hablar con un supervisor", "ik zeg op") is said in so many words
            phrased = not english and bool(rules.PHRASES[head].search(text))
            if phrased:
                mentioned.append(head)
                said.add(head)
            if explicit or phrased or (score >= tuning.ESCALATION_THRESHOLD and (term or enough_words) if understood
                                       else term and score >= tuning.ESCALATION_FOREIGN_THRESHOLD):
                fired.append(head)
        money = float(p[column["money"]]) + tuning.ESCALATION_TERM_BONUS * bool(MONEY_TERMS.search(text))
        if money >= tuning.ESCALATION_MONEY_THRESHOLD and (understood or MONEY_TERMS.search(text)):
            fired.append("money")
        if rules.REPEAT.search(text) or p[column["repeat"]] >= tuning.ESCALATION_REPEAT_THRESHOLD:
            fired.append("repeat")
        if rules.LONG_WAIT.search(text):
            fired.append("long_unresolved")
        withdrawn: list[str] = []
        if ruled_out or p[column["withdraw"]] >= tuning.ESCALATION_WITHDRAW_THRESHOLD:
            # a bare "no need anymore" most often drops a request for a person; the classifier alone never
            # withdraws a reason named in so many words ("fix it today or I'm filing a chargeback") nor one this
            # very sentence raises by its term ("I want to talk to your manager, not you")
            # ... unless, in a message that thanks, a clause takes it back by name ("refund's landed, thanks, and
            # sorry for the Trading Standards line"; not "thanks, no need to escalate, I'm cancelling my contract").
            # A ruling-out governs its own clause: a reason named in another clause stands.
            taken_back = rules.retracted(text, mentioned) if message_index[row] in thanking else set()
            kept = (said | {f for f in fired if f in TRIGGERS and rules.TERMS[f].search(text)}) - taken_back \
                if not ruled_out else rules.named_apart(text, [f for f in fired if f in TRIGGERS])
            withdrawn = [m for m in mentioned if m not in kept] or ([] if kept else ["human"])
            fired = [f for f in fired if f not in withdrawn and (f not in TRIGGERS or f in kept)] if ruled_out else \
                [f for f in fired if f not in withdrawn]
        satisfied = not any(f in TRIGGERS for f in fired) and bool(rules.THANKS.search(text)) \
            and not rules.SARCASTIC_THANKS.search(text) \
            and p[column["satisfied"]] >= tuning.ESCALATION_SATISFIED_THRESHOLD
        out.append(Unit(message=message_index[row], text=text, fired=fired, withdrawn=withdrawn, satisfied=satisfied))
    return out


def assess(messages: Sequence[Turn], embedder: Embedder, *, language: str = "en") -> Assessment:
    """Score the customer's sentences and read the thread in order."""
    first = max(0, len(messages) - tuning.ESCALATION_MAX_MESSAGES)
    texts: list[str] = []
    where: list[int] = []
    for index in range(first, len(messages)):
        if messages[index].role == "customer":
            for sentence in sentences(messages[index].text):
                texts.append(sentence)
                where.append(index)
    if not texts:
        return Assessment(active={}, units=[])
    probabilities = classifier_for(embedder).scores(embed_cached(embedder, texts))
    thanking = frozenset(i for i in set(where) if rules.GRATITUDE.search(messages[i].text)
                         and not rules.SARCASTIC_THANKS.search(messages[i].text))
    units = score_units(texts, probabilities, where, english=language == "en", thanking=thanking,
                        understood=reads_language(embedder, language))
    by_message: dict[int, list[Unit]] = {}
    for unit in units:
        by_message.setdefault(unit.message, []).append(unit)
    active: dict[str, str] = {}
    last_customer = max(by_message)
    agent_replied = False
    for index in range(first, len(messages)):
        message = messages[index]
        if message.role == "agent":
            agent_replied = True
            if "human" in active and rules.honoured(message.text):
                del active["human"]  # a call-back booked, a hand-over made, a person answering
            continue
        turn = by_message.get(index)
        if not turn:
            continue
        for unit in turn:
            for reason in unit.withdrawn:
                active.pop(reason, None)
        for unit in turn:
            for reason in unit.fired:
                active.setdefault(reason, unit.text)
        # The customer ends content after an agent's answer: what was raised before no longer stands, except harm
        # done: an injury or a hazard needs a person whatever the customer's mood ("thanks for the highchair").
        if index == last_customer and agent_replied and index != min(by_message) \
                and any(u.satisfied for u in turn) and not any(f in TRIGGERS for u in turn for f in u.fired):
            active = {k: v for k, v in active.items() if k in LASTING}
    return Assessment(active=active, units=units)


def quote(text: str, limit: int = 90) -> str:
    """A sentence as evidence in a reason, shortened."""
    text = " ".join(text.split())
    return f"\u201c{text if len(text) <= limit else text[:limit - 1].rstrip() + '…'}\u201d"


def write_shipped_heads() -> list[Path]:
    """Refit the shipped readers' heads and write them beside this module (run after editing the bank)."""
    from backend.retrieval.embed import get_embedder

    written = []
    for spec in (tuning.SIGNALS_EMBEDDER, tuning.SIGNALS_FOREIGN_EMBEDDER):
        embedder = get_embedder(spec)
        path = shipped_heads_path(embedder.name)
        ExemplarClassifier(embedder, shipped=False).save(path, embedder)
        written.append(path)
    return written


if __name__ == "__main__":
    for written in write_shipped_heads():
        print(written)
