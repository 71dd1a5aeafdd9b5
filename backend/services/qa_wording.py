"""The words auto-QA reads conversations by: rude wordings, questions and requests, what
acknowledges an escalation, what commits to a time frame, grants an exception or says a thing costs nothing,
and where a value sits in its sentence (backend/services/qa.py)."""

from __future__ import annotations

import re

from backend import tuning
from backend.llm.checks import commitments, stated_values
from backend.text import stems

# ---- rude or dismissive: exact wordings (the tone head, backend/signals/tone.py, reads the rest) -----------------------------------------

RUDE_RULES = re.compile(
    r"\b(?:calm down|not my (?:problem|fault|job)|as I (?:already|just) (?:said|told you|explained)|"
    r"(?:read|check) the (?:manual|faq|instructions)(?! (?:here|at|on)\b)|you should(?: ha|')ve (?:read|known|checked)|"
    r"(?:that'?s|it'?s) your (?:own )?(?:problem|fault)|^not (?:really )?(?:our|my) (?:problem|concern|fault)\b|at your own risk|"
    r"you'?d (?:know|have known|have seen) (?:this|that|it) if you'?d (?:read|checked|looked)|next time,? (?:please )?"
    r"(?:read|check|look)|as (?:we|I) (?:state|said|explain|wrote) (?:\w+ )?clearly|deal with it|nothing (?:more )?I can do(?:,| about it)? "
    r"(?:sorry|so)?\s*$|whatever\.|obviously you|you clearly (?:didn'?t|did not|don'?t)|"
    r"stop (?:complaining|wasting)|what do you (?:want|expect) me to do|I don'?t care|take it or leave it|"
    r"next time,? (?:read|pay attention)|(?:read|check) it next time|instead of (?:us|me) next time|"
    r"(?:that'?s|this is|it'?s) on you\b|not (?:on )?us\b\.|(?:won'?t|will not|doesn'?t) (?:speed|change|help) "
    r"(?:anything|things)|any clearer|it'?s literally (?:in|on|there)|how many times|^sigh\b|let me guess|"
    r"like I (?:told|said)(?: you)?\b|(?:it'?s|this is|that'?s) not (?:exactly |that |very |rocket )?(?:complicated|hard|difficult|science)|"
    r"we'?ve been (?:over|through) (?:this|that)|most (?:people|customers) (?:manage|figure|work)|did you (?:not|even) (?:think|check|read|bother)|"
    # register: a scoff or a sarcastic opener, a brush-off, blame handed back, impatience with repeating oneself
    r"^(?:ugh|pfft|meh|duh|lol|lmao|smh)\b|\blol no\b|^(?:shockingly|unsurprisingly|surprise,? surprise|newsflash|"
    r"spoiler(?: alert)?)\b|^next[.!]*$|not (?:really )?my (?:job|department)\b|(?:your|the customer'?s) (?:own )?"
    r"responsibility,? not (?:ours|mine)|^as I (?:said|explained|told you)\b|how else (?:I can|can I|to) (?:put|say|explain) "
    r"(?:it|this)|\b(\w+ed)(?: at)? when (?:it'?s|it is|they'?re|they are) \1\b|\bgets? (\w+) when (?:it|they) gets? \2\b|"
    r"(?:get|give you) the (?:exact )?same answer|\bwe get (?:a lot of|loads of|so many|hundreds of) (?:these|those)|"
    # talking down: simplifying for the customer, explaining again, "as I'm sure you'll appreciate"
    r"let me (?:make (?:this|it) simple|spell (?:it|this) out|explain (?:this|it) (?:again|slowly|one more time))|"
    r"^as I'?m sure you(?:'ll| will)? (?:appreciate|understand|know)\b|(?:I'?ve|I have) already explained (?:this|that|it)|"
    r"read my (?:last |previous )?(?:message|reply|e-?mail) again|go(?:ing)? (?:round|around) in circles|"
    r"(?:hardly|not) worth getting (?:worked up|upset|angry)|no need to get (?:so )?(?:worked up|upset|angry|shirty)|"
    r"^funnily enough\b|like everyone else does)"
    r"|[\U0001F644\U0001F926]", re.IGNORECASE)  # eye-roll, facepalm
