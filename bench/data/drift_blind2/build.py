"""Builds the drift_blind2 set from the hand-written material in biz_roadlark.py.

Run from this folder: python build.py  (deterministic: fixed seeds). Writes
roadlark/kb/*.md, roadlark/history_drift.jsonl, roadlark/history_clean.jsonl and answers.json.
"""
import datetime as dt
import json
import pathlib
import random
import re

import biz_roadlark

HERE = pathlib.Path(__file__).resolve().parent
RANGE = (dt.date(2026, 7, 27), dt.date(2026, 11, 24))

GREET_C = ["Hi,", "Hello", "Hey there,", "hi team", "", "Good morning,", "Hiya", "Hello,"]
SIGN_C = ["Thanks, {first}", "cheers", "", "Thank you!", "- {first}", "Thanks in advance", "{first}"]
EMPATHY = {"bad": ["I'm really sorry about that.", "Sorry to hear this, that's not what we want at all.",
                   "Apologies for the hassle."],
           "neutral": ["Thanks for getting in touch.", "Thanks for your message.", "Good question!", ""]}
CLOSE_A = ["Anything else, just reply here.", "Let me know if there's anything else I can help with.",
           "Hope that helps!", "", "Have a lovely day.", ""]
FOLLOW_C = ["Thanks!", "ok great, thank you", "Perfect, cheers", "thx", "Grand, thanks for the quick reply",
            "Great, that's sorted then. Thanks {agent}", "Thank you, that's really helpful", "brill, thanks a million"]
FOLLOW_BAD = ["ok, thanks for sorting it", "That's a bit annoying but ok, thanks", "Fine. Thanks",
              "Appreciate it, thank you", "ok thanks {agent}"]
FINAL_A = ["You're welcome, {first}! {sign}", "No problem at all. {sign}", "Glad I could help. {sign}"]
CLARIFY_A = ["Hi {first}, sorry to hear that. Could you send me your booking reference (it starts with RLK) so I can check?",
             "Hi {first}, thanks for reaching out. Can you confirm the booking reference so I look at the right rental?"]
CLARIFY_C = ["It's {order}", "sure, {order}", "Booking ref is {order}, thanks", "{order} I think", "{order} (pick up was at Cork airport)"]
CITES = ["See our help page on {tl}: {url}", "There's more on our help page about {tl} ({url}).",
         "I'd suggest the help centre article \"{title}\".", "Full details: {url}",
         "More here: {url}", "Here's the article: {url}", "You can read more in our help article \"{title}\".",
         "({url})", "See \"{title}\" in the help centre: {url}", "It's all in \"{title}\" on our help centre.",
         "{url} has the details.", "Our guide \"{title}\" explains it: {url}", "Details: {url}",
         "This is covered in \"{title}\"."]
EXTRA_D = {
 "roadlark": ["I can see booking {order} is for pick-up on {ddate}.", "If it's easier, call us on {phone}, 8am to 8pm every day.",
              "Your rental agreement {order} shows the car was returned on {ddate}.", "For reference, this is ticket #{tid}.",
              "Your booking {order} shows 2 passengers and a pick-up at 10:30.", "I've noted it on booking {order} for {ddate}."],
}
NOTES = ["Checked the account, nothing unusual.", "Repeat customer, Rewards Gold, handle kindly.",
         "Looked up {order}, matches what the customer says.", "Second contact about this in a month."]
DRIFT_NOTES = biz_roadlark.DRIFT_NOTES
CUST_QUOTES_OLD = biz_roadlark.CUST_QUOTES_OLD
OUTDATED = ["Apologies, that page is out of date.", "Sorry for the confusion, the help page hasn't caught up yet.", ""]


def typo(text, rnd):
    words = text.split(" ")
    if rnd.random() < 0.5:
        idx = [i for i, w in enumerate(words) if len(w) > 5 and w.isalpha()]
        if idx:
            i = rnd.choice(idx)
            w = words[i]
            j = rnd.randrange(1, len(w) - 2)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    text = " ".join(words)
    if rnd.random() < 0.4:
        text = text.lower()
    if rnd.random() < 0.3:
        text = text.rstrip("?.!")
    return text


