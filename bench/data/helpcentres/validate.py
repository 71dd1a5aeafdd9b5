"""Validate the help-centre evaluation sets (standard library only).  python3 validate.py"""
import collections
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
MIN = dict(articles=30, per_article_q=(10, 12), unans=40, oos=25, dialogues=60,
           clarified=20, multi_issue=10, single=20, d_oos=8, hist_per_article=6, declines=12, conflicts=5)
# A questions-only set (no dialogues.jsonl or history.jsonl), such as the blind multilingual spindle/.
QUESTIONS_ONLY = dict(articles=14, per_article_q=(4, 12), unans=20, oos=12)
# A smaller questions-only set: short articles (words counted after the front matter), fewer unanswerables.
SMALL_SETS = {"boxwell": dict(articles=15, per_article_q=(5, 12), unans=12, oos=6, words=(120, 200)),
              # cobble's multilingual file rewrites a sample (120/30/15), like kestrel's and ledgerly's
              "cobble": dict(articles=30, per_article_q=(4, 12), unans=30, oos=15, words=(140, 220),
                             sampled=True),
              # thistle is sampled the same way (120/30/15), with 30 articles of 4 questions each
              "thistle": dict(articles=30, per_article_q=(4, 12), unans=30, oos=15, words=(140, 220),
                              sampled=True),
              # heron is built like thistle: 30 articles of 4 questions, sampled 120/30/15
              "heron": dict(articles=30, per_article_q=(4, 12), unans=30, oos=15, words=(140, 220),
                            sampled=True)}
LANGUAGES = ("es", "de", "fr", "nl", "pt", "it")
errors = []


def err(msg):
    errors.append(msg)


def norm(t):
    return re.sub(r"\s+", " ", t.strip().lower())


def read_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if not line.strip():
                err(f"{path}:{i} blank line"); continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                err(f"{path}:{i} bad JSON: {e}")
    return rows


def front_matter(path):
    text = open(path, encoding="utf-8").read()
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if not m:
        err(f"{path}: no front matter"); return {}, text
    fm = {}
    for line in m.group(1).splitlines():
        k, _, v = line.partition(":")
        fm[k.strip()] = v.strip().strip('"')
    return fm, text[m.end():]


