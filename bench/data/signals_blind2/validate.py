"""Check the signals_blind2 escalation sets: schema, ids, labels, splits; print the count tables."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
VOCAB = ["human", "churn", "legal", "chargeback", "public", "safety", "repeat", "vip_money",
         "negative_trend", "long_unresolved", "profanity"]
# Codes that make a row high on their own; the rest are secondary (friction) codes.
TRIGGERS = {"human", "churn", "legal", "chargeback", "public", "safety", "vip_money"}
HIGH_VALUE = {"vip", "enterprise", "premium"}
TIERS = HIGH_VALUE | {"standard", None}
LANGUAGES = ["es", "de", "fr", "nl", "pt", "it"]
BUSINESSES = {"hotel", "pharmacy", "childcare", "home_repair", "ride_hailing", "furniture",
              "pet_services", "property_letting", "food_delivery", "ecommerce", "telecom", "bank",
              "airline", "fitness", "utilities", "car_rental", "insurance", "saas"}
ROW_KEYS = ["id", "business", "split", "conversation", "expected_risk", "expected_codes", "note"]
FILES = {  # file: (id prefix, rows expected, multilingual)
    "escalation.jsonl": ("esc2", 160, False),
    "escalation_multilingual.jsonl": ("escml2", 168, True),
}


def check_row(row: dict, where: str, prefix: str, multilingual: bool) -> list[str]:
    """Return the problems of one row (empty when it is valid)."""
    errs: list[str] = []
    keys = ROW_KEYS[:2] + (["language"] if multilingual else []) + ROW_KEYS[2:]
    if list(row) != keys:
        return [f"{where}: keys {list(row)} != {keys}"]
    if not re.fullmatch(rf"{prefix}-\d{{3}}", row["id"]):
        errs.append(f"{where}: id {row['id']!r} is not {prefix}-NNN")
    if row["business"] not in BUSINESSES:
        errs.append(f"{where}: unknown business {row['business']!r}")
    if multilingual and row["language"] not in LANGUAGES:
        errs.append(f"{where}: unknown language {row['language']!r}")
    if row["split"] not in ("tune", "test"):
        errs.append(f"{where}: split {row['split']!r}")
    if not isinstance(row["note"], str) or not row["note"].strip():
        errs.append(f"{where}: empty note")
    return errs + check_conversation(row, where)


def check_conversation(row: dict, where: str) -> list[str]:
    """Return the problems of a row's conversation and labels."""
    errs: list[str] = []
    conv = row["conversation"]
    if not isinstance(conv, dict) or set(conv) != {"subject", "customer", "messages"}:
        return [*errs, f"{where}: conversation must have exactly subject, customer and messages"]
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
    if (risk == "high") != bool(TRIGGERS & set(codes)):
        errs.append(f"{where}: risk {risk} inconsistent with codes {codes}")
    if "vip_money" in codes and tier not in HIGH_VALUE:
        errs.append(f"{where}: vip_money without a high-value tier")
    return errs


def check_splits(rows: list[dict], where: str, stratum) -> list[str]:
    """Each stratum (and the whole file) splits tune/test within one row."""
    errs: list[str] = []
    groups: dict[object, Counter] = defaultdict(Counter)
    for r in rows:
        groups[stratum(r)][r["split"]] += 1
        groups["all"][r["split"]] += 1
    for key, c in groups.items():
        if abs(c["tune"] - c["test"]) > 1:
            errs.append(f"{where}: split unbalanced in {key}: {dict(c)}")
    if groups["all"]["tune"] != groups["all"]["test"]:
        errs.append(f"{where}: tune {groups['all']['tune']} != test {groups['all']['test']}")
    return errs