class Builder:
    def __init__(self, biz, seed, first_tid):
        self.b = biz
        self.rnd = random.Random(seed)
        self.tid = first_tid
        self.arts = {a["id"]: a for a in biz.ARTICLES}
        self.used_orders = set()

    def pick(self, art, q_idx=None):
        """An aligned (question, answer) pair of an article."""
        i = self.rnd.randrange(len(art["q"])) if q_idx is None else q_idx
        return art["q"][i], art["a"][i] if i < len(art["a"]) else art["a"][0]

    def url(self, aid):
        return self.b.ARTICLE_URL.format(id=aid)

    def cite(self, aid):
        a = self.arts[aid]
        return self.rnd.choice(CITES).format(url=self.url(aid), title=a["title"], tl=a["title"][0].lower() + a["title"][1:])

    def order(self):
        while True:
            n = self.rnd.randint(100000, 999999)
            if n not in self.used_orders:
                self.used_orders.add(n)
                return self.b.ORDER_FMT.format(n=n)

    def day(self, lo=None, hi=None):
        lo, hi = lo or RANGE[0], hi or RANGE[1]
        return lo + dt.timedelta(days=self.rnd.randint(0, (hi - lo).days))

    def cmsg(self, body, first, bad_typo=True, greet=True):
        r = self.rnd
        if bad_typo and r.random() < 0.35:
            body = typo(body, r)
        g = r.choice(GREET_C)
        if not greet or body.lower().startswith(("hi", "hello", "hey")):
            g = ""
        s = r.choice(SIGN_C).format(first=first) if greet or r.random() < 0.3 else ""
        parts = [p for p in (g, body, s) if p]
        sep = "\n\n" if r.random() < 0.5 else " "
        return sep.join(parts)

    def amsg(self, first, agent, answers, bad=False, extra=None):
        r = self.rnd
        greet = r.choice(["Hi {f},", "Hello {f},", "Hey {f}!", "Hi {f}"]).format(f=first)
        emp = r.choice(EMPATHY["bad" if bad else "neutral"])
        if answers and answers[0].lstrip().startswith(("Sorry", "I'm sorry", "So sorry", "Apologies")):
            emp = ""
        sign = r.choice(self.b.SIGNOFFS).format(agent=agent)
        close = r.choice(CLOSE_A)
        body = [greet]
        mid = " ".join(p for p in [emp] + answers if p)
        body.append(mid)
        if extra:
            body.append(extra)
        if close:
            body.append(close)
        body.append(sign)
        return "\n\n".join(body)

    def extra(self, tid, d):
        r = self.rnd
        tmpl = r.choice(EXTRA_D[self.b.NAME])
        dd = d + dt.timedelta(days=r.randint(-9, -1) if "returned" in tmpl else r.randint(1, 12))
        return tmpl.format(order=self.order(), ddate=dd.strftime(r.choice(["%d %B", "%A %d %B", "%d/%m"])).lstrip("0"),
                           phone=self.b.PHONE, tid=tid)

    def conv(self, aid, answer_tmpl, d, question, evidence=False, note=None, allow_second=True, prefix=""):
        """One finished conversation whose main topic is article `aid`; the first substantive agent
        reply states `answer_tmpl` (with a citation unless chance drops it on a non-evidence ticket)."""
        r = self.rnd
        b = self.b
        a = self.arts[aid]
        tid = f"@@T{self.tid}@@"  # placeholder; real ids follow the date order (renumber)
        self.tid += 1
        cname = r.choice(b.CUSTOMERS)
        first = cname.split()[0]
        agent = r.choice(b.AGENTS)
        q = question
        bad = any(w in q.lower() for w in b.BAD_WORDS)
        cite = self.cite(aid)
        if not evidence and r.random() < 0.08:
            cite = ""
        body = answer_tmpl.format(cite=cite)
        for sorry in ("Sorry about that! ", "Sorry about that. ", "Sorry for the confusion! "):
            if prefix and body.startswith(sorry):
                body = body[len(sorry):]
        ans = (prefix + " " + body).strip()
        t = dt.datetime.combine(d, dt.time(r.randint(7, 22), r.randint(0, 59)))
        msgs = []

        def add(role, text, author=None, gap=(5, 240)):
            nonlocal t
            if msgs:
                t += dt.timedelta(minutes=r.randint(*gap))
            m = {"id": f"m{len(msgs) + 1}", "role": role, "text": text, "at": t.strftime("%Y-%m-%dT%H:%M:%SZ")}
            if author:
                m["author"] = author
            msgs.append(m)

        second = None
        if allow_second and r.random() < 0.3:
            others = [x for x in self.b.ARTICLES if x["id"] not in self.b.DRIFT and x["id"] != self.b.SLIP and x["id"] != aid]
            second = r.choice(others)
        shape = r.random()
        extra = self.extra(tid, d) if r.random() < 0.3 else None
        if second is not None and shape < 0.5:
            # both issues in the first message
            q2, a2 = self.pick(second)
            add("customer", self.cmsg(q + " Also, " + q2[0].lower() + q2[1:], first))
            if note:
                add("note", note, agent, gap=(2, 30))
            ans2 = a2.format(cite=self.cite(second["id"]))
            add("agent", self.amsg(first, agent, [ans, "\n\nOn your other question: " + ans2], bad, extra), agent)
            add("customer", self.cmsg(r.choice(FOLLOW_BAD if bad else FOLLOW_C).format(agent=agent), first, greet=False))
        else:
            add("customer", self.cmsg(q, first))
            if bad and r.random() < 0.4:
                add("agent", r.choice(CLARIFY_A).format(first=first), agent)
                add("customer", r.choice(CLARIFY_C).format(order=self.order()))
            if note:
                add("note", note, agent, gap=(2, 30))
            elif r.random() < 0.1:
                add("note", r.choice(NOTES).format(order=self.order()), agent, gap=(2, 30))
            add("agent", self.amsg(first, agent, [ans], bad, extra), agent)
            if second is not None:
                q2, a2 = self.pick(second)
                add("customer", self.cmsg("Thanks. One more thing: " + q2, first))
                ans2 = a2.format(cite=self.cite(second["id"]))
                add("agent", self.amsg(first, agent, [ans2]), agent)
            add("customer", self.cmsg(r.choice(FOLLOW_BAD if bad else FOLLOW_C).format(agent=agent), first, greet=False))
        if r.random() < 0.5:
            sign = agent
            add("agent", r.choice(FINAL_A).format(first=first, sign=sign), agent, gap=(3, 90))
        if r.random() < 0.4:
            subj = b.SUBJECTS[aid][0]
        else:
            first_sentence = re.split(r"(?<=[?.!])\s", q.strip())[0].rstrip("?.!")
            first_sentence = re.sub(r"^(hi|hey|quick q),?\s+", "", first_sentence, flags=re.I)
            words = first_sentence.split()
            subj = " ".join(words[:7]) + ("..." if len(words) > 7 else "")
            subj = subj[0].upper() + subj[1:]
        if r.random() < 0.2:
            subj = subj.lower()
        return {"helpdesk": b.HELPDESK, "ticket_id": tid, "url": b.TICKET_URL.format(tid=tid), "subject": subj,
                "customer": {"id": f"c-{r.randint(1000, 9999)}", "name": cname},
                "messages": msgs}