def check(name):
    base = os.path.join(ROOT, name)
    full = os.path.exists(os.path.join(base, "dialogues.jsonl"))
    lim = MIN if full else {**MIN, **QUESTIONS_ONLY, **SMALL_SETS.get(name, {})}
    arts = {}
    words = {}
    for p in sorted(glob.glob(os.path.join(base, "articles", "*.md"))):
        fm, body = front_matter(p)
        for k in ("id", "title", "url"):
            if not fm.get(k):
                err(f"{p}: missing {k}")
        if fm.get("id") in arts:
            err(f"duplicate article id {fm.get('id')}")
        if not fm.get("url", "").endswith("/articles/" + fm.get("id", "?")):
            err(f"{p}: url does not end with id")
        arts[fm.get("id")] = fm
        words[fm.get("id")] = len(body.split())
    if "words" in lim:
        lo, hi = lim["words"]
        for a, w in words.items():
            if not lo <= w <= hi:
                err(f"{name}: article {a} has {w} words, outside {lo}-{hi}")
    titles = collections.Counter(norm(re.sub(r"\(.*?\)", "", a["title"])) for a in arts.values())

    qs = read_jsonl(os.path.join(base, "questions.jsonl"))
    ds = read_jsonl(os.path.join(base, "dialogues.jsonl")) if full else []
    hs = read_jsonl(os.path.join(base, "history.jsonl")) if full else []

    ids = collections.Counter(r.get("id") for r in qs + ds)
    for k, v in ids.items():
        if v > 1:
            err(f"{name}: duplicate id {k}")
    tids = collections.Counter(r.get("ticket_id") for r in hs)
    for k, v in tids.items():
        if v > 1:
            err(f"{name}: duplicate ticket_id {k}")

    qkind = collections.Counter()
    per_art = collections.Counter()
    qtexts = collections.Counter()
    for r in qs:
        if set(r) != {"id", "query", "expected_article_id", "kind"}:
            err(f"{name} question {r.get('id')}: fields {sorted(r)}")
        qkind[r["kind"]] += 1
        qtexts[norm(r["query"])] += 1
        e = r["expected_article_id"]
        if r["kind"] == "answerable":
            if e not in arts:
                err(f"{name} question {r['id']}: unknown article {e}")
            per_art[e] += 1
        elif e is not None:
            err(f"{name} question {r['id']}: {r['kind']} must have null expected")
    for t, c in qtexts.items():
        if c > 1:
            err(f"{name}: duplicate question text {t!r}")
    for a in arts:
        lo, hi = lim["per_article_q"]
        if not lo <= per_art[a] <= hi:
            err(f"{name}: article {a} has {per_art[a]} answerable questions")

    dkind = collections.Counter()
    dtexts = set()
    for r in ds:
        msgs = r["conversation"]["messages"]
        dkind[r["kind"]] += 1
        if not msgs or msgs[-1]["role"] != "customer":
            err(f"{name} dialogue {r['id']}: must end with a customer turn")
        for m in msgs:
            if m["role"] == "customer":
                dtexts.add(norm(m["text"]))
        e, s = r["expected_article_id"], r.get("second_expected_article_id")
        if r["kind"] == "out_of_scope":
            if e is not None:
                err(f"{name} dialogue {r['id']}: out_of_scope must be null")
        elif e not in arts:
            err(f"{name} dialogue {r['id']}: unknown article {e}")
        if r["kind"] == "multi_issue":
            if s not in arts or s == e:
                err(f"{name} dialogue {r['id']}: bad second_expected_article_id {s}")
        elif s is not None:
            err(f"{name} dialogue {r['id']}: second_expected only for multi_issue")
        if r["kind"] == "clarified" and len(msgs) < 3:
            err(f"{name} dialogue {r['id']}: clarified needs >= 3 turns")
        if not r.get("agent_reply"):
            err(f"{name} dialogue {r['id']}: no agent_reply")

    hist_art = collections.Counter()
    declines = conflicts = 0
    for r in hs:
        msgs = r["messages"]
        e = r.get("_expected_article_id", "MISSING")
        if e == "MISSING":
            err(f"{name} history {r.get('ticket_id')}: no _expected_article_id")
        if e is not None and e not in arts:
            err(f"{name} history {r.get('ticket_id')}: unknown article {e}")
        if e is None:
            declines += 1
            if "/articles/" in msgs[1]["text"]:
                err(f"{name} history {r['ticket_id']}: decline links an article")
        else:
            hist_art[e] += 1
        if r.get("_conflict"):
            conflicts += 1
            if r.get("_linked_article_id") not in arts:
                err(f"{name} history {r['ticket_id']}: conflict without valid _linked_article_id")
        q = norm(msgs[0]["text"])
        if q in qtexts or q in dtexts:
            err(f"{name} history {r['ticket_id']}: question text also in questions/dialogues: {q!r}")
        if msgs[0]["role"] != "customer" or msgs[1]["role"] != "agent":
            err(f"{name} history {r['ticket_id']}: roles")
    for a in arts if full else ():
        if hist_art[a] < MIN["hist_per_article"]:
            err(f"{name}: article {a} has {hist_art[a]} history conversations")
    # conflict pairs: conversations, so pairs = conflicts / 2
    pairs = conflicts // 2

    checks = [("articles", len(arts), lim["articles"]),
              ("same_domain_unanswerable", qkind["same_domain_unanswerable"], lim["unans"]),
              ("out_of_scope questions", qkind["out_of_scope"], lim["oos"])]
    checks += [] if not full else [
              ("dialogues", len(ds), MIN["dialogues"]),
              ("clarified", dkind["clarified"], MIN["clarified"]),
              ("multi_issue", dkind["multi_issue"], MIN["multi_issue"]),
              ("single", dkind["single"], MIN["single"]),
              ("out_of_scope dialogues", dkind["out_of_scope"], MIN["d_oos"]),
              ("history declines", declines, MIN["declines"]),
              ("history conflict pairs", pairs, MIN["conflicts"])]
    for label, got, need in checks:
        if got < need:
            err(f"{name}: {label} = {got} < {need}")
    long_ = sorted((w for w in words.values() if w >= 750), reverse=True)
    same_title = sum(1 for c in titles.values() if c > 1)
    print(f"== {name}")
    print(f"  articles {len(arts)}  (words: min {min(words.values())}, max {max(words.values())}, "
          f">=750 words: {len(long_)}; titles shared after dropping parentheses: {same_title})")
    print(f"  questions {len(qs)}: " + ", ".join(f"{k} {v}" for k, v in sorted(qkind.items())))
    if full:
        print(f"  dialogues {len(ds)}: " + ", ".join(f"{k} {v}" for k, v in sorted(dkind.items())))
        print(f"  history {len(hs)}: answered {sum(hist_art.values())}, declines {declines}, "
              f"conflict conversations {conflicts} ({pairs} pairs); styles "
              + ", ".join(f"{k} {v}" for k, v in sorted(collections.Counter(r.get('_reply_style') for r in hs).items())))
    check_multilingual(name, arts, qs, every_question=not full and not lim.get("sampled"))


