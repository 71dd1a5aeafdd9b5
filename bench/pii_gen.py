"""A generated PII set (with lookalike negatives) for measuring redaction precision and recall."""

from __future__ import annotations

import random
import string

from backend.privacy.redaction import luhn_ok


def _luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    digits = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    return next(digits + check for check in string.digits if luhn_ok(digits + check))


def _iban(country: str, bban: str) -> str:
    rearranged = bban + country + "00"
    number = int("".join(str(int(c, 36)) for c in rearranged))
    check = 98 - number % 97
    raw = f"{country}{check:02d}{bban}"
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def generate(n: int = 300, seed: int = 7) -> tuple[list[tuple[str, str, str]], list[str]]:
    """(positives as (kind, value, sentence), negatives as sentences that hold no PII)."""
    rng = random.Random(seed)
    names = ["dana", "li.wei", "m_okafor", "sam+shop", "j.garcia", "anna-k"]
    domains = ["example.com", "mail.example.org", "shop.example.co.uk", "example.net"]
    templates = ["You can reach me at {}.", "my details: {} thanks", "Please use {} for this.", "{} is what I used",
                 "contact ({}) anytime"]
    positives = []
    for i in range(n):
        kind = ["EMAIL", "PHONE", "CARD", "IBAN", "NATIONAL_ID"][i % 5]
        if kind == "EMAIL":
            value = f"{rng.choice(names)}{rng.randint(1, 99)}@{rng.choice(domains)}"
        elif kind == "PHONE":
            value = rng.choice([
                f"+1 {rng.randint(200, 999)} {rng.randint(200, 999)} {rng.randint(1000, 9999)}",
                f"({rng.randint(200, 999)}) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
                f"{rng.randint(200, 999)}-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
                f"+44 7{rng.randint(100, 999)} {rng.randint(100000, 999999)}",
                f"07{rng.randint(100, 999)} {rng.randint(100000, 999999)}",
                f"+49 30 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
                f"+33{rng.randint(100000000, 999999999)}",
            ])
        elif kind == "CARD":
            raw = _luhn_complete(rng.choice(["4", "51", "55", "37", "6011"]), rng.choice([16, 16, 15]), rng)
            value = rng.choice([raw, " ".join(raw[i:i + 4] for i in range(0, len(raw), 4)),
                                "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))])
        elif kind == "IBAN":
            country, size = rng.choice([("DE", 18), ("GB", 18), ("FR", 23), ("NL", 14), ("ES", 20)])
            bban = "".join(rng.choice(string.digits) for _ in range(size))
            if country in ("GB", "NL"):
                bban = "".join(rng.choice(string.ascii_uppercase) for _ in range(4)) + bban[4:]
            value = _iban(country, bban)
        else:
            value = rng.choice([f"{rng.randint(100, 665)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}",
                                f"AB {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} C"])
        positives.append((kind, value, rng.choice(templates).format(value)))
    negatives = []
    for _ in range(n):
        negatives.append(rng.choice([
            f"Order HP-{rng.randint(100000, 999999)} was shipped on 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}.",
            f"I paid ${rng.randint(10, 2000)}.{rng.randint(0, 99):02d} for it.",
            f"Tracking 1Z{rng.randint(10**15, 10**16 - 1)} says delivered.",
            f"My ZIP is {rng.randint(10000, 99999)} and the apartment is {rng.randint(1, 999)}.",
            f"Ticket #{rng.randint(1000, 99999)} from {rng.randint(1, 12)}/{rng.randint(1, 28)}/2026.",
            f"Card ending in {rng.randint(1000, 9999)} was charged twice.",
            f"The model number is SKU-{rng.randint(1000, 9999)}-{rng.randint(10, 99)}.",
            f"It took {rng.randint(2, 30)} days and {rng.randint(2, 9)} emails.",
            f"Invoice {rng.randint(2020, 2026)}{rng.randint(1000, 9999)} for {rng.randint(2, 9)} items.",
        ]))
    return positives, negatives


def score(redact) -> dict:
    """Precision/recall of `redact` on the generated set, overall and per kind."""
    positives, negatives = generate()
    per_kind: dict[str, list[int]] = {}
    tp = 0
    for kind, value, sentence in positives:
        out = redact(sentence)
        hit = value not in out and f"[{kind}]" in out
        tp += hit
        per_kind.setdefault(kind, [0, 0])
        per_kind[kind][0] += hit
        per_kind[kind][1] += 1
    fp = sum(redact(s) != s for s in negatives)
    return {"recall": round(tp / len(positives), 4), "precision": round(tp / max(tp + fp, 1), 4),
            "false_positive_sentences": fp, "negatives": len(negatives),
            "recall_per_kind": {k: round(v[0] / v[1], 4) for k, v in per_kind.items()}}