# A sentence ends at . ! or ? before a space or the end, never inside "$6.95" or "e.g.,".
_SENTENCE = re.compile(r"\S(?:.*?)(?:[.!?]+(?=\s|$)|(?=\n)|$)", re.MULTILINE)
# A run of text up to the mark that ends it (questions are the runs ending in "?"); one pass, linear in the text.
_PIECE = re.compile(r"[^.!?\n]+[.!?\n]?")
REQUEST = re.compile(
    r"^\s*(?:(?:so|and|also|oh|ok(?:ay)?|hi|hello),?\s+)*(?:can|could|would|will) you\b|\bplease\s+(?:\w+\s+){0,2}"
    r"(?:send|refund|cancel|change|update|check|tell|let|call|confirm|fix|help|add|remove|reset|resend|replace)\b|"
    r"\bI (?:need|want|would like|'d like) you to\b", re.IGNORECASE)
# An agent reply that escalates or acknowledges a trigger: words about the threat itself, or an escalation to
# someone senior. A bare apology or a hand-over to another team about the product does neither: a lead wants the
# lawyer, the chargeback or the third contact answered in words (for a legal threat, "I've passed this to our
# safety team" is not; for harm reported, it is).
ACKNOWLEDGED = {
    # an offer or a hand-over, not a mention: "a manager will tell you exactly the same thing" refuses one
    "human": r"(?:I'?ll|I will|I can|I could|I'?ve|I have|let me|we'?ll|we will|we can|happy to)\s+(?:\w+\s+){0,2}?"
             r"(?:ask(?:ed)?|get|put you through to|transfer(?:red)? you to|pass(?:ed)? (?:this|it|you) (?:on )?to|"
             r"have|arrange(?:d)? for|book(?:ed)?|bring in|loop(?:ed)? in)\s+(?:\w+\s+){0,2}?"
             r"(?:manager|supervisor|team lead|senior|colleague)|speak to (?:someone|a person)|"
             r"(?:manager|supervisor|team lead|senior colleague)\s+(?:will|'ll|can|is going to|would be happy to)\s+"
             r"(?:\w+\s+)?(?:call|ring|phone|contact|email|get back|be in touch|look|review|reach|speak|talk)",
    "legal": r"legal|lawyer|solicitor|attorney|complaint|ombudsman|regulator",
    # "back on your card" or "refunded to your bank" is not a word about a dispute
    "chargeback": r"chargeback|dispute|card issuer|(?:your|the) bank (?:will|can|may|would) (?:investigate|look|review|reverse)",
    "public": r"review|post(?:ed|ing)?|feedback|social media",
    # about their leaving, not any "leave" ("check the app before you leave home next time")
    "churn": r"cancel\w*|clos(?:e|ing) (?:your|the) (?:account|membership)|"
             r"sorry to (?:hear|see) (?:you(?:'re| are)? (?:go|leav)\w*|that you(?:'re| are)? (?:want\w* to |thinking of )?"
             r"(?:leav|go|cancel)\w*)|(?:thinking|think|want\w*|decid\w*|plan\w*) (?:of |about |on |to )?"
             r"(?:leav\w* us|go(?:ing)? elsewhere|switch\w* (?:provider|supplier|to another)|"
             r"mov\w* (?:to another|elsewhere))|stay(?:ing)? with us|keep you|lose you|retention|loyal\w*",
    # harm answered as harm: the injury, the conduct or an incident report, not the highchair beside it
    "safety": r"safety|incident|injur\w*|hurt|investigat\w* (?:this|it|what happened|the incident)|medical|doctor|"
              r"hospital|a&e|harass\w*|discriminat\w*|racis\w*|(?:his|her|their|staff|the \w+'s) (?:conduct|behaviou?r)|"
              r"safe|emergency|999|112|911|(?:is|are) (?:you|he|she|they|everyone|your \w+) (?:ok|okay|alright|all right)"
              r"(?! with)",
    "repeat": r"(?:contact|writ|chas|follow|ask)\w* (?:us |up )?(?:again|twice|several times)|(?:third|second|several|"
              r"multiple|many) (?:time|contact|message|attempt)s?|let you down|dropped the ball|nobody (?:got|came) back|"
              r"should(?:n'?t)? have (?:had to|got|come|heard)|(?:previous|earlier|last) (?:agent|reply|replies|contact|"
              r"message|promise)s?|(?:sorry|apologi[sz]e) (?:that |for )?(?:you(?:'ve| have| had)? (?:had )?to|the "
              r"(?:repeated|runaround|back and forth))",
}
_ACK_ANY = r"escalat\w*|(?:transferr?\w*|hand(?:ed|ing)? (?:this |you |it )?over|hand(?:ed|ing)? (?:this|it|you)|pass(?:ed|ing)? (?:this|it|you|your \w+) (?:\w+ )?" \
           r"(?:on |over )?to|raised (?:this|it)|flag(?:ged)? (?:this|it)) (?:\w+ ){0,2}(?:manager|supervisor|team lead|senior|" \
           r"complaints?|legal)"
