"""Check a blind escalation set (signals_blind3 and later, test only): schema, ids, labels, coverage; print count
tables. Each set's validate.py names its folder, its number and its businesses (set 3, larger, its own shape)."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

VOCAB = ["human", "churn", "legal", "chargeback", "public", "safety", "repeat", "vip_money",
         "negative_trend", "long_unresolved", "profanity"]
# Codes that make a row high on their own; the rest are secondary (friction) codes.
TRIGGERS = ["human", "churn", "legal", "chargeback", "public", "safety", "vip_money"]
HIGH_VALUE = {"vip", "enterprise", "premium"}
TIERS = HIGH_VALUE | {"standard", None}
LANGUAGES = ["es", "de", "fr", "nl", "pt", "it"]
ROW_KEYS = ["id", "business", "split", "conversation", "expected_risk", "expected_codes", "note"]
# Rows written as look-alikes of `safety` say so in their note; they must never be high or carry `safety`.
HARD_NEGATIVE = "safety hard negative"


class Shape:
    """How big a set is: rows and risk mix per file (the multilingual mix is per language), and its coverage floors."""

    def __init__(self, english: tuple[int, dict[str, int]] = (80, {"high": 36, "medium": 12, "low": 32}),
                 multilingual: tuple[int, dict[str, int]] = (90, {"high": 7, "medium": 2, "low": 6}), *,
                 safety_and_negatives: int = 10, businesses: int = 10) -> None:
        self.english, self.multilingual = english, multilingual
        self.safety_and_negatives, self.businesses = safety_and_negatives, businesses


def files(number: int, shape: Shape) -> dict[str, tuple[str, int, bool, dict[str, int]]]:
    """file: (id prefix, rows, multilingual, risk mix per file or per language)."""
    return {"escalation.jsonl": (f"esc{number}", shape.english[0], False, shape.english[1]),
            "escalation_multilingual.jsonl": (f"escml{number}", shape.multilingual[0], True, shape.multilingual[1])}


def check_row(row: dict, where: str, prefix: str, multilingual: bool, businesses: set[str]) -> list[str]:
    """Return the problems of one row (empty when it is valid)."""
    errs: list[str] = []
    keys = ROW_KEYS[:2] + (["language"] if multilingual else []) + ROW_KEYS[2:]
    if list(row) != keys:
        return [f"{where}: keys {list(row)} != {keys}"]
    if not re.fullmatch(rf"{prefix}-\d{{3}}", row["id"]):
        errs.append(f"{where}: id {row['id']!r} is not {prefix}-NNN")
    if row["business"] not in businesses:
        errs.append(f"{where}: unknown business {row['business']!r}")
    if multilingual and row["language"] not in LANGUAGES:
        errs.append(f"{where}: unknown language {row['language']!r}")
    # This set is held out for one final report: nothing in it may be tuned on.
    if row["split"] != "test":
        errs.append(f"{where}: split {row['split']!r}, this set is test only")
    if not isinstance(row["note"], str) or not row["note"].strip():
        errs.append(f"{where}: empty note")
    return errs + check_conversation(row, where)


def check_conversation(row: dict, where: str) -> list[str]:
    """Return the problems of a row's conversation and labels."""
    errs: list[str] = []
    conv = row["conversation"]
    if not isinstance(conv, dict) or set(conv) != {"subject", "customer", "messages"}:
        return [f"{where}: conversation must have exactly subject, customer and messages"]
    if not isinstance(conv["subject"], str) or not conv["subject"].strip():
        errs.append(f"{where}: empty subject")
    if not isinstance(conv["customer"], dict) or set(conv["customer"]) != {"tier"}:
        errs.append(f"{where}: customer must be {{'tier': …}}")
    tier = conv["customer"].get("tier") if isinstance(conv["customer"], dict) else None
    if tier not in TIERS:
        errs.append(f"{where}: tier {tier!r}")
    msgs = conv["messages"]
    if not isinstance(msgs, list) or not msgs:
        return [*errs, f"{where}: no messages"]
    for i, m in enumerate(msgs, 1):
        if not isinstance(m, dict) or set(m) != {"id", "role", "text"}:
            errs.append(f"{where}: message {i} must have exactly id, role, text")
            continue
        if m["id"] != f"m{i}":
            errs.append(f"{where}: message {i} has id {m['id']!r}, expected m{i}")
        if m["role"] not in ("customer", "agent"):
            errs.append(f"{where}: message {m['id']} role {m['role']!r}")
        if not isinstance(m["text"], str) or not m["text"].strip():
            errs.append(f"{where}: message {m['id']} text is empty")
    # The label is the customer's state at the end of the thread, so the thread ends on the customer.
    if msgs[0].get("role") != "customer" or msgs[-1].get("role") != "customer":
        errs.append(f"{where}: thread must start and end with a customer message")
    risk, codes = row["expected_risk"], row["expected_codes"]
    if risk not in ("low", "medium", "high"):
        errs.append(f"{where}: risk {risk!r}")
    if not isinstance(codes, list) or any(c not in VOCAB for c in codes):
        return [*errs, f"{where}: codes {codes!r} outside the vocabulary"]
    if codes != sorted(set(codes), key=VOCAB.index):
        errs.append(f"{where}: codes {codes} not unique and in vocabulary order")
    if (risk == "high") != bool(set(TRIGGERS) & set(codes)):
        errs.append(f"{where}: risk {risk} inconsistent with codes {codes}")
    if risk == "medium" and not codes and "no code" not in row["note"]:
        errs.append(f"{where}: medium without a code must say 'no code' in its note")
    if "vip_money" in codes and tier not in HIGH_VALUE:
        errs.append(f"{where}: vip_money without a high-value tier")
    if HARD_NEGATIVE in row["note"] and (risk == "high" or "safety" in codes):
        errs.append(f"{where}: a safety hard negative must not be high or carry safety")
    return errs


