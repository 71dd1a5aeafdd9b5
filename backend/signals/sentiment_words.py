"""Sentiment outside English: a small valence lexicon per language (es de fr nl pt it), VADER's way of adding up.

VADER reads English only; no packaged multilingual sentiment model ships offline. These lists were written by
hand from how customers write to support (complaints, thanks), not fitted on any labelled set: the score is
a coarse reading (negative / neutral / positive), and a language outside the six stays "unknown".
"""

from __future__ import annotations

import math
import re
import unicodedata

from backend import tuning

# word stems (matched at the start of a word, accents folded; "$" marks a whole word only) -> valence, VADER's
# scale (-4 .. 4)
_WORDS: dict[str, dict[str, float]] = {
    "es": {"horrible": -2.5, "fatal": -2.2, "pesim": -2.5, "terrible": -2.5, "verguenza": -2.5, "vergonzos": -2.5,
           "indignad": -2.5, "enfadad": -2.2, "harto": -2.3, "harta": -2.3, "estafa": -3.0, "timo": -2.8,
           "inaceptable": -2.6, "desastre": -2.6, "mal$": -1.5, "malo": -1.8, "mala": -1.8, "peor": -2.2, "nunca": -0.8,
           "problema": -1.0, "queja": -1.5, "molest": -1.8, "decepcion": -2.2, "cabread": -2.6, "ridicul": -2.0,
           "lament": -1.2, "frustr": -2.2, "gracias": 1.8, "genial": 2.5, "perfect": 2.5, "excelente": 2.8,
           "bien$": 1.2, "buen$": 1.5, "encant": 2.3, "amable": 2.0, "feliz": 2.2, "contento": 2.0, "contenta": 2.0, "resuelto": 1.6,
           "solucionad": 1.6, "estupend": 2.5, "maravill": 2.8, "agradec": 1.9},
    "de": {"schrecklich": -2.5, "furchtbar": -2.5, "katastroph": -2.6, "unverschamt": -2.7, "frech": -2.0,
           "sauer": -2.0, "wutend": -2.6, "verargert": -2.2, "argerlich": -2.0, "enttausch": -2.2, "betrug": -3.0,
           "abzocke": -3.0, "inakzeptabel": -2.6, "unmoglich": -2.0, "schlecht": -2.0, "schlimm": -2.0,
           "frechheit": -2.7, "zumutung": -2.5, "mist": -2.2, "nervt": -2.0, "genervt": -2.0, "leider": -0.8,
           "problem": -1.0, "beschwerde": -1.5, "danke": 1.8, "super$": 2.4, "toll$": 2.4,
           "perfekt": 2.5, "prima$": 2.2, "gut$": 1.5, "klasse$": 2.3, "freundlich": 1.8, "zufrieden": 2.0,
           "freue": 2.0, "gelost": 1.6, "hervorragend": 2.8, "hilfreich": 1.9, "wunderbar": 2.8},
    "fr": {"horrible": -2.5, "nul$": -2.3, "nulle": -2.3, "inadmissible": -2.7, "inacceptable": -2.6, "honte": -2.5,
           "scandal": -2.7, "arnaque": -3.0, "escroq": -3.0, "furieu": -2.7, "enerve": -2.2, "agace": -2.0,
           "decu": -2.2, "decevant": -2.2, "deception": -2.2, "marre": -2.4, "lamentable": -2.5, "catastroph": -2.6,
           "mauvais": -2.0, "pire": -2.2, "probleme": -1.0, "plainte": -1.5, "malheureusement": -0.8,
           "merci": 1.8, "super$": 2.4, "genial": 2.5, "parfait": 2.5, "excellent": 2.8, "bien$": 1.2, "bon$": 1.3,
           "content": 2.0, "contente": 2.0, "ravi": 2.4, "sympa": 2.0, "aimable": 2.0, "resolu": 1.6, "top$": 2.2, "formidable": 2.8},
    "nl": {"verschrikkelijk": -2.6, "slecht": -2.0, "belachelijk": -2.5, "schandalig": -2.7, "boos": -2.3,
           "woedend": -2.8, "balen": -1.8, "teleurgesteld": -2.2, "teleurstell": -2.2, "oplichter": -3.0,
           "oplichting": -3.0, "onacceptabel": -2.6, "waardeloos": -2.6, "rampzalig": -2.6, "ergerlijk": -2.0,
           "geirriteerd": -2.0, "zat$": -1.5, "klacht": -1.5, "probleem": -1.0, "helaas": -0.8, "bedankt": 1.8,
           "dank$": 1.6, "top$": 2.2, "super$": 2.4, "geweldig": 2.8, "perfect": 2.5, "fijn": 2.0, "goed": 1.5,
           "tevreden": 2.0, "blij": 2.2, "vriendelijk": 1.8, "opgelost": 1.6, "prima$": 1.8, "handig": 1.5},
    "pt": {"horrivel": -2.5, "pessim": -2.5, "terrivel": -2.5, "vergonha": -2.5, "absurdo": -2.4, "ridicul": -2.0,
           "revoltad": -2.6, "irritad": -2.2, "chatead": -2.0, "farto": -2.3, "farta": -2.3, "fart": -2.0,
           "decepcion": -2.2, "desilud": -2.0, "golpe": -2.6, "fraude": -3.0, "inaceitavel": -2.6, "desastre": -2.6,
           "mau$": -1.8, "ma$": -1.0, "pior": -2.2, "problema": -1.0, "reclamac": -1.5, "queixa": -1.5,
           "infelizmente": -0.8, "obrigad": 1.8, "otimo": 2.5, "excelente": 2.8, "perfeito": 2.5, "bom$": 1.3,
           "boa$": 1.3, "bem": 1.2, "adorei": 2.5, "feliz": 2.2, "contente": 2.0, "satisfeit": 2.0, "resolvid": 1.6,
           "maravilh": 2.8, "simpatic": 2.0, "top$": 2.2},
    "it": {"orribile": -2.5, "pessim": -2.5, "terribile": -2.5, "vergogn": -2.5, "scandalos": -2.7, "truffa": -3.0,
           "inaccettabile": -2.6, "assurdo": -2.3, "arrabbiat": -2.5, "furios": -2.7, "incazzat": -2.8,
           "deluso": -2.2, "delusa": -2.2, "delusione": -2.2, "stufo": -2.3, "stufa": -2.3, "disastro": -2.6,
           "schifo": -2.8, "male": -1.5, "cattiv": -1.8, "peggio": -2.2, "peggior": -2.2, "problema": -1.0,
           "reclamo": -1.5, "purtroppo": -0.8, "grazie": 1.8, "ottimo": 2.5, "ottima": 2.5, "perfett": 2.5,
           "eccellente": 2.8, "bene$": 1.2, "buon$": 1.3, "contento": 2.0, "contenta": 2.0, "felice": 2.2, "soddisfatt": 2.0,
           "gentil": 1.8, "risolt": 1.6, "fantastic": 2.8, "splendid": 2.6},
}
# A negator within the three words before a word flips and damps it (VADER's N_SCALAR).
_NEGATORS: dict[str, tuple[str, ...]] = {
    "es": ("no", "nunca", "nada", "ni", "sin", "tampoco"),
    "de": ("nicht", "kein", "keine", "keinen", "keiner", "nie", "niemals", "ohne"),
    "fr": ("pas", "jamais", "rien", "sans", "ni", "plus"),
    "nl": ("niet", "geen", "nooit", "zonder"),
    "pt": ("nao", "nunca", "nada", "sem", "nem"),
    "it": ("non", "mai", "niente", "senza", "ne"),
}
_BOOSTERS: dict[str, tuple[str, ...]] = {
    "es": ("muy", "super", "totalmente", "tan", "demasiado"), "de": ("sehr", "total", "echt", "extrem", "so", "absolut"),
    "fr": ("tres", "vraiment", "trop", "totalement", "tellement"), "nl": ("heel", "erg", "zeer", "echt", "ontzettend", "zo"),
    "pt": ("muito", "super", "totalmente", "tao", "demais"), "it": ("molto", "davvero", "troppo", "proprio", "cosi", "super"),
}
_TOKEN = re.compile(r"\w+", re.UNICODE)
SUPPORTED = tuple(_WORDS)