# An agent committing to a time frame, not stating a policy's ("Refunds take 5 to 10 business days").
COMMITTING = re.compile(
    r"\b(?:I'?ll|I will|we'?ll|we will|I can|we can|I'?ve|I have|you'?ll (?:have|get|receive|see)|guarantee\w*|promise\w*|"
    r"(?:it|they|this|your \w+) will (?:arrive|be (?:there|with you|delivered|at your)))", re.IGNORECASE)
# An agent saying a thing costs nothing or never runs out ("your credit never expires", "there's nothing to pay"):
# wrong when the article governing it states its fee or its validity. Keyed by the kind of value that is denied.
DENIED_VALUE = {
    "time_frame": re.compile(
        r"\b(?:never|doesn['’]?t|does not|won['’]?t|will not|don['’]?t|do not)\s+(?:ever\s+)?(?:expire|run out|lapse)s?\b"
        r"(?!\s+(?:for|until|till|before|within|after|in|on)\b)|"
        r"\bno (?:expiry|expiration)(?: date)?\b|\bvalid (?:forever|indefinitely|for ever)\b", re.IGNORECASE),
    "amount": re.compile(
        r"\bnothing (?:extra |more |else )?to pay\b|(?<!\bsee )(?<!\bshow )(?<!\bshows )"
        r"\bno (?:extra |additional |admin(?:istration)? |hidden )?(?:fees?|charges?|costs?)\b(?! on your)|"
        r"\b(?!(?:you|we|i)\b)\w+ (?:is|are) (?:always |completely |totally |still |also )?free\b"
        r"(?! to\b| on (?:mon|tue|wed|thu|fri|sat|sun)| tomorrow| today| at \d| from \d)|"
        r"\b(?:it|that|this|they)['’]?(?:s|re) (?:always |completely |totally |still |also )?free\b(?! to\b)|"
        r"\bfree of charge\b|\bat no (?:extra |additional )?(?:cost|charge)\b|"
        r"\b(?:won['’]?t|will not|don['’]?t|do not) (?:charge (?:you|for|anything|extra)|be charged)\b"
        r"(?! (?:twice|again|until|before|more|for (?:the )?same))|"
        r"\bdoesn['’]?t cost (?:anything|a (?:penny|thing))\b", re.IGNORECASE),
}
# What an article sentence stating such a value is about when it contradicts the denial: a validity, a fee.
DENIAL_TOPIC = {
    "time_frame": re.compile(r"\b(?:expir\w*|valid(?:ity)?|runs? out|lapses?)\b", re.IGNORECASE),
    "amount": re.compile(r"\b(?:fees?|charge[sd]?|costs?|pay|paid|price)\b", re.IGNORECASE),
}
# An article sentence saying a fee sometimes does not apply ("free on orders over $200", "waived for members",
# "unless the item was faulty"): an agent's "it's free" may be right.
SOMETIMES_NONE = re.compile(r"\b(?:free|waived?|unless|except)\b", re.IGNORECASE)
# A denial said as a grant: a commitment before it in its sentence ("I'll rebook you at no charge"), not a
# check ("I've checked and there's no fee") or a confirmation ("we can confirm it never expires").
WAIVING = re.compile(r"\b(?:I['’]?ll|I will|we['’]?ll|we will|I['’]?ve|I have|let me|I can|we can)\b"
                     r"(?!\s+(?:check|checked|confirm|confirmed|see|seen|look|looked)\b)", re.IGNORECASE)

