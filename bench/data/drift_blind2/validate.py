"""Checks the generated drift_blind2 files against answers.json. Run from this folder: python validate.py"""
import collections
import json
import pathlib
import re

import biz_roadlark as B

HERE = pathlib.Path(__file__).resolve().parent
KEY = json.loads((HERE / "answers.json").read_text())["roadlark"]
ARTS = {a["id"]: a for a in B.ARTICLES}
NEW = {"mileage-allowance": re.compile(r"\b(200 ?(km|kms|kilometres)|two hundred kilometres)\b"),
       "cancellations-and-refunds": re.compile(r"\b75( ?%| per ?cent)|seventy-five percent")}
OLD = {"mileage-allowance": re.compile(r"\b300 ?(km|kms|kilometres)\b"),
       "cancellations-and-refunds": re.compile(r"\b50( ?%| per ?cent)")}
AT = re.compile(r"^2026-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def cited(text):
    out = set(re.findall(r"/articles/([a-z0-9-]+)", text))
    for a in B.ARTICLES:
        t = a["title"]
        if t in text or (t[0].lower() + t[1:]) in text:
            out.add(a["id"])
    return out


def load(name):
    rows = []
    for n, line in enumerate((HERE / "roadlark" / name).read_text().splitlines(), 1):
        c = json.loads(line)  # every line must parse
        assert set(c) == {"helpdesk", "ticket_id", "url", "subject", "customer", "messages"}, (name, n)
        assert c["url"].endswith("/" + c["ticket_id"]) and set(c["customer"]) == {"id", "name"}
        prev = ""
        for i, m in enumerate(c["messages"], 1):
            assert m["id"] == f"m{i}" and m["role"] in ("customer", "agent", "note") and AT.match(m["at"]), (name, n)
            assert m["at"] >= prev, (name, n)
            prev = m["at"]
            assert (m["role"] == "customer") == ("author" not in m), (name, n)
            assert m["text"].strip()
        rows.append(c)
    ids = [int(c["ticket_id"]) for c in rows]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    firsts = [c["messages"][0]["at"] for c in rows]
    assert firsts == sorted(firsts)
    return rows


def agent_text(c):
    return "\n".join(m["text"] for m in c["messages"] if m["role"] == "agent")


def report(name, rows, drift_expected):
    per = collections.Counter()
    for c in rows:
        for a in cited(agent_text(c)):
            per[a] += 1
    print(f"{name}: {len(rows)} conversations, {sum(len(c['messages']) for c in rows)} messages, "
          f"first {rows[0]['messages'][0]['at'][:10]}, last {rows[-1]['messages'][0]['at'][:10]}")
    print("  conversations citing each article:", dict(sorted(per.items(), key=lambda x: -x[1])))
    byid = {c["ticket_id"]: c for c in rows}
    for aid in NEW:
        new = [c["ticket_id"] for c in rows if aid in cited(agent_text(c)) and NEW[aid].search(agent_text(c))]
        old = [c["ticket_id"] for c in rows if aid in cited(agent_text(c)) and OLD[aid].search(agent_text(c))]
        # no other conversation states the new value anywhere in an agent reply
        anywhere = [c["ticket_id"] for c in rows if NEW[aid].search(agent_text(c))]
        assert sorted(anywhere) == sorted(new), (aid, anywhere, new)
        print(f"  {aid}: agents state new value in {len(new)}, article value in {len(old)}")
        if drift_expected:
            d = next(x for x in KEY["drifting"] if x["article_id"] == aid)
            assert sorted(new) == sorted(d["ticket_ids"]) and len(new) >= 7
            assert sorted(old) == sorted(d["tickets_before_change_stating_article_value"])
            assert min(byid[t]["messages"][0]["at"][:10] for t in new) == d["change_began"]
            assert max(byid[t]["messages"][0]["at"][:10] for t in old) < d["change_began"]
        else:
            assert not new and len(old) >= 3
    slip = KEY["slip"] if drift_expected else KEY["clean"]["slip"]
    slips = [c["ticket_id"] for c in rows if "21 or older" in agent_text(c)]
    assert slips == [slip["ticket_id"]], slips
    print(f"  slip {slip['article_id']} in ticket {slips[0]}; correct citations of that article: "
          f"{per[slip['article_id']] - 1}")
    if drift_expected:
        cws = KEY["customer_stated_other_values"]
        n_cited = sum(1 for cw in cws if cw["article_id"] in cited(agent_text(byid[cw["ticket_id"]])))
        print(f"  customer states another value: {len(cws)} conversations over "
              f"{len({cw['article_id'] for cw in cws})} articles ({n_cited} with the agent citing the article)")
        extra = sum(1 for c in rows if re.search(r"RLK-\d{6}|\+353|ticket #\d+|pick-up at 10:30|returned on", agent_text(c)))
        print(f"  conversations whose agent replies mention booking refs / phone / ticket no. / dates: {extra}")


def main():
    for f in sorted((HERE / "roadlark" / "kb").glob("*.md")):
        head, body = f.read_text().split("---\n")[1:3]
        keys = [ln.split(":", 1)[0] for ln in head.strip().splitlines()]
        assert keys == ["id", "title", "url", "owner", "reviewed_at"], f
        n = len(body.split())
        assert 80 <= n <= 250, (f, n)
    print(f"kb: {len(list((HERE / 'roadlark' / 'kb').glob('*.md')))} articles, word counts ok (80-250)")
    report("history_drift.jsonl", load("history_drift.jsonl"), True)
    report("history_clean.jsonl", load("history_clean.jsonl"), False)
    print("all checks passed")


if __name__ == "__main__":
    main()