def _fold(text: str) -> str:
    """Lower case without accents ("enttäuscht" -> "enttauscht", "pésimo" -> "pesimo")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _valence(word: str, lexicon: dict[str, float]) -> float:
    """The valence of the word itself, else of the longest stem it starts with (stems of 4+ letters)."""
    for exact in (word, word + "$"):
        if exact in lexicon:
            return lexicon[exact]
    best = ""
    for stem in lexicon:
        if len(stem) >= 4 and not stem.endswith("$") and len(stem) > len(best) and word.startswith(stem):
            best = stem
    return lexicon[best] if best else 0.0


def score(text: str, language: str) -> float | None:
    """A compound score in [-1, 1] like VADER's, or None when `language` has no lexicon."""
    lexicon = _WORDS.get(language)
    if lexicon is None:
        return None
    folded = _fold(text)
    words = _TOKEN.findall(folded)
    negators, boosters = _NEGATORS[language], _BOOSTERS[language]
    total = 0.0
    for i, word in enumerate(words):
        value = _valence(word, lexicon)
        if not value:
            continue
        before = words[max(0, i - 3):i]
        if before and before[-1] in boosters:
            value += math.copysign(tuning.SENTIMENT_BOOST, value)
        if any(w in negators for w in before):
            value *= tuning.SENTIMENT_NEGATION
        total += value
    bangs = min(text.count("!"), 4)
    if total:
        total += math.copysign(tuning.SENTIMENT_BANG * bangs, total)
    return total / math.sqrt(total * total + tuning.SENTIMENT_ALPHA)