def tables(rows: list[dict], by: str) -> str:
    """Markdown count tables: per business/language, then per code."""
    def high(r: dict) -> bool:
        return r["expected_risk"] == "high"
    out = [f"| {by} | high | medium | low | tune (high / not) | test (high / not) | multi-turn | total |",
           "|---|---:|---:|---:|---:|---:|---:|---:|"]
    keys = [*sorted({r[by] for r in rows}), "**all**"]
    for k in keys:
        rs = [r for r in rows if k == "**all**" or r[by] == k]
        risk = Counter(r["expected_risk"] for r in rs)
        cells = []
        for s in ("tune", "test"):
            sr = [r for r in rs if r["split"] == s]
            cells.append(f"{len(sr)} ({sum(map(high, sr))} / {len(sr) - sum(map(high, sr))})")
        multi = sum(len(r["conversation"]["messages"]) >= 3 for r in rs)
        out.append(f"| {k} | {risk['high']} | {risk['medium']} | {risk['low']} | {cells[0]} | {cells[1]} "
                   f"| {multi} | {len(rs)} |")
    out += ["", "| code | tune | test | total |", "|---|---:|---:|---:|"]
    for code in VOCAB:
        c = Counter(r["split"] for r in rows if code in r["expected_codes"])
        out.append(f"| {code} | {c['tune']} | {c['test']} | {c['tune'] + c['test']} |")
    return "\n".join(out)


def main() -> int:
    """Validate both files; print tables; exit 1 on any problem."""
    errs: list[str] = []
    texts: Counter = Counter()
    for name, (prefix, expected, multilingual) in FILES.items():
        path = HERE / name
        rows = []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                errs.append(f"{name}:{n}: not JSON ({e})")
                continue
            errs += check_row(row, f"{name}:{n}", prefix, multilingual)
            rows.append(row)
            texts.update(m.get("text") for m in row.get("conversation", {}).get("messages", []))
        if len(rows) != expected:
            errs.append(f"{name}: {len(rows)} rows, expected {expected}")
        ids = [r.get("id") for r in rows]
        if sorted(ids) != [f"{prefix}-{i:03d}" for i in range(1, len(rows) + 1)]:
            errs.append(f"{name}: ids are not unique and contiguous {prefix}-001…")
        if errs:
            continue
        if multilingual:
            errs += check_splits(rows, name, lambda r: (r["language"], r["expected_risk"] == "high"))
            errs += check_splits(rows, name, lambda r: r["language"])
            for lang in LANGUAGES:
                rs = [r for r in rows if r["language"] == lang]
                risk = Counter(r["expected_risk"] for r in rs)
                if (len(rs), risk["high"], risk["medium"], risk["low"]) != (28, 13, 4, 11):
                    errs.append(f"{name}: {lang} has {len(rs)} rows, risks {dict(risk)}")
                codes = Counter(c for r in rs for c in r["expected_codes"])
                missing = [c for c in sorted(TRIGGERS) if not codes[c]]
                if missing or codes["safety"] < 2:
                    errs.append(f"{name}: {lang} lacks trigger codes {missing} or 2+ safety")
            print(f"## {name}\n\n{tables(rows, 'language')}\n")
        else:
            errs += check_splits(rows, name, lambda r: (r["business"], r["expected_risk"] == "high"))
            safety = sum("safety" in r["expected_codes"] for r in rows)
            multi = sum(len(r["conversation"]["messages"]) >= 3 for r in rows)
            if safety < 24 or multi * 3 < len(rows) or len({r["business"] for r in rows}) < 12:
                errs.append(f"{name}: safety {safety} (<24), multi-turn {multi} (<1/3) or <12 businesses")
            print(f"## {name}\n\n{tables(rows, 'business')}\n")
    # Short replies ("Thanks.") may recur; a long text seen twice means a copied row.
    dup = [t for t, n in texts.items() if n > 1 and len(t) > 40]
    if dup:
        errs.append(f"duplicate message texts: {dup[:3]}")
    for err in errs:
        print("ERROR", err, file=sys.stderr)
    print("FAIL" if errs else "OK: both files valid", file=sys.stderr)
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
