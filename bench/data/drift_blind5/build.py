"""Builds the drift_blind5 set from the hand-written material in biz_brackenfold.py.

Run from this folder: python build.py  (deterministic: fixed seeds). Writes
brackenfold/kb/*.md, brackenfold/history_drift.jsonl, brackenfold/history_clean.jsonl and answers.json.
"""
import datetime as dt
import json
import pathlib
import random
import re

import biz_brackenfold

HERE = pathlib.Path(__file__).resolve().parent
RANGE = (dt.date(2026, 8, 3), dt.date(2026, 11, 27))
DRIFT_TOTAL = 140

GREET_C = ["Hi,", "Hello", "Hey there,", "hi team", "", "Good afternoon,", "Hi there", "Hello,", "Morning!"]
SIGN_C = ["Thanks, {first}", "cheers", "", "Thank you!", "- {first}", "Thanks in advance", "{first}", "Regards, {first}"]
EMPATHY = {"bad": ["I'm really sorry about that.", "Sorry to hear this, I know it's worrying when it's your pet.",
                   "Apologies for the hassle."],
           "neutral": ["Thanks for getting in touch.", "Thanks for your message.", "Good question!", "", ""]}
CLOSE_A = ["Anything else, just reply here.", "Let me know if there's anything else I can help with.",
           "Hope that helps!", "", "Give your pet a fuss from us!", "", "Have a lovely week!"]
FOLLOW_C = ["Thanks!", "ok great, thank you", "Perfect, thanks", "thx", "Awesome, thanks for the quick reply",
            "Great, that's sorted then. Thanks {agent}", "Thank you, that's really helpful", "super, thanks so much"]
FOLLOW_BAD = ["ok, thanks for explaining", "That's a bit annoying but ok, thanks", "Fine. Thanks",
              "Appreciate it, thank you", "ok thanks {agent}", "Not great but understood."]
FINAL_A = ["You're welcome, {first}! {sign}", "No problem at all. {sign}", "Glad I could help. {sign}",
           "Anytime, {first}. {sign}"]
CLARIFY_A = ["Hi {first}, sorry to hear that. Could you send me your client number (it starts with BV) so I can check?",
             "Hi {first}, thanks for reaching out. Can you confirm your client number so I look at the right account?",
             "Hi {first}, I can look into this. What's your client number, and which practice are you registered at?"]
CLARIFY_C = ["It's {order}", "sure, {order}", "Client number is {order}, thanks", "{order} I think",
             "{order} (Millbeck)", "{order}, at Calder Bank"]
CITES = ["See our help page on {tl}: {url}", "There's more on our help page about {tl} ({url}).",
         "I'd suggest the help centre article \"{title}\".", "Full details: {url}",
         "More here: {url}", "Here's the article: {url}", "You can read more in our help article \"{title}\".",
         "({url})", "See \"{title}\" in the help centre: {url}", "It's all in \"{title}\" on our support site.",
         "{url} has the details.", "Our guide \"{title}\" explains it: {url}", "Details: {url}",
         "This is covered in \"{title}\".", "Source: \"{title}\" {url}", "Info: {url}"]
STIMES = ["8:40", "9:20", "10:10", "11:50", "14:30", "15:40", "16:20", "17:50"]
EXTRA_D = ["I can see account {order} has {pet} registered at our {site} practice.", "If it's easier, you can call us on {phone}.",
           "Our records show {pet}'s last visit on {ddate} at {stime}.", "For reference, this is ticket #{tid}.",
           "Account {order} shows 2 pets, {pet} and one other.", "I've added a note to account {order} for {ddate}.",
           "I've booked {pet} in for {stime} on {ddate} at our {site} practice."]
NOTES = ["Checked the account, nothing unusual.", "Long-standing client, registered at Thornley since 2019.",
         "Looked up {order}, matches what the client says.", "Second contact about this in a month.",
         "Client also called the practice earlier today; same question."]
BOT = ["Thanks for contacting Brackenfold Vets! We've received your message and a member of the team will reply within 1 working day. If your pet needs urgent care, please phone your practice instead.",
       "Auto-reply: your request has been received. Please don't reply to this message; someone will be in touch."]