# What an agent says when granting what the policy does not: by definition unsupported.
EXCEPTION = re.compile(
    r"\b(?:make|making|made|I'?ll make) (?:an |a one[- ]off |a special )?exception|\bjust this once\b|\bas a one[- ]off\b|"
    r"\b(?:I|we) can (?:guarantee|promise)\b|\bI(?:'ll| will) (?:personally )?guarantee\b|"
    r"\b(?:outside|beyond) (?:of )?(?:the|our) (?:usual |normal )?(?:policy|window|terms)\b.{0,40}\b(?:I'?ll|I will|we'?ll|anyway)",
    re.IGNORECASE)
# A customer writing again about the same matter ("the third time I'm contacting you", "nobody got back to me"),
# not one who tried something twice.
REPEAT_CONTACT = re.compile(
    r"\b(?:contact|writ|call|e-?mail|messag|chas|ask|rais|report|chat|reach|(?:been|got|get|getting) in touch)\w*\b"
    r"[^.?!]{0,40}\b(?:again|twice|(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)|several|many|multiple|few|three|"
    r"four|five) times?)\b|"
    r"\b(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time (?:that )?(?:I'?m |I am |I'?ve |I have |we'?re )?"
    r"(?:contact|writ|call|e-?mail|messag|chas|ask|rais|report|chat|reach|(?:been|got|get|getting) in touch)\w*|"
    r"\b(?:nobody|no one|no-one) (?:ever )?(?:got|gets|has got|came|comes|has come|replied|called) back", re.IGNORECASE)
ACK = {code: re.compile(rf"\b(?:{words}|{_ACK_ANY})\b", re.IGNORECASE) for code, words in ACKNOWLEDGED.items()}

# ---- the team's own hand-over policy -------------------------------------------------------------------------
# Where the help centre says which cases go to a supervisor ("disputes with your bank and third complaints are
# passed to a supervisor"), words about the threat no longer answer it: the case had to be handed over. A KB
# sentence naming a case and a senior person (or escalation) makes that code one the team hands over.
_POLICY_TOPIC = {
    "chargeback": r"chargebacks?|disputes?|disputed|card issuer",
    "legal": r"legal|solicitors?|lawyers?|court|small claims|ombudsman|regulators?|trading standards",
    "repeat": r"third (?:times?|contacts?|complaints?|messages?)|(?:contacted|written to|chased) us (?:\w+ )?(?:twice|three|"
              r"more than)|repeat(?:ed)? (?:contacts?|complaints?)|(?:two|three|2|3) or more times",
    "safety": r"safety|injur\w*|unsafe|gas|smoke|fire|hazard\w*|danger\w*",
    "public": r"social media|the press|journalists?",
    "churn": r"another (?:company|provider|supplier)|a competitor|go(?:ing)? elsewhere",
}
_POLICY_TOPICS = {code: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for code, words in _POLICY_TOPIC.items()}
_SENIOR = re.compile(r"\b(?:supervisors?|managers?|team leads?|senior|escalat\w*|duty manager)\b", re.IGNORECASE)
# An agent reply handing the case over: to a senior person, or escalated in so many words.
HANDED_OVER = re.compile(
    r"\bescalat\w*|\b(?:pass\w*|hand\w*|refer\w*|send\w*|forward\w*|rais\w*|flag\w*|put)\b[^.!?\n]{0,40}"
    r"\b(?:manager|supervisor|team lead|senior|head of)\b", re.IGNORECASE)


_BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")