def is_negative(r: dict) -> bool:
    """True for a row written as a look-alike of `safety`."""
    return HARD_NEGATIVE in r["note"]


def tables(rows: list[dict], by: str) -> str:
    """Markdown count tables: per business/language, then per code."""
    out = [f"| {by} | high | medium | low | safety | safety hard neg. | multi-turn | total |",
           "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for k in [*sorted({r[by] for r in rows}), "**all**"]:
        rs = [r for r in rows if k == "**all**" or r[by] == k]
        risk = Counter(r["expected_risk"] for r in rs)
        safety = sum("safety" in r["expected_codes"] for r in rs)
        multi = sum(len(r["conversation"]["messages"]) >= 3 for r in rs)
        out.append(f"| {k} | {risk['high']} | {risk['medium']} | {risk['low']} | {safety} "
                   f"| {sum(map(is_negative, rs))} | {multi} | {len(rs)} |")
    langs = sorted({r["language"] for r in rows}) if by == "language" else []
    out += ["", "| code | " + " | ".join([*langs, "total"]) + " |", "|---|" + "---:|" * (len(langs) + 1)]
    for code in VOCAB:
        n = [sum(code in r["expected_codes"] for r in rows if r["language"] == lang) for lang in langs]
        total = sum(code in r["expected_codes"] for r in rows)
        out.append(f"| {code} | " + " | ".join(map(str, [*n, total])) + " |")
    return "\n".join(out)


def check_coverage(rows: list[dict], name: str, multilingual: bool, mix: dict, shape: Shape) -> list[str]:
    """Risk mix, code coverage, safety and hard negatives, multi-turn share, businesses."""
    errs: list[str] = []
    groups = {lang: [r for r in rows if r["language"] == lang] for lang in LANGUAGES} if multilingual \
        else {"all": rows}
    for key, rs in groups.items():
        risk = Counter(r["expected_risk"] for r in rs)
        if {k: risk[k] for k in mix} != mix:
            errs.append(f"{name}: {key} risks {dict(risk)}, expected {mix}")
        codes = Counter(c for r in rs for c in r["expected_codes"])
        wanted = TRIGGERS if multilingual else VOCAB
        missing = [c for c in wanted if not codes[c]]
        if missing:
            errs.append(f"{name}: {key} lacks codes {missing}")
        least = (2, 2) if multilingual else (shape.safety_and_negatives, shape.safety_and_negatives)
        if codes["safety"] < least[0] or sum(map(is_negative, rs)) < least[1]:
            errs.append(f"{name}: {key} has {codes['safety']} safety rows and "
                        f"{sum(map(is_negative, rs))} hard negatives, expected {least[0]}+ and {least[1]}+")
    if not multilingual:
        multi = sum(len(r["conversation"]["messages"]) >= 3 for r in rows)
        if multi * 3 < len(rows) or len({r["business"] for r in rows}) < shape.businesses:
            errs.append(f"{name}: multi-turn {multi} (< 1/3) or fewer than {shape.businesses} businesses")
    return errs


def run(folder: Path, number: int, businesses: set[str], shape: Shape | None = None) -> int:
    """Validate both files of `folder`; print tables; 1 on any problem."""
    errs: list[str] = []
    texts: Counter = Counter()
    shape = shape or Shape()
    for name, (prefix, expected, multilingual, mix) in files(number, shape).items():
        rows = []
        for n, line in enumerate((folder / name).read_text(encoding="utf-8").splitlines(), 1):
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                errs.append(f"{name}:{n}: not JSON ({e})")
                continue
            found = check_row(row, f"{name}:{n}", prefix, multilingual, businesses)
            errs += found
            if not found:
                rows.append(row)
                texts.update(m["text"] for m in row["conversation"]["messages"])
        if len(rows) != expected:
            errs.append(f"{name}: {len(rows)} valid rows, expected {expected}")
            continue
        ids = [r["id"] for r in rows]
        if sorted(ids) != [f"{prefix}-{i:03d}" for i in range(1, len(rows) + 1)]:
            errs.append(f"{name}: ids are not unique and contiguous {prefix}-001…")
        errs += check_coverage(rows, name, multilingual, mix, shape)
        print(f"### {name}\n\n{tables(rows, 'language' if multilingual else 'business')}\n")
    # Short replies ("Thanks.") may recur; a long text seen twice means a copied row.
    dup = [t for t, n in texts.items() if n > 1 and len(t) > 40]
    if dup:
        errs.append(f"duplicate message texts: {dup[:3]}")
    for err in errs:
        print("ERROR", err, file=sys.stderr)
    print("FAIL" if errs else "OK: both files valid", file=sys.stderr)
    return 1 if errs else 0
