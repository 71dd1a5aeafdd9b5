"""PII redaction with typed placeholders: emails, phone numbers, card numbers (Luhn-checked), IBANs
(mod-97 checked) and national ids (US SSN, UK NI number). Runs before storage, logs and any LLM call.

Order ids, amounts and dates must survive (agents need them), so number patterns are narrow: a card
needs 13-19 digits passing Luhn, a phone needs a phone-like shape, not just many digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b")
CARD = re.compile(r"\b(?:\d[ -]?){12,18}\d\b")
SSN = re.compile(r"\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b")
UK_NINO = re.compile(r"\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
# +country code or a leading 0/( with 9-15 digits in groups; or NANP shapes like (555) 123-4567 / 555-123-4567.
PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{2,4}\)[ .-]?|\d{2,5}[ .-])\d{3,4}[ .-]?\d{3,4}(?![\w-])"
    r"|(?<![\w+])\+\d{9,14}(?!\w)"
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of PII found: its kind and span in the original text."""

    kind: str
    start: int
    end: int


def luhn_ok(digits: str) -> bool:
    """True if the digit string passes the Luhn checksum."""
    total, parity = 0, len(digits) % 2
    for i, ch in enumerate(digits):
        d = int(ch)
        if i % 2 == parity:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def iban_ok(candidate: str) -> bool:
    """True if the string is a structurally valid IBAN (mod-97 == 1)."""
    s = candidate.replace(" ", "")
    if not 15 <= len(s) <= 34:
        return False
    rearranged = s[4:] + s[:4]
    try:
        number = int("".join(str(int(c, 36)) for c in rearranged))
    except ValueError:
        return False
    return number % 97 == 1


def find_pii(text: str) -> list[Finding]:
    """Non-overlapping PII findings, in text order."""
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, match: re.Match) -> None:
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append(Finding(kind, start, end))

    for m in EMAIL.finditer(text):
        add("EMAIL", m)
    for m in IBAN.finditer(text):
        if iban_ok(m.group()):
            add("IBAN", m)
    for m in CARD.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 13 <= len(digits) <= 19 and luhn_ok(digits):
            add("CARD", m)
    for m in SSN.finditer(text):
        add("NATIONAL_ID", m)
    for m in UK_NINO.finditer(text):
        add("NATIONAL_ID", m)
    for m in PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 9 <= len(digits) <= 15:
            add("PHONE", m)
    return sorted(found, key=lambda f: f.start)


def redact(text: str) -> str:
    """`text` with each PII span replaced by a typed placeholder such as [EMAIL]."""
    if not text:
        return text
    out, last = [], 0
    for f in find_pii(text):
        out.append(text[last:f.start])
        out.append(f"[{f.kind}]")
        last = f.end
    out.append(text[last:])
    return "".join(out)