def policy_statements(body: str) -> list[str]:
    """An article's sentences, each item of a list carrying the line that introduces it ("An agent hands over to a
    supervisor when the customer:" then "- has disputed a payment with their bank;")."""
    out: list[str] = []
    lead = ""
    for line in body.splitlines():
        if _BULLET.match(line):
            out.append(f"{lead} {_BULLET.sub('', line)}".strip())
            continue
        if line.strip():  # a blank line between a list's lead and its items keeps the lead
            lead = line.strip() if line.rstrip().endswith(":") else ""
            out += sentences(line)
    return out


def handover_codes(bodies: list[str]) -> set[str]:
    """The escalation codes the team's KB says go to a senior person (see _POLICY_TOPIC)."""
    return {code for body in bodies for statement in policy_statements(body) if _SENIOR.search(statement)
            for code, topic in _POLICY_TOPICS.items() if topic.search(statement)}


def sentences(text: str) -> list[str]:
    """`text` cut into sentences (kept with their ending marks)."""
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def customer_questions(text: str, min_words: int = tuning.QA_MIN_QUESTION_WORDS) -> list[str]:
    """The questions and requests of one customer message that want an answer (of at least `min_words` content
    words): a point made as a question is none."""
    found = [q for piece in _PIECE.finditer(text)
             if (q := piece.group().strip()).endswith("?") and len(q) > 1 and not rhetorical(q)]
    found += [s for s in sentences(text) if not s.endswith("?") and REQUEST.search(s)]
    return [q for q in found if len(stems(q)) >= min_words]


# A question asked to make a point wants no answer: "Surely that's not fair?", "So I'm stuck with it until January?",
# "That's all you've got to say?", "It was meant to come Friday, wasn't it?" (a complaint put as a tag question).
# Each form needs the point in its words: "So I can cancel anytime?" and "How is that calculated?" are questions.
RHETORICAL = re.compile(
    r"^\W*(?:(?:and|but|oh|ok|okay|well|sorry)\b,?\s+)?(?:surely\b|so\s+(?:i'm|i\s+am|we're|i've|i'll)\s+(?:\w+\s+){0,2}"
    r"(?:stuck|paying|meant|supposed|expected|left|out\s+of\s+pocket)\b|so\s+i\s+can't\b|that(?:'s| is| seems| sounds)\s+"
    r"(?:\w+\s+){0,2}(?:fair|harsh|ridiculous|unfair|it|all|a\s+joke|rubbish|outrageous|unacceptable)\b|how\s+is\s+that\s+"
    r"(?:fair|ok|okay|acceptable|right|reasonable)\b|who\s+(?:on\s+earth\s+)?(?:schedules|thought|decided|designs|plans)\b|"
    r"seriously\b|really\?|are\s+you\s+(?:serious|kidding|joking))"
    r"|all\s+you(?:'ve\s+got|\s+have|\s+can)\s+(?:to\s+)?say", re.IGNORECASE)
_TAG = re.compile(r",\s*(?:wasn't|weren't|didn't)\s+(?:it|that|they|you|i|he|she|there)\s*\?\s*$", re.IGNORECASE)
_BROKEN_WORD = re.compile(r"\b(?:meant|supposed|promised|told)\b", re.IGNORECASE)


def rhetorical(question: str) -> bool:
    """Whether a question makes a point rather than asks (see RHETORICAL; a tag question about a broken word)."""
    return bool(RHETORICAL.search(question) or (_TAG.search(question) and _BROKEN_WORD.search(question)))


# ---- the kind of answer a question asks for ------------------------------------------------------------------
# "When…?", "How long…?" want a time; "How much…?" an amount; "Can I…?", "Is there…?" a yes or a no (each asked
# at the start of the question: "What happens to my data when I leave?" wants no time). A reply
# giving that kind of answer addresses the question even in other words ("Can I change the date?" — "Yes,
# any day from the 1st to the 28th, in the app").
_OPENING = r"^\W*(?:(?:hi|hello|hey|ok(?:ay)?|so|and|but|also|then|sorry|one more thing)\b[,!.]?\s+)*"
WANTS_TIME = re.compile(_OPENING + r"(?:when|by when|how (?:long|soon|quickly)|what time|by what date|what day)\b",
                        re.IGNORECASE)
