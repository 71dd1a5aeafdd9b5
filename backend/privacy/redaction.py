"""PII redaction with typed placeholders, before anything is stored, logged, exported or sent to an LLM.

Found as people type them: e-mail addresses (also "name at domain dot com" and "name [at] domain [dot]
com"), phone numbers in national and international forms of many countries (validated against each
country's numbering plan with `phonenumbers`), payment cards (13-19 digits, any separators, Luhn),
IBANs (any case and grouping, mod-97 and the country's length), and national ids with their check
digits: US SSN, UK National Insurance, French NIR, Spanish DNI/NIE, Indian Aadhaar, Brazilian CPF,
Italian codice fiscale, and (next to a label saying what they are) Dutch BSN, German Steuer-ID,
Canadian SIN and Australian TFN.

Order ids, amounts, dates, tracking and reference numbers must survive (agents need them): digit runs
are checked against checksums and numbering plans, never redacted for being long, and a run that a
label calls an order, invoice, tracking or reference number is not a phone number.

Hostile text costs a bounded amount: every pattern is bounded, each scan is linear in the text, and the
costly checks (phone numbering plans, labels) draw on one budget per conversation (`Budget`, sized in
backend/tuning.py by bench/bench_hostile.py); past it, phone-shaped runs are redacted unchecked.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import groupby
from typing import NamedTuple

from backend import tuning
from backend.privacy.checksums import (
    IBAN_LENGTHS,
    bsn_ok,
    codice_fiscale_ok,
    cpf_ok,
    dni_ok,
    iban_ok,
    luhn_ok,
    nir_ok,
    steuer_id_ok,
    tfn_ok,
    verhoeff_ok,
)
from backend.privacy.scanning import ascii_lower, cluster_windows, scan_windows, word_start_pattern

KINDS = ("EMAIL", "PHONE", "CARD", "IBAN", "NATIONAL_ID")
PRIORITY = ("EMAIL", "IBAN", "NATIONAL_ID", "CARD", "PHONE")  # which finding wins where two overlap


# ---- e-mail ------------------------------------------------------------------------------------------------
_TLD = r"[A-Za-z]{2,24}"
_FILE_TYPES = r"(?!(?:png|jpe?g|gif|svg|webp|pdf|txt|docx?|xlsx?|csv|zip|js|css|html?)(?![\w-]))"
EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}\s?@\s?[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.){1,6}"
                   + _FILE_TYPES + _TLD + r"(?![\w-])")
_AT_WORDS = ("at", "ät", "arroba", "arobase", "chez", "chiocciola")
_AT_WORD = "(?:" + "|".join(_AT_WORDS) + ")"
_DOT_WORD = r"(?:dot|punkt|punto|point)"
_AT = rf"(?:\s*[\[({{<]\s*{_AT_WORD}\s*[\])}}>]\s*|\s+{_AT_WORD}\s+)"
_DOT = rf"(?:\s*[\[({{<]\s*{_DOT_WORD}\s*[\])}}>]\s*|\s+{_DOT_WORD}\s+|\.)"
# Spoken forms need a known top-level domain: "meet me at home dot com" is rare, "at the store" is not.
_SPOKEN_TLD = (r"(?:com|org|net|edu|gov|io|co|uk|de|fr|es|it|nl|in|br|ca|au|ie|be|ch|at|pt|se|no|dk|pl|info|me|us|"
               r"biz|co\.uk|com\.br|com\.au)")
EMAIL_SPOKEN = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._+-]{0,63}" + _AT + r"[A-Za-z0-9][A-Za-z0-9-]{0,62}"
                          r"(?:" + _DOT + r"[A-Za-z0-9][A-Za-z0-9-]{0,62}){0,4}" + _DOT + _SPOKEN_TLD + r"$",
                          re.IGNORECASE)
AT_WORD = re.compile(word_start_pattern(_AT_WORDS) + r"\b")  # on the ASCII-lowercased text
# Where a spoken address could end: "dot com", "(punkt) de", ".fr" followed by no letter.
# Written to start with one character class, so the scan looks for that character at C speed instead of taking
# a regex step at every position: the first character decides which of _DOT's forms (in _DOT's order) can follow.
SPOKEN_END = re.compile(r"[\s\[({<.](?:(?<=\s)\s*[\[({<]\s*" + _DOT_WORD + r"\s*[\])}>]\s*"
                        r"|(?<=[\[({<])\s*" + _DOT_WORD + r"\s*[\])}>]\s*"
                        r"|(?<=\s)\s*" + _DOT_WORD + r"\s+"
                        r"|(?<=\.))" + _SPOKEN_TLD + r"(?![\w])")  # on the ASCII-lowercased text: _DOT, _SPOKEN_TLD

# ---- digit runs (cards, phones, numeric ids) -----------------------------------------------------------------
# A run of digits with the separators people use between groups; bounded (at most 40 characters). A run
# glued to letters ("WEB-70181156", "INV.2025") is part of a code, not a number on its own.
DIGIT_RUN = re.compile(r"(?<![\w@/.#-])(?<![\w][.-])(?:\+|00)?\(?\d[\d\-. /()\t]{3,38}\d(?![\w])"
                       r"|(?<![\w@/.#-])\d{5,19}(?![\w])")
_GROUP = re.compile(r"\d+")
_NON_DIGIT = re.compile(r"\D")
# Numbers that are something else whatever their digits: dates, times, IP addresses, year ranges, decimals.
NOT_PII_SHAPE = re.compile(r"(?:\d{4}([-/.])\d{1,2}\1\d{1,2}|\d{1,2}([-/.])\d{1,2}\2(?:19|20)?\d{2}|\d{1,3}(?:\.\d{1,3}){3}"
                           r"|(?:19|20)\d{2}\s?[-–/]\s?(?:19|20)\d{2}|\d+\.\d{1,3})(?:[ T]\d{1,2}(?::\d{2})*)?")
# An IBAN-shaped text (country, check digits, groups) whose checksum fails is a mistyped reference, and its
# digits must not be read as a card or a phone.
IBAN_SHAPED = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?(?![A-Za-z0-9])")

# ---- IBAN --------------------------------------------------------------------------------------------------------
# Only the countries above, in either case (spelled out: IGNORECASE would also take the Kelvin sign for a "K"),
# grouped by first letter and behind a cheap look-ahead (a text of "AB90 AB90..." used to yield every group).
_IBAN_COUNTRIES = "|".join(f"[{first}{first.lower()}][{''.join(c[1] + c[1].lower() for c in codes)}]"
                           for first, codes in groupby(sorted(IBAN_LENGTHS), key=lambda c: c[0]))
IBAN_START = re.compile(r"(?<![A-Za-z0-9])(?=[A-Za-z]{2}\d)(" + _IBAN_COUNTRIES + r")(\d{2})(?=[ ]?[A-Za-z0-9])")
# After the country and check digits: exactly the rest of the country's length, single spaces allowed between.
_IBAN_BODY = {length: re.compile(r"(?: (?=[A-Za-z0-9]))?[A-Za-z0-9](?: ?[A-Za-z0-9]){" + str(length - 5) + r"}(?![^\W_])")
              for length in set(IBAN_LENGTHS.values())}

# ---- national ids with a recognisable shape ----------------------------------------------------------------------
SSN = re.compile(r"(?<![\w-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\w-])")
NINO = re.compile(r"(?<![A-Za-z0-9])(?!(?:BG|GB|NK|KN|TN|NT|ZZ))[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
                  r" ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])", re.IGNORECASE)
NIR = re.compile(r"(?<![\w])([12]) ?(\d{2}) ?(\d{2}) ?(\d{2}|2[AB]) ?(\d{3}) ?(\d{3}) ?(\d{2})(?![\w])", re.IGNORECASE)
DNI = re.compile(r"(?<![\w.])(\d{1,2}\.?\d{3}\.?\d{3})[- ]?([A-Za-z])(?![\w])")
NIE = re.compile(r"(?<![\w])([XYZxyz])[- ]?(\d{7})[- ]?([A-Za-z])(?![\w])")
# Not inside a longer run of digit groups (a card number holds three groups of four too).
_ALONE_BEFORE = r"(?<![\w-])(?<!\d[ -])(?<!\d  )"
_ALONE_AFTER = r"(?![\w-])(?![ -]\d)(?!  \d)"
AADHAAR = re.compile(_ALONE_BEFORE + r"([2-9]\d{3})([ -]?)(\d{4})\2(\d{4})" + _ALONE_AFTER)
CPF = re.compile(r"(?<![\w.])(\d{3})\.?(\d{3})\.?(\d{3})[-.]?(\d{2})(?![\w.])")
CODICE_FISCALE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{6}\d{2}[A-EHLMPRSTa-ehlmprst]\d{2}[A-Za-z]\d{3}[A-Za-z]"
                            r"(?![A-Za-z0-9])")
# Nine- or eleven-digit ids that look like any other number: only next to a label naming them.
_ID_LABEL_WORDS = (r"bsn", r"burgerservicenummer", r"sofi-?nummer", r"steuer-?id", r"steuer-?identifikationsnummer",
                   r"steueridentifikationsnummer", r"identifikationsnummer", r"idnr",
                   r"tax\s+id(?:entification)?(?:\s+(?:number|no\.?))?", r"tin", r"sin",
                   r"social\s+insurance(?:\s+number)?", r"tfn", r"tax\s+file(?:\s+number)?", r"ssn",
                   r"social(?:\s+security)?(?:\s+(?:number|no\.?|#))?", r"aadhaa?r", r"uid", r"cpf")


ID_LABEL = re.compile(word_start_pattern(_ID_LABEL_WORDS) + r"\b")  # run on the ASCII-lowercased text (faster than IGNORECASE)
# The value next to a label (searched only in the 60 characters around each label: linear in the text).
VALUE_AFTER_LABEL = re.compile(r"[^0-9\n]{0,40}?(?<![\w-])(\d[\d .-]{7,16}\d)(?![\w])")
VALUE_BEFORE_LABEL = re.compile(r"(?<![\w-])(\d[\d .-]{7,16}\d)(?![\w])[^0-9\n]{0,20}$")

# ---- phones ------------------------------------------------------------------------------------------------------
# Regions whose national formats people type (tried when a number has no international prefix): those whose
# numbers are written with a trunk "0" first, and those written without one.
TRUNK_ZERO_REGIONS = ("GB", "DE", "FR", "NL", "BE", "CH", "AT", "IE", "SE", "FI", "IT", "IN", "BR", "AR", "AU", "NZ",
                      "ZA", "JP", "PH", "NG")
NO_TRUNK_REGIONS = ("US", "CA", "ES", "IT", "PT", "DK", "NO", "PL", "MX", "SG", "IN", "BR")
PHONE_LABEL = re.compile(r"\b(?:call\w*|phon\w*|mobile|cell|tel|tlf|telephone|(?:my|new|old|contact|mobile|phone)\s+"
                         r"number|whats\s?app|sms|text(?:ed|ing)?|reach\w*|ring\w*|fax|landline|joignable|appel\w*"
                         r"|rappel\w*|t[ée]l[ée]phone|portable|n[úu]m[ée]ro|handy|telefon\w*|nummer|anruf\w*|erreich\w*"
                         r"|m[óo]vil|llam\w*|tel[ée]fono|cellulare|chiam\w*|celular|ligar|contatto)\b", re.IGNORECASE)
NOT_A_PHONE_AFTER = re.compile(r"^\W{0,3}(?:[\w-]+\s+){0,3}(?:tracking|order|invoice|reference|serial|booking|claim|"
                               r"part|model|sku|barcode)\b", re.IGNORECASE)
NOT_A_PHONE = re.compile(r"(?:\b(?:order|ticket|invoice|inv|tracking|track|parcel|shipment|ref|reference|case|booking"
                         r"|reservation|confirmation|sku|item|part|serial|s/n|model|receipt|transaction|voucher|po|rma"
                         r"|isbn|ean|upc|barcode|acct|policy|claim|member|customer|id|pnr|awb|batch|lot|version|build"
                         r"|postcode|zip|rechnung|commande|pedido|ordine|bestellung)\b(?:\s+[\w(]+){0,3}|#)\W{0,3}$",
                         re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of PII found: its kind and span in the original text."""

    kind: str
    start: int
    end: int


