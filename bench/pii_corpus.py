#!/usr/bin/env python3
"""Deterministic benchmark corpus for PII redaction: `python3 bench/pii_corpus.py`.

Writes bench/data/pii_corpus.jsonl, one JSON object per line:

    {"id": "UK-PHONE-0003", "country": "UK", "kind": "PHONE",
     "text": "hi my number changed, it's now 07700 900123 if you need to call",
     "spans": [{"kind": "PHONE", "start": 31, "end": 43, "format": "uk:mobile_national"}],
     "lookalike": false, "category": "pii", "long": false, "stress": false}

* PII items: lookalike false, 1-2 spans (more in long messages). `kind` is the kind of the
  first span; the spans are the ground truth. Offsets are Python str indices (code points,
  end exclusive); the text is kept inside the Basic Multilingual Plane, so they equal
  JavaScript UTF-16 indices too.
* Look-alikes: lookalike true, kind null, spans [], `category` says what they imitate
  (order_number, tracking, card_luhn_fail, iban_bad_checksum, ssn_invalid, ...).
* `checksum_collision` lists kinds whose checksum an unlabelled digit run happens to pass
  (e.g. a 16-digit tracking number that is Luhn-valid): hard negatives, only context separates them.
* CARD spans cover the card number only; an expiry date or CVV typed after it is left
  unlabelled (by design, consistently).
* 30 long messages (5,000-20,000 chars, "long": true) and 10 adversarial inputs
  ("kind": "STRESS", "stress": true, country null, no PII) that exist to be timed, not scored.

The corpus is independent of backend/privacy: every checksum (Luhn, mod-97, Verhoeff, CPF,
11-test, DNI letter, NIR key, Steuer-ID, codice fiscale, TFN, ...) is written here from the
public specifications, and every span value is re-validated before the file is written.
Pure standard library, seeded, so the output is byte-identical on every run.
"""

from __future__ import annotations

import json
import random
import re
import string
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

SEED = 20261120
OUT = Path(__file__).resolve().parent / "data" / "pii_corpus.jsonl"

# =========================================================================== country tables

COUNTRIES = ["US", "UK", "DE", "FR", "ES", "IN", "BR", "NL", "IT", "CA", "AU"]

# Single-value PII items per country and kind (IBAN only where IBANs are domestic), then
# two-value items and look-alikes per country.
PII_PER_COUNTRY = {"PHONE": 42, "EMAIL": 32, "CARD": 24, "NATIONAL_ID": 26, "IBAN": 20}
DOUBLE_PER_COUNTRY = 14
LOOKALIKES_PER_COUNTRY = 150
LONG_WITH_PII, LONG_WITHOUT_PII = 20, 10

# Local language used for a share of the messages (everything else is English).
LOCAL_LANG = {"DE": "de", "FR": "fr", "ES": "es", "BR": "pt", "NL": "nl", "IT": "it", "CA": "fr"}
LOCAL_SHARE = 0.3

FIRST_NAMES = {
    "US": ["james", "mary", "robert", "patricia", "michael", "jennifer", "dana", "tyler", "ashley", "brandon", "keisha", "luis"],
    "UK": ["oliver", "amelia", "harry", "isla", "george", "ava", "jack", "emily", "charlotte", "thomas", "priya", "callum"],
    "DE": ["lukas", "anna", "felix", "lea", "jonas", "marie", "paul", "sophie", "maximilian", "hannah", "juergen", "elif"],
    "FR": ["lucas", "emma", "hugo", "chloe", "louis", "lea", "gabriel", "manon", "jules", "camille", "yanis", "ines"],
    "ES": ["hugo", "lucia", "martin", "sofia", "pablo", "maria", "alejandro", "paula", "daniel", "carmen", "javier", "nuria"],
    "IN": ["aarav", "priya", "rohan", "ananya", "vikram", "sneha", "arjun", "kavya", "rahul", "deepika", "sanjay", "meera"],
    "BR": ["joao", "maria", "pedro", "ana", "lucas", "julia", "gabriel", "beatriz", "rafael", "larissa", "thiago", "camila"],
    "NL": ["daan", "emma", "sem", "julia", "lucas", "sophie", "milan", "tess", "bram", "anouk", "joost", "fleur"],
    "IT": ["francesco", "giulia", "alessandro", "sofia", "lorenzo", "aurora", "matteo", "chiara", "andrea", "martina", "davide", "elena"],
    "CA": ["liam", "olivia", "noah", "emma", "william", "gabrielle", "ethan", "chloe", "felix", "maeve", "owen", "amelie"],
    "AU": ["oliver", "charlotte", "jack", "mia", "william", "isla", "noah", "ava", "lachlan", "matilda", "cooper", "zara"],
}
LAST_NAMES = {
    "US": ["smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "nguyen", "okafor", "kim"],
    "UK": ["taylor", "davies", "evans", "wilson", "thomas", "roberts", "walker", "wright", "hughes", "patel", "obrien", "mcleod"],
    "DE": ["mueller", "schmidt", "schneider", "fischer", "weber", "meyer", "wagner", "becker", "hoffmann", "schaefer", "yilmaz", "koch"],
    "FR": ["martin", "bernard", "dubois", "thomas", "robert", "richard", "petit", "durand", "leroy", "moreau", "nguyen", "girard"],
    "ES": ["garcia", "fernandez", "gonzalez", "rodriguez", "lopez", "martinez", "sanchez", "perez", "gomez", "ruiz", "iglesias", "ortega"],
    "IN": ["sharma", "verma", "patel", "gupta", "singh", "kumar", "reddy", "iyer", "nair", "das", "menon", "chatterjee"],
    "BR": ["silva", "santos", "oliveira", "souza", "rodrigues", "ferreira", "alves", "pereira", "lima", "gomes", "costa", "ribeiro"],
    "NL": ["dejong", "jansen", "devries", "vandenberg", "bakker", "visser", "smit", "meijer", "mulder", "bos", "vandijk", "peters"],
    "IT": ["rossi", "russo", "ferrari", "esposito", "bianchi", "romano", "colombo", "ricci", "marino", "greco", "bruno", "gallo"],
    "CA": ["tremblay", "gagnon", "roy", "cote", "bouchard", "smith", "brown", "wilson", "macdonald", "lee", "singh", "campbell"],
    "AU": ["smith", "jones", "williams", "brown", "wilson", "taylor", "nguyen", "kelly", "ryan", "walker", "obrien", "murphy"],
}
EMAIL_DOMAINS = {
    "US": ["gmail.com", "yahoo.com", "aol.com", "comcast.net", "outlook.com", "icloud.com", "verizon.net", "hotmail.com"],
    "UK": ["gmail.com", "btinternet.com", "sky.com", "yahoo.co.uk", "hotmail.co.uk", "virginmedia.com", "outlook.com"],
    "DE": ["web.de", "gmx.de", "gmx.net", "t-online.de", "posteo.de", "freenet.de", "gmail.com", "outlook.de"],
    "FR": ["orange.fr", "free.fr", "laposte.net", "sfr.fr", "wanadoo.fr", "gmail.com", "hotmail.fr", "yahoo.fr"],
    "ES": ["gmail.com", "hotmail.es", "yahoo.es", "telefonica.net", "outlook.es", "movistar.es"],
    "IN": ["gmail.com", "rediffmail.com", "yahoo.co.in", "outlook.in", "hotmail.com", "zohomail.in"],
    "BR": ["gmail.com", "uol.com.br", "bol.com.br", "terra.com.br", "globo.com", "hotmail.com", "yahoo.com.br"],
    "NL": ["gmail.com", "ziggo.nl", "kpnmail.nl", "hotmail.nl", "xs4all.nl", "planet.nl", "outlook.com"],
    "IT": ["libero.it", "virgilio.it", "tiscali.it", "alice.it", "gmail.com", "hotmail.it", "yahoo.it"],
    "CA": ["gmail.com", "rogers.com", "shaw.ca", "sympatico.ca", "videotron.ca", "outlook.com", "bell.net"],
    "AU": ["gmail.com", "bigpond.com", "optusnet.com.au", "iinet.net.au", "outlook.com.au", "tpg.com.au"],
}
# Work / university style addresses with subdomains.
SUBDOMAIN_DOMAINS = ["mail.northwind-traders.co.uk", "eu.contoso-logistics.com", "student.uva.nl", "research.tum.de",
                     "corp.fabrikam.com", "ext.acme-retail.fr", "studenti.unimi.it", "ti.globex.com.br",
                     "team.initech.co.in", "alumni.ubc.ca", "staff.unimelb.edu.au", "ventas.tienda-sol.es"]
EMAIL_TAGS = ["shop", "orders", "amazon", "news", "2026", "returns", "spam", "tandem"]
# How people spell "@" and "." in their own language when hiding an address from bots.
EMAIL_OBFUSCATION_WORDS = {"fr": ("arobase", "point"), "es": ("arroba", "punto"), "pt": ("arroba", "ponto"),
                           "it": ("chiocciola", "punto"), "de": ("(ät)", "(punkt)"), "nl": ("apenstaartje", "punt")}

# ---- phone numbering plans (only ranges that are in service for the given country)
NANP_AREA_CODES = {
    "US": ["212", "213", "310", "312", "415", "469", "503", "512", "617", "646", "702", "713", "718", "773",
           "786", "801", "808", "818", "832", "917", "206", "305", "404", "480", "602", "619", "650", "720"],
    "CA": ["416", "604", "514", "403", "613", "905", "647", "778", "780", "902", "204", "306", "418", "587"],
}
NANP_EXCHANGES = [f"{n:03d}" for n in range(200, 1000) if n % 100 != 11 and n != 555 and n != 950]
UK_MOBILE_SECOND_DIGIT = "12345789"                       # 071-075, 077-079 (076 is pagers)
UK_GEO_AREAS = [("20", 8, "378"), ("161", 7, "2345789"), ("121", 7, "2345789"), ("131", 7, "2345679"),
                ("141", 7, "2345789"), ("113", 7, "2345789"), ("117", 7, "2345789")]
DE_MOBILE_PREFIXES = {"151": 8, "152": 8, "157": 8, "159": 8, "160": 7, "162": 7, "163": 7, "170": 7, "171": 7,
                      "172": 7, "173": 7, "174": 7, "175": 7, "176": 8, "177": 7, "178": 7, "179": 7}
DE_GEO_AREAS = [("30", (7, 8)), ("40", (7, 8)), ("89", (7, 8)), ("69", (7, 8)), ("221", (6, 8)), ("211", (6, 8)),
                ("711", (6, 8)), ("351", (6, 7)), ("341", (6, 8))]
ES_MOBILE_STARTS = ["6", "71", "72", "73", "74"]
ES_GEO_TWO_DIGIT = ["91", "93"]                              # Madrid, Barcelona
IN_GEO_AREAS = ["11", "22", "33", "44", "80", "40", "20", "79"]
BR_DDD = ["11", "21", "31", "41", "51", "61", "71", "81", "85", "19", "27", "48", "62", "92", "13", "47"]
NL_GEO_AREAS = ["20", "10", "70", "30", "40", "50", "13", "15", "23", "24", "26", "35", "38", "43", "45", "53", "58", "71", "72", "73", "74", "75", "76", "77", "78", "79"]
IT_MOBILE_PREFIXES = ["320", "324", "327", "328", "329", "330", "331", "333", "334", "335", "336", "337", "338", "339",
                      "340", "342", "345", "346", "347", "348", "349", "350", "351", "366", "368", "370", "371",
                      "377", "380", "388", "389", "391", "392", "393"]
IT_GEO_AREAS = [("06", 8), ("02", 8), ("011", 7), ("055", 7), ("081", 7), ("051", 7)]
AU_GEO_AREAS = "2378"

# ---- payment cards: brand -> (prefixes, length); a prefix "2221-2720" style range is expanded
CARD_BRANDS = {
    "Visa": (["4"], 16),
    "Mastercard": (["51", "52", "53", "54", "55"] + [str(n) for n in range(2221, 2721)], 16),
    "Amex": (["34", "37"], 15),
    "Discover": (["6011", "644", "645", "646", "647", "648", "649", "65"], 16),
    "RuPay": (["6521", "6522", "508", "607", "608"], 16),
    "Elo": (["636368", "438935", "504175", "451416", "636297"], 16),
    "Hipercard": (["606282"], 16),
    "JCB": ([str(n) for n in range(3528, 3590)], 16),
}
CARD_MIX = {  # brands in rough proportion to their local share
    "US": ["Visa"] * 5 + ["Mastercard"] * 3 + ["Amex"] * 2 + ["Discover"],
    "UK": ["Visa"] * 5 + ["Mastercard"] * 4 + ["Amex"],
    "DE": ["Visa"] * 4 + ["Mastercard"] * 5 + ["Amex"],
    "FR": ["Visa"] * 5 + ["Mastercard"] * 4 + ["Amex"],
    "ES": ["Visa"] * 5 + ["Mastercard"] * 4 + ["Amex"],
    "IN": ["Visa"] * 4 + ["Mastercard"] * 3 + ["RuPay"] * 3 + ["Amex"],
    "BR": ["Visa"] * 3 + ["Mastercard"] * 4 + ["Elo"] * 2 + ["Hipercard"] + ["Amex"],
    "NL": ["Visa"] * 5 + ["Mastercard"] * 4 + ["Amex"],
    "IT": ["Visa"] * 5 + ["Mastercard"] * 4 + ["Amex"],
    "CA": ["Visa"] * 5 + ["Mastercard"] * 4 + ["Amex"] * 2,
    "AU": ["Visa"] * 5 + ["Mastercard"] * 4 + ["Amex"] * 2 + ["JCB"],
}

# ---- IBANs: which IBAN country a customer of ours banks in (None: no domestic IBAN)
IBAN_COUNTRY = {"DE": "DE", "FR": "FR", "ES": "ES", "NL": "NL", "UK": "GB", "IT": "IT", "BR": "BR"}
IBAN_LENGTH = {"DE": 22, "FR": 27, "ES": 24, "NL": 18, "GB": 22, "IT": 27, "BR": 29}
DE_BANK_CODES = ["10070000", "10010010", "20041133", "37040044", "50010517", "50070010", "60050101", "70150000", "12030000", "43060967"]
FR_BANK_CODES = ["30004", "30003", "20041", "10278", "30002", "11315", "16606", "10107", "17515", "30066"]
ES_BANK_CODES = ["2100", "0049", "0182", "0081", "2038", "0128", "1465", "0073", "2080", "3058"]
NL_BANK_CODES = ["ABNA", "INGB", "RABO", "SNSB", "ASNB", "TRIO", "KNAB", "BUNQ", "RBRB"]
GB_BANKS = {"NWBK": "60", "BARC": "20", "LOYD": "30", "HBUK": "40", "MIDL": "40", "NAIA": "07", "MONZ": "04", "SRLG": "09"}
IT_ABI_CODES = ["03069", "02008", "05034", "03032", "01030", "05696", "03111", "06230"]
BR_BANK_ISPB = ["00000000", "00360305", "60701190", "60746948", "90400888", "18236120", "00416968"]

# ---- national identifiers
NATIONAL_ID_TYPES = {"US": ["ssn"], "UK": ["nino"], "DE": ["steuer_id"], "FR": ["nir"], "ES": ["dni", "nie"],
                     "IN": ["aadhaar"], "BR": ["cpf"], "NL": ["bsn"], "IT": ["codice_fiscale"], "CA": ["sin"], "AU": ["tfn"]}
ID_LABELS = {  # (English-language messages, local-language messages)
    "ssn": (["SSN", "social security number", "Social Security #", "SSN#", "social"], []),
    "nino": (["National Insurance number", "NI number", "NINO", "NI no."], []),
    "steuer_id": (["Steuer-ID", "tax ID", "German tax ID (Steuer-ID)", "tax identification number"],
                  ["Steuer-ID", "Steueridentifikationsnummer", "steuerliche Identifikationsnummer", "IdNr"]),
    "nir": (["social security number", "French social security number", "NIR", "carte vitale number"],
            ["numéro de sécurité sociale", "numéro de sécu", "NIR", "numéro de carte vitale"]),
    "dni": (["DNI", "NIF", "Spanish ID number (DNI)", "DNI number"], ["DNI", "NIF", "número de DNI"]),
    "nie": (["NIE", "NIE number", "foreigner ID (NIE)"], ["NIE", "número de NIE"]),
    "aadhaar": (["Aadhaar", "Aadhaar number", "aadhar no", "UID"], []),
    "cpf": (["CPF", "CPF number", "Brazilian CPF"], ["CPF", "número do CPF"]),
    "bsn": (["BSN", "burgerservicenummer", "citizen service number (BSN)"], ["BSN", "burgerservicenummer", "sofinummer"]),
    "codice_fiscale": (["codice fiscale", "Italian tax code", "fiscal code"], ["codice fiscale", "CF"]),
    "sin": (["SIN", "social insurance number", "SIN number"], ["NAS", "numéro d'assurance sociale"]),
    "tfn": (["TFN", "tax file number", "TFN number"], []),
}
NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"                     # not D F I Q U V
NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"                     # not D F I O Q U V
NINO_BAD_PREFIXES = ["BG", "GB", "NK", "KN", "TN", "NT", "ZZ"]
DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
IT_BELFIORE = ["H501", "F205", "F839", "L219", "G273", "D612", "A944", "L736", "G224", "C351"]
IT_MONTH_LETTERS = "ABCDEHLMPRST"

# =========================================================================== checksums


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def luhn_ok(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def luhn_complete(body: str) -> str:
    return next(body + c for c in string.digits if luhn_ok(body + c))


def iban_mod97(iban: str) -> int:
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in rearranged.upper())) % 97