WANTS_AMOUNT = re.compile(_OPENING + r"(?:how much|what(?:'s| is| are| will be) the (?:price|fee|cost|charge|rate)s?|"
                          r"what does it cost)\b", re.IGNORECASE)
WANTS_YES_NO = re.compile(_OPENING + r"(?:can|could|do|does|did|is|are|am|was|will|would|should|may|have|has|surely)\b",
                          re.IGNORECASE)
TIME_KINDS = frozenset({"time_frame", "date", "time"})
AMOUNT_KINDS = frozenset({"amount", "percent"})
_GREETING = r"^\W*(?:(?:hi|hello|hey|thanks?|thank you)\b[^.!?]{0,40}[,.!]\s*)?"
# A reply sentence that opens with the answer to a yes/no question: these words are the answer ...
YES_NO_ANSWER = re.compile(
    _GREETING + r"(?:yes|yeah|yep|yup|no\b|nope|of course|absolutely|definitely|unfortunately|sadly|I'?m afraid|"
    r"afraid not|not (?:at the moment|yet)|no need|you (?:can'?t|cannot|won'?t|don'?t need|needn'?t)|it (?:isn'?t|won'?t|"
    r"doesn'?t|can'?t)|it'?s not|that'?s (?:right|correct|not possible)|there(?: is|'s| are) no|correct\b)", re.IGNORECASE)
# ... these only when the sentence is about the question ("Sure, let me check" answers nothing).
YES_NO_LEAD = re.compile(_GREETING + r"(?:sure|certainly|you (?:can|will|'ll|do|are|'re)|it (?:is|will|does|can)|"
                         r"it'?s (?:fine|possible|ok)|that'?s (?:fine|possible))\b", re.IGNORECASE)


def answers_in_kind(question: str, replies: list[str]) -> bool:
    """Whether the first reply gives the kind of answer `question` asks for (a time, an amount, a yes or no)."""
    first = replies[0]
    if WANTS_TIME.search(question):
        return any(kind in TIME_KINDS for kind, _, _ in commitments(first))
    if WANTS_AMOUNT.search(question):
        return any(kind in AMOUNT_KINDS for kind, _, _ in commitments(first))
    if WANTS_YES_NO.search(question):
        asked = stems(question)
        return any(YES_NO_ANSWER.search(sentence) or (YES_NO_LEAD.search(sentence) and asked & stems(sentence))
                   for sentence in sentences(first))
    return False


# ---- where a value sits: its sentence, its clause; a sentence as its meaning is compared -----------------------

def plain(text: str) -> str:
    """A sentence as its meaning is compared: no links, no Markdown emphasis or table bars."""
    return re.sub(r"https?://\S+|[*_|`]+", " ", text).strip(" :")


def names_number(span: str, text: str) -> bool:
    """Whether `text` names the number of `span` ("60 days to return instead of 30" names 30 days' 30)."""
    numbers = re.findall(r"\d+(?:\.\d+)?", span)
    return bool(numbers) and all(re.search(rf"(?<![\d.]){re.escape(n)}(?![\d]|\.\d)", text) for n in numbers)


def denials(text: str) -> list[tuple[str, str, str]]:
    """The values `text` says are none ("never expires", "no fee"): (kind, the words, their sentence)."""
    return [(kind, found.group(), sentence) for sentence in sentences(text)
            for kind, pattern in DENIED_VALUE.items() if (found := pattern.search(sentence))]


def clause_holding(sentence: str, span: str) -> str:
    """The clause of `sentence` holding `span`: between commas, semicolons, colons, dashes or "so"/"but"."""
    at = sentence.find(span)
    if at < 0:
        return sentence
    return (_CLAUSE.split(sentence[:at])[-1] + span + _CLAUSE.split(sentence[at + len(span):])[0]).strip()


_CLAUSE = re.compile(r"[;:]|,\s|\s[-–—]\s|\s(?:so|but|though)\s", re.IGNORECASE)


def sentence_holding(text: str, span: str) -> str:
    """The sentence of `text` holding `span` (the whole text when none does)."""
    return next((s for s in sentences(text) if span in s), text)