class _Spans:
    """Non-overlapping [start, end) spans kept sorted, so each test is a binary search (linear overall)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        i = bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)

    def covers(self, position: int) -> bool:
        i = bisect_right(self.starts, position) - 1
        return i >= 0 and position < self.ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start)
        return (i > 0 and self.ends[i - 1] > start) or (i < len(self.starts) and self.starts[i] < end)


class Budget:
    """The costly checks one conversation may still make, shared by its texts: a phone label scan, a
    numbering-plan lookup, an id label or a spoken e-mail ending costs one (tens of microseconds each).

    Once spent, every phone-shaped digit run (7-15 digits) is redacted unchecked, which also covers the
    numeric ids labels would have named (fail closed); spoken e-mail addresses are no longer looked for.
    """

    __slots__ = ("left",)

    def __init__(self, checks: int = tuning.REDACTION_CHECKS) -> None:
        self.left = checks

    def spend(self, cost: int) -> bool:
        """Take `cost` checks; False (and nothing left) when fewer remain."""
        if cost > self.left:
            self.left = 0
            return False
        self.left -= cost
        return True


# ---- detectors -------------------------------------------------------------------------------------------------------

CARD_PREFIX = re.compile(r"^(?:4|5[1-5]|2[2-7]|3[47]|3[0689]|35|6|8[12]|50)")


_CARD_SPANS: dict[tuple[str, bool], tuple[tuple[int, int], ...]] = {}  # (run, scan) -> spans: repeats are free


def _cards_in(run: str, offset: int, *, scan: bool) -> list[Finding]:
    """The longest Luhn-valid 14-19 digit card number made of the run's first groups (an expiry date or CVV may
    follow it). `scan` (a run longer than a card with its expiry and CVV): every card in it, from each group on,
    so two cards typed one after the other, "4111 1111 1111 1111 4111 1111 1111 1111", are two cards."""
    spans = _CARD_SPANS.get((run, scan))
    if spans is None:
        spans = _card_spans(run, scan)
        if len(_CARD_SPANS) >= 4096:
            _CARD_SPANS.clear()
        _CARD_SPANS[(run, scan)] = spans
    return [Finding("CARD", offset + start, offset + end) for start, end in spans]


def _card_spans(run: str, scan: bool) -> tuple[tuple[int, int], ...]:
    """The spans `_cards_in` reports, relative to the run."""
    groups = _GROUP.findall(run)
    if not any(len(g) == 4 or 14 <= len(g) <= 19 for g in (groups if scan else groups[:1])):
        return ()  # cards are written in one piece or in groups that start with four digits
    positions = [m.span() for m in _GROUP.finditer(run)]
    found: list[tuple[int, int]] = []
    start = 0
    while start < len(groups) and (scan or start == 0):
        end = _card_from(groups, start)
        if end is None:
            start += 1
            continue
        found.append((positions[start][0], positions[end][1]))
        start = end + 1
    return tuple(found)


def _card_from(groups: list[str], start: int) -> int | None:
    """The index of the last group of the longest card number starting at group `start`, or None: written as
    cards are, in one piece or in groups of 3-6 starting with four digits (4-4-4-4, 4-6-5...)."""
    first = len(groups[start])
    if (first != 4 and not 14 <= first <= 19) or not CARD_PREFIX.match(groups[start]):
        return None  # the prefix is within the first group (at least four digits)
    digits = groups[start]
    best = start if first >= 14 and luhn_ok(digits) else None
    if first != 4:
        return best  # one piece: any further group breaks the grouping
    for j in range(start + 1, len(groups)):
        size = len(groups[j])
        if not 3 <= size <= 6:
            break  # the grouping is broken for this and every longer number
        digits += groups[j]
        if len(digits) > 19:
            break
        if len(digits) >= 14 and luhn_ok(digits):
            best = j
    return best


def _groups(text: str) -> list[int]:
    return [len(g) for g in _GROUP.findall(text)]


_VERDICTS: dict[tuple[str, bool], bool] = {}  # (run, labelled) -> a phone number? Repeats cost no budget.


def _lookups(candidate: str, digits: str, labelled: bool) -> int:
    """At most how many numbering-plan lookups judging `candidate` takes (the budget's unit)."""
    stripped = candidate.strip()
    if stripped.startswith("+") or (stripped.startswith("00") and not stripped.startswith("000")):
        regions = 1
    else:
        regions = len(TRUNK_ZERO_REGIONS if digits.startswith("0") else NO_TRUNK_REGIONS)
    return regions + (3 if labelled else 0)


def _phone_number(candidate: str, labelled: bool) -> bool:
    """True when `candidate` is a valid phone number as written: with an international prefix; or in a
    country's national form, typed with its trunk "0" or grouped the way that country groups it (or
    anyhow, when a label such as "call me on" says it is a phone number)."""
    import phonenumbers

    digits = re.sub(r"\D", "", candidate)
    stripped = candidate.strip()
    try:
        if stripped.startswith("+") or (stripped.startswith("00") and not stripped.startswith("000")):
            return phonenumbers.is_valid_number(phonenumbers.parse("+" + (digits[2:] if stripped.startswith("00")
                                                                          else digits), None))
        regions = TRUNK_ZERO_REGIONS if digits.startswith("0") else NO_TRUNK_REGIONS
        for region in regions:
            number = phonenumbers.parse(candidate, region)
            if not phonenumbers.is_valid_number(number):
                continue
            national_text = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
            national = re.sub(r"\D", "", national_text)
            with_code = f"{number.country_code}{number.national_number}"
            if digits == with_code or (region in ("US", "CA") and digits == "1" + national):
                return True  # typed with the country code but no "+"
            if digits != national:
                continue
            if labelled or (digits.startswith("0") and 10 <= len(digits) <= 11) \
                    or _groups(candidate) == _groups(national_text):
                return True
    except phonenumbers.NumberParseException:
        return False
    return False


def _phone_shaped(candidate: str) -> bool:
    """Possible as a phone number somewhere (right length), for runs a label says are phone numbers."""
    import phonenumbers

    stripped = candidate.strip()
    try:
        if stripped.startswith(("+", "00")):
            digits = re.sub(r"\D", "", stripped)
            return phonenumbers.is_possible_number(phonenumbers.parse("+" + (digits[2:] if stripped.startswith("00")
                                                                              else digits), None))
        return any(phonenumbers.is_possible_number(phonenumbers.parse(candidate, region)) for region in ("US", "GB", "IN"))
    except phonenumbers.NumberParseException:
        return False


class _Run(NamedTuple):
    """What a digit run's own characters say, whatever surrounds it."""

    digit_count: int  # digits
    not_pii: bool  # a date, time, IP address, year range or decimal
    candidate: str  # the run without separators at its ends
    shift: int  # where the candidate starts in the run
    digits: str  # the candidate's digits


_RUNS: dict[str, _Run] = {}  # repeated runs (a long text of the same groups) are read once
_CONTEXTS: dict[tuple[str, str, str], bool | None] = {}  # (before, candidate, after) -> labelled; None: not a phone


def _run_facts(run: str) -> _Run:
    facts = _RUNS.get(run)
    if facts is None:
        candidate = run.strip(" .-/\t")
        facts = _Run(len(_NON_DIGIT.sub("", run)), NOT_PII_SHAPE.fullmatch(run.lstrip("(")) is not None,
                     candidate, run.index(candidate), _NON_DIGIT.sub("", candidate))
        if len(_RUNS) >= 4096:
            _RUNS.clear()
        _RUNS[run] = facts
    return facts


def _phone_context(before: str, after: str) -> bool | None:
    """Whether a label says the number between `before` and `after` is a phone number, or None when what
    surrounds it says it is something else (an order number...)."""
    labels = list(PHONE_LABEL.finditer(before))
    label = labels[-1] if labels else None  # the label nearest the number
    negative = NOT_A_PHONE.search(before)
    if negative and (label is None or label.start() < negative.start()):
        return None  # "order number 0151..." is an order number, unless "call" comes after the "order"
    if label is None and NOT_A_PHONE_AFTER.search(after):
        return None  # "Is 4762354800 the right tracking number?"
    return label is not None or bool(PHONE_LABEL.search(after))


def _phone_in(text: str, run: str, offset: int, budget: Budget) -> Finding | None:
    """A phone number in a digit run, judged with what precedes it (labels) and its numbering plan; once
    `budget` is spent, any phone-shaped run counts as a phone (fail closed)."""
    facts = _run_facts(run)
    candidate, digits = facts.candidate, facts.digits
    start = offset + facts.shift
    if not 7 <= len(digits) <= 15:
        return None
    found = Finding("PHONE", start, start + len(candidate))
    if not budget.spend(1):
        return found
    key = (text[max(0, start - 60):start], candidate, text[start + len(candidate):start + len(candidate) + 30])
    if key in _CONTEXTS:
        labelled = _CONTEXTS[key]
    else:
        labelled = _phone_context(key[0], key[2])
        if len(_CONTEXTS) >= 4096:
            _CONTEXTS.clear()
        _CONTEXTS[key] = labelled
    if labelled is None:
        return None
    verdict = _VERDICTS.get((candidate, labelled))
    if verdict is None:
        if not budget.spend(_lookups(candidate, digits, labelled)):
            return found
        verdict = _phone_number(candidate, labelled) or (labelled and _phone_shaped(candidate))
        if len(_VERDICTS) >= 4096:
            _VERDICTS.clear()
        _VERDICTS[(candidate, labelled)] = verdict
    return found if verdict else None


# Where a structured id can be: around runs of at least five digits (ids are looked for only there, so a
# long message costs one scan for the runs plus short scans around them).
NUMERIC_ZONE = re.compile(r"\d(?:[ .\-/]{0,2}\d){4,}")
ZONE_MARGIN = 12


def _zones(text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merged windows around digit runs (found in `runs`, the `_run_windows`: a NUMERIC_ZONE match starts a
    RUN_CORE match or lies in one, and RUN_CORE matches follow each other, windows overlapping, to its end)."""
    zones: list[tuple[int, int]] = []
    for m in scan_windows(NUMERIC_ZONE, text, runs):
        start, end = max(0, m.start() - ZONE_MARGIN), min(len(text), m.end() + ZONE_MARGIN)
        if zones and start <= zones[-1][1]:
            zones[-1] = (zones[-1][0], end)
        else:
            zones.append((start, end))
    return zones


# Where a pattern that holds a digit or an "@" can match: a long message is scanned only in windows around
# them (most of a long message is prose). Every match of CODICE_FISCALE, IBAN_START, IBAN_SHAPED and DIGIT_RUN
# has a digit at most 6 characters in and ends, with the character its lookahead reads, within 50 after
# it; every EMAIL match has its "@" at most 65 characters in and ends, lookahead read, within 406 after it.
# A window holds every match near its digits (or "@"), runs no match past its end, and nothing can match
# between windows; a pattern's lookbehind reads the text before a window as it would in a whole-text scan.
DIGIT_CLUSTER = re.compile(r"\d(?:\D{0,56}\d)*")  # digits less than 57 apart: windows of two clusters never overlap
AT_CLUSTER = re.compile(r"@(?:[^@]{0,473}@)*")


# Finer windows for DIGIT_RUN: its first digit (at most 3 characters in, after "00(" or "+(") starts a
# RUN_CORE match, so RUN_CORE's scan (which starts with a plain character search) either matches there or
# has a match covering it; the run ends, lookahead read, within 44 characters after that digit.
RUN_CORE = re.compile(r"\d[\d\-. /()\t]{3,38}\d")


def _run_windows(text: str) -> list[tuple[int, int]]:
    """Merged windows around RUN_CORE matches, from 3 characters ahead to 44 past the end."""
    windows: list[tuple[int, int]] = []
    for m in RUN_CORE.finditer(text):
        start, end = max(0, m.start() - 3), min(len(text), m.end() + 44)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _structured_ids(text: str, lower: str, budget: Budget, digits: list[tuple[int, int]],
                    runs: list[tuple[int, int]]) -> list[Finding]:
    found: list[Finding] = []
    for zone_start, zone_end in _zones(text, runs):
        _ids_in(text, zone_start, zone_end, found)
    for m in scan_windows(CODICE_FISCALE, text, digits):  # letters and digits mixed: no digit run marks it
        if codice_fiscale_ok(m.group(0)):
            found.append(Finding("NATIONAL_ID", m.start(), m.end()))
    for label_match in ID_LABEL.finditer(lower):
        if not budget.spend(1):
            break  # past the budget, the digit runs the labels name are redacted as phone-shaped runs
        label = label_match.group(0).lower()
        after = VALUE_AFTER_LABEL.match(text, label_match.end(), min(len(text), label_match.end() + 60))
        before_start = max(0, label_match.start() - 40)
        before = VALUE_BEFORE_LABEL.search(text[before_start:label_match.start()])
        for value_start, value_end in ([after.span(1)] if after else []) + (
                [(before_start + before.start(1), before_start + before.end(1))] if before else []):
            _labelled_id(text, label, value_start, value_end, found)
    return found


# What an ASCII zone must hold for each id to be found in it, checked on its shape (digits as "0", letters as
# "a": C-speed substring tests) before the pattern's scan, which costs a regex step per character. Each hint
# is part of every match of its pattern. Not for other zones: \d and IGNORECASE take non-ASCII characters.
_SHAPE = bytes.maketrans(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", b"0" * 10 + b"a" * 52)
_NIR_HINT = re.compile(r"[12] ?\d\d")  # the sex digit and the year


def _ids_in(text: str, zone_start: int, zone_end: int, found: list[Finding]) -> None:
    """Structured national ids (with their check digits) inside one zone of `text`."""
    ssn = nino = nir = dni = aadhaar = cpf = True
    zone = text[zone_start:zone_end]
    if zone.isascii():
        shape = zone.encode("ascii").translate(_SHAPE)
        nino = dni = b"a" in shape  # NINO, DNI and NIE hold a letter
        ssn = b"000 00 0000" in shape or b"000-00-0000" in shape
        nir = b"000" in shape and _NIR_HINT.search(text, zone_start, zone_end) is not None
        aadhaar = b"0000 0000 0000" in shape or b"0000-0000-0000" in shape  # typed in groups
        cpf = b"000.00" in shape or b"000-00" in shape  # formatted
    if ssn:
        for m in SSN.finditer(text, zone_start, zone_end):
            found.append(Finding("NATIONAL_ID", m.start(), m.end()))
    if nino:
        for m in NINO.finditer(text, zone_start, zone_end):
            found.append(Finding("NATIONAL_ID", m.start(), m.end()))
    if nir:
        for m in NIR.finditer(text, zone_start, zone_end):
            if nir_ok(m.group(1), "".join(m.groups()[1:])):
                found.append(Finding("NATIONAL_ID", m.start(), m.end()))
    if dni:
        for m in DNI.finditer(text, zone_start, zone_end):
            if dni_ok(m.group(1).replace(".", ""), m.group(2)):
                found.append(Finding("NATIONAL_ID", m.start(), m.end()))
        for m in NIE.finditer(text, zone_start, zone_end):
            if dni_ok(str("XYZ".index(m.group(1).upper())) + m.group(2), m.group(3)):
                found.append(Finding("NATIONAL_ID", m.start(), m.end()))
    if aadhaar:
        for m in AADHAAR.finditer(text, zone_start, zone_end):
            digits = m.group(1) + m.group(3) + m.group(4)
            # A bare 12-digit run passes Verhoeff one time in ten: it counts only when typed in groups.
            if m.group(2) and verhoeff_ok(digits):
                found.append(Finding("NATIONAL_ID", m.start(), m.end()))
    if cpf:
        for m in CPF.finditer(text, zone_start, zone_end):
            digits = "".join(m.groups())
            formatted = "." in m.group(0) or "-" in m.group(0)
            if formatted and cpf_ok(digits):
                found.append(Finding("NATIONAL_ID", m.start(), m.end()))


def _labelled_id(text: str, label: str, start: int, end: int, found: list[Finding]) -> None:
    """A nine-to-twelve-digit id that a label names, kept when its checksum fits what the label says."""
    digits = re.sub(r"\D", "", text[start:end])
    ok = ((len(digits) == 9 and (bsn_ok(digits) or luhn_ok(digits) or tfn_ok(digits) or label.startswith(("ssn", "social"))))
          or (len(digits) == 8 and tfn_ok(digits))
          or (len(digits) == 11 and (steuer_id_ok(digits) or cpf_ok(digits)))
          or (len(digits) == 12 and verhoeff_ok(digits)))
    if ok:
        found.append(Finding("NATIONAL_ID", start, end))


def find_pii(text: str, budget: Budget | None = None) -> list[Finding]:
    """Non-overlapping PII findings, in text order (an earlier kind in KINDS order wins an overlap).

    `budget` bounds the costly checks across the texts of one conversation (a fresh one per call if not given).
    """
    if not text:
        return []
    budget = Budget() if budget is None else budget
    candidates: list[Finding] = []
    lower = ascii_lower(text)  # same length and positions as `text`
    if "@" in text:  # one pass: every repetition in EMAIL is bounded and no class holds "@" (linear)
        candidates += [Finding("EMAIL", m.start(), m.end()) for m in scan_windows(EMAIL, text, cluster_windows(AT_CLUSTER, text, 66, 407))]
    words = not text.isascii() or lower != lower.upper()  # else no label and no spoken address can be there
    if words and AT_WORD.search(lower):
        for ending in SPOKEN_END.finditer(lower):  # anchored at each possible ending
            if not budget.spend(1):
                break
            window_start = max(0, ending.end() - 220)
            spoken = EMAIL_SPOKEN.search(text[window_start:ending.end()])
            if spoken:
                candidates.append(Finding("EMAIL", window_start + spoken.start(), window_start + spoken.end()))
    digits = cluster_windows(DIGIT_CLUSTER, text, 6, 51)
    for m in scan_windows(IBAN_START, text, digits):
        length = IBAN_LENGTHS[m.group(1).upper()]
        body = _IBAN_BODY[length].match(text, m.end())
        if body and iban_ok(text[m.start():body.end()]):
            candidates.append(Finding("IBAN", m.start(), body.end()))
    not_numbers = _Spans()
    for m in scan_windows(IBAN_SHAPED, text, digits):
        not_numbers.add(m.start(), m.end())
    runs = _run_windows(text)
    candidates += [f for f in _structured_ids(text, lower if words else "", budget, digits, runs)
                   if not not_numbers.covers(f.start)]
    for m in scan_windows(DIGIT_RUN, text, runs):
        facts = _run_facts(m.group(0))
        count = facts.digit_count
        if count < 7:
            continue  # shorter than any phone number
        if facts.not_pii or not_numbers.covers(m.start()):
            continue
        cards = _cards_in(m.group(0), m.start(), scan=count > 28)
        if cards:
            candidates += cards
            continue
        if count > 28:
            continue  # longer than a phone number, and no card in it
        phone = _phone_in(text, m.group(0), m.start(), budget)
        if phone:
            candidates.append(phone)
    order = {kind: i for i, kind in enumerate(PRIORITY)}
    candidates.sort(key=lambda f: (order[f.kind], f.start, f.start - f.end))  # the longest first at a start
    kept = _Spans()
    found: list[Finding] = []
    for finding in candidates:
        if not kept.overlaps(finding.start, finding.end):
            kept.add(finding.start, finding.end)
            found.append(finding)
    return sorted(found, key=lambda f: f.start)


def normal_value(kind: str, value: str) -> str:
    """A found value in one spelling (e-mail lowercased, numbers as their digits), to compare two findings."""
    if kind == "EMAIL":
        return re.sub(r"\s+", "", value).lower()
    return re.sub(r"[^0-9A-Za-z]", "", value).upper()


def clear_caches() -> None:
    """Forget every memoised verdict and run (to time a message never seen before)."""
    for cache in (_VERDICTS, _RUNS, _CONTEXTS, _CARD_SPANS):
        cache.clear()


def warm_up() -> None:
    """Load phonenumbers' metadata for every region tried (the first message would otherwise pay ~0.1 s), and
    numpy for lowering long texts."""
    import numpy  # noqa: F401
    import phonenumbers

    for region in {*TRUNK_ZERO_REGIONS, *NO_TRUNK_REGIONS}:
        example = phonenumbers.example_number(region)
        if example is not None:
            _phone_number(phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL), False)


def redact(text: str, budget: Budget | None = None) -> str:
    """`text` with each PII span replaced by a typed placeholder such as [EMAIL]."""
    if not text:
        return text
    return replace_found(text, find_pii(text, budget))


def replace_found(text: str, findings: list[Finding]) -> str:
    """`text` with the spans of `findings` (from `find_pii(text)`) replaced by typed placeholders."""
    out, last = [], 0
    for f in findings:
        out.append(text[last:f.start])
        out.append(f"[{f.kind}]")
        last = f.end
    out.append(text[last:])
    return "".join(out)
