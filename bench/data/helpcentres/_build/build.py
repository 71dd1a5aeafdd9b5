"""Build the help-centre evaluation sets from the hand-written sources in this folder.

Each business folder (kestrel/, ledgerly/) holds Python files that call
A(...) for an article (+ its answerable questions and past-history Q/A),
U(...)/O(...) for unanswerable / out-of-scope questions, D(...) for dialogues and
HX(...) for extra history (declines, conflicts).  Run:  python3 _build/build.py
"""
import glob, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

BUSINESSES = {
    "kestrel": dict(prefix="kes", domain="https://help.example-kestrel.com/articles/",
                    agents=["Priya", "Tom", "Aisling", "Marcus", "Jo", "Femi", "Grace", "Owen"],
                    ticket_base=40000),
    "ledgerly": dict(prefix="led", domain="https://help.example-ledgerly.com/articles/",
                     agents=["Noor", "Ben", "Carla", "Devin", "Hana", "Luis", "Mei", "Rob"],
                     ticket_base=70000),
}

GREET = ["Hi there, thanks for getting in touch.", "Hello!", "Hi, thanks for your message.",
         "Thanks for reaching out.", "Hi,", "Good question!", "Hello, happy to help.", "Hi - thanks for waiting."]
SIGN = ["", " Let me know if there's anything else.", " Hope that helps!", " Anything else I can do?",
        "", " Have a good day."]


def subject_of(q):
    s = re.split(r"(?<=[.?!])\s", q.strip())[0]
    s = s.strip()
    if len(s) > 70:
        s = s[:67].rsplit(" ", 1)[0] + "..."
    return s[:1].upper() + s[1:]


def build(name):
    cfg = BUSINESSES[name]
    ns = dict(ARTS=[], UNANS=[], OOS=[], DIALS=[], HXL=[])

    def A(id, title, body, q, h):
        ns["ARTS"].append(dict(id=id, title=title, body=body.strip() + "\n", q=q, h=h))

    def U(*qs):
        ns["UNANS"].extend(qs)

    def O(*qs):
        ns["OOS"].extend(qs)

    def D(kind, subject, turns, exp, reply, second=None):
        ns["DIALS"].append(dict(kind=kind, subject=subject, turns=turns, exp=exp, reply=reply, second=second))

    def HX(kind, q, reply, exp=None, linked=None, conflict=False):
        ns["HXL"].append(dict(kind=kind, q=q, reply=reply, exp=exp, linked=linked, conflict=conflict))

    ns.update(A=A, U=U, O=O, D=D, HX=HX)
    for f in sorted(glob.glob(os.path.join(HERE, name, "*.py"))):
        exec(compile(open(f, encoding="utf-8").read(), f, "exec"), ns)

    out = os.path.join(ROOT, name)
    adir = os.path.join(out, "articles")
    os.makedirs(adir, exist_ok=True)
    for old in glob.glob(os.path.join(adir, "*.md")):
        os.remove(old)
    arts = {a["id"]: a for a in ns["ARTS"]}
    assert len(arts) == len(ns["ARTS"]), "duplicate article id"
    for a in ns["ARTS"]:
        url = cfg["domain"] + a["id"]
        a["url"] = url
        title = a["title"].replace('"', '\\"')
        with open(os.path.join(adir, a["id"] + ".md"), "w", encoding="utf-8") as fh:
            fh.write(f'---\nid: {a["id"]}\ntitle: "{title}"\nurl: {url}\n---\n\n# {a["title"]}\n\n{a["body"]}')

    p = cfg["prefix"]
    # questions
    rows = []
    n = 0
    for a in ns["ARTS"]:
        for q in a["q"]:
            n += 1
            rows.append(dict(id=f"{p}-q-{n:04d}", query=q, expected_article_id=a["id"], kind="answerable"))
    for q in ns["UNANS"]:
        n += 1
        rows.append(dict(id=f"{p}-q-{n:04d}", query=q, expected_article_id=None, kind="same_domain_unanswerable"))
    for q in ns["OOS"]:
        n += 1
        rows.append(dict(id=f"{p}-q-{n:04d}", query=q, expected_article_id=None, kind="out_of_scope"))
    with open(os.path.join(out, "questions.jsonl"), "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")

    # dialogues
    with open(os.path.join(out, "dialogues.jsonl"), "w", encoding="utf-8") as fh:
        for i, d in enumerate(ns["DIALS"], 1):
            assert len(d["turns"]) % 2 == 1, ("dialogue must end with a customer turn", d["subject"])
            msgs = [dict(id=f"m{j+1}", role="customer" if j % 2 == 0 else "agent", text=t)
                    for j, t in enumerate(d["turns"])]
            row = dict(id=f"{p}-d-{i:03d}", conversation=dict(subject=d["subject"], messages=msgs),
                       expected_article_id=d["exp"], agent_reply=d["reply"], kind=d["kind"],
                       second_expected_article_id=d["second"])
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")

    # history
    agents = cfg["agents"]
    tid = cfg["ticket_base"]
    hrows = []
    k = 0
    for a in ns["ARTS"]:
        for j, (q, ans) in enumerate(a["h"]):
            k += 1
            tid += 7
            style = (k + j) % 3
            g = GREET[k % len(GREET)]
            if style == 0:
                reply = f"{g} {ans} You can read more here: {a['url']}"
            elif style == 1:
                reply = f'{g} {ans} Our help article "{a["title"]}" walks through it.'
            else:
                reply = f"{g} {ans}"
            reply += SIGN[k % len(SIGN)]
            hrows.append(dict(helpdesk="zendesk", ticket_id=str(tid), subject=subject_of(q),
                              messages=[dict(id="m1", role="customer", text=q),
                                        dict(id="m2", role="agent", text=reply, author=agents[k % len(agents)])],
                              _expected_article_id=a["id"], _reply_style=["url", "title", "paraphrase"][style]))
    for x in ns["HXL"]:
        k += 1
        tid += 7
        reply = x["reply"]
        if x["linked"]:
            la = arts[x["linked"]]
            reply = reply.replace("{url}", la["url"]).replace("{title}", la["title"])
        row = dict(helpdesk="zendesk", ticket_id=str(tid), subject=subject_of(x["q"]),
                   messages=[dict(id="m1", role="customer", text=x["q"]),
                             dict(id="m2", role="agent", text=reply, author=agents[k % len(agents)])],
                   _expected_article_id=x["exp"], _reply_style=x["kind"])
        if x["conflict"]:
            row["_conflict"] = True
            row["_linked_article_id"] = x["linked"]
        hrows.append(row)
    with open(os.path.join(out, "history.jsonl"), "w", encoding="utf-8") as fh:
        for r in hrows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(name, "articles", len(arts), "questions", len(rows), "dialogues", len(ns["DIALS"]), "history", len(hrows))


if __name__ == "__main__":
    for b in (sys.argv[1:] or BUSINESSES):
        build(b)