# ---- amounts an agent worked out ---------------------------------------------------------------------------------
# "3 sessions at £34 each, so £102", "£500 minus the £99 excess is £401", "a fifth off €39.99 is €31.99": an amount
# the KB does not state word for word may be arithmetic on amounts it (or the customer) does state.
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_COUNT = re.compile(r"(?<![\d.,£$€])\b(\d{1,2})\b(?![.,]\d|\s*%)")
_SHARES = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}


def _number(span: str) -> float | None:
    found = _NUMBER.search(span)
    return float(found.group(0).replace(",", "")) if found else None


def derived_amount(span: str, reply: str, sources: list[str]) -> bool:
    """Whether the amount `span` of `reply` is simple arithmetic on the amounts and counts stated there or in
    `sources` and the percentages `sources` state (a rate only the reply names proves nothing)."""
    target = _number(span)
    # A round figure (£10, £35, £300) is too easily some sum of others; a worked-out one rarely is round.
    if target is None or (target == int(target) and int(target) % 5 == 0):
        return False
    # The figures worked from are those the KB or the customer state: the reply's own would excuse each other.
    amounts = {n for s in sources for a in stated_values("amount", s) if (n := _number(a)) is not None and n != target}
    rates = {n / 100 for s in sources for p in stated_values("percent", s) if (n := _number(p)) is not None and 0 < n < 100}
    rates |= {1 / d for s in sources for word, d in _SHARES.items() if re.search(rf"\b{word}\b", s, re.IGNORECASE)}
    counts = {int(c) for s in [reply, *sources] for c in _COUNT.findall(s) if 2 <= int(c) <= 24}
    bases = set(amounts) | {a - b for a in amounts for b in amounts if a > b} | {a + b for a in amounts for b in amounts}
    candidates = set(bases) - set(amounts)
    candidates |= {a * k for a in amounts for k in counts} | {a / k for a in amounts for k in counts}
    candidates |= {b * r for b in bases for r in rates} | {b * (1 - r) for b in bases for r in rates}
    return any(abs(target - c) <= 0.006 + 0.001 * target for c in candidates)


# ---- a result promised sooner than the KB says things take ----------------------------------------------------
# "It'll be back on your card by tomorrow morning", "you'll have a decision by the end of today": the day itself is
# the promise. Backed only when an article for the question says such things happen that soon.
SOON = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening)|by (?:the )?end of (?:the |to)?day|"
                  r"(?:by )?tomorrow(?: (?:morning|afternoon|evening))?|within (?:the|an|the next) hour)\b", re.IGNORECASE)
OUTCOME = re.compile(r"\b(?:you['’]?ll (?:have|get|receive|see)|(?:it|they|this|that|the \w+)(?:['’]ll| will) (?:be |have )?"
                     r"(?:back|there|with you|in your|on your|ready|fitted|approved|released|delivered|sorted|land)|"
                     r"lands?|arrives?|approved|released|(?:a|the) decision|"
                     # or the agent commits to paying out ("I'll refund the £720 to your card today")
                     r"(?:I['’]ll|I will|we['’]ll|we will)\s+(?:\w+\s+){0,2}(?:release|refund|approve|credit|pay|reimburse)\w*)\b",
                     re.IGNORECASE)
KB_SOON = re.compile(r"\b(?:same[- ]day|next[- ]day|today|tomorrow|24 hours|(?:1|one) (?:business|working) day|"
                     r"within (?:an|1|one|2|two|3|three) hours?|immediately|instantly|straight away)\b", re.IGNORECASE)


_NOT_SOON = re.compile(r"\b(?:won['’]?t|will not|can['’]?t|cannot|not|unable|unfortunately|no guarantee)\b", re.IGNORECASE)


def promised_soon(sentence: str) -> bool:
    """Whether an agent's sentence commits to a result by today, tonight or tomorrow: the day and the result in
    one clause ("I'll pass this on today and you'll hear within 10 days" promises no result today), not negated."""
    if not COMMITTING.search(sentence) or _NOT_SOON.search(sentence):
        return False
    return any(SOON.search(clause) and OUTCOME.search(clause) for clause in re.split(r"[,;:]|\s(?:and|but|so)\s", sentence))