def x_slip(biz):
    return next(a for a in biz.ARTICLES if a["id"] == biz.SLIP)["slip"].format(cite="").strip()


def renumber(convs, first, rnd):
    """Sort by first message time and give increasing helpdesk ticket ids, as a helpdesk would."""
    convs.sort(key=lambda c: c["messages"][0]["at"])
    mapping, n = {}, first
    for c in convs:
        mapping[c["ticket_id"]] = str(n)
        n += rnd.randint(3, 19)
    out = []
    for c in convs:
        s = json.dumps(c, ensure_ascii=False)
        old = c["ticket_id"]
        out.append(json.loads(s.replace(old, mapping[old])))
    return out, mapping


def write_kb(biz):
    kb = HERE / biz.NAME / "kb"
    kb.mkdir(parents=True, exist_ok=True)
    for a in biz.ARTICLES:
        fm = ["---", f"id: {a['id']}", f"title: '{a['title']}'", f"url: {biz.ARTICLE_URL.format(id=a['id'])}",
              f"owner: {a['owner']}", f"reviewed_at: {a['reviewed_at']}", "---"]
        (kb / f"{a['id']}.md").write_text("\n".join(fm) + f"\n# {a['title']}\n\n{a['body']}\n")


def build(biz, seed, drift_tid, clean_tid):
    write_kb(biz)
    B = Builder(biz, seed, drift_tid)
    r = B.rnd
    drift_convs, key = [], {"business": biz.DISPLAY, "folder": biz.NAME, "tuning_or_heldout": None,
                           "expected_drifting_article_ids": None, "drifting": [], "slip": None,
                           "customer_stated_other_values": [], "per_article_conversations": {}}
    # drifting articles
    for aid, spec in biz.DRIFT.items():
        a = B.arts[aid]
        start = dt.date.fromisoformat(spec["start"])
        old_tix, new_tix = [], []
        for i in range(3):
            q, ans = B.pick(a, i)
            c = B.conv(aid, ans, B.day(RANGE[0], start - dt.timedelta(days=3)), q, evidence=True)
            old_tix.append(c["ticket_id"]); drift_convs.append(c)
        days = sorted(B.day(start, RANGE[1]) for _ in range(10))
        days[0] = start
        quotes = CUST_QUOTES_OLD[aid]
        order = [j % len(a["new"]) for j in range(10)]
        quoted = []
        for i, d in enumerate(days):
            prefix = ""
            if i % 4 == 2 and i // 4 < len(quotes):
                q, ti = quotes[i // 4]
                prefix = r.choice(OUTDATED)
                quoted.append(i)
            else:
                ti = order[i]
                q = a["q"][r.choice(a["newq"][ti])]
            tmpl = a["new"][ti]
            note = DRIFT_NOTES[aid] if i == 5 else None
            c = B.conv(aid, tmpl, d, q, evidence=True, note=note, prefix=prefix)
            new_tix.append(c["ticket_id"]); drift_convs.append(c)
            if quoted and quoted[-1] == i:
                quoted[-1] = c["ticket_id"]
        key["drifting"].append({"article_id": aid, "title": a["title"], "url": B.url(aid),
                                "article_phrase": spec["old"], "agents_value": spec["new"],
                                "agents_wordings": [t.format(cite="").strip() for t in a["new"]],
                                "change_began": spec["start"], "ticket_ids": new_tix,
                                "tickets_before_change_stating_article_value": old_tix,
                                "tickets_where_customer_quotes_the_article": quoted})
    # slip article: 6 correct, one slip in the middle of the period
    a = B.arts[biz.SLIP]
    for i in range(6):
        q, ans = B.pick(a, i % len(a["a"]))
        drift_convs.append(B.conv(biz.SLIP, ans, B.day(), q, evidence=True))
    c = B.conv(biz.SLIP, a["slip"], dt.date(2026, 10, 20), a["q"][0], evidence=True, allow_second=False)
    drift_convs.append(c)
    key["slip"] = {"article_id": biz.SLIP, "ticket_id": c["ticket_id"], "agent_text": a["slip"].format(cite="").strip(),
                   "article_value": biz.SLIP_VALUE, "correct_conversations_citing_it": 6}
    # everything else
    rest = [x for x in biz.ARTICLES if x["id"] not in biz.DRIFT and x["id"] != biz.SLIP]
    target = 140 - len(drift_convs)
    plan = []
    for x in rest:
        plan += [x["id"]] * (10 if x["id"] in biz.MANY else 6)
    while len(plan) < target:
        plan.append(r.choice([x["id"] for x in rest]))
    for aid in plan:
        x = B.arts[aid]
        wrong = bool(x.get("cust_wrong")) and r.random() < 0.35
        if wrong:
            q, ans = r.choice(x["cust_wrong"]), x["a"][x.get("cw_a", 0)]
        else:
            q, ans = B.pick(x)
        c = B.conv(aid, ans, B.day(), q)
        if wrong:
            key["customer_stated_other_values"].append({"ticket_id": c["ticket_id"], "article_id": aid})
        drift_convs.append(c)
    drift_convs, dmap = renumber(drift_convs, drift_tid, r)
    for dr in key["drifting"]:
        dr["ticket_ids"] = sorted((dmap[t] for t in dr["ticket_ids"]), key=int)
        dr["tickets_before_change_stating_article_value"] = sorted(
            (dmap[t] for t in dr["tickets_before_change_stating_article_value"]), key=int)
        dr["tickets_where_customer_quotes_the_article"] = sorted((dmap[t] for t in dr["tickets_where_customer_quotes_the_article"]), key=int)
    key["slip"]["ticket_id"] = dmap[key["slip"]["ticket_id"]]
    for cw in key["customer_stated_other_values"]:
        cw["ticket_id"] = dmap[cw["ticket_id"]]
    key["customer_stated_other_values"].sort(key=lambda x: int(x["ticket_id"]))
    # clean history
    C = Builder(biz, seed + 1, clean_tid)
    clean = []
    plan = [x["id"] for x in biz.ARTICLES] * 4
    C.rnd.shuffle(plan)
    slip_done = None
    for i, aid in enumerate(plan):
        x = C.arts[aid]
        if aid == biz.SLIP and slip_done is None and i > 20:
            c = C.conv(aid, x["slip"], C.day(), x["q"][0], evidence=True, allow_second=False)
            slip_done = c["ticket_id"]
        else:
            if x.get("cust_wrong") and C.rnd.random() < 0.25:
                q, ans = C.rnd.choice(x["cust_wrong"]), x["a"][x.get("cw_a", 0)]
            else:
                q, ans = C.pick(x)
            c = C.conv(aid, ans, C.day(), q)
        clean.append(c)
    clean, cmap = renumber(clean, clean_tid, C.rnd)
    slip_done = cmap[slip_done]
    key["expected_drifting_article_ids"] = sorted(biz.DRIFT)
    key["repeated_correctly_many_times"] = biz.MANY
    key["clean"] = {"expected_drifting_article_ids": [],
                    "slip": {"article_id": biz.SLIP, "ticket_id": slip_done, "agent_text": x_slip(biz)}}
    out = HERE / biz.NAME
    with open(out / "history_drift.jsonl", "w") as f:
        for c in drift_convs:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    with open(out / "history_clean.jsonl", "w") as f:
        for c in clean:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    return key, drift_convs, clean


def main():
    k, d, c = build(biz_roadlark, 47, 61200, 68400)
    k["tuning_or_heldout"] = "held_out"
    answers = {"roadlark": k}
    (HERE / "answers.json").write_text(json.dumps(answers, indent=2, ensure_ascii=False) + "\n")
    print("roadlark", "drift", len(d), "clean", len(c))


if __name__ == "__main__":
    main()