def make_iban(cc: str, bban: str) -> str:
    check = 98 - iban_mod97(cc + "00" + bban)
    iban = f"{cc}{check:02d}{bban}"
    assert iban_mod97(iban) == 1 and len(iban) == IBAN_LENGTH[cc], iban
    return iban


VERHOEFF_D = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
              [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
              [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
              [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
VERHOEFF_P = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
              [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
              [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_ok(number: str) -> bool:
    c = 0
    for i, ch in enumerate(reversed(number)):
        c = VERHOEFF_D[c][VERHOEFF_P[i % 8][int(ch)]]
    return c == 0


def verhoeff_complete(body: str) -> str:
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = VERHOEFF_D[c][VERHOEFF_P[(i + 1) % 8][int(ch)]]
    return body + str(VERHOEFF_INV[c])


def ssn_ok(area: int, group: int, serial: int) -> bool:
    return 1 <= area <= 899 and area != 666 and group != 0 and serial != 0


def nino_ok(value: str) -> bool:
    v = value.replace(" ", "").upper()
    return bool(re.fullmatch(f"[{NINO_FIRST}][{NINO_SECOND}]\\d{{6}}[A-D]", v)) and v[:2] not in NINO_BAD_PREFIXES


def nir_ok(value: str) -> bool:
    v = value.replace(" ", "")
    return len(v) == 15 and v.isdigit() and v[0] in "12" and 97 - int(v[:13]) % 97 == int(v[13:])


def dni_ok(value: str) -> bool:
    v = re.sub(r"[\s.\-]", "", value).upper()
    if v[0] in "XYZ":
        v = str("XYZ".index(v[0])) + v[1:]
    return len(v) == 9 and v[:8].isdigit() and DNI_LETTERS[int(v[:8]) % 23] == v[8]


def cpf_check_digits(nine: str) -> str:
    d1 = sum(int(c) * w for c, w in zip(nine, range(10, 1, -1), strict=True)) * 10 % 11 % 10
    d2 = sum(int(c) * w for c, w in zip(nine + str(d1), range(11, 1, -1), strict=True)) * 10 % 11 % 10
    return f"{d1}{d2}"


def cpf_ok(value: str) -> bool:
    v = re.sub(r"\D", "", value)
    return len(v) == 11 and len(set(v)) > 1 and cpf_check_digits(v[:9]) == v[9:]


def bsn_ok(value: str) -> bool:
    v = re.sub(r"\D", "", value)
    return len(v) == 9 and (sum(int(c) * w for c, w in zip(v[:8], range(9, 1, -1), strict=True)) - int(v[8])) % 11 == 0


def steuer_id_check(ten: str) -> int:
    """ISO 7064 MOD 11,10 as used for the German Steuer-ID."""
    product = 10
    for ch in ten:
        s = (int(ch) + product) % 10 or 10
        product = s * 2 % 11
    check = 11 - product
    return 0 if check == 10 else check


def steuer_id_ok(value: str) -> bool:
    v = re.sub(r"\D", "", value)
    if len(v) != 11 or v[0] == "0" or steuer_id_check(v[:10]) != int(v[10]):
        return False
    counts = sorted(Counter(v[:10]).values(), reverse=True)
    return counts[0] in (2, 3) and counts[1] == 1


def tfn_ok(value: str) -> bool:
    v = re.sub(r"\D", "", value)
    return len(v) == 9 and sum(int(c) * w for c, w in zip(v, [1, 4, 3, 7, 5, 8, 6, 9, 10], strict=True)) % 11 == 0


CF_ODD = {**dict(zip(string.digits, [1, 0, 5, 7, 9, 13, 15, 17, 19, 21], strict=True)),
          **dict(zip(string.ascii_uppercase, [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14,
                                              16, 10, 22, 25, 24, 23], strict=True))}
CF_EVEN = {**{d: int(d) for d in string.digits}, **{c: i for i, c in enumerate(string.ascii_uppercase)}}


def italian_check_char(body: str) -> str:
    """Check character of the codice fiscale; the same odd/even tables give an Italian IBAN's CIN."""
    total = sum(CF_ODD[c] if i % 2 == 0 else CF_EVEN[c] for i, c in enumerate(body.upper()))
    return string.ascii_uppercase[total % 26]


def codice_fiscale_ok(value: str) -> bool:
    v = value.replace(" ", "").upper()
    return bool(re.fullmatch(r"[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]", v)) and italian_check_char(v[:15]) == v[15]


def ean_check(body: str) -> str:
    total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
    return str((10 - total % 10) % 10)


def upc_check(body11: str) -> str:
    total = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(body11))
    return str((10 - total % 10) % 10)


def isbn10_check(body9: str) -> str:
    r = (11 - sum(int(c) * w for c, w in zip(body9, range(10, 1, -1), strict=True)) % 11) % 11
    return "X" if r == 10 else str(r)


def ups_check(body15: str) -> str:
    values = [int(c) if c.isdigit() else (ord(c) - 63) % 10 for c in body15]
    total = sum(v * (2 if i % 2 else 1) for i, v in enumerate(values))
    return str((10 - total % 10) % 10)


def mod10_31_check(body: str) -> str:
    """USPS / DHL Paket style: weights 3,1 from the right."""
    total = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def s10_check(eight: str) -> str:
    r = 11 - sum(int(c) * w for c, w in zip(eight, [8, 6, 4, 2, 3, 5, 9, 7], strict=True)) % 11
    return {10: "0", 11: "5"}.get(r, str(r))


def group(s: str, sizes: list[int], sep: str = " ") -> str:
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n])
        i += n
    if i < len(s):
        out.append(s[i:])
    return sep.join(p for p in out if p)


def group4(s: str, sep: str = " ") -> str:
    return sep.join(s[i:i + 4] for i in range(0, len(s), 4))


def pick(forms: list[tuple[str, str]], i: int) -> tuple[str, str]:
    """Formats are used round-robin so every format of every country is covered."""
    return forms[i % len(forms)]


# =========================================================================== PII values


@dataclass
class Pii:
    kind: str
    value: str
    format: str
    suffix: str = ""                                   # unlabelled text typed right after (card expiry/CVV)
    extra: dict = field(default_factory=dict)          # template fillers that depend on the value ({brand}, {label})


# ---- phones: one function per numbering plan, each returns (format name, value)

def phone_nanp(rng: random.Random, i: int, country: str) -> tuple[str, str]:
    a, b, c = rng.choice(NANP_AREA_CODES[country]), rng.choice(NANP_EXCHANGES), digits(rng, 4)
    return pick([
        ("digits", f"{a}{b}{c}"), ("paren", f"({a}) {b}-{c}"), ("paren_tight", f"({a}){b}-{c}"),
        ("dots", f"{a}.{b}.{c}"), ("dashes", f"{a}-{b}-{c}"), ("spaces", f"{a} {b} {c}"),
        ("intl_spaces", f"+1 {a} {b} {c}"), ("intl_paren", f"+1 ({a}) {b}-{c}"), ("one_dashes", f"1-{a}-{b}-{c}"),
        ("intl_dashes", f"+1-{a}-{b}-{c}"), ("e164", f"+1{a}{b}{c}"), ("one_paren", f"1 ({a}) {b}-{c}"),
        ("intl_dots", f"+1.{a}.{b}.{c}"), ("one_digits", f"1{a}{b}{c}"),
    ], i)


def phone_uk(rng: random.Random, i: int) -> tuple[str, str]:
    m = "7" + rng.choice(UK_MOBILE_SECOND_DIGIT) + digits(rng, 8)
    area, sub_len, first = rng.choice(UK_GEO_AREAS)
    sub = rng.choice(first) + digits(rng, sub_len - 1)
    sub_fmt = group(sub, [4, 4]) if len(area) == 2 else group(sub, [3, 4]) if len(area) == 3 else sub
    return pick([
        ("mobile_national", f"0{m[:4]} {m[4:]}"), ("mobile_compact", f"0{m}"), ("mobile_intl", f"+44 {m[:4]} {m[4:]}"),
        ("mobile_e164", f"+44{m}"), ("mobile_intl_trunk", f"+44 (0){m[:4]} {m[4:]}"), ("mobile_00", f"0044 {m[:4]} {m[4:]}"),
        ("mobile_5_3_3", f"0{m[:4]} {m[4:7]} {m[7:]}"), ("mobile_dashes", f"0{m[:4]}-{m[4:7]}-{m[7:]}"),
        ("geo_national", f"0{area} {sub_fmt}"), ("geo_intl_trunk", f"+44 (0){area} {sub_fmt}"),
        ("geo_intl", f"+44 {area} {sub_fmt}"), ("geo_paren", f"(0{area}) {sub_fmt}"), ("geo_compact", f"0{area}{sub}"),
    ], i)


def phone_de(rng: random.Random, i: int) -> tuple[str, str]:
    p = rng.choice(list(DE_MOBILE_PREFIXES))
    sub = rng.choice("123456789") + digits(rng, DE_MOBILE_PREFIXES[p] - 1)
    area, (lo, hi) = rng.choice(DE_GEO_AREAS)
    g = rng.choice("23456789") + digits(rng, rng.randint(lo, hi) - 1)
    half = len(sub) // 2
    return pick([
        ("mobile_national", f"0{p} {sub}"), ("mobile_compact", f"0{p}{sub}"), ("mobile_dash", f"0{p}-{sub}"),
        ("mobile_slash", f"0{p}/{sub}"), ("mobile_intl", f"+49 {p} {sub}"), ("mobile_intl_trunk", f"+49 (0){p} {sub}"),
        ("mobile_e164", f"+49{p}{sub}"), ("mobile_00", f"0049 {p} {sub}"), ("mobile_grouped", f"0{p} {sub[:half]} {sub[half:]}"),
        ("geo_slash", f"0{area}/{g}"), ("geo_national", f"0{area} {g}"), ("geo_paren", f"(0{area}) {g}"),
        ("geo_intl", f"+49 {area} {g}"), ("geo_grouped", f"0{area} {g[:3]} {g[3:]}"), ("geo_intl_trunk", f"+49 (0){area} {g}"),
        ("geo_dash", f"0{area}-{g}"),
    ], i)


def phone_fr(rng: random.Random, i: int) -> tuple[str, str]:
    m = rng.choice(["6" + digits(rng, 8), "7" + rng.choice("3456789") + digits(rng, 7)])
    g = rng.choice(["1", "2", "3", "4", "5", "9"]) + rng.choice("2345678") + digits(rng, 7)

    def pairs(n: str, sep: str) -> str:
        return sep.join([n[0]] + [n[k:k + 2] for k in range(1, 9, 2)])
    return pick([
        ("national_spaced", "0" + pairs(m, " ")), ("national_dots", "0" + pairs(m, ".")),
        ("national_dashes", "0" + pairs(m, "-")), ("national_compact", "0" + m), ("intl_spaced", "+33 " + pairs(m, " ")),
        ("e164", "+33" + m), ("intl_trunk", "+33 (0)" + pairs(m, " ")), ("intl_00", "0033 " + pairs(m, " ")),
        ("geo_spaced", "0" + pairs(g, " ")), ("geo_intl", "+33 " + pairs(g, " ")), ("geo_dots", "0" + pairs(g, ".")),
    ], i)


def phone_es(rng: random.Random, i: int) -> tuple[str, str]:
    start = rng.choice(ES_MOBILE_STARTS)
    m = start + digits(rng, 9 - len(start))
    g = rng.choice(ES_GEO_TWO_DIGIT) + rng.choice("2345678") + digits(rng, 6)
    return pick([
        ("mobile_3_2_2_2", group(m, [3, 2, 2, 2])), ("mobile_3_3_3", group(m, [3, 3, 3])), ("mobile_compact", m),
        ("intl_compact", f"+34 {m}"), ("intl_3_2_2_2", "+34 " + group(m, [3, 2, 2, 2])),
        ("intl_3_3_3", "+34 " + group(m, [3, 3, 3])), ("intl_00", "0034 " + group(m, [3, 3, 3])), ("e164", f"+34{m}"),
        ("mobile_dashes", group(m, [3, 3, 3], "-")), ("geo_2_3_2_2", group(g, [2, 3, 2, 2])),
        ("geo_intl", "+34 " + group(g, [2, 3, 2, 2])), ("geo_3_3_3", group(g, [3, 3, 3])),
    ], i)


def phone_in(rng: random.Random, i: int) -> tuple[str, str]:
    m = rng.choice("6789") + digits(rng, 9)
    area = rng.choice(IN_GEO_AREAS)
    g = rng.choice("23456") + digits(rng, 7)
    return pick([
        ("mobile_5_5", f"{m[:5]} {m[5:]}"), ("mobile_compact", m), ("intl_5_5", f"+91 {m[:5]} {m[5:]}"),
        ("intl_dash", f"+91-{m}"), ("e164", f"+91{m}"), ("trunk_compact", f"0{m}"), ("trunk_5_5", f"0 {m[:5]} {m[5:]}"),
        ("intl_3_3_4", "+91 " + group(m, [3, 3, 4])), ("intl_5_dash_5", f"+91 {m[:5]}-{m[5:]}"),
        ("cc_dash", f"91-{m}"), ("geo_national", f"0{area} {g[:4]} {g[4:]}"), ("geo_dash", f"0{area}-{g}"),
        ("geo_intl", f"+91 {area} {g[:4]} {g[4:]}"),
    ], i)


def phone_br(rng: random.Random, i: int) -> tuple[str, str]:
    ddd = rng.choice(BR_DDD)
    m = "9" + rng.choice("6789") + digits(rng, 7)
    land = rng.choice("2345") + digits(rng, 7)
    return pick([
        ("paren", f"({ddd}) {m[:5]}-{m[5:]}"), ("paren_tight", f"({ddd}){m[:5]}-{m[5:]}"),
        ("spaced", f"{ddd} {m[:5]}-{m[5:]}"), ("compact", f"{ddd}{m}"), ("intl", f"+55 {ddd} {m[:5]}-{m[5:]}"),
        ("intl_paren", f"+55 ({ddd}) {m[:5]}-{m[5:]}"), ("e164", f"+55{ddd}{m}"),
        ("nine_split", f"({ddd}) 9 {m[1:5]}-{m[5:]}"), ("nine_split_plain", f"{ddd} 9 {m[1:5]} {m[5:]}"),
        ("land_paren", f"({ddd}) {land[:4]}-{land[4:]}"), ("land_intl", f"+55 {ddd} {land[:4]}-{land[4:]}"),
        ("land_spaced", f"{ddd} {land[:4]} {land[4:]}"),
    ], i)


def phone_nl(rng: random.Random, i: int) -> tuple[str, str]:
    m = "6" + rng.choice("12345") + digits(rng, 7)
    area = rng.choice(NL_GEO_AREAS)
    g = rng.choice("23456789") + digits(rng, 6)
    return pick([
        ("mobile_dash", f"0{m[0]}-{m[1:]}"), ("mobile_space", f"0{m[0]} {m[1:]}"), ("mobile_compact", f"0{m}"),
        ("mobile_4_4", f"0{m[0]} {m[1:5]} {m[5:]}"), ("mobile_pairs", "0" + group(m, [1, 2, 2, 2, 2])),
        ("intl", f"+31 {m[0]} {m[1:]}"), ("e164", f"+31{m}"), ("intl_trunk", f"+31 (0){m[0]} {m[1:]}"),
        ("intl_00", f"0031 {m[0]} {m[1:]}"), ("intl_4_4", f"+31 {m[0]} {m[1:5]} {m[5:]}"),
        ("geo_dash", f"0{area}-{g}"), ("geo_3_4", f"0{area} {g[:3]} {g[3:]}"), ("geo_intl", f"+31 {area} {g[:3]} {g[3:]}"),
        ("geo_paren", f"(0{area}) " + group(g, [3, 2, 2])),
    ], i)


def phone_it(rng: random.Random, i: int) -> tuple[str, str]:
    m = rng.choice(IT_MOBILE_PREFIXES) + digits(rng, 7)
    area, sub_len = rng.choice(IT_GEO_AREAS)
    g = rng.choice("23456789") + digits(rng, sub_len - 1)
    g_fmt = group(g, [4, 4]) if sub_len == 8 else group(g, [3, 4])
    return pick([
        ("mobile_3_7", f"{m[:3]} {m[3:]}"), ("mobile_3_3_4", group(m, [3, 3, 4])), ("mobile_compact", m),
        ("mobile_dash", f"{m[:3]}-{m[3:]}"), ("mobile_dots", group(m, [3, 3, 4], ".")),
        ("intl_3_3_4", "+39 " + group(m, [3, 3, 4])), ("intl_compact", f"+39 {m}"), ("e164", f"+39{m}"),
        ("intl_00", f"0039 {m[:3]} {m[3:]}"), ("geo_grouped", f"{area} {g_fmt}"), ("geo_intl", f"+39 {area} {g_fmt}"),
        ("geo_compact", f"{area}{g}"), ("geo_dash", f"{area}-{g}"),
    ], i)


def phone_au(rng: random.Random, i: int) -> tuple[str, str]:
    m = "4" + digits(rng, 8)
    area = rng.choice(AU_GEO_AREAS)
    g = rng.choice("3456789") + digits(rng, 7)
    return pick([
        ("mobile_4_3_3", f"0{m[:3]} {m[3:6]} {m[6:]}"), ("mobile_compact", f"0{m}"), ("mobile_4_6", f"0{m[:3]} {m[3:]}"),
        ("intl", f"+61 {m[:3]} {m[3:6]} {m[6:]}"), ("e164", f"+61{m}"), ("intl_trunk", f"+61 (0){m[:3]} {m[3:6]} {m[6:]}"),
        ("intl_00", f"0061 {m[:3]} {m[3:6]} {m[6:]}"), ("geo_paren", f"(0{area}) {g[:4]} {g[4:]}"),
        ("geo_national", f"0{area} {g[:4]} {g[4:]}"), ("geo_intl", f"+61 {area} {g[:4]} {g[4:]}"),
        ("geo_compact", f"0{area}{g}"),
    ], i)


def phone(rng: random.Random, country: str, i: int) -> Pii:
    if country in ("US", "CA"):
        fmt, value = phone_nanp(rng, i, country)
    else:
        fmt, value = {"UK": phone_uk, "DE": phone_de, "FR": phone_fr, "ES": phone_es, "IN": phone_in, "BR": phone_br,
                      "NL": phone_nl, "IT": phone_it, "AU": phone_au}[country](rng, i)
    return Pii("PHONE", value, f"{country.lower()}:{fmt}")


# ---- emails

def email_local(rng: random.Random, country: str, style: str) -> str:
    first, last = rng.choice(FIRST_NAMES[country]), rng.choice(LAST_NAMES[country])
    return {
        "dot": f"{first}.{last}", "joined": f"{first}{last}", "underscore": f"{first}_{last}",
        "initial": f"{first[0]}{last}", "hyphen": f"{first}-{last}", "digits": f"{first}{last}{rng.randint(70, 99)}",
        "year": f"{first}.{last}{rng.randint(1960, 2006)}", "middle": f"{first}.{rng.choice(string.ascii_lowercase)}.{last}",
        "reversed": f"{last}.{first}", "plus": f"{first}.{last}+{rng.choice(EMAIL_TAGS)}",
    }[style]


def email(rng: random.Random, country: str, i: int) -> Pii:
    domain = rng.choice(EMAIL_DOMAINS[country])
    local = email_local(rng, country, rng.choice(["dot", "joined", "underscore", "initial", "digits", "year", "middle", "reversed"]))
    at_word, dot_word = EMAIL_OBFUSCATION_WORDS.get(LOCAL_LANG.get(country, ""), ("at", "dot"))

    def spelled(at: str, dot: str, d: str = domain) -> str:
        return f"{local} {at} " + f" {dot} ".join(d.split("."))
    upper_local = ".".join(p.capitalize() for p in local.split("."))
    forms = [
        ("plain", f"{local}@{domain}"),
        ("plus", f"{email_local(rng, country, 'plus')}@{rng.choice(['gmail.com', domain])}"),
        ("hyphen", f"{email_local(rng, country, 'hyphen')}@{domain}"),
        ("digits", f"{email_local(rng, country, 'digits')}@{domain}"),
        ("subdomain", f"{local}@{rng.choice(SUBDOMAIN_DOMAINS)}"),
        ("capitalised", f"{upper_local}@{domain.capitalize()}"),
        ("uppercase", f"{local}@{domain}".upper()),
        ("plain", f"{local}@{domain}"),
        ("obf_words", spelled("at", "dot")),
        ("obf_brackets", spelled("[at]", "[dot]")),
        ("obf_paren_at", f"{local}(at){domain}"),
        ("obf_spaced_at", f"{local} @ {domain}"),
        ("obf_caps", spelled("AT", "DOT")),
        ("obf_braces", f"{local}{{at}}" + "{dot}".join(domain.split("."))),
        ("obf_parens", spelled("(at)", "(dot)")),
        ("obf_at_only", f"{local} at {domain}"),
        ("obf_local_words", spelled(at_word, dot_word)),
        ("plain", f"{local}@{domain}"), ("digits", f"{email_local(rng, country, 'year')}@{domain}"),
        ("subdomain", f"{email_local(rng, country, 'initial')}@{rng.choice(SUBDOMAIN_DOMAINS)}"),
        ("plus", f"{email_local(rng, country, 'plus')}@{domain}"),
    ]
    fmt, value = pick(forms, i)
    return Pii("EMAIL", value, f"email:{fmt}")


# ---- payment cards

def card_number(rng: random.Random, brand: str) -> str:
    prefixes, length = CARD_BRANDS[brand]
    prefix = rng.choice(prefixes)
    number = luhn_complete(prefix + digits(rng, length - len(prefix) - 1))
    assert luhn_ok(number) and len(number) == length
    return number


def card_suffix(rng: random.Random, brand: str) -> str:
    mm, yy = rng.randint(1, 12), rng.randint(26, 31)
    cvv = digits(rng, 4 if brand == "Amex" else 3)
    return rng.choice([f" exp {mm:02d}/{yy} cvv {cvv}", f" exp {mm:02d}/{yy}, cvv {cvv}", f" {mm:02d}/{yy} {cvv}",
                       f", expiry {mm:02d}/20{yy}, security code {cvv}", f" valid thru {mm:02d}/{yy} CVC {cvv}",
                       f" (exp {mm}/{yy})", f" exp. {mm:02d}-{yy} cvv: {cvv}", f" {mm:02d}/20{yy} cvc {cvv}"])


def card(rng: random.Random, country: str, i: int) -> Pii:
    brand = rng.choice(CARD_MIX[country])
    n = card_number(rng, brand)
    if len(n) == 15:
        forms = [("compact", n), ("4_6_5", group(n, [4, 6, 5])), ("4_6_5_dash", group(n, [4, 6, 5], "-")),
                 ("4_6_5_double", group(n, [4, 6, 5], "  ")), ("4_4_4_3", group4(n))]
    else:
        forms = [("compact", n), ("space4", group4(n)), ("double_space", group4(n, "  ")),
                 ("mixed_space", n[:4] + "  " + group4(n[4:])), ("dash4", group4(n, "-")), ("space4", group4(n)),
                 ("space_dash_mixed", f"{n[:4]} {n[4:8]}-{n[8:12]} {n[12:]}")]
    fmt, value = pick(forms, i)
    suffix = card_suffix(rng, brand) if rng.random() < 0.35 else ""
    return Pii("CARD", value, f"card:{brand.lower()}:{fmt}" + (":expiry" if suffix else ""), suffix, {"brand": brand})


# ---- IBANs: one BBAN builder per country (national check digits computed where they exist)

def bban_de(rng: random.Random) -> str:
    return rng.choice(DE_BANK_CODES) + digits(rng, 10)


def bban_fr(rng: random.Random) -> str:
    bank, branch, account = rng.choice(FR_BANK_CODES), digits(rng, 5), digits(rng, 11)
    key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
    return f"{bank}{branch}{account}{key:02d}"


def bban_es(rng: random.Random) -> str:
    def control(s: str) -> str:
        r = 11 - sum(int(c) * w for c, w in zip(s, [1, 2, 4, 8, 5, 10, 9, 7, 3, 6], strict=True)) % 11
        return str({11: 0, 10: 1}.get(r, r))
    bank, branch, account = rng.choice(ES_BANK_CODES), digits(rng, 4), digits(rng, 10)
    return bank + branch + control("00" + bank + branch) + control(account) + account


def bban_nl(rng: random.Random) -> str:
    bank = rng.choice(NL_BANK_CODES)
    while True:                                   # old Dutch account numbers pass the 11-test (ING ex-Postbank excepted)
        account = "0" + digits(rng, 9)
        if bank == "INGB" or sum(int(c) * w for c, w in zip(account, range(10, 0, -1), strict=True)) % 11 == 0:
            return bank + account


def bban_gb(rng: random.Random) -> str:
    bank = rng.choice(list(GB_BANKS))
    return bank + GB_BANKS[bank] + digits(rng, 4) + digits(rng, 8)


def bban_it(rng: random.Random) -> str:
    body = rng.choice(IT_ABI_CODES) + digits(rng, 5) + "0000" + digits(rng, 8)
    return italian_check_char(body) + body


def bban_br(rng: random.Random) -> str:
    return rng.choice(BR_BANK_ISPB) + digits(rng, 5) + "00" + digits(rng, 8) + rng.choice("CP") + "1"


BBAN = {"DE": bban_de, "FR": bban_fr, "ES": bban_es, "NL": bban_nl, "GB": bban_gb, "IT": bban_it, "BR": bban_br}


def iban_value(rng: random.Random, cc: str) -> str:
    return make_iban(cc, BBAN[cc](rng))


def iban(rng: random.Random, country: str, i: int) -> Pii:
    cc = IBAN_COUNTRY[country] if rng.random() < 0.85 else rng.choice(sorted(BBAN))   # some bank abroad
    raw = iban_value(rng, cc)
    fmt, value = pick([("grouped", group4(raw)), ("compact", raw), ("lower_grouped", group4(raw).lower()),
                       ("grouped", group4(raw)), ("lower_compact", raw.lower())], i)
    return Pii("IBAN", value, f"iban:{cc}:{fmt}")


# ---- national identifiers: one generator per identifier, each returns (format name, value)

def ssn(rng: random.Random, i: int) -> tuple[str, str]:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    group_, serial = rng.randint(1, 99), rng.randint(1, 9999)
    assert ssn_ok(area, group_, serial)
    a, g, s = f"{area:03d}", f"{group_:02d}", f"{serial:04d}"
    return pick([("dashes", f"{a}-{g}-{s}"), ("spaces", f"{a} {g} {s}"), ("digits", f"{a}{g}{s}")], i)


def nino(rng: random.Random, i: int) -> tuple[str, str]:
    while True:
        prefix = rng.choice(NINO_FIRST) + rng.choice(NINO_SECOND)
        if prefix not in NINO_BAD_PREFIXES:
            break
    d, suffix = digits(rng, 6), rng.choice("ABCD")
    return pick([("pairs", f"{prefix} {d[:2]} {d[2:4]} {d[4:]} {suffix}"), ("compact", f"{prefix}{d}{suffix}"),
                 ("three_parts", f"{prefix} {d} {suffix}"), ("lower_compact", f"{prefix}{d}{suffix}".lower())], i)


def steuer_id(rng: random.Random, i: int) -> tuple[str, str]:
    while True:
        pool = rng.sample(string.digits, 9)               # nine distinct digits, one of them used twice
        ten = [*pool, rng.choice(pool)]
        rng.shuffle(ten)
        ten = "".join(ten)
        if ten[0] != "0":
            break
    v = ten + str(steuer_id_check(ten))
    return pick([("compact", v), ("official", f"{v[:2]} {v[2:5]} {v[5:8]} {v[8:]}"), ("3_3_3_2", group(v, [3, 3, 3, 2]))], i)


def nir(rng: random.Random, i: int) -> tuple[str, str]:
    dept = rng.choice([d for d in range(1, 96) if d != 20])
    body = (f"{rng.choice('12')}{rng.randint(40, 99) if rng.random() < .8 else rng.randint(0, 6):02d}{rng.randint(1, 12):02d}"
            f"{dept:02d}{rng.randint(1, 990):03d}{rng.randint(1, 999):03d}")
    v = body + f"{97 - int(body) % 97:02d}"
    spaced = group(v, [1, 2, 2, 2, 3, 3, 2])
    return pick([("spaced", spaced), ("compact", v), ("key_apart", f"{body} {v[13:]}"), ("spaced", spaced)], i)


def dni(rng: random.Random, i: int) -> tuple[str, str]:
    n = rng.randint(1_000_000, 99_999_999)
    s, letter = f"{n:08d}", DNI_LETTERS[n % 23]
    return pick([("compact", s + letter), ("dash", f"{s}-{letter}"), ("dotted", f"{s[:2]}.{s[2:5]}.{s[5:]}-{letter}"),
                 ("space", f"{s} {letter}"), ("lower_letter", s + letter.lower())], i)


def nie(rng: random.Random, i: int) -> tuple[str, str]:
    p, n = rng.choice("XYZ"), digits(rng, 7)
    letter = DNI_LETTERS[int(str("XYZ".index(p)) + n) % 23]
    return pick([("compact", f"{p}{n}{letter}"), ("dashes", f"{p}-{n}-{letter}"), ("spaces", f"{p} {n} {letter}"),
                 ("lower", f"{p}{n}{letter}".lower())], i)


def aadhaar(rng: random.Random, i: int) -> tuple[str, str]:
    v = verhoeff_complete(rng.choice("23456789") + digits(rng, 10))
    return pick([("spaced", group4(v)), ("compact", v), ("dashes", group4(v, "-"))], i)


def cpf(rng: random.Random, i: int) -> tuple[str, str]:
    nine = digits(rng, 9)
    v = nine + cpf_check_digits(nine)
    return pick([("formatted", f"{v[:3]}.{v[3:6]}.{v[6:9]}-{v[9:]}"), ("digits", v), ("dash_only", f"{v[:9]}-{v[9:]}"),
                 ("spaced", f"{v[:3]} {v[3:6]} {v[6:9]} {v[9:]}")], i)


def bsn(rng: random.Random, i: int) -> tuple[str, str]:
    while True:
        eight = rng.choice("123456789") + digits(rng, 7)
        last = sum(int(c) * w for c, w in zip(eight, range(9, 1, -1), strict=True)) % 11
        if last < 10:
            break
    v = eight + str(last)
    return pick([("compact", v), ("dotted", f"{v[:4]}.{v[4:6]}.{v[6:]}"), ("spaced", group(v, [3, 3, 3]))], i)


def codice_fiscale(rng: random.Random, i: int) -> tuple[str, str]:
    def code(name: str, is_first: bool) -> str:
        cons = [c for c in name.upper() if c in "BCDFGHJKLMNPQRSTVWXYZ"]
        vows = [c for c in name.upper() if c in "AEIOU"]
        if is_first and len(cons) >= 4:
            return cons[0] + cons[2] + cons[3]
        return "".join(cons + vows + ["X"] * 3)[:3]
    female = rng.random() < 0.5
    day = rng.randint(1, 28) + (40 if female else 0)
    body = (code(rng.choice(LAST_NAMES["IT"]), False) + code(rng.choice(FIRST_NAMES["IT"]), True)
            + f"{rng.randint(40, 99):02d}" + rng.choice(IT_MONTH_LETTERS) + f"{day:02d}" + rng.choice(IT_BELFIORE))
    v = body + italian_check_char(body)
    return pick([("compact", v), ("lower", v.lower()), ("spaced", f"{v[:3]} {v[3:6]} {v[6:11]} {v[11:]}")], i)


def sin(rng: random.Random, i: int) -> tuple[str, str]:
    v = luhn_complete(rng.choice("1234567") + digits(rng, 7))
    return pick([("dashes", group(v, [3, 3, 3], "-")), ("spaces", group(v, [3, 3, 3])), ("compact", v)], i)


def tfn(rng: random.Random, i: int) -> tuple[str, str]:
    while True:
        eight = rng.choice("123456789") + digits(rng, 7)
        last = sum(int(c) * w for c, w in zip(eight, [1, 4, 3, 7, 5, 8, 6, 9], strict=True)) % 11
        if last < 10:
            break
    v = eight + str(last)
    return pick([("spaces", group(v, [3, 3, 3])), ("compact", v), ("dashes", group(v, [3, 3, 3], "-"))], i)


ID_GENERATORS = {"ssn": ssn, "nino": nino, "steuer_id": steuer_id, "nir": nir, "dni": dni, "nie": nie, "aadhaar": aadhaar,
                 "cpf": cpf, "bsn": bsn, "codice_fiscale": codice_fiscale, "sin": sin, "tfn": tfn}
ID_VALIDATORS = {"ssn": lambda v: ssn_ok(*map(int, (re.sub(r"\D", "", v)[:3], re.sub(r"\D", "", v)[3:5], re.sub(r"\D", "", v)[5:]))),
                 "nino": nino_ok, "steuer_id": steuer_id_ok, "nir": nir_ok, "dni": dni_ok, "nie": dni_ok,
                 "aadhaar": lambda v: len(re.sub(r"\D", "", v)) == 12 and re.sub(r"\D", "", v)[0] in "23456789" and verhoeff_ok(re.sub(r"\D", "", v)),
                 "cpf": cpf_ok, "bsn": bsn_ok, "codice_fiscale": codice_fiscale_ok, "sin": lambda v: luhn_ok(re.sub(r"\D", "", v)),
                 "tfn": tfn_ok}


def national_id(rng: random.Random, country: str, i: int, lang: str) -> Pii:
    types = NATIONAL_ID_TYPES[country]
    id_type = types[i % len(types)]
    fmt, value = ID_GENERATORS[id_type](rng, i // len(types))
    english, local = ID_LABELS[id_type]
    label = rng.choice(local if lang != "en" and local else english)
    return Pii("NATIONAL_ID", value, f"{id_type}:{fmt}", extra={"label": label, "id_type": id_type})


# =========================================================================== non-PII fillers (also the look-alike values)

MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def order_ref(rng: random.Random, country: str) -> str:
    year = rng.choice([2025, 2026])
    return rng.choice([
        f"#{rng.randint(1_000_000, 9_999_999)}", f"ORD-{year}-{rng.randint(100000, 999999)}", f"{rng.randint(100_000_000, 199_999_999)}",
        f"{rng.randint(100, 999)}-{digits(rng, 7)}-{digits(rng, 7)}", f"#{rng.randint(1000, 99999)}", f"SO-{rng.randint(100000, 999999)}",
        f"WEB-{digits(rng, 8)}", f"{country}-{year}-{rng.randint(10000, 99999)}", f"A{rng.randint(10, 99)}-{rng.randint(1000, 9999)}-{rng.randint(100, 999)}",
        f"{year}{rng.randint(10, 12)}{rng.randint(10, 28)}-{rng.randint(1000, 9999)}",
    ])


def invoice_ref(rng: random.Random, country: str) -> str:
    y = rng.choice([2025, 2026])
    return rng.choice([*{"DE": [f"RE-{y}-{rng.randint(10000, 99999)}", f"{y}/{rng.randint(100000, 999999)}"], "FR": [f"F{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 9999):04d}", f"FAC-{rng.randint(100000, 999999)}"], "BR": [f"NF-e {rng.randint(0, 999):03d}.{rng.randint(0, 999):03d}.{rng.randint(0, 999):03d}", f"NF {rng.randint(10000, 99999)}"], "IT": [f"FT {y}/{rng.randint(1, 9999):05d}", f"{rng.randint(1, 9999)}/{y}"], "ES": [f"FV{y}-{rng.randint(100000, 999999)}", f"{y}-A-{rng.randint(1000, 9999)}"]}.get(country, []), f"INV-{y}-{rng.randint(1, 999999):06d}", f"{y}/{rng.randint(1, 12):02d}/{rng.randint(1, 9999):05d}", f"INV{digits(rng, 9)}"])


def ticket_ref(rng: random.Random, country: str) -> str:
    return rng.choice([f"{rng.choice([2025, 2026])}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(1, 999):03d}",
                       f"#{rng.randint(10000, 999999)}", f"CS-{rng.choice([2025, 2026])}-{rng.randint(1, 12):02d}-{rng.randint(1000, 9999)}",
                       digits(rng, 11), f"{rng.randint(10**9, 10**10 - 1)}"])


def amount(rng: random.Random, country: str) -> str:
    whole, cents = rng.choice([rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 24999)]), rng.randint(0, 99)

    def thousands(n: int, sep: str) -> str:
        return f"{n:,}".replace(",", sep)
    eur = [f"€ {thousands(whole, '.')},{cents:02d}", f"{thousands(whole, '.')},{cents:02d} €", f"{whole},{cents:02d} EUR",
           f"€{thousands(whole, ',')}.{cents:02d}", f"{whole} €"]
    return rng.choice({
        "US": [f"${thousands(whole, ',')}.{cents:02d}", f"${whole}", f"USD {thousands(whole, ',')}.{cents:02d}", f"{whole}.{cents:02d} dollars"],
        "UK": [f"£{thousands(whole, ',')}.{cents:02d}", f"£{whole}", f"GBP {whole}.{cents:02d}", f"{whole} quid"],
        "DE": eur, "ES": eur, "NL": [*eur[:3], f"€{whole},-"], "IT": eur,
        "FR": [f"{thousands(whole, ' ')},{cents:02d} €", f"{whole},{cents:02d}€", f"€{whole}", f"{thousands(whole, '.')},{cents:02d} EUR"],
        "IN": [f"₹{thousands(whole, ',')}", f"Rs. {whole}.{cents:02d}", f"INR {thousands(whole, ',')}",
               f"₹{whole // 1000},{whole % 1000:03d}.00" if whole >= 1000 else f"₹{whole}.00"],
        "BR": [f"R$ {thousands(whole, '.')},{cents:02d}", f"R${whole},{cents:02d}", f"{whole} reais"],
        "CA": [f"C${thousands(whole, ',')}.{cents:02d}", f"${whole}.{cents:02d} CAD", f"{whole},{cents:02d} $"],
        "AU": [f"A${thousands(whole, ',')}.{cents:02d}", f"${whole}.{cents:02d} AUD", f"${whole}"],
    }[country])


def date_str(rng: random.Random, country: str) -> str:
    y, m, d = rng.choice([2025, 2026]), rng.randint(1, 12), rng.randint(1, 28)
    iso = f"{y}-{m:02d}-{d:02d}"
    dmy = f"{d:02d}/{m:02d}/{y}"
    return rng.choice({
        "US": [f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y % 100}", f"{MONTHS_EN[m - 1]} {d}, {y}", iso],
        "CA": [iso, f"{MONTHS_EN[m - 1]} {d}, {y}", dmy],
        "UK": [dmy, f"{d} {MONTHS_EN[m - 1]} {y}", f"{d}/{m}/{y % 100}", iso],
        "AU": [dmy, f"{d} {MONTHS_EN[m - 1]} {y}", f"{d}/{m}/{y}"],
        "IN": [dmy, f"{d:02d}-{m:02d}-{y}", f"{d} {MONTHS_EN[m - 1]} {y}"],
        "DE": [f"{d:02d}.{m:02d}.{y}", f"{d}.{m}.{y % 100}", iso], "NL": [f"{d:02d}-{m:02d}-{y}", f"{d}-{m}-{y}", iso],
        "FR": [dmy, f"{d}/{m}/{y}", iso], "ES": [dmy, f"{d}/{m}/{y % 100}"], "BR": [dmy, f"{d}/{m}/{y}"], "IT": [dmy, f"{d}/{m}/{y}", f"{d:02d}.{m:02d}.{y}"],
    }[country])


def time_str(rng: random.Random, country: str) -> str:
    h, mi = rng.randint(7, 21), rng.choice([0, 15, 30, 45, rng.randint(0, 59)])
    if country in ("US", "CA", "AU", "IN") and rng.random() < .5:
        return f"{(h - 1) % 12 + 1}:{mi:02d} {'am' if h < 12 else 'pm'}"
    if country == "FR" and rng.random() < .5:
        return f"{h}h{mi:02d}"
    return f"{h}:{mi:02d}"


def postcode(rng: random.Random, country: str) -> str:
    L = string.ascii_uppercase
    return {
        "US": rng.choice([f"{rng.randint(10000, 99950)}", f"{rng.randint(10000, 99950)}-{rng.randint(1000, 9999)}"]),
        "UK": rng.choice(["SW1A 1AA", "EC1A 1BB", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "LS1 4DY", "G2 1DY",
                          f"{rng.choice(['N', 'E', 'SE', 'NW', 'BS', 'CF', 'EH'])}{rng.randint(1, 20)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"]),
        "DE": f"{rng.randint(1067, 99998):05d}", "FR": f"{rng.choice([d for d in range(1, 96) if d != 20]):02d}{rng.randint(0, 999):03d}",
        "ES": f"{rng.randint(1, 52):02d}{rng.randint(0, 999):03d}", "IN": f"{rng.randint(1, 8)}{digits(rng, 5)}",
        "BR": f"{rng.randint(1000, 99999):05d}-{digits(rng, 3)}", "NL": f"{rng.randint(1000, 9999)} {rng.choice('ABCEGHJKLMNPRTVWXZ')}{rng.choice('ABCEGHJKLMNPRTVWXZ')}",
        "IT": f"{rng.randint(10, 98):02d}{digits(rng, 3)}",
        "CA": f"{rng.choice('ABCEGHJKLMNPRSTVXY')}{rng.randint(0, 9)}{rng.choice(L)} {rng.randint(0, 9)}{rng.choice(L)}{rng.randint(0, 9)}",
        "AU": f"{rng.choice([2000, 2010, 3000, 3121, 4000, 5000, 6000, 7000, 2600, 810])+rng.randint(0, 99):04d}",
    }[country]


MODEL_NUMBERS = ["RTX 4090", "XPS 9320", "WH-1000XM5", "KD-55X85K", "SM-S921B", "iPhone 15 Pro Max", "Galaxy S24",
                 "ThinkPad T14 Gen 4", "MacBook Pro A2992", "Dyson V15", "Bosch WAN28281GB", "Miele G 7110",
                 "Nespresso EN 560", "Pixel 8a", "Kindle Paperwhite 11th gen", "Roborock S8", "OLED65C3", "Xbox Series X",
                 "GoPro HERO12", "Philips 55PUS8818", "Surface Pro 9", "Canon EOS R50", "Garmin Forerunner 265", "Ryzen 7 7800X3D"]


def carrier_and_tracking(rng: random.Random, country: str) -> tuple[str, str]:
    def ups() -> str:
        body = "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(6)) + rng.choice(["01", "02", "03", "12", "13"]) + digits(rng, 7)
        return "1Z" + body + ups_check(body)

    def usps() -> str:
        body = rng.choice(["9400", "9205", "9361", "9300", "9270"]) + digits(rng, 17)
        n = body + mod10_31_check(body)
        return rng.choice([n, group4(n)])

    def s10(cc: str, service: str) -> str:
        eight = digits(rng, 8)
        return f"{service}{eight}{s10_check(eight)}{cc}"

    def dhl_express() -> str:
        nine = rng.choice("123456789") + digits(rng, 8)
        return nine + str(int(nine) % 7)

    def dhl_paket() -> str:
        body = "00340434" + digits(rng, 11)
        return body + mod10_31_check(body)
    options = {
        "US": [("UPS", ups), ("USPS", usps), ("FedEx", lambda: digits(rng, 12)), ("DHL", dhl_express)],
        "CA": [("Canada Post", lambda: "70" + digits(rng, 14)), ("UPS", ups), ("Purolator", lambda: "3" + digits(rng, 11))],
        "UK": [("Royal Mail", lambda: s10("GB", rng.choice(["RR", "AB", "TT", "JX"]))),
               ("Evri", lambda: "H" + "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(15))),
               ("DHL", dhl_express), ("UPS", ups), ("DPD", lambda: "15" + digits(rng, 12))],
        "DE": [("DHL", dhl_paket), ("DHL Express", dhl_express), ("Hermes", lambda: "H" + digits(rng, 19)), ("DPD", lambda: "0" + digits(rng, 13)), ("UPS", ups)],
        "FR": [("Colissimo", lambda: rng.choice(["6A", "8R", "6C", "9L"]) + digits(rng, 11)), ("Chronopost", lambda: "XY" + digits(rng, 9) + "FR"), ("UPS", ups)],
        "ES": [("Correos", lambda: "PQ" + "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(4)) + digits(rng, 16) + rng.choice(string.ascii_uppercase)),
               ("SEUR", lambda: digits(rng, 14)), ("DHL", dhl_express)],
        "IN": [("India Post", lambda: s10("IN", rng.choice(["EE", "EM", "RR", "CP"]))), ("Delhivery", lambda: "14" + digits(rng, 11)),
               ("Blue Dart", lambda: digits(rng, 11)), ("DHL", dhl_express)],
        "BR": [("Correios", lambda: s10("BR", rng.choice(["LB", "QA", "OV", "NX", "PM"]))), ("Jadlog", lambda: digits(rng, 14))],
        "NL": [("PostNL", lambda: "3S" + "".join(rng.choice(string.ascii_uppercase) for _ in range(4)) + digits(rng, 7)),
               ("DHL", dhl_express), ("UPS", ups)],
        "IT": [("Poste Italiane", lambda: s10("IT", rng.choice(["RR", "CP", "RA"]))), ("BRT", lambda: digits(rng, 12)), ("DHL", dhl_express), ("UPS", ups)],
        "AU": [("Australia Post", lambda: s10("AU", rng.choice(["RR", "CP", "LX"]))),
               ("StarTrack", lambda: "".join(rng.choice(string.ascii_uppercase) for _ in range(4)) + digits(rng, 8)), ("DHL", dhl_express)],
    }[country]
    carrier, make = rng.choice(options)
    return carrier, make()


def filler(name: str, rng: random.Random, country: str) -> str:
    """Values for non-PII placeholders in templates."""
    if name in ("order", "order2"):
        return order_ref(rng, country)
    if name in ("amount", "amount2"):
        return amount(rng, country)
    if name in ("date", "date2"):
        return date_str(rng, country)
    if name in ("time", "time2"):
        return time_str(rng, country)
    if name == "ticket":
        return ticket_ref(rng, country)
    if name == "invoice":
        return invoice_ref(rng, country)
    if name == "postcode":
        return postcode(rng, country)
    if name == "product":
        return rng.choice(MODEL_NUMBERS)
    if name == "tracking":
        return carrier_and_tracking(rng, country)[1]
    raise KeyError(name)


# =========================================================================== message templates

TEMPLATES = {
    "PHONE": [
        "hi my number changed, it's now {v} if you need to call",
        "You can reach me on {v} any time after 5pm.",
        "Please call me back at {v}, I can't reply to emails at work.",
        "my phone: {v}",
        "The courier needs a contact number for order {order}, use {v}.",
        "Can you update the phone number on my account to {v}? The old one no longer works.",
        "Text me at {v} when the replacement ships.",
        "I tried calling you from {v} but got cut off twice.",
        "Best number to reach me is {v} (mobile).",
        "call me on {v} pls its urgent",
        "For the delivery on {date} the driver can ring {v} if nobody answers the door.",
        "My husband's number is {v} in case I'm not available.",
        "Contact number: {v}",
        "Is {v} the number you have on file? It should be.",
        "WhatsApp me on {v}, that's easiest.",
        "You called me from a withheld number, please use {v} next time.",
        "I paid {amount} and nobody has contacted me. My number is {v}.",
        "phone {v} / order {order}",
        "Sorry, typo in my last message, the correct number is {v}.",
        "Could someone from billing ring {v} between 9 and 11?",
        "{v} is my new mobile, please replace the landline.",
        "I'm reachable at {v} until {time} today.",
        "The SMS code never arrives on {v}. Can you check?",
        "reach me at {v} re: ticket {ticket}",
        "Delivery instructions: leave it with the neighbour, or call {v}.",
    ],
    "EMAIL": [
        "Please send the invoice to {v} instead of my old address.",
        "my email is {v}",
        "I never got the confirmation at {v}, can you resend it?",
        "Can you change the login email to {v}?",
        "Reply to {v} please, I don't check the other inbox.",
        "{v} is the address on the account.",
        "The receipt for order {order} should go to {v}.",
        "I signed up with {v} but the password reset mail never comes.",
        "email me at {v} when it's back in stock",
        "Contact: {v}",
        "Is it possible to merge my two accounts? The second one is {v}.",
        "You can forward the return label to {v}.",
        "My work address is {v}, please use it only for invoices.",
        "Sent you the photos from {v} on {date}, did they arrive?",
        "write to {v} thx",
        "I typed {v} at checkout, maybe that's why I got nothing.",
        "Please unsubscribe {v} from the newsletter.",
        "The tracking emails go to {v}, which is my partner's.",
        "For the refund of {amount}, send the confirmation to {v}.",
        "my new email is {v}, the old one was hacked",
        "Could you cc {v} on the reply?",
        "Hi, it's me again, same account ({v}), still waiting for an answer.",
        "login is {v} if you need to look me up",
        "Please send the gift receipt to {v}.",
    ],
    "CARD": [
        "card ending... actually here's the full one {v}",
        "Please charge the remaining {amount} to {v}.",
        "The card I used is {v}, can you check why it was declined?",
        "new card: {v}",
        "I want to pay over the phone, my card number is {v}.",
        "You charged {v} twice for order {order}.",
        "Refund should go back to {v} not my PayPal.",
        "Can you update my payment method to {v}? The old card expired.",
        "here u go {v}",
        "The card on file was {v}, I cancelled it after the fraud.",
        "my {brand} is {v}",
        "Card number {v}, please take the payment today.",
        "I'm getting 'card not supported' for {v} at checkout.",
        "Use {v} for the subscription renewal.",
        "The bank says {v} was never charged, but your site says paid.",
        "For the balance of {amount}: {v}",
        "my {brand} card {v} was billed {amount} on {date}",
        "Could you try {v} again? I called the bank and it's unblocked now.",
        "It's a {brand}: {v}",
        "Payment details: {v}",
        "i think you have the wrong card, mine is {v}",
        "Please store {v} as my default card.",
        "The replacement card the bank sent me is {v}.",
    ],
    "IBAN": [
        "Please refund the {amount} to my IBAN {v}.",
        "IBAN: {v}",
        "Can you pay the refund by bank transfer? My account is {v}.",
        "My bank details changed, the new IBAN is {v}.",
        "The direct debit should come from {v} from next month.",
        "I already sent the payment from {v} on {date}.",
        "Refund to {v} please, the card is cancelled.",
        "bank account {v} (in my name)",
        "Here's the IBAN for the compensation: {v}",
        "You debited {v} twice for order {order}.",
        "Please update the SEPA mandate to {v}.",
        "The money should go to {v}, not to the card.",
        "iban {v} thanks",
        "I checked with my bank, {v} is correct, so why did the refund bounce?",
        "For the cashback, my account number is {v}.",
        "Transfer the deposit back to {v} please.",
        "My IBAN is {v}, the account holder is me.",
        "Can you confirm you have {v} on file?",
        "refund -> {v}",
        "Invoice {invoice} was paid from {v}.",
        "The account to credit is {v}.",
    ],
    "NATIONAL_ID": [
        "My {label} is {v}.",
        "{label}: {v}",
        "The form asks for my {label}, it's {v}.",
        "For the credit check you can use my {label} {v}.",
        "here's my {label} {v} for the warranty registration",
        "You asked for ID, {label} {v}.",
        "I entered my {label} as {v} but the system says invalid.",
        "{label} {v} - please add it to the invoice.",
        "Is my {label} ({v}) stored on your side? I'd like it deleted.",
        "my {label} is {v} and the order is {order}",
        "The customs form needs my {label}: {v}",
        "Sorry, wrong digits before, the {label} is {v}.",
        "To verify my identity: {label} {v}.",
        "pls update {label} to {v}",
        "The financing application was rejected even though my {label} {v} is correct.",
        "Here you go, {label}: {v}, anything else?",
        "Use {v} as my {label} on the tax invoice.",
        "They said my {label} didn't match, I typed {v}.",
        "{v} is my {label}, please don't share it.",
        "For the insurance claim: {label} {v}, claim ref {ticket}.",
        "I can give you my {label} if needed: {v}",
        "{label} is {v} (I double checked).",
    ],
}

# (kind of {v}, kind of {w}, template)
DOUBLE_TEMPLATES = [
    ("PHONE", "EMAIL", "You can reach me on {v} or by email at {w}."),
    ("EMAIL", "PHONE", "email {v}, phone {w}"),
    ("PHONE", "PHONE", "Old number was {v}, new one is {w}, please update."),
    ("EMAIL", "EMAIL", "Please change my email from {v} to {w}."),
    ("CARD", "PHONE", "Card {v}, call me on {w} if it fails."),
    ("IBAN", "EMAIL", "Refund to {v} and send the confirmation to {w}."),
    ("NATIONAL_ID", "PHONE", "My {label} is {v} and my mobile is {w}."),
    ("EMAIL", "CARD", "Account {v}, the card to charge is {w}."),
    ("NATIONAL_ID", "EMAIL", "{label} {v}, email {w}"),
    ("PHONE", "IBAN", "Call {v} before sending anything to {w}."),
    ("CARD", "CARD", "Please remove {v} and use {w} instead."),
    ("EMAIL", "IBAN", "I'm {v} on your site; refund the {amount} to {w}."),
    ("PHONE", "EMAIL", "Contact details: tel {v}, mail {w}. Order {order}."),
    ("EMAIL", "NATIONAL_ID", "Registered as {v}, {label} {w}, order {order}."),
]

LOCAL_TEMPLATES = {
    "de": {
        "PHONE": ["Hallo, meine neue Handynummer ist {v}, bitte ändern Sie das.", "Rufen Sie mich bitte unter {v} zurück.",
                  "Tel.: {v}", "Der Fahrer kann mich unter {v} erreichen, Bestellung {order}.", "Erreichbar bin ich ab {time} unter {v}."],
        "EMAIL": ["Bitte schicken Sie die Rechnung an {v}.", "Meine E-Mail-Adresse lautet {v}.", "Ich habe keine Bestätigung an {v} bekommen."],
        "CARD": ["Meine Kreditkartennummer ist {v}.", "Bitte belasten Sie die Karte {v} mit {amount}."],
        "IBAN": ["Bitte überweisen Sie die Erstattung auf mein Konto {v}.", "Meine IBAN lautet {v}.", "Das Lastschriftmandat bitte auf {v} ändern."],
        "NATIONAL_ID": ["Meine {label} ist {v}.", "Für das Formular: {label} {v}", "Anbei meine {label}: {v}"],
    },
    "fr": {
        "PHONE": ["Bonjour, mon numéro a changé, c'est maintenant le {v}.", "Vous pouvez me rappeler au {v}.", "Tél : {v}",
                  "Le livreur peut m'appeler au {v} pour la commande {order}.", "Je suis joignable au {v} après {time}."],
        "EMAIL": ["Merci d'envoyer la facture à {v}.", "Mon adresse mail est {v}.", "Je n'ai rien reçu sur {v}."],
        "CARD": ["Mon numéro de carte est {v}.", "Vous pouvez débiter {amount} sur la carte {v}."],
        "IBAN": ["Merci de rembourser sur mon IBAN {v}.", "Mon RIB : {v}", "Le prélèvement doit se faire sur {v} désormais."],
        "NATIONAL_ID": ["Mon {label} est le {v}.", "{label} : {v}", "Voici mon {label} : {v}"],
    },
    "es": {
        "PHONE": ["Hola, mi número nuevo es {v}.", "Me pueden llamar al {v}.", "Tlf: {v}", "El repartidor puede llamarme al {v}, pedido {order}."],
        "EMAIL": ["Por favor envíen la factura a {v}.", "Mi correo es {v}.", "No me ha llegado nada a {v}."],
        "CARD": ["El número de mi tarjeta es {v}.", "Cóbrenme los {amount} en la tarjeta {v}."],
        "IBAN": ["Por favor, hagan la devolución a mi cuenta {v}.", "Mi IBAN es {v}."],
        "NATIONAL_ID": ["Mi {label} es {v}.", "{label}: {v}", "Les paso mi {label}: {v}"],
    },
    "pt": {
        "PHONE": ["Oi, meu número novo é {v}.", "Pode me ligar no {v}.", "Meu WhatsApp é {v}, pedido {order}.", "Celular: {v}"],
        "EMAIL": ["Por favor mandem a nota fiscal para {v}.", "Meu e-mail é {v}.", "Não recebi nada no {v}."],
        "CARD": ["O número do meu cartão é {v}.", "Podem cobrar {amount} no cartão {v}."],
        "IBAN": ["Por favor façam o reembolso para o IBAN {v}."],
        "NATIONAL_ID": ["Meu {label} é {v}.", "{label}: {v}", "Segue o {label} para a nota: {v}"],
    },
    "nl": {
        "PHONE": ["Hoi, mijn nieuwe nummer is {v}.", "U kunt mij bellen op {v}.", "Tel: {v}, bestelling {order}.", "Bel me even op {v} aub"],
        "EMAIL": ["Stuur de factuur graag naar {v}.", "Mijn e-mailadres is {v}.", "Ik heb niets ontvangen op {v}."],
        "CARD": ["Mijn creditcardnummer is {v}.", "Graag {amount} afschrijven van kaart {v}."],
        "IBAN": ["Graag het geld terugstorten op {v}.", "Mijn rekeningnummer is {v}.", "Mijn IBAN is {v}, t.n.v. mijzelf."],
        "NATIONAL_ID": ["Mijn {label} is {v}.", "{label}: {v}"],
    },
    "it": {
        "PHONE": ["Salve, il mio nuovo numero è {v}.", "Potete richiamarmi al {v}.", "Cell. {v}, ordine {order}.", "Tel: {v}"],
        "EMAIL": ["Per favore mandate la fattura a {v}.", "La mia email è {v}.", "Non ho ricevuto nulla su {v}."],
        "CARD": ["Il numero della mia carta è {v}.", "Addebitate {amount} sulla carta {v}."],
        "IBAN": ["Vi prego di effettuare il rimborso sull'IBAN {v}.", "Il mio IBAN è {v}."],
        "NATIONAL_ID": ["Il mio {label} è {v}.", "{label}: {v}", "Vi mando il {label} per la fattura: {v}"],
    },
}

# =========================================================================== message assembly

PLACEHOLDER = re.compile(r"\{(\w+)\}")


class Message:
    """Text built chunk by chunk, recording the span of every PII value inserted."""

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.spans: list[dict] = []
        self.values: list[str] = []
        self.length = 0

    def add(self, s: str) -> None:
        self.chunks.append(s)
        self.length += len(s)

    def add_pii(self, pii: Pii) -> None:
        start = self.length
        self.add(pii.value)
        self.spans.append({"kind": pii.kind, "start": start, "end": self.length, "format": pii.format})
        self.values.append(pii.value)
        self.add(pii.suffix)

    def render(self, template: str, pii: dict[str, Pii], rng: random.Random, country: str) -> None:
        extras = {k: v for p in pii.values() for k, v in p.extra.items()}
        pos = 0
        for m in PLACEHOLDER.finditer(template):
            self.add(template[pos:m.start()])
            name = m.group(1)
            if name in pii:
                self.add_pii(pii[name])
            elif name in extras:
                self.add(extras[name])
            else:
                self.add(filler(name, rng, country))
            pos = m.end()
        self.add(template[pos:])

    def text(self) -> str:
        text = "".join(self.chunks)
        assert len(text) == self.length
        for span, value in zip(self.spans, self.values, strict=True):
            assert text[span["start"]:span["end"]] == value, (span, value)
        return text


def lang_for(rng: random.Random, country: str) -> str:
    return LOCAL_LANG[country] if country in LOCAL_LANG and rng.random() < LOCAL_SHARE else "en"


def make_pii(rng: random.Random, kind: str, country: str, i: int, lang: str = "en") -> Pii:
    if kind == "PHONE":
        return phone(rng, country, i)
    if kind == "EMAIL":
        return email(rng, country, i)
    if kind == "CARD":
        return card(rng, country, i)
    if kind == "IBAN":
        return iban(rng, country, i)
    return national_id(rng, country, i, lang)


def pii_sentence(msg: Message, rng: random.Random, kind: str, country: str, i: int) -> None:
    lang = lang_for(rng, country)
    pool = LOCAL_TEMPLATES[lang][kind] if lang != "en" else TEMPLATES[kind]
    pii = make_pii(rng, kind, country, i, lang)
    template = rng.choice(pool)
    if pii.suffix and not re.search(r"\{v\}([,.]|$)", template):
        pii.suffix = ""
    msg.render(template, {"v": pii}, rng, country)


def record(id_: str, country: str | None, kind: str | None, msg: Message | str, lookalike: bool, category: str,
           long: bool = False, stress: bool = False) -> dict:
    text = msg if isinstance(msg, str) else msg.text()
    spans = [] if isinstance(msg, str) else msg.spans
    assert lookalike == (not spans), id_
    return {"id": id_, "country": country, "kind": kind, "text": text, "spans": spans, "lookalike": lookalike,
            "category": category, "long": long, "stress": stress}


def pii_items(rng: random.Random, country: str) -> list[dict]:
    items = []
    for kind, n in PII_PER_COUNTRY.items():
        if kind == "IBAN" and country not in IBAN_COUNTRY:
            continue
        for i in range(n):
            msg = Message()
            pii_sentence(msg, rng, kind, country, i)
            items.append(record(f"{country}-{kind}-{i + 1:04d}", country, kind, msg, False, "pii"))
    doubles = [t for t in DOUBLE_TEMPLATES if country in IBAN_COUNTRY or "IBAN" not in t[:2]]
    for i in range(DOUBLE_PER_COUNTRY):
        kv, kw, template = doubles[i % len(doubles)]
        pii = {"v": make_pii(rng, kv, country, rng.randrange(100)), "w": make_pii(rng, kw, country, rng.randrange(100))}
        for p in pii.values():
            p.suffix = ""
        msg = Message()
        msg.render(template, pii, rng, country)
        items.append(record(f"{country}-DOUBLE-{i + 1:04d}", country, kv, msg, False, "pii_double"))
    return items


# =========================================================================== look-alikes (must survive redaction)
# Each function returns one customer sentence holding no PII; `country` flavours formats.


def la_order_number(rng, c):
    return rng.choice(["Where is my order {order}? It's been two weeks.", "order {order} arrived damaged, the box was crushed",
                       "I want to cancel order {order} before it ships.", "Can you merge order {order} with {order2}?",
                       "Still nothing for order {order}, placed on {date}.", "Order no. {order} - wrong size, need an exchange.",
                       "Hi, about order {order}: the lid is missing."])


def la_tracking(rng, c):
    carrier, number = carrier_and_tracking(rng, c)
    return rng.choice([f"Tracking {number} hasn't updated since {{date}}.", f"{carrier} says {number} was delivered but it wasn't.",
                       f"the tracking number you gave me ({number}) doesn't work on the {carrier} site",
                       f"Is {number} the right tracking number? It shows a different city.",
                       f"{carrier} tracking: {number}, stuck at the depot since {{date}}."])


def la_invoice(rng, c):
    return rng.choice(["Can I get a corrected copy of invoice {invoice}?", "Invoice {invoice} lists the wrong VAT amount.",
                       "Invoice {invoice} was paid on {date}, why the reminder?", "Please reissue {invoice} with my company name."])


def la_booking(rng, c):
    code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))
    return rng.choice([f"My booking reference is {code}, can I change the date?", f"Reservation {rng.randint(1000, 9999)}-{rng.randint(1000, 9999)} shows the wrong room.",
                       f"Confirmation code {code[:3]}-{code[3:]} for the install appointment on {{date}} at {{time}}.",
                       f"PNR {code} - the seat upgrade was charged but not applied."])


def la_sku(rng, c):
    return rng.choice([f"SKU {rng.randint(10, 99)}-{rng.randint(1000, 9999)}-BLK-XL is out of stock again.",
                       f"Item no. {rng.randint(100, 999)}.{rng.randint(100, 999)}.{rng.randint(10, 99)} is missing a screw bag.",
                       f"Part number {digits(rng, 10)} fits my {{product}}?", f"Art.-Nr. {rng.randint(100000, 999999)} came in the wrong colour.",
                       f"I need the spare part {rng.choice('ABCDEFGH')}{rng.randint(100, 999)}-{rng.randint(1000, 9999)}-{rng.randint(10, 99)}."])


def la_barcode(rng, c):
    prefix = {"US": "0", "CA": "06", "UK": "50", "DE": str(rng.randint(400, 440)), "FR": str(rng.randint(300, 379)), "ES": "84",
              "IN": "890", "BR": "789", "NL": "87", "IT": str(rng.randint(80, 83)), "AU": "93"}[c]
    if c in ("US", "CA"):
        body = (prefix + digits(rng, 11))[:11]
        code = body + upc_check(body)
    else:
        body = prefix + digits(rng, 12 - len(prefix))
        code = body + ean_check(body)
    return rng.choice([f"The barcode on the box is {code}, is that the new version?", f"EAN {code} scans as a different product.",
                       f"I bought the one with barcode {code} but it's not compatible.", f"UPC/EAN: {code} (printed under the label)"])


def la_amount(rng, c):
    return rng.choice(["I was charged {amount} instead of {amount2}.", "refund of {amount} still pending since {date}",
                       "The total came to {amount} incl. shipping.", "Why is there a fee of {amount} on my statement?",
                       "The price dropped to {amount} a day after I bought it, can I get the difference?"])


def la_date_time(rng, c):
    y, m, d = rng.choice([2025, 2026]), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice(["The parcel was supposed to arrive on {date} between {time} and {time2}.", "I placed it on {date} at {time}.",
                       f"The app log says {y}-{m:02d}-{d:02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z sync failed.",
                       "Your technician was booked for {date}, {time}, nobody came.", f"timestamp {y}{m:02d}{d:02d}{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d} on the error screen"])


def la_postcode(rng, c):
    return rng.choice(["Do you deliver to {postcode}?", "My postcode is {postcode} but the checkout rejects it.",
                       "The store near {postcode} says it has stock, can I collect there?", "Shipping to {postcode} shows 14 days, really?"])


def la_ip(rng, c):
    ip = rng.choice([f"192.168.{rng.randint(0, 2)}.{rng.randint(2, 254)}", f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                     f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}", f"203.0.113.{rng.randint(1, 254)}"])
    return rng.choice([f"My router is on {ip} and the camera can't see it.", f"the app says it can't reach {ip}:{rng.choice([80, 443, 8080, 8443])}",
                       f"The printer got {ip} from DHCP, is that right?",
                       f"The IPv6 shown is 2001:db8:{rng.randint(1, 9999):x}::{rng.randint(1, 65535):x}, the IPv4 is {ip}."])


def la_version(rng, c):
    v = f"{rng.randint(1, 17)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}"
    return rng.choice([f"After updating to v{v} the app crashes on launch.", f"firmware {v}.{rng.randint(1000, 9999)} bricked my device",
                       f"App version {v} (build {rng.choice([2025, 2026])}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}) still has the bug.",
                       f"iOS {v}, app {rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}", f"Running Android {rng.randint(10, 15)}, build {rng.choice(['UP1A', 'TQ3A', 'AP2A'])}.{rng.randint(230000, 241231)}.{rng.randint(1, 99):03d}"])


def la_isbn(rng, c):
    if rng.random() < 0.6:
        body = rng.choice(["978", "979"]) + digits(rng, 9)
        n = body + ean_check(body)
        shown = rng.choice([f"{n[:3]}-{n[3]}-{n[4:7]}-{n[7:12]}-{n[12]}", n, f"{n[:3]}-{n[3:5]}-{n[5:9]}-{n[9:12]}-{n[12]}"])
    else:
        body = digits(rng, 9)
        n = body + isbn10_check(body)
        shown = rng.choice([f"{n[0]}-{n[1:4]}-{n[4:9]}-{n[9]}", n])
    return rng.choice([f"I ordered ISBN {shown} but got a different edition.", f"Do you have ISBN {shown} in hardback?",
                       f"The book ({shown}) arrived with pages missing."])


def la_serial(rng, c):
    alnum = string.ascii_uppercase + string.digits
    sn = rng.choice(["C02" + "".join(rng.choice(alnum) for _ in range(9)), "5CG" + digits(rng, 4) + "".join(rng.choice(alnum) for _ in range(3)),
                     f"{rng.randint(1, 9)}K{rng.randint(1, 9)}-{rng.randint(10000, 99999)}-{rng.randint(1000, 9999)}",
                     f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}", "SN" + digits(rng, 10)])
    return rng.choice([f"S/N {sn}, bought {{date}}, stopped charging.", f"The serial number is {sn} if you need it for the warranty.",
                       f"Serial: {sn} - the sticker was partly torn."])


def la_quantity(rng, c):
    return rng.choice([f"I ordered {rng.randint(6, 48)} but only {rng.randint(1, 5)} arrived.", f"{rng.randint(2, 6)} x {rng.choice([250, 500, 750])} ml bottles leaked.",
                       f"The pack of {rng.choice([12, 24, 36, 100])} was missing {rng.randint(2, 9)}.", f"It weighs {rng.randint(1, 30)}.{rng.randint(1, 9)} kg, not what the listing says.",
                       f"I need {rng.randint(1, 3)},{rng.randint(100, 999)} sheets for the office."])


def la_model(rng, c):
    return rng.choice(["My {product} keeps disconnecting since the update.", "Is the {product} covered by the extended warranty?",
                       "The {product} I received has a dead pixel.", "Do you have a replacement charger for the {product}?"])


def la_percent(rng, c):
    return rng.choice([f"The {rng.choice([10, 15, 20, 25, 30])}% discount wasn't applied.", f"Battery goes from 100% to {rng.randint(5, 40)}% in {rng.randint(2, 5)} hours.",
                       f"You charged {rng.randint(18, 25)},{rng.randint(1, 9)} % VAT instead of {rng.randint(5, 10)} %.", f"It says {rng.randint(60, 99)}% complete for days."])


def la_year_range(rng, c):
    a = rng.randint(1995, 2022)
    return rng.choice([f"I've been a member {a}-{a + rng.randint(1, 4)} and again since {rng.randint(2023, 2026)}.",
                       f"Is the {a}–{a + rng.randint(1, 3)} model compatible?", f"The warranty covers {rng.randint(2024, 2026)}-{rng.randint(2027, 2029)}, right?",
                       f"Fits cars built {a} to {a + rng.randint(2, 8)}."])


def la_long_reference(rng, c):
    ref = rng.choice([f"{rng.choice([2025, 2026])}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(1, 999):03d}", "00" + digits(rng, 9),
                      rng.choice("123456789") + digits(rng, rng.randint(9, 13))])
    return rng.choice([f"ticket {ref} has been open for a week", f"Claim number {ref}: the courier lost the parcel.",
                       f"Case #{ref} was closed without an answer.", f"RMA {ref} - label attached, dropped it off on {{date}}.",
                       f"Transaction ID {ref} shows twice in the app.", f"Your reference {ref} on the letter, what does it refer to?"])


def la_card_luhn_fail(rng, c):
    brand = rng.choice(["Visa", "Mastercard", "Amex", "Discover"])
    prefix = rng.choice(CARD_BRANDS[brand][0])
    length = rng.randint(13, 19)
    body = prefix + digits(rng, length - len(prefix) - 1)
    good = luhn_complete(body)[-1]
    n = body + str((int(good) + rng.randint(1, 9)) % 10)
    assert not luhn_ok(n)
    shown = rng.choice([n, group4(n), group4(n, "-")])
    return rng.choice([f"The bank statement shows reference {shown} next to the charge, what is that?",
                       f"Your confirmation email lists payment ID {shown}, is that my refund?",
                       f"The terminal receipt says TXN {shown} APPROVED but the order is unpaid.",
                       f"Card payment reference {shown}, amount {{amount}}, date {{date}}.",
                       f"The gift voucher code {shown} shows zero balance.",
                       f"Authorisation no. {shown} was on the decline message."])


def la_card_last4(rng, c):
    brand = rng.choice(["Visa", "Mastercard", "Amex", "card"])
    return rng.choice([f"My {brand} ending in {digits(rng, 4)} was charged twice.", f"The {brand} **** **** **** {digits(rng, 4)} expired, how do I update it?",
                       f"I paid with the card ending {digits(rng, 4)} on {{date}}.", f"Last four digits {digits(rng, 4)}, expiry {rng.randint(1, 12):02d}/{rng.randint(26, 30)}."])


def la_iban_bad_checksum(rng, c):
    cc = IBAN_COUNTRY[c]
    good = iban_value(rng, cc)
    check = int(good[2:4])
    bad = good[:2] + f"{(check + rng.randint(1, 90) - 2) % 97 + 2:02d}" + good[4:]
    if iban_mod97(bad) == 1:                          # cannot happen for a changed check, but be explicit
        bad = good[:2] + "00" + good[4:]
    assert iban_mod97(bad) != 1
    shown = rng.choice([group4(bad), bad])
    return rng.choice([f"Your invoice lists the payee account as {shown} but my bank says that IBAN is invalid.",
                       f"The IBAN on your website ({shown}) fails validation in my banking app, please check.",
                       f"Payment to your account {shown} bounced with 'invalid check digits'."])


def la_ssn_invalid(rng, c):
    area = rng.choice([0, 666, rng.randint(900, 999)])
    grp, serial = rng.randint(0, 99), rng.randint(0, 9999)
    if rng.random() < 0.3:
        area, grp = rng.randint(1, 665), 0
    assert not ssn_ok(area, grp, serial)
    v = f"{area:03d}-{grp:02d}-{serial:04d}"
    return rng.choice([f"The form prefilled {v} as a placeholder, is that normal?", f"Part number {v} is out of stock again.",
                       f"My reference says {v} but I can't find it in the app.", f"The sample value {v} shows in the field, what do I put there?",
                       f"Catalog code {v} was discontinued?"])


def la_at_sign(rng, c):
    return rng.choice(["The image logo@2x.png doesn't load on the receipt page.", f"I bought {rng.randint(2, 9)} @ {{amount}} each.",
                       "Your npm package @tandem/ui-kit breaks the build.", "Meet the driver @ the back entrance, gate B.",
                       "I'll be at the store at noon, is that ok?", "@support why is order {order} still pending?"])


def la_url(rng, c):
    return rng.choice([f"The link https://shop.example.com/orders/{rng.randint(1_000_000, 9_999_999)}?ref=mail gives a 404.",
                       f"See www.example.com/help/returns#{rng.randint(100, 999)}, it says {rng.randint(14, 30)} days.",
                       f"The page example.org/track?id={digits(rng, 10)} is blank."])


def la_dimensions(rng, c):
    return rng.choice([f"The box is {rng.randint(40, 120)} x {rng.randint(30, 80)} x {rng.randint(20, 75)} cm, will it fit the locker?",
                       f"I need the {rng.randint(140, 200)}x{rng.randint(190, 220)} size, not {rng.randint(80, 120)}x{rng.randint(190, 200)}.",
                       f"The {rng.choice([43, 50, 55, 65, 75])}\" model is too big for the wall mount."])


def la_coupon(rng, c):
    alnum = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    code = "-".join("".join(rng.choice(alnum) for _ in range(4)) for _ in range(4))
    return rng.choice([f"Code SAVE{rng.choice([10, 15, 20, 25])} says expired.", f"My gift card code {code} is rejected.",
                       f"The voucher {code[:9]} only took off {{amount}}."])


def la_local_payment_ref(rng, c):
    if c == "IN":
        while True:
            ref = rng.choice("3456789") + digits(rng, 11)
            if not verhoeff_ok(ref):
                break
        return rng.choice([f"UPI ref no. {ref}, money debited but order failed.", f"The UTR for the NEFT is {ref}, please check.",
                           f"Paid via GPay, UPI transaction ID {ref}."])
    if c == "NL":
        while True:
            ref = digits(rng, 16)
            if not luhn_ok(ref):
                break
        return rng.choice([f"Ik heb betaald met betalingskenmerk {group4(ref)}.", f"Payment reference (betalingskenmerk) {ref} was used.",
                           f"Acceptgiro kenmerk {group4(ref)} staat nog open?"])
    if c == "BR":
        parts = [digits(rng, 5), digits(rng, 5), digits(rng, 5), digits(rng, 6), digits(rng, 5), digits(rng, 6), rng.randint(1, 9), digits(rng, 14)]
        line = f"{parts[0]}.{parts[1]} {parts[2]}.{parts[3]} {parts[4]}.{parts[5]} {parts[6]} {parts[7]}"
        return rng.choice([f"Paguei o boleto {line} mas o pedido não foi liberado.", f"Linha digitável do boleto: {line}",
                           f"O protocolo do atendimento é {rng.choice([2025, 2026])}{digits(rng, 10)}."])
    if c == "DE":
        return rng.choice([f"Verwendungszweck: RE-{rng.choice([2025, 2026])}-{rng.randint(10000, 99999)} Kd-Nr {rng.randint(100000, 999999)}",
                           f"Überweisung mit Referenz {digits(rng, 12)} ist raus."])
    if c == "FR":
        return rng.choice([f"Référence du virement : {digits(rng, 12)}", f"Numéro de colis {rng.choice(['6A', '8R'])}{digits(rng, 11)}, toujours rien."])
    return rng.choice([f"Payment reference {digits(rng, 12)} on my bank app.", f"The bank transfer reference is PAY-{digits(rng, 10)}."])


def la_hash(rng, c):
    def hexs(n: int) -> str:
        return "".join(rng.choice("0123456789abcdef") for _ in range(n))
    return rng.choice([f"The error page shows id {hexs(32)}.",
                       f"Request ID {hexs(8)}-{hexs(4)}-4{hexs(3)}-{rng.choice('89ab')}{hexs(3)}-{hexs(12)} in the app footer.",
                       f"Commit {hexs(7)} of your SDK broke the plugin."])


LOOKALIKE_CATEGORIES = {
    "order_number": la_order_number, "tracking": la_tracking, "invoice_ref": la_invoice, "booking_ref": la_booking,
    "sku": la_sku, "barcode": la_barcode, "amount": la_amount, "date_time": la_date_time, "postcode": la_postcode,
    "ip_address": la_ip, "version": la_version, "isbn": la_isbn, "serial_number": la_serial, "quantity": la_quantity,
    "model_number": la_model, "percentage": la_percent, "year_range": la_year_range, "long_reference": la_long_reference,
    "card_luhn_fail": la_card_luhn_fail, "card_last4": la_card_last4, "iban_bad_checksum": la_iban_bad_checksum,
    "ssn_invalid": la_ssn_invalid, "at_sign": la_at_sign, "url": la_url, "dimensions": la_dimensions,
    "coupon_code": la_coupon, "payment_reference": la_local_payment_ref, "hash_id": la_hash,
}
# The categories where a look-alike is hardest: drawn twice as often.
HARD_CATEGORIES = ["order_number", "tracking", "long_reference", "card_luhn_fail", "date_time", "amount", "barcode",
                   "iban_bad_checksum", "ssn_invalid"]

LOCAL_LOOKALIKES = {
    "de": [("order_number", "Wo bleibt meine Bestellung {order}?"), ("tracking", "Die Sendungsnummer {tracking} wird nicht gefunden."),
           ("amount", "Mir wurden {amount} statt {amount2} abgebucht."), ("date_time", "Lieferung war für den {date} um {time} angekündigt."),
           ("postcode", "Liefern Sie auch nach {postcode}?"), ("invoice_ref", "In der Rechnung {invoice} fehlt die MwSt.")],
    "fr": [("order_number", "Où en est ma commande {order} ?"), ("tracking", "Le numéro de suivi {tracking} ne fonctionne pas."),
           ("amount", "On m'a débité {amount} au lieu de {amount2}."), ("date_time", "Livraison prévue le {date} à {time}, personne n'est venu."),
           ("postcode", "Vous livrez au {postcode} ?"), ("invoice_ref", "La facture {invoice} comporte une erreur.")],
    "es": [("order_number", "¿Dónde está mi pedido {order}?"), ("tracking", "El número de seguimiento {tracking} no aparece."),
           ("amount", "Me cobraron {amount} en vez de {amount2}."), ("date_time", "La entrega era el {date} a las {time}."),
           ("postcode", "¿Hacen envíos al {postcode}?")],
    "pt": [("order_number", "Cadê meu pedido {order}?"), ("tracking", "O código de rastreio {tracking} não atualiza."),
           ("amount", "Fui cobrado {amount} em vez de {amount2}."), ("date_time", "A entrega era dia {date} às {time}."),
           ("postcode", "Vocês entregam no CEP {postcode}?")],
    "nl": [("order_number", "Waar blijft mijn bestelling {order}?"), ("tracking", "Track & trace {tracking} geeft niks aan."),
           ("amount", "Er is {amount} afgeschreven in plaats van {amount2}."), ("date_time", "De bezorging stond gepland op {date} om {time}."),
           ("postcode", "Bezorgen jullie ook in {postcode}?")],
    "it": [("order_number", "Dov'è il mio ordine {order}?"), ("tracking", "Il codice di tracciamento {tracking} non funziona."),
           ("amount", "Mi avete addebitato {amount} invece di {amount2}."), ("date_time", "La consegna era prevista il {date} alle {time}."),
           ("postcode", "Consegnate al CAP {postcode}?")],
}


def lookalike_categories(country: str) -> list[str]:
    cats = list(LOOKALIKE_CATEGORIES) + HARD_CATEGORIES
    return [c for c in cats if c != "iban_bad_checksum" or country in IBAN_COUNTRY]


def fill_placeholders(template: str, rng: random.Random, country: str) -> str:
    msg = Message()
    msg.render(template, {}, rng, country)
    return msg.text()


def lookalike_sentence(rng: random.Random, country: str, i: int) -> tuple[str, str]:
    lang = lang_for(rng, country)
    if lang != "en" and rng.random() < 0.5:
        category, template = rng.choice(LOCAL_LOOKALIKES[lang])
    else:
        cats = lookalike_categories(country)
        category = cats[i % len(cats)]
        template = LOOKALIKE_CATEGORIES[category](rng, country)
    return category, fill_placeholders(template, rng, country)


def lookalike_items(rng: random.Random, country: str) -> list[dict]:
    items = []
    for i in range(LOOKALIKES_PER_COUNTRY):
        category, text = lookalike_sentence(rng, country, i)
        items.append(record(f"{country}-LA-{i + 1:04d}", country, None, text, True, category))
    return items


# =========================================================================== long messages and stress inputs

CHATTER = [
    "I've been a customer for years and never had a problem like this before.",
    "Honestly I'm pretty frustrated at this point.",
    "I already explained all of this to your colleague on the phone yesterday.",
    "The chatbot kept sending me in circles, so I'm writing here instead.",
    "Please don't close the case until it's actually resolved.",
    "I've attached photos of the packaging, the damage is clearly from transit.",
    "My neighbour says nobody rang the bell, and we were home all afternoon.",
    "The instructions in the box are for a different model, which doesn't help.",
    "Could you also check whether the warranty still applies after the repair?",
    "I don't mind waiting a few more days, I just want a clear answer.",
    "Last time the refund took almost a month to show up on my statement.",
    "The app shows one status and the website shows another, which one is right?",
    "To be clear, I don't want store credit, I want the money back.",
    "I followed every step in the troubleshooting guide and nothing changed.",
    "If it's easier, I can bring it to one of your shops.",
    "Thanks for your patience, I know this is a long message.",
    "Below is the whole thread so you have the context.",
    "The delivery driver left the parcel in the rain, the cardboard was soaked.",
    "I'm travelling next week so please sort this out before then if possible.",
    "My partner placed the order but the account is mine.",
    "Support told me a supervisor would call back, nobody did.",
    "The replacement has exactly the same fault as the original.",
    "I'd like to know what happens to my personal data after the account is closed.",
    "Your returns page says free returns, but the label charged me.",
    "I really like the product when it works, that's why I haven't given up.",
    "It started making a grinding noise after about a week of normal use.",
    "The screen flickers whenever the brightness is below half.",
    "I checked my spam folder and there is nothing there either.",
    "Kind regards, and thanks in advance for looking into it.",
    "Sorry for the wall of text.",
]
LOG_LINES = [
    "[{date} {time}] sync: retrying in 30s (attempt 3/5)",
    "ERROR 0x80070005 while installing update v{ver}",
    "GET /api/v2/orders/{order} -> 502 Bad Gateway",
    "device fw={ver} rssi=-67 ip=192.168.1.{octet} uptime=86400",
    "payment status=PENDING amount={amount} ref={ticket}",
]


def long_message(rng: random.Random, n: int, with_pii: bool) -> dict:
    country = COUNTRIES[n % len(COUNTRIES)]
    target = rng.randint(5200, 18500)
    blocks: list[str] = []
    size = 0
    while size < target:
        roll = rng.random()
        if roll < 0.55:
            block = " ".join(rng.sample(CHATTER, rng.randint(3, 7)))
        elif roll < 0.8:
            block = " ".join(lookalike_sentence(rng, country, rng.randrange(100))[1] for _ in range(rng.randint(2, 4)))
        elif roll < 0.92:
            block = "Pasted from the app:\n" + "\n".join(
                rng.choice(LOG_LINES).replace("{ver}", f"{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}").replace("{octet}", str(rng.randint(2, 254)))
                for _ in range(rng.randint(3, 8)))
            block = fill_placeholders(block, rng, country)
        else:
            block = "> " + "\n> ".join(rng.sample(CHATTER, rng.randint(2, 5)))
        blocks.append(block)
        size += len(block) + 2
    msg = Message()
    n_pii = rng.randint(2, 6) if with_pii else 0
    slots = sorted(rng.sample(range(len(blocks) + 1), n_pii))
    kinds = [k for k in PII_PER_COUNTRY if k != "IBAN" or country in IBAN_COUNTRY]
    for b, block in enumerate([*blocks, ""]):
        while slots and slots[0] == b:
            slots.pop(0)
            pii_sentence(msg, rng, rng.choice(kinds), country, rng.randrange(100))
            msg.add("\n\n")
        msg.add(block + ("\n\n" if b < len(blocks) - 1 else ""))
    item = record(f"LONG-{n + 1:03d}", country, msg.spans[0]["kind"] if msg.spans else None, msg, not with_pii,
                  "long_pii" if with_pii else "long_lookalike", long=True)
    assert 5000 <= len(item["text"]) <= 20000, len(item["text"])
    return item


def card_like_digit_runs(text: str) -> list[str]:
    """Every 13-19 digit window (separators ignored) that starts like a card and passes Luhn."""
    ds = re.sub(r"\D", "", text)
    hits = []
    for length in range(13, 20):
        for start in range(0, min(len(ds) - length + 1, 400)):       # all the stress inputs are periodic
            w = ds[start:start + length]
            if w[0] in "23456" and luhn_ok(w):
                hits.append(w)
    return hits


def stress_items() -> list[dict]:
    n = 20000
    patterns = [
        ("dots", "a." * (n // 2)),
        ("at_signs", "a@" * (n // 2)),
        ("digit_dashes", "1-" * (n // 2)),
        ("digits_single_spaces", "1 " * (n // 2)),
        ("digit_groups_single_spaces", "9090 " * (n // 5)),   # groups chosen so no window passes Luhn
        ("local_part_without_domain", "x" * (n - 1) + "@"),
        ("spelled_at_dot", ("a at b dot " * (n // 11 + 1))[:n]),
        ("phone_openers", ("+1 (" * (n // 4))),
        ("iban_like_groups", ("DE00 " + "AB90 " * (n // 5))[:n]),
        ("dotted_digits", "1." * (n // 2)),
    ]
    items = []
    for k, (name, text) in enumerate(patterns):
        assert len(text) == n, (name, len(text))
        assert not card_like_digit_runs(text), name
        items.append({"id": f"STRESS-{k + 1:02d}", "country": None, "kind": "STRESS", "text": text, "spans": [],
                      "lookalike": True, "category": f"stress:{name}", "long": False, "stress": True})
    return items


# =========================================================================== validation and output

EMAIL_SYNTAX = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
SPAN_VALIDATORS = {
    "CARD": lambda v, f: luhn_ok(re.sub(r"\D", "", v)) and len(re.sub(r"\D", "", v)) in (15, 16) and not re.search(r"[^\d \-]", v),
    "IBAN": lambda v, f: iban_mod97(v.replace(" ", "")) == 1 and len(v.replace(" ", "")) == IBAN_LENGTH[v[:2].upper()],
    "NATIONAL_ID": lambda v, f: ID_VALIDATORS[f.split(":")[0]](v),
    # plain addresses must be syntactically valid; obfuscated ones must not be (that is the point of them)
    "EMAIL": lambda v, f: bool(EMAIL_SYNTAX.fullmatch(v)) != f.startswith("email:obf_"),
    "PHONE": lambda v, f: 7 <= len(re.sub(r"\D", "", v)) <= 15 and re.fullmatch(r"[+(\d][\d ()./\-]*\d", v) is not None,
}


def checksum_collisions(text: str, spans: list[dict]) -> list[str]:
    """Kinds whose checksum some unlabelled digit run happens to pass (a card-like run passing Luhn,
    a 12-digit run passing Aadhaar's Verhoeff check). Such look-alikes are the hardest negatives:
    only context tells them apart, so benchmarks may want to report them separately."""
    for span in spans:
        text = text[:span["start"]] + "#" * (span["end"] - span["start"]) + text[span["end"]:]
    kinds = set()
    for run in re.findall(r"\d(?:[ \-]?\d)*", text):
        ds = re.sub(r"\D", "", run)
        if 13 <= len(ds) <= 19 and ds[0] in "23456" and luhn_ok(ds):
            kinds.add("CARD")
        if len(ds) == 12 and ds[0] in "23456789" and verhoeff_ok(ds):
            kinds.add("NATIONAL_ID")
    return sorted(kinds)


def validate(items: list[dict]) -> None:
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for it in items:
        text = it["text"]
        assert all(ord(ch) < 0x10000 for ch in text), it["id"]        # code-point offsets == UTF-16 offsets
        last_end = 0
        for span in it["spans"]:
            value = text[span["start"]:span["end"]]
            assert span["start"] >= last_end and value and value == value.strip(), (it["id"], span)
            assert SPAN_VALIDATORS[span["kind"]](value, span["format"]), (it["id"], span["format"], value)
            last_end = span["end"]
        if it["lookalike"] and not it["stress"]:
            assert not re.search(r"[\w.+-]+@(?!2x\.png)[\w-]+\.[\w.]+", text), (it["id"], text)   # no e-mail address
        if it["category"] == "card_luhn_fail":
            assert not any(luhn_ok(re.sub(r"\D", "", m)) for m in re.findall(r"\d[\d -]{11,}\d", text)), it["id"]


def print_counts(items: list[dict]) -> None:
    def show(title: str, counter: Counter) -> None:
        print(f"\n{title}")
        for key, count in sorted(counter.items(), key=lambda kv: str(kv[0])):
            print(f"  {key!s:<28} {count:>6}")
    regular = [it for it in items if not it["long"] and not it["stress"]]
    print(f"wrote {len(items)} items to {OUT}")
    print(f"  PII items (lookalike false): {sum(not it['lookalike'] for it in items)}"
          f"  | look-alikes (lookalike true, excl. stress): {sum(it['lookalike'] and not it['stress'] for it in items)}"
          f"  | long: {sum(it['long'] for it in items)}  | stress: {sum(it['stress'] for it in items)}")
    show("by lookalike", Counter(it["lookalike"] for it in items))
    show("by country", Counter(it["country"] for it in items))
    show("by kind (item)", Counter(it["kind"] for it in items))
    show("by span kind", Counter(s["kind"] for it in items for s in it["spans"]))
    show("PII items by country x kind", Counter(f"{it['country']} {it['kind']}" for it in regular if not it["lookalike"]))
    show("look-alikes by category", Counter(it["category"] for it in regular if it["lookalike"]))
    print(f"\ndistinct span formats: {len({s['format'] for it in items for s in it['spans']})}")
    print(f"items with 2+ spans: {sum(len(it['spans']) >= 2 for it in items)}")
    show("look-alikes with a checksum collision (hard negatives)",
         Counter(k for it in items if it["lookalike"] for k in it["checksum_collision"]))


def generate() -> list[dict]:
    rng = random.Random(SEED)
    items: list[dict] = []
    for country in COUNTRIES:
        items += pii_items(rng, country)
        items += lookalike_items(rng, country)
    for n in range(LONG_WITH_PII + LONG_WITHOUT_PII):
        items.append(long_message(rng, n, with_pii=n < LONG_WITH_PII))
    items += stress_items()
    for it in items:
        it["checksum_collision"] = [] if it["stress"] else checksum_collisions(it["text"], it["spans"])
    validate(items)
    return items


def main() -> None:
    items = generate()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps(it, ensure_ascii=False) + "\n")
    print_counts(items)


if __name__ == "__main__":
    main()