OUTDATED = ["Apologies, that page is out of date.", "Sorry for the confusion, the help page hasn't caught up yet.", "",
            "You're right that the page says otherwise; it's being updated."]


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
        return art["q"][i], art["a"][i]

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
        greet = r.choice(["Hi {f},", "Hello {f},", "Hey {f}!", "Hi {f}", "Good morning {f},"]).format(f=first)
        emp = r.choice(EMPATHY["bad" if bad else "neutral"])
        if answers and answers[0].lstrip().startswith(("Sorry", "I'm sorry", "I'm so sorry", "I'm really sorry", "Apologies", "You're right")):
            emp = ""
        sign = r.choice(self.b.SIGNOFFS).format(agent=agent)
        close = r.choice(CLOSE_A)
        body = [greet]
        body.append(" ".join(p for p in [emp, *answers] if p))
        if extra:
            body.append(extra)
        if close:
            body.append(close)
        body.append(sign)
        return "\n\n".join(body)

    def extra(self, tid, d):
        r = self.rnd
        tmpl = r.choice(EXTRA_D)
        dd = d + dt.timedelta(days=r.randint(-40, -3) if "last visit" in tmpl else r.randint(1, 12))
        ddate = r.choice(["{d} {B}", "{A} {d} {B}", "{d} {b}"]).format(
            d=dd.day, B=dd.strftime("%B"), A=dd.strftime("%A"), b=dd.strftime("%b"))  # UK order, no leading zero
        return tmpl.format(order=self.order(), ddate=ddate, phone=self.b.PHONE, tid=tid, stime=r.choice(STIMES),
                           pet=r.choice(self.b.PETS), site=r.choice(self.b.SITES))

    def conv(self, aid, answer_tmpl, d, question, evidence=False, note=None, allow_second=True, prefix=""):
        """One finished conversation whose main topic is article `aid`; the first substantive agent
        reply states `answer_tmpl` (with a citation unless chance drops it on a non-evidence ticket)."""
        r = self.rnd
        b = self.b
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
        for sorry in ("Sorry about that! ", "Sorry about that. ", "Sorry for the wasted trip. "):
            if prefix and body.startswith(sorry):
                body = body[len(sorry):]
        ans = (prefix + " " + body).strip()
        t = dt.datetime.combine(d, dt.time(r.randint(14, 22), r.randint(0, 59)))
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
            others = [x for x in b.ARTICLES if x["id"] not in b.DRIFT and x["id"] != b.SLIP and x["id"] != aid]
            second = r.choice(others)
        shape = r.random()
        extra = self.extra(tid, d) if r.random() < 0.3 else None
        bot = r.random() < 0.12
        if second is not None and shape < 0.5:
            # both issues in the first message
            q2, a2 = self.pick(second)
            add("customer", self.cmsg(q + " Also, " + q2[0].lower() + q2[1:], first))
            if bot:
                add("bot", r.choice(BOT), gap=(0, 1))
            if note:
                add("note", note, agent, gap=(2, 30))
            ans2 = a2.format(cite=self.cite(second["id"]))
            add("agent", self.amsg(first, agent, [ans, "\n\nOn your other question: " + ans2], bad, extra), agent)
            add("customer", self.cmsg(r.choice(FOLLOW_BAD if bad else FOLLOW_C).format(agent=agent), first, greet=False))
        else:
            add("customer", self.cmsg(q, first))
            if bot:
                add("bot", r.choice(BOT), gap=(0, 1))
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
            closer = agent if r.random() < 0.85 else r.choice([x for x in b.AGENTS if x != agent])
            add("agent", r.choice(FINAL_A).format(first=first, sign=closer), closer, gap=(3, 90))
        if r.random() < 0.4:
            subj = r.choice(b.SUBJECTS[aid])
        else:
            first_sentence = re.split(r"(?<=[?.!])\s", q.strip())[0].rstrip("?.!")
            first_sentence = re.sub(r"^(hi|hey|quick q),?\s+", "", first_sentence, flags=re.I)
            words = first_sentence.split()
            subj = " ".join(words[:7]) + ("..." if len(words) > 7 else "")
            subj = subj[0].upper() + subj[1:]
        if r.random() < 0.2:
            subj = subj.lower()
        return {"helpdesk": b.HELPDESK, "ticket_id": tid, "url": b.TICKET_URL.format(tid=tid), "subject": subj,
                "customer": {"id": f"c-{r.randint(10000, 99999)}", "name": cname},
                "messages": msgs}


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
        title = a["title"].replace("'", "''")
        fm = ["---", f"id: {a['id']}", f"title: '{title}'", f"url: {biz.ARTICLE_URL.format(id=a['id'])}",
              f"owner: {a['owner']}", f"reviewed_at: {a['reviewed_at']}", "---"]
        (kb / f"{a['id']}.md").write_text("\n".join(fm) + f"\n# {a['title']}\n\n{a['body']}\n")


