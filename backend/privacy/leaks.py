"""What auto-QA's leak check learns of an agent's message before it is stored: street addresses, and whose data.

The redactor (redaction.py) replaces e-mails, phones, cards, IBANs and national ids. A street address is not
redacted (customers name streets, towns and shops in ordinary questions), but an agent who tells one customer
where another lives, or where a parcel went, leaks personal data: `street_addresses` finds them in an agent's
message for the leak record (kinds and counts, never values). `whose` tells the customer's own details and the
team's (published in its KB, a role mailbox, "call our 24-hour line on…", "write to us at…") from someone else's.
"""

from __future__ import annotations

import re

# A house number, one to three capitalised words and a street word ("14 Elm Road", "Flat 3, 27 Clifton Road",
# "418 Alder Lane, Apt 3"), in the English-speaking forms; and the usual continental forms, street first
# ("Hauptstraße 5", "Calle Mayor 12", "Via Roma 3", "Keizersgracht 112") or number first ("12 rue de la Paix").
_STREET_WORDS = (r"Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Court|Ct|Way|Place|Pl|Crescent|Cres|Rise|"
                 r"Grove|Terrace|Boulevard|Blvd|Row|Mews|Hill|Gardens|Square|Sq|Walk|Park|Parade|View|Green|Wharf|"
                 r"Yard|Gate|Vale|End|Heights|Hollow|Meadows?|Chase|Circle|Pike|Highway|Hwy|Trail")
_NAME = r"[A-Z][\w'’-]{0,30}"  # bounded: "ABC-ABC-ABC-…" must not make every start scan the rest (quadratic)
STREET = re.compile(
    rf"(?<![\w£$€.,])\d{{1,5}}[A-Za-z]?,?\s+(?:{_NAME}\s+){{1,3}}(?:{_STREET_WORDS})\b"
    rf"|(?<![\w£$€.,])\d{{1,4}}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|boulevard|chemin|allée|impasse|place)\s+\S+"
    rf"|\b{_NAME}(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|straat|laan|gracht|plein|kade|singel)"
    rf"\s+\d{{1,4}}[a-z]?\b"
    rf"|\b(?:Calle|Avenida|Avda\.|Plaza|Paseo|Via|Viale|Piazza|Corso|Largo|Rua|Praça|Travessa)\s+"
    rf"(?:(?:de|del|la|do|da|dos|das|di|della)\s+)?{_NAME}(?:\s+{_NAME})?,?\s+(?:n[º°o.]\s*)?\d{{1,4}}\b",
)

# The team's own contact: "our … line|team|office …", "call|email|reach us", "(write|send it back) to us", "the
# office is on" shortly before the value.
_OURS = re.compile(
    r"(?:\bour\b(?:\s+[\w-]+){0,3}?\s+(?:line|lines|number|helpline|hotline|team|desk|office|shop|store|"
    r"warehouse|depot|studio|branch|showroom|address|returns|centre|center|site|venue|clinic|practice|garage|"
    r"reception|inbox|mailbox|hq|headquarters|hub|service|department|support)\b"
    r"|\b(?:call|ring|phone|text|email|e-mail|mail|to|contact|reach|visit|find)\s+us\b"
    r"|\bthe\s+(?:office|reception|helpline|hotline|switchboard|front\s+desk|site\s+team|support\s+team)\s+"
    r"(?:is|are|can\s+be\s+reached)\s+(?:on|at)\b)"
    r"[^.!?\n]{0,40}$",
    re.IGNORECASE,
)


# "Gate 3 Car Park", "Terminal 2 Drop Off Lane": a numbered place, not a house number.
_PLACE_NUMBER = re.compile(r"\b(?:gate|terminal|platform|level|floor|zone|bay|pier|berth|stand|deck|car|route|"
                          r"line|junction|exit|screen|hall|room|area|section|row)\s*$", re.IGNORECASE)


def street_addresses(text: str) -> list[tuple[int, str]]:
    """The street addresses in a text: where each starts, and as written."""
    text = text[:20_000]
    return [(m.start(), m.group(0)) for m in STREET.finditer(text)
            if not _PLACE_NUMBER.search(text[max(0, m.start() - 20):m.start()])]


def the_teams_own(text: str, start: int) -> bool:
    """Whether the value at `start` is introduced as the team's own contact (in the 80 characters before it)."""
    return _OURS.search(text[max(0, start - 80):start]) is not None


def normal_address(value: str) -> str:
    """An address in one spelling, to compare what an agent wrote with what the customer did."""
    return re.sub(r"[^0-9a-z]", "", value.lower())


# A team's own mailboxes ("billing@", "returns@") are no one's personal data: an agent naming one leaks nothing.
ROLE_MAILBOX = re.compile(r"\s*(?:support|help|helpdesk|billing|invoices?|accounts?|info|returns|orders?|sales|service|"
                          r"customerservice|care|contact|hello|team|privacy|dpo|legal|noreply|no-reply|press|"
                          r"claims|warranty|payments?|shipping|delivery|members(?:hip)?|access(?:ibility)?|"
                          r"bookings?|reservations?|feedback|complaints|enquiries|inquiries|events|tickets|safety)"
                          r"\s*@", re.IGNORECASE)


def whose(kind: str, value: str, normal: str, text: str, start: int, own: set[str], published: frozenset[str]) -> str:
    """`own` (the customer's), `org` (the team's: published in its KB, a role mailbox, or a contact introduced as
    ours) or `other`, for a value found at `start` of an agent's `text` (`normal`: in one spelling)."""
    if normal in own:
        return "own"
    if normal in published or (kind == "EMAIL" and ROLE_MAILBOX.match(value)) or (
            kind in ("EMAIL", "PHONE", "ADDRESS") and the_teams_own(text, start)):
        return "org"
    return "other"
