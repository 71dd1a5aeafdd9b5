"""The exact rules beside the escalation classifier: names of regulators and platforms, counts, swearing, ruling out.

Rules are kept where a list is exact: a regulator, a bank's dispute procedure or a review site has a name;
"third time" is a count; swearing is a closed list. What a customer *means* is left to the classifier
(escalation.py); these terms only raise its score (tuning.ESCALATION_TERM_BONUS), so "chargeback fees in the
settlement report" or "a consumer-protection cooling-off question" still need the classifier to agree.
"""

from __future__ import annotations

import re

_NUMBER = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|a couple of)"


def _rx(*words: str) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)


# Exact terms per reason (English and the six languages of the multilingual set).
TERMS: dict[str, re.Pattern] = {
    "legal": _rx(r"lawyers?", r"solicitors?", r"attorneys?", r"barristers?", r"law\s?suit", r"sue", r"suing",
                 r"legal\s+action", r"small[- ]claims", r"court", r"ombuds\w*", r"regulators?", r"trading\s+standards",
                 r"citizens\s+advice", r"consumer\s+(?:protection|court|rights\s+(?:agency|office)|affairs)",
                 r"ofgem", r"ofcom", r"ofwat", r"ico", r"cqc", r"tio", r"caa", r"fca", r"irdai", r"sebi", r"rbi",
                 r"bbb", r"better\s+business\s+bureau", r"data\s+protection\s+(?:authority|commissioner|regulator)",
                 r"letter\s+before\s+action", r"dgccrf", r"verbraucherzentrale", r"procon", r"profeco", r"agcm",
                 r"geschillencommissie", r"ombudsdienst", r"juizado", r"abogad[oa]s?", r"avocats?",
                 r"(?:rechts)?anw[aä]lt\w*", r"advocaat", r"advogad[oa]s?", r"avvocat[oi]", r"tribunal\w*",
                 r"\w*datenschutz\w*", r"consumo", r"banco\s+de\s+espa[ñn]a", r"justi[çc]a", r"garante",
                 r"mediateur", r"médiateur", r"denuncia\w*", r"porter\s+plainte", r"office\s+des\s+transports",
                 r"aangifte", r"anzeige"),
    "chargeback": _rx(r"charge[- ]?backs?", r"card\s+(?:dispute|claim)", r"direct\s+debit\s+guarantee",
                      r"(?:dispute[sd]?|disputing|reverse[sd]?|reversing|reclaim\w*|claw\w*)\s+(?:it|this|that|the|"
                      r"a|my|our|your)?\s*(?:\w+\s+)?(?:payments?|charges?|transactions?|amount|money)",
                      r"(?:told|asked|ask|tell|call\w*|contact\w*|ring\w*|went\s+to|go\s+to)\s+(?:my|our|the)\s+(?:bank|card\s+"
                      r"(?:company|issuer)|credit\s+card\s+company)",
                      r"amex", r"visa", r"mastercard", r"paypal", r"lastschrift\w*", r"r[üu]ckbuch\w*",
                      r"zur[üu]ck(?:buch|geh)\w*", r"opposition", r"terugboek\w*", r"storn\w*", r"contest\w*",
                      r"contracargo\w*", r"estorn\w*"),
    "public": _rx(r"trustpilot", r"twitter", r"tweet\w*", r"tiktok", r"insta(?:gram)?", r"facebook", r"youtube",
                  r"reddit", r"yelp", r"tripadvisor", r"google\s+reviews?", r"(?:app|play)\s+store", r"reclame\s+aqui",
                  r"press", r"newspapers?", r"journalists?", r"local\s+paper", r"blog(?:\s+post)?", r"social\s+media",
                  r"followers", r"(?:1|one)[- ]star", r"reviews?", r"bewertung\w*", r"avis", r"rese[ñn]as?",
                  r"recens\w*", r"avalia\w*"),
    "human": _rx(r"managers?", r"supervisors?", r"humans?", r"(?:real|actual)\s+(?:person|human|people)",
                 r"someone\s+(?:senior|above|in\s+charge|who\s+can)", r"escalat\w*", r"call[- ]?back",
                 r"team\s+lead(?:er)?", r"head\s+of", r"in\s+charge", r"grievance\s+officer", r"nodal\s+officer",
                 r"responsabl\w*", r"vorgesetzt\w*", r"leidinggevende", r"gerente", r"sup[ée]rieur",
                 r"terugbell\w*", r"rappel\w*", r"richiam\w*", r"mensch\w*", r"respons[aá]vel", r"chef",
                 r"jefe", r"encargad[oa]"),
    "churn": _rx(r"cancel\w*", r"leav(?:e|ing)", r"switch\w*", r"competitors?", r"elsewhere", r"renew\w*", r"tender\w*",
                 r"quotes?", r"alternative\s+\w+", r"other\s+(?:providers?|suppliers?|carriers?|vendors?|insurers?|banks?)",
                 r"another\s+(?:provider|supplier|carrier|vendor|insurer|bank|company|practice|gym)",
                 r"clos(?:e|ing)\s+(?:my|our|all|everything|checking|savings|the\s+account)", r"(?:i'?m|we'?re|i\s+am)\s+done",
                 r"exit\s+terms", r"notice\s+period", r"done\s+with", r"never\s+again", r"baja", r"k[üu]ndig\w*",
                 r"r[ée]sili\w*", r"opzeg\w*", r"zeg\w*\s+(?:ik\s+)?(?:\w+\s+)?op", r"disdic\w*", r"disdett\w*", r"concurren\w*", r"competencia",
                 r"concorr\w*", r"anbieter\w*", r"fournisseurs?", r"proveedor\w*", r"fornecedor\w*", r"fornitor\w*",
                 r"aanbieder\w*"),
}