def customer_wrong(x, rnd, p):
    """A customer question stating a wrong value, with the index of the answer giving the article's value."""
    if x.get("cust_wrong") and rnd.random() < p:
        return rnd.choice(x["cust_wrong"])
    return None


def build(biz, seed, drift_tid, clean_tid):
    write_kb(biz)
    B = Builder(biz, seed, drift_tid)
    r = B.rnd
    drift_convs, key = [], {"business": biz.DISPLAY, "folder": biz.NAME, "tuning_or_heldout": "held_out",
                           "expected_drifting_article_ids": sorted(biz.DRIFT), "drifting": [], "slip": None,
                           "customer_stated_other_values": [], "per_article_conversations": {}}
    # drifting articles: a few conversations with the article's value, then the new value from `start` on
    for aid, spec in biz.DRIFT.items():
        a = B.arts[aid]
        start = dt.date.fromisoformat(spec["start"])
        old_tix, new_tix = [], []
        for i in range(spec["before"]):
            q, ans = B.pick(a, a["before_q"][i % len(a["before_q"])])
            c = B.conv(aid, ans, B.day(RANGE[0], start - dt.timedelta(days=3)), q, evidence=True)
            old_tix.append(c["ticket_id"])
            drift_convs.append(c)
        n = spec["after"]
        days = sorted(B.day(start, RANGE[1]) for _ in range(n))
        days[0] = start
        quotes = biz.CUST_QUOTES_OLD[aid]
        quote_slots = [i for i in range(n) if i % 4 == 2 and i // 4 < len(quotes)]
        order = list(range(len(a["new"])))
        r.shuffle(order)
        order = iter(order * 2)  # every wording once before any repeats
        quoted = []
        for i, d in enumerate(days):
            prefix = ""
            if i in quote_slots:
                q, ti = quotes[i // 4]
                prefix = r.choice(OUTDATED)
                quoted.append(i)
            else:
                ti = next(order)
                q = a["q"][r.choice(a["newq"][ti])]
            note = biz.DRIFT_NOTES[aid] if i == 5 else None
            c = B.conv(aid, a["new"][ti], d, q, evidence=True, note=note, prefix=prefix)
            new_tix.append(c["ticket_id"])
            drift_convs.append(c)
            if quoted and quoted[-1] == i:
                quoted[-1] = c["ticket_id"]
        key["drifting"].append({"article_id": aid, "title": a["title"], "url": B.url(aid),
                                "value_kind": spec["kind"], "article_phrase": spec["old"], "agents_value": spec["new"],
                                "agents_wordings": [t.format(cite="").strip() for t in a["new"]],
                                "change_began": spec["start"], "ticket_ids": new_tix,
                                "tickets_before_change_stating_article_value": old_tix,
                                "tickets_where_customer_quotes_the_article": quoted})
    # slip article: 6 correct, one slip
    a = B.arts[biz.SLIP]
    for i in range(6):
        q, ans = B.pick(a, i % len(a["a"]))
        drift_convs.append(B.conv(biz.SLIP, ans, B.day(), q, evidence=True))
    c = B.conv(biz.SLIP, a["slip"], dt.date.fromisoformat(biz.SLIP_DATE), a["q"][biz.SLIP_Q], evidence=True, allow_second=False)
    drift_convs.append(c)
    key["slip"] = {"article_id": biz.SLIP, "ticket_id": c["ticket_id"], "agent_text": a["slip"].format(cite="").strip(),
                   "article_value": biz.SLIP_VALUE, "correct_conversations_citing_it": 6}
    # everything else, agents stating the article's values
    rest = [x for x in biz.ARTICLES if x["id"] not in biz.DRIFT and x["id"] != biz.SLIP]
    plan = []
    for x in rest:
        plan += [x["id"]] * (10 if x["id"] in biz.MANY else 6)
    while len(plan) < DRIFT_TOTAL - len(drift_convs):
        plan.append(r.choice([x["id"] for x in rest]))
    r.shuffle(plan)
    for aid in plan:
        x = B.arts[aid]
        cw = customer_wrong(x, r, 0.35)
        if cw:
            q, ans = cw[0], x["a"][cw[1]]
        else:
            q, ans = B.pick(x)
        c = B.conv(aid, ans, B.day(), q)
        if cw:
            key["customer_stated_other_values"].append({"ticket_id": c["ticket_id"], "article_id": aid})
        drift_convs.append(c)
    drift_convs, dmap = renumber(drift_convs, drift_tid, r)
    for dr in key["drifting"]:
        for k in ("ticket_ids", "tickets_before_change_stating_article_value", "tickets_where_customer_quotes_the_article"):
            dr[k] = sorted((dmap[t] for t in dr[k]), key=int)
    key["slip"]["ticket_id"] = dmap[key["slip"]["ticket_id"]]
    for cw in key["customer_stated_other_values"]:
        cw["ticket_id"] = dmap[cw["ticket_id"]]
    key["customer_stated_other_values"].sort(key=lambda x: int(x["ticket_id"]))
    # clean history: 4 conversations per article, article values only, one slip
    C = Builder(biz, seed + 1, clean_tid)
    clean = []
    plan = [x["id"] for x in biz.ARTICLES] * 4
    C.rnd.shuffle(plan)
    slip_done = None
    for i, aid in enumerate(plan):
        x = C.arts[aid]
        if aid == biz.SLIP and slip_done is None and i > 20:
            c = C.conv(aid, x["slip"], C.day(dt.date(2026, 9, 10), dt.date(2026, 11, 5)), x["q"][biz.SLIP_Q],
                       evidence=True, allow_second=False)
            slip_done = c["ticket_id"]
        else:
            cw = customer_wrong(x, C.rnd, 0.25)
            if aid in biz.DRIFT:
                q, ans = C.pick(x, C.rnd.choice(x["before_q"]))
            elif cw:
                q, ans = cw[0], x["a"][cw[1]]
            else:
                q, ans = C.pick(x)
            c = C.conv(aid, ans, C.day(), q, evidence=aid in biz.DRIFT)
        clean.append(c)
    clean, cmap = renumber(clean, clean_tid, C.rnd)
    key["repeated_correctly_many_times"] = biz.MANY
    key["clean"] = {"expected_drifting_article_ids": [],
                    "slip": {"article_id": biz.SLIP, "ticket_id": cmap[slip_done],
                             "agent_text": C.arts[biz.SLIP]["slip"].format(cite="").strip()}}
    out = HERE / biz.NAME
    for name, rows in (("history_drift.jsonl", drift_convs), ("history_clean.jsonl", clean)):
        with open(out / name, "w") as f:
            for c in rows:
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
    return key, drift_convs, clean


def main():
    k, d, c = build(biz_brackenfold, 5088, 70310, 76800)
    (HERE / "answers.json").write_text(json.dumps({biz_brackenfold.NAME: k}, indent=2, ensure_ascii=False) + "\n")
    print(biz_brackenfold.NAME, "drift", len(d), "clean", len(c))


if __name__ == "__main__":
    main()