def check_multilingual(name, arts, qs, every_question):
    """Check multilingual/NAME.jsonl, if there is one, against NAME's questions and articles."""
    path = os.path.join(ROOT, "multilingual", name + ".jsonl")
    if not os.path.exists(path):
        return
    src = {r.get("id"): r for r in qs}
    rows = read_jsonl(path)
    ids = collections.Counter(r.get("id") for r in rows)
    per_source = collections.defaultdict(set)
    texts = collections.Counter()
    for r in rows:
        if set(r) != {"id", "source_id", "language", "query", "expected_article_id", "kind"}:
            err(f"{path}: {r.get('id')}: fields {sorted(r)}")
            continue
        s = src.get(r["source_id"])
        if r["id"] != f"{r['source_id']}-{r['language']}" or ids[r["id"]] > 1:
            err(f"{path}: bad or duplicate id {r['id']}")
        if r["language"] not in LANGUAGES:
            err(f"{path}: {r['id']}: unknown language {r['language']}")
        if s is None:
            err(f"{path}: {r['id']}: source_id not in {name}/questions.jsonl")
            continue
        if (r["expected_article_id"], r["kind"]) != (s["expected_article_id"], s["kind"]):
            err(f"{path}: {r['id']}: expected_article_id/kind differ from the source question")
        if r["expected_article_id"] is not None and r["expected_article_id"] not in arts:
            err(f"{path}: {r['id']}: unknown article {r['expected_article_id']}")
        per_source[r["source_id"]].add(r["language"])
        texts[(r["language"], norm(r["query"]))] += 1
    for sid, langs in per_source.items():
        if langs != set(LANGUAGES):
            err(f"{path}: {sid} missing languages {sorted(set(LANGUAGES) - langs)}")
    for (lang, t), c in texts.items():
        if c > 1:
            err(f"{path}: query repeated in {lang}: {t!r}")
    # kestrel and ledgerly rewrite a sample; a questions-only set rewrites every question
    for sid in sorted(set(src) - set(per_source)) if every_question else ():
        err(f"{path}: {sid} has no rewrites")
    kinds = collections.Counter(r.get("kind") for r in rows)
    print(f"  multilingual {len(rows)} lines, {len(per_source)} source questions: "
          + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))


for name in sys.argv[1:] or ["kestrel", "ledgerly", "spindle", "boxwell", "cobble", "thistle",
                             "heron"]:
    if os.path.isdir(os.path.join(ROOT, name)):
        check(name)
if errors:
    print(f"\n{len(errors)} problem(s):")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("\nOK")