# Said in so many words: a chargeback is a chargeback (unless ruled out, or asked about: "how do chargeback fees…?").
EXPLICIT = {"chargeback": _rx(r"charge[- ]?backs?", r"direct\s+debit\s+guarantee")}

# Ruling a reason out: "I don't want to do a chargeback", "not going to leave a bad review", "no need to escalate".
# A negated verb of staying ("won't renew", "not going to pay") is the opposite, and is left to the classifier.
RULED_OUT = re.compile(
    r"(?<!\w)(?:(?:do\s*n[o']?t|don'?t|does\s*n[o']?t|won'?t|will\s+not|am\s+not|i'?m\s+not|we'?re\s+not|are\s+not|"
    r"not|never|no)\s+(?:\w+\s+)?(?:want|wanting|going|planning|intend\w*|need|looking|trying|asking|about|"
    r"interested)\s+(?:to|for|in)?\s*(?!renew|stay|continue|keep|pay|use|order|buy|shop|come|return|recommend)"
    r"|no\s+need\s+(?:to|for)|(?:ignore|forget|scratch)\s+(?:the|my|about|that|what)\b|never\s*mind|"
    r"(?:won'?t|will\s+not)\s+be\s+(?:needed|necessary|taking)|not\s+(?:necessary|needed)\s+any\s*more|"
    r"no\s+(?:longer|more)\s+(?:need|necessary|want)|"
    r"no\s+quiero|no\s+hace\s+falta|ich\s+will\s+(?:keine|nicht)|brauch\w*\s+(?:ich\s+)?kein\w*|"
    r"je\s+ne\s+veux\s+pas|pas\s+besoin|ik\s+wil\s+(?:geen|niet)|geen\s+\w+\s+(?:meer\s+)?nodig|"
    r"n[ãa]o\s+quero|n[ãa]o\s+precis\w*|non\s+voglio|non\s+serve)",
    re.IGNORECASE)

# Thanks or a fix confirmed: with the classifier's `satisfied` head, a customer who ends content.
THANKS = _rx(r"thanks?", r"thank\s+you", r"thx", r"ty", r"cheers", r"appreciate\w*", r"works?", r"worked", r"working\s+now",
             r"sorted", r"fixed", r"resolved", r"got\s+it", r"received", r"legend",
             r"gracias", r"funciona", r"solucionado", r"danke", r"geht\s+wieder", r"merci", r"marche", r"bedankt",
             r"werkt", r"obrigad[oa]", r"resolveu", r"grazie", r"funziona", r"risolto")

# An agent honouring a request for a person: a call-back booked, a hand-over made, a person answering.
HONOURED = re.compile(
    r"(?<!\w)(?:(?:i'?ve|i\s+have|we'?ve|we\s+have|i'?ll|i\s+will|i'?m|i\s+am|we'?re|we\s+are)\s+(?:\w+\s+){0,2}"
    r"(?:escalat\w*|transferr\w*|booked|arranged|scheduled|passed|passing|raised|connecting|putting\s+you\s+through)"
    r"|(?:manager|supervisor|team\s+lead\w*|senior|specialist|someone)\s+(?:will|is\s+going\s+to|'ll)\s+"
    r"(?:call|ring|phone|contact|email|get\s+in\s+touch|be\s+in\s+touch)"
    r"|call[- ]?back\s+(?:is\s+)?(?:booked|arranged|scheduled|for)|(?:i'?m|i\s+am)\s+(?:a\s+)?(?:real\s+)?(?:person|human)"
    r"|(?:you'?re|you\s+are)\s+(?:now\s+)?(?:speaking|talking|chatting)\s+(?:to|with)"
    r"|this\s+is\s+\w+,?\s+(?:the\s+)?(?:manager|supervisor|team\s+lead\w*))",
    re.IGNORECASE)

