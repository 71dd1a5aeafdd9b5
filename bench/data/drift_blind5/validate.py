"""Checks the generated drift_blind5 files against answers.json. Run from this folder: python validate.py"""
import collections
import json
import pathlib
import re

import biz_brackenfold as B

HERE = pathlib.Path(__file__).resolve().parent
FOLDER = HERE / B.NAME
KEY = json.loads((HERE / "answers.json").read_text())[B.NAME]
NEW = {"repeat-prescriptions": re.compile(r"\b72 ?(hours|hrs)\b|seventy-two hours|\b(3|three) days\b", re.I),
       "pet-health-plan": re.compile(r"\b(4|four) (free )?nurse\b|nurse clinics on the plan: 4\b|nurse clinic 4 times", re.I),
       "home-visits": re.compile(r"\b(7|seven)[ -]?(miles?|mi)\b", re.I)}
OLD = {"repeat-prescriptions": re.compile(r"\b48 ?(hours|hrs)\b|forty-eight hours", re.I),
       "pet-health-plan": re.compile(r"\b(6|six) nurse\b", re.I),
       "home-visits": re.compile(r"\b(10|ten) miles\b", re.I)}
SLIP = re.compile(r"\b(12|twelve) hours\b", re.I)
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
    for n, line in enumerate((FOLDER / name).read_text().splitlines(), 1):
        c = json.loads(line)  # every line must parse
        assert set(c) == {"helpdesk", "ticket_id", "url", "subject", "customer", "messages"}, (name, n)
        assert c["url"].endswith("/" + c["ticket_id"]) and set(c["customer"]) == {"id", "name"}, (name, n)
        prev = ""
        for i, m in enumerate(c["messages"], 1):
            assert m["id"] == f"m{i}" and m["role"] in ("customer", "agent", "note", "bot") and AT.match(m["at"]), (name, n)
            assert m["at"] >= prev, (name, n)
            prev = m["at"]
            assert (m["role"] in ("agent", "note")) == ("author" in m), (name, n)
            assert m["text"].strip(), (name, n)
            assert "{" not in m["text"] and "@@" not in m["text"], (name, n)
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
    roles = collections.Counter(m["role"] for c in rows for m in c["messages"])
    print(f"{name}: {len(rows)} conversations, {sum(roles.values())} messages {dict(roles)}, "
          f"first {rows[0]['messages'][0]['at'][:10]}, last {rows[-1]['messages'][0]['at'][:10]}")
    print("  conversations citing each article:", dict(sorted(per.items(), key=lambda x: -x[1])))
    assert set(per) == {a["id"] for a in B.ARTICLES}, "every article is cited"
    byid = {c["ticket_id"]: c for c in rows}
    for aid in NEW:
        new = [c["ticket_id"] for c in rows if aid in cited(agent_text(c)) and NEW[aid].search(agent_text(c))]
        old = [c["ticket_id"] for c in rows if aid in cited(agent_text(c)) and OLD[aid].search(agent_text(c))]
        # no other conversation states the new value anywhere in an agent reply
        anywhere = [c["ticket_id"] for c in rows if NEW[aid].search(agent_text(c))]
        assert sorted(anywhere) == sorted(new), (aid, anywhere, new)
        assert not set(new) & set(old), aid
        print(f"  {aid}: agents state new value in {len(new)}, article value in {len(old)}")
        if drift_expected:
            d = next(x for x in KEY["drifting"] if x["article_id"] == aid)
            assert sorted(new) == sorted(d["ticket_ids"]) and len(new) >= 8
            assert sorted(old) == sorted(d["tickets_before_change_stating_article_value"]) and len(old) >= 3
            assert min(byid[t]["messages"][0]["at"][:10] for t in new) == d["change_began"]
            assert max(byid[t]["messages"][0]["at"][:10] for t in old) < d["change_began"]
            assert set(d["tickets_where_customer_quotes_the_article"]) <= set(new)
            # every hand-written new-value wording is used at least once, and only after the change
            for w in d["agents_wordings"]:
                users = [t for t in new if w in agent_text(byid[t])]
                assert users, (aid, w)
            # the customer quotes the article's old value in the quoting tickets
            for t in d["tickets_where_customer_quotes_the_article"]:
                cust = " ".join(m["text"] for m in byid[t]["messages"] if m["role"] == "customer")
                assert OLD[aid].search(cust), (aid, t)
        else:
            assert not new and len(old) >= 3
    slip = KEY["slip"] if drift_expected else KEY["clean"]["slip"]
    slips = [c["ticket_id"] for c in rows if SLIP.search(agent_text(c))]
    assert slips == [slip["ticket_id"]], slips
    assert slip["article_id"] in cited(agent_text(byid[slips[0]]))
    print(f"  slip {slip['article_id']} in ticket {slips[0]}; other conversations citing that article: "
          f"{per[slip['article_id']] - 1}")
    if drift_expected:
        cws = KEY["customer_stated_other_values"]
        n_cited = sum(1 for cw in cws if cw["article_id"] in cited(agent_text(byid[cw["ticket_id"]])))
        print(f"  customer states another value: {len(cws)} conversations over "
              f"{len({cw['article_id'] for cw in cws})} articles ({n_cited} with the agent citing the article)")
        for cw in cws:  # the agent answers with the article's values, never the drifting or slip values
            t = agent_text(byid[cw["ticket_id"]])
            assert not SLIP.search(t) and not any(rx.search(t) for rx in NEW.values()), cw
        extra = sum(1 for c in rows if re.search(r"BV-\d{6}|0113 496|ticket #\d+|last visit|practice\.$|registered at our", agent_text(c), re.M))
        print(f"  conversations whose agent replies mention client no. / phone / ticket no. / last visit / booking: {extra}")
        notes = sum(1 for c in rows if any(m["role"] == "note" for m in c["messages"]))
        bots = sum(1 for c in rows if any(m["role"] == "bot" for m in c["messages"]))
        print(f"  conversations with an internal note: {notes}, with a bot message: {bots}")
        firsts = [c["messages"][0]["at"][:10] for c in rows]
        assert firsts[0] >= "2026-08-01" and firsts[-1] <= "2026-11-30", (firsts[0], firsts[-1])
    uncited = 0
    for c in rows:
        first_agent = next((m["text"] for m in c["messages"] if m["role"] == "agent" and len(m["text"]) > 80
                            and not ("client number" in m["text"] and m["text"].endswith("?"))), "")  # skip clarifying questions
        uncited += not cited(first_agent.split("On your other question:")[0])  # the main answer only
    print(f"  conversations whose main answer neither links nor names an article: {uncited}")


def main():
    kb = sorted((FOLDER / "kb").glob("*.md"))
    assert len(kb) == len(B.ARTICLES) == 16
    for f in kb:
        head, body = f.read_text().split("---\n")[1:3]
        keys = [ln.split(":", 1)[0] for ln in head.strip().splitlines()]
        assert keys == ["id", "title", "url", "owner", "reviewed_at"], f
        assert f"id: {f.stem}" in head and f"url: {B.ARTICLE_URL.format(id=f.stem)}" in head, f
        n = len(body.split())
        assert 100 <= n <= 150, (f.name, n)
    print(f"kb: {len(kb)} articles, {min(len(f.read_text().split('---')[2].split()) for f in kb)} to "
          f"{max(len(f.read_text().split('---')[2].split()) for f in kb)} words")
    report("history_drift.jsonl", load("history_drift.jsonl"), True)
    report("history_clean.jsonl", load("history_clean.jsonl"), False)
    assert KEY["expected_drifting_article_ids"] == sorted(NEW) and KEY["clean"]["expected_drifting_article_ids"] == []
    print("all checks passed")


if __name__ == "__main__":
    main()