REPEAT = _rx(r"(?:second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|tenth|umpteenth|nth)\s+(?:time|\w+\s+(?:time|visit|"
             r"ticket|call|email|message|order|replacement|attempt|engineer\s+visit))",
             _NUMBER + r"\s+(?:times|calls|emails|messages|tickets|chats|attempts)", r"twice", r"again",
             r"(?:already|have)\s+(?:tried|contacted|called|emailed|written|asked|explained|sent)",
             r"(?:keep|kept)\s+(?:getting|telling|asking|saying|being)", r"every\s+(?:single\s+)?time",
             r"(?:still|yet)\s+(?:waiting|no|not|nothing|hasn'?t|haven'?t|isn'?t|doesn'?t)", r"round\s+in\s+circles",
             r"(?:nobody|no\s+one)\s+(?:has\s+)?(?:replied|answered|helped|called|got\s+back)",
             r"(?:last|previous)\s+(?:two|three|few)\s+(?:people|agents|times)",
             r"segunda\s+vez", r"tercera\s+vez", r"otra\s+vez", r"zweite[ns]?\s+(?:mal|versuch)", r"dritte[ns]?\s+mal",
             r"schon\s+wieder", r"zweimal", r"deuxi[eè]me\s+(?:fois|message)", r"troisi[eè]me\s+fois", r"encore",
             r"tweede\s+keer", r"derde\s+keer", r"alweer", r"terceira\s+vez", r"de\s+novo", r"seconda\s+volta",
             r"terza\s+volta", r"di\s+nuovo", r"ancora")

# "since 12 days", "eight weeks", "a month", "11 weeks now": open a week or more.
_DAYS = r"(?:[7-9]|[1-9]\d+|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty)\s+(?:working\s+)?days"
LONG_WAIT = _rx(_DAYS, r"(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few|"
                r"a\s+couple\s+of)\s+(?:weeks?|months?)", r"(?:over|more\s+than)\s+a\s+(?:week|month)",
                r"since\s+last\s+(?:week|month)", r"(?:\d+|dos|tres|cuatro)\s+semanas", r"(?:\d+|zwei|drei|vier)\s+wochen",
                r"(?:\d+|deux|trois|quatre)\s+semaines", r"(?:\d+|twee|drie|vier)\s+weken",
                r"(?:\d+|duas|tr[eê]s|quatro)\s+semanas", r"(?:\d+|due|tre|quattro)\s+settimane",
                r"(?:1\d|[2-9]\d|[7-9])\s+(?:d[ií]as|tage|jours|dagen|dias|giorni)", r"un\s+mes", r"einen\s+monat",
                r"un\s+mois", r"een\s+maand", r"um\s+m[eê]s", r"un\s+mese")

PROFANITY = _rx(r"f+u+c+k\w*", r"f[*#@$]{2,}k?\w*", r"s[*#@$]{2,}t", r"sh[i1]t\w*", r"bullsh[i1]t\w*", r"wtf",
                r"the\s+hell", r"bloody", r"crap\w*", r"damn\w*", r"piss\w*", r"arse\w*", r"ass(?:hole)?s?", r"bastard\w*",
                r"mierda", r"joder", r"scheiße", r"scheisse", r"merde", r"putain", r"kut", r"godverdomme", r"porra",
                r"merda", r"cazzo")

URGENT = _rx(r"urgent(?:ly)?", r"asap", r"immediately", r"right\s+now", r"emergency", r"today", r"tonight",
             r"by\s+tomorrow", r"deadline", r"as\s+soon\s+as\s+possible", r"time[- ]sensitive", r"critical",
             r"urgente", r"dringend", r"sofort", r"urgence", r"dringend", r"imediatamente", r"subito")


def shouting(text: str) -> bool:
    """Mostly capitals, three shouted words, or "!!!"."""
    letters = [c for c in text if c.isalpha()]
    caps_words = re.findall(r"\b[A-Z]{3,}\b", text)
    return (len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) > 0.6) or len(caps_words) >= 3 \
        or "!!!" in text
