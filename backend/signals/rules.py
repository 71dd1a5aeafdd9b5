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
                 r"ftc", r"federal\s+trade\s+commission", r"cfpb", r"attorney\s+general", r"ofgem", r"ofcom", r"ofwat", r"ico", r"cqc", r"tio", r"caa", r"fca", r"irdai", r"sebi", r"rbi",
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
                      r"(?:amex|visa|mastercard|paypal|klarna|apple\s+pay)\s+(?:dispute|claim|case|complaint)\w*",
                      r"(?:dispute|claim|case|complaint)\w*\s+(?:with|through|via|on)\s+(?:amex|visa|mastercard|paypal|klarna)",
                      r"(?:dispute|chargeback)\w*\s+(?:with|through|via)\s+(?:my|our|the)\s+(?:bank|card\s+(?:company|issuer))",
                      r"(?:tell|call|contact|ring|report\w*\s+(?:it|this|you)\s+to)\s+(?:amex|visa|mastercard|paypal|klarna)",
                      r"lastschrift\w*", r"r[üu]ckbuch\w*",
                      r"zur[üu]ck(?:buch|geh)\w*", r"opposition", r"terugboek\w*", r"storn\w*", r"contest\w*",
                      r"contracargo\w*", r"estorn\w*"),
    "public": _rx(r"trustpilot", r"twitter", r"tweet\w*", r"tiktok", r"insta(?:gram)?", r"facebook", r"youtube",
                  r"reddit", r"yelp", r"tripadvisor", r"google\s+reviews?", r"(?:app|play)\s+store", r"reclame\s+aqui",
                  r"press", r"newspapers?", r"journalists?", r"local\s+paper", r"blog(?:\s+post)?", r"social\s+media",
                  r"followers", r"(?:1|one)[- ]star", r"reviews?", r"bewertung\w*", r"avis", r"rese[ñn]as?",
                  r"recens\w*", r"avalia\w*"),
    "human": _rx(r"managers?", r"supervisors?", r"humans?", r"(?:real|actual)\s+(?:person|human|people)",
                 r"someone\s+(?:senior|above|in\s+charge|who\s+can)", r"(?:someone|somebody|anyone|anybody)\s+else", r"another\s+(?:agent|person|adviser|advisor|rep)", r"escalat\w*", r"call[- ]?back",
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
    "safety": _rx(r"injur\w*", r"hurt", r"(?:don'?t|do\s+not|didn'?t|did\s+not|never)\s+feel\s+safe", r"hospital(?!ity)\w*", r"a\s?&\s?e", r"emergency\s+room", r"stitch(?:es)?", r"burn(?:ed|t|s)?",
                  r"allerg\w*", r"anaphyla\w*", r"poison\w*", r"unsafe", r"danger\w*", r"hazard\w*", r"fire", r"smoke",
                  r"gas\s+leak", r"smell\w*\s+of\s+gas", r"electric\s+shock", r"sparks?", r"sparked", r"carbon\s+monoxide",
                  r"bruis\w*", r"bleed\w*", r"fractur\w*", r"racis\w*", r"discriminat\w*", r"harass\w*", r"assault\w*",
                  r"threaten\w*", r"abus\w*", r"sexist", r"homophob\w*", r"inappropriate\w*", r"humiliat\w*",
                  # treated differently for who they are: "because of my headscarf", "said women shouldn't drive"
                  r"because\s+(?:of\s+)?(?:my|our|his|her|their|i'?m|we'?re|i\s+am|we\s+are|she'?s|he'?s)\s+"
                  r"(?:race|religion|skin\s+colou?r|accent|headscarf|hijab|turban|disabilit\w*|wheelchair|gender|"
                  r"sexuality|ethnicity|nationality|a\s+woman|black|asian|muslim|jewish|gay|lesbian|trans|disabled)",
                  r"(?:women|foreigners|people\s+like\s+(?:me|us)|immigrants)\s+(?:shouldn'?t|should\s+not)\s+(?:be\s+)?\w+",
                  r"herid[oa]s?", r"lesi[oó]n\w*", r"urgencias", r"intoxica\w*", r"alergi\w*", r"peligros\w*",
                  r"discrimina\w*", r"acos\w*", r"racista\w*", r"verletzung(?:en)?", r"(?:sich|mich|uns|ihn)\s+(?:\w+\s+)?verletzt", r"krankenhaus", r"notaufnahme",
                  r"\w*vergiftung\w*", r"allergisch\w*", r"gef[äa]hrlich\w*", r"diskriminier\w*", r"rassis\w*",
                  r"bel[äa]stig\w*", r"bless[ée]e?s?", r"h[ôo]pital", r"urgences", r"allergique", r"dangereu\w*",
                  r"harc[eè]l\w*", r"gewond", r"ziekenhuis", r"spoedeisende", r"vergiftig\w*", r"gevaarlijk\w*",
                  r"racistisch\w*", r"intimid\w*", r"ferid[oa]s?", r"magoo?u\w*", r"urg[êe]ncias?", r"perigos\w*",
                  r"ass[ée]dio", r"ferit[oa]", r"ospedale", r"pronto\s+soccorso", r"pericolos\w*", r"molestat[oa]", r"molestie",
                  r"razzis\w*", r"minacc?i\w*"),
}

# Figures of speech that borrow harm's words: "dying laughing", "these fees are killing me".
NOT_HARM = _rx(r"(?:dying|died|die|dead)\s+(?:of\s+|with\s+|from\s+)?laugh\w*", r"(?:nearly|almost)\s+died\s+(?:of|from)\s+"
               r"(?:shock|embarrassment|boredom)", r"to\s+die\s+for",
               r"sick\s+(?:of|and\s+tired)", r"drive\w*\s+me\s+(?:mad|crazy|insane)",
               r"muert[oa]s?\s+de\s+(?:la\s+)?risa", r"mor\w*\s+de\s+(?:la\s+)?risa", r"tot\s*ge?lach\w*", r"mort[e]?s?\s+de\s+rire",
               r"dood\s*gelachen", r"slap\s*gelachen", r"morr\w*\s+de\s+rir", r"mort[oaie]\s+dal\s+ridere")

# Outside English the exemplar bank (mostly English) reads little, so a request or threat said in so many words
# raises its reason on its own: whole phrases, never a lone word ("gerente" may be the customer's own manager,
# "cancelar el pedido" is an order, not the company). Written from how customers write, not from the blind set.
PHRASES: dict[str, re.Pattern] = {
    "human": _rx(
        # es
        r"(?:hablar|habl[ae]|pasar\w*|comunicar\w*)\s+(?:con|a)\s+(?:un[ao]?\s+|el\s+|la\s+|alg[uú]n\s+)?"
        r"(?:persona|humano|supervisor\w*|responsable|encargad[oa]|gerente|jefe|superior|agente\s+real)",
        r"(?:quiero|exijo|necesito)\s+(?:un[ao]?\s+|el\s+|al\s+)?(?:supervisor\w*|responsable|encargad[oa]|gerente|jefe)",
        r"(?:una?\s+)?persona\s+(?:real|de\s+verdad)", r"que\s+me\s+llame\s+(?:alguien|un\w*|el|la)",
        # de
        r"(?:mit\s+)?(?:einem?|ihrem|ihre[nr]?|dem|der)\s+(?:vorgesetzt\w+|chef\w*|teamleit\w+|verantwortlich\w+|"
        r"echten?\s+(?:menschen|person)|menschen|supervisor)\s+(?:sprechen|reden|verbinden)",
        r"(?:echten?|richtigen?)\s+(?:menschen|person|mitarbeiter\w*)", r"(?:rückruf|zurückrufen|ruf\w*\s+mich\s+zurück)",
        r"(?:an|zu)\s+(?:einen?|ihren?)\s+(?:vorgesetzt\w+|chef\w*|teamleit\w+)\s+weiter\w*",
        # fr
        r"(?:parler|voir|avoir)\s+(?:à|a|avec)?\s*(?:un(?:e)?\s+|votre\s+|le\s+|la\s+|quelqu'?un\s+)?"
        r"(?:responsable|superviseur|sup[ée]rieur|manager|chef|humain|personne\s+r[ée]elle|vraie\s+personne|conseiller)",
        r"(?:une?\s+)?(?:vraie?|v[ée]ritable)\s+(?:personne|humain)", r"qu'?(?:on|un\s+\w+)\s+me\s+rappelle",
        r"(?:je\s+veux|j'exige)\s+(?:un|une|le|la|votre)\s+(?:responsable|superviseur|sup[ée]rieur|manager|chef)",
        # nl
        r"(?:spreken|praten|bellen)\s+(?:met\s+)?(?:een|uw|jullie|de)?\s*(?:leidinggevende|manager|supervisor|"
        r"mens|echt\s+persoon|medewerker)", r"(?:een|uw|de)\s+(?:leidinggevende|manager|supervisor)\s+(?:spreken|aan\s+de\s+lijn)",
        r"echt(?:e)?\s+(?:mens|persoon)", r"(?:bel|belt)\s+(?:me|mij)\s+(?:terug|op)", r"teruggebeld",
        r"(?:me|mij)\s+(?:\w+\s+)?terugbell\w*",
        # pt
        r"(?:falar|fala)\s+com\s+(?:um[a]?\s+|o\s+|a\s+|algu[eé]m\s+)?(?:pessoa|humano|supervisor\w*|respons[aá]vel|"
        r"gerente|chefe|superior|atendente\s+humano)", r"(?:pessoa|atendente)\s+(?:real|de\s+verdade|humana?)",
        r"(?:quero|exijo)\s+(?:um[a]?\s+|o\s+|a\s+)?(?:supervisor\w*|respons[aá]vel|gerente|chefe)",
        r"(?:me\s+ligu\w+|liguem-me)\s+de\s+volta",
        # it
        r"(?:parlare|parla)\s+con\s+(?:un[ao']?\s*|il\s+|la\s+|qualcuno\s+)?(?:persona|umano|supervisor\w*|"
        r"responsabile|direttore|capo|superiore|operatore\s+(?:umano|vero))", r"(?:persona|operatore)\s+(?:vera|vero|reale|umano)",
        r"(?:voglio|esigo)\s+(?:un[ao]?\s+|il\s+|la\s+)?(?:supervisor\w*|responsabile|direttore|capo)",
        r"(?:richiamat\w+|mi\s+richiam\w+)"),
    "churn": _rx(
        r"(?:me\s+(?:doy|voy\s+a\s+dar)|darme|dar\w*\s+de)\s+de\s+baja", r"(?:dar(?:me)?|doy)\s+de\s+baja",
        r"(?:me\s+voy|me\s+paso|me\s+cambio|cambiarme)\s+(?:a\s+(?:otr[ao]|la\s+competencia)|de\s+(?:compa[ñn][ií]a|"
        r"operador\w*|proveedor\w*|banco))", r"cancel\w+\s+(?:mi|el|la)\s+(?:contrato|suscripci[oó]n|cuenta|l[ií]nea|"
        r"servicio|seguro|abono)",
        r"(?:ich\s+)?k[üu]ndige", r"(?:den\s+vertrag|das\s+abo)\s+k[üu]ndigen", r"(?:den|zum)\s+anbieter\s+wechs\w*", r"wechsle\s+(?:zu\s+(?:einem\s+)?anderen|den\s+anbieter|zur\s+konkurrenz)",
        r"zur\s+konkurrenz", r"(?:verlasse|verlassen)\s+(?:sie|euch)",
        r"(?:je\s+)?r[ée]silie", r"r[ée]silier\s+(?:mon|mes|le|l')", r"(?:je\s+)?(?:vais|pars)\s+(?:aller\s+)?(?:chez|voir)\s+(?:la\s+concurrence|"
        r"un\s+autre|ailleurs)", r"changer\s+d[e']\s*(?:op[ée]rateur|fournisseur|banque|assureur)",
        r"(?:ik\s+)?zeg\s+(?:\w+\s+){0,3}op", r"ik\s+(?:wil\s+)?(?:\w+\s+){0,3}opzeggen", r"(?:ik\s+)?stap\s+over\s+naar\s+(?:een\s+)?(?:andere|de\s+concurrent)", r"overstappen\s+naar\s+(?:een\s+)?(?:andere|de\s+concurrent)",
        r"naar\s+(?:een\s+)?(?:andere\s+(?:provider|aanbieder|bank|verzekeraar)|de\s+concurrent)",
        r"cancel\w+\s+(?:o\s+meu|a\s+minha|o|a)\s+(?:contrato|assinatura|conta|linha|servi[çc]o|seguro)",
        r"(?:vou|vamos)\s+(?:mudar|trocar)\s+de\s+(?:operadora|fornecedor\w*|banco|seguradora)", r"rescis\w+",
        r"(?:vou|vamos)\s+(?:para|pra)\s+(?:a\s+)?(?:concorr[eê]ncia|outr[ao])",
        r"disdic\w+", r"disdett\w+", r"(?:passo|passer[òo])\s+(?:a|ad)\s+(?:un\s+)?(?:altr[oa]|concorrent\w+)",
        r"cambi\w+\s+(?:operatore|fornitore|gestore|banca)"),
    "legal": _rx(
        r"(?:abogad[oa]|denuncia\w*|demandar\w*|poner\s+una\s+demanda|juzgado|tribunal\w*|ocu|facua|omic|"
        r"oficina\s+(?:municipal\s+)?de\s+(?:informaci[oó]n\s+al\s+)?consum\w*|hoja\s+de\s+reclamaciones|"
        r"reclamaci[oó]n\s+formal)",
        r"(?:anwalt|anw[äa]lt\w*|rechtsanwalt\w*|klage|verklag\w*|vor\s+gericht|gerichtlich\w*|schlichtungsstelle|verbraucherzentrale|"
        r"verbraucherschutz|bundesnetzagentur|\w*datenschutzbeauftragt\w*|anzeige\s+erstatt\w*|rechtliche\s+schritte|"
        r"mahnverfahren)",
        r"(?:avocat\w*|porter\s+plainte|d[ée]poser\s+(?:une\s+)?plainte|poursuiv\w*|tribunal\w*|justice|m[ée]diateur|ufc|que\s+choisir|dgccrf|cnil|"
        r"mise\s+en\s+demeure|action\s+en\s+justice)",
        r"(?:advocaat|rechter|rechtszaak|aangifte|geschillencommissie|consumentenbond|juridische\s+stappen|"
        r"autoriteit\s+persoonsgegevens|acm|kifid|ingebrekestelling)",
        r"(?:advogad[oa]|processar|tribunal|justi[çc]a|deco|livro\s+de\s+reclama[çc][õo]es|queixa\s+formal|procon|"
        r"a[çc][ãa]o\s+judicial)",
        r"(?:avvocat[oi]|denuncia|querela|tribunale|giudice|causa\s+legale|codacons|altroconsumo|agcom|"
        r"diffida|vie\s+legali)"),
    "chargeback": _rx(
        r"contracargo\w*", r"(?:reclam\w+|disputar?|anular?)\s+(?:el\s+)?(?:cargo|pago)\s+(?:con|en|a\s+trav[ée]s\s+de)\s+"
        r"(?:mi|el)\s+banco", r"(?:llamar|dir[ée]|hablar[ée]?)\s+(?:a|con)\s+mi\s+banco",
        r"(?:lastschrift|zahlung|abbuchung)\s+(?:\w+\s+)?(?:zur[üu]ck\w*|widerruf\w*|storn\w*)", r"r[üu]ckbuch\w*",
        r"(?:meine\s+)?bank\s+(?:einschalten|informieren|anrufen)",
        r"opposition\s+(?:sur|au)", r"(?:contester|annuler)\s+(?:le\s+)?(?:pr[ée]l[eè]vement|paiement|d[ée]bit)\s+"
        r"(?:aupr[eè]s\s+de|avec|par)\s+(?:ma|la)\s+banque", r"(?:appeler|contacter|voir)\s+ma\s+banque",
        r"(?:betaling|afschrijving|incasso)\s+(?:\w+\s+)?(?:terug\w*|storn\w*)", r"laat\s+\w+\s+terugboeken",
        r"(?:mijn|de)\s+bank\s+(?:inschakelen|bellen)",
        r"(?:contestar|cancelar)\s+(?:a\s+)?(?:cobran[çc]a|pagamento|compra)\s+(?:no|com\s+o|junto\s+ao)\s+"
        r"(?:meu\s+)?banco", r"ligar\s+(?:para\s+)?(?:o\s+)?meu\s+banco",
        r"(?:contestare|disconoscere)\s+(?:l'|il\s+)?(?:addebito|pagamento)", r"chiamare\s+la\s+(?:mia\s+)?banca"),
    "public": _rx(
        r"(?:rese[ñn]a|opini[oó]n|valoraci[oó]n)\s+(?:negativa|mala|de\s+una\s+estrella)", r"redes\s+sociales",
        r"(?:lo\s+)?(?:publicar[ée]|contar[ée])\s+(?:en|a)\s+(?:redes|twitter|internet|todo\s+el\s+mundo)",
        r"(?:schlechte|negative)\s+bewertung\w*", r"(?:einen?\s+)?(?:stern|1-stern\w*)\s+bewert\w*", r"sozialen\s+medien",
        r"(?:mauvais|n[ée]gatif)\s+avis", r"r[ée]seaux\s+sociaux", r"une\s+[ée]toile",
        r"(?:slechte|negatieve)\s+(?:review|recensie|beoordeling)", r"sociale\s+media",
        r"(?:m[áa]|negativa)\s+(?:avalia[çc][ãa]o|cr[íi]tica)", r"redes\s+sociais", r"reclame\s+aqui", r"portal\s+da\s+queixa",
        r"(?:recensione|opinione)\s+negativa", r"una\s+stella", r"sui\s+social"),
    "safety": _rx(
        r"(?:tuvimos|tuve|fuimos|fui|acabamos|acab[eé])\s+(?:que\s+ir\s+)?(?:a|en)\s+(?:urgencias|el\s+hospital)",
        r"intoxicaci[oó]n\s+alimentaria", r"reacci[oó]n\s+al[ée]rgica", r"se\s+(?:lesion[oó]|hiri[oó])",
        r"se\s+(?:cort[oó]|quem[oó])\s+(?:en\s+)?(?:la|el)\s+(?:mano|dedo|pie|pierna|brazo|cara|cabeza|rodilla)",
        r"nos\s+discrimin\w+", r"(?:me|nos)\s+acos\w+", r"comentarios\s+racistas",
        r"(?:hat|habe|haben)\s+sich\s+(?:\w+\s+)?verletzt", r"(?:in\s+der|in\s+die)\s+notaufnahme", r"lebensmittelvergiftung",
        r"allergische[nr]?\s+(?:reaktion|schock)", r"rassistisch\w*\s+(?:beleidig\w*|bemerkung\w*|kommentar\w*)",
        r"(?:wurde|wurden|hat\s+mich|hat\s+uns)\s+(?:\w+\s+)?(?:bel[äa]stigt|diskriminiert|bedroht)",
        r"aux\s+urgences", r"intoxication\s+alimentaire", r"r[ée]action\s+allergique",
        r"s'est\s+bless[ée]e?",
        r"s'est\s+(?:coup[ée]e?|br[ûu]l[ée]e?)\s+(?:la|le|les|à\s+la|au)\s+(?:main|doigt|pied|jambe|bras|visage|t[êe]te|genou)", r"(?:m'a|nous\s+a)\s+(?:harcel|menac|insult)\w*",
        r"propos\s+racistes", r"victimes?\s+d[e']\s*(?:une\s+)?discrimination", r"(?:m'a|nous\s+a)\s+discrimin\w*",
        r"(?:is|ben|zijn|raakte|raakten)\s+(?:\w+\s+)?gewond", r"spoedeisende\s+hulp", r"voedselvergiftiging",
        r"allergische\s+reactie", r"gediscrimineerd", r"racistische?\s+opmerking\w*", r"lastiggevallen", r"bedreigd",
        r"(?:foi|fomos|fui)\s+(?:parar\s+)?(?:ao|às|as|a)\s+(?:hospital|urg[êe]ncias?)", r"intoxica[çc][ãa]o\s+alimentar",
        r"rea[çc][ãa]o\s+al[ée]rgica", r"magoou-se", r"se\s+magoou", r"ficou\s+ferid[oa]", r"discriminad[oa]s?",
        r"ass[ée]dio",
        r"pronto\s+soccorso", r"intossicazione\s+alimentare", r"reazione\s+allergica",
        r"si\s+[èe]\s+(?:ferit[oa]|fatt[oa]\s+male)",
        r"si\s+[èe]\s+(?:bruciat[oa]|tagliat[oa])\s+(?:la|il)\s+(?:mano|dito|piede|gamba|braccio|faccia|testa)", r"discriminat[ie]", r"molestat[oa]",
        r"(?:frasi|commenti)\s+razzist\w*", r"ci\s+ha\s+minacciat\w*"),
}

# The customer's own boss is no request for ours: "mi jefe me pidió la factura", "meu gerente pediu a nota".
OWN_BOSS = _rx(r"(?:mi|meu|minha|mein\w*|mon|ma|mijn|il\s+mio|la\s+mia|my|our|nuestro|notre|onze|nosso|il\s+nostro)\s+"
               r"(?:gerente|jefe|jefa|chef\w*|manager|vorgesetzt\w*|leidinggevende|responsabile|responsable|capo|boss|"
               r"supervisor\w*|respons[aá]vel)")

# Cancelling one order or booking, switching plans with us or leaving a review is no leaving: "puedo cancelar el
# pedido y hacerlo de nuevo?", "I'm switching to paying yearly".
NOT_LEAVING = _rx(r"(?:cancel\w*|annul\w*|storn\w*|stornier\w*)\s+(?:\w+\s+){0,2}(?:pedido|encomenda|bestellung|commande|"
                  r"bestelling|ordine|order|reserva\w*|r[ée]servation|buchung|boeking|prenotazione|booking|stay|trip|"
                  r"appointment|visit|delivery|ticket)s?",
                  r"switch\w*\s+(?:\w+\s+){0,2}to\s+(?:paying\s+)?(?:yearly|annual\w*|monthly|quarterly|direct\s+debit)",
                  r"switch\w*\s+(?:\w+\s+){0,2}to\s+(?:the|a|an|your)\s+(?:\w+\s+)?(?:plan|tariff|tier|bundle)",
                  r"open\w*\s+a\s+new\s+(?:one|account)\b(?!\s+(?:with|at)\s+(?!(?:my|the|your)\b))",
                  r"renewal\s+(?:letter|notice|date|e-?mail|reminder|documents?|pack)",
                  # leaving a review or a note is no leaving us ("I'll be leaving you a glowing review")
                  r"leav(?:e|ing)\s+(?:you\s+|us\s+)?(?:a|an|my|our)\s+(?:\w+\s+){0,2}(?:reviews?|ratings?|feedback|"
                  r"comments?|tip|note|message|voicemail)")

# Words of a trigger that say something else: the customer's own boss, a plan switched with us, "dying laughing".
# A review promised as praise is no threat ("I'll leave you a glowing review if you sort it!").
PRAISE = _rx(r"(?:glowing|great|good|positive|lovely|nice|brilliant|excellent|rave|amazing|five[- ]star|5[- ]star|5\*)"
             r"\s+(?:google\s+|trustpilot\s+)?(?:reviews?|ratings?|feedback)",
             r"(?:review|rate)\s+(?:you|it|us)\s+(?:5|five)\s+stars?")
NOT_MEANT = {"human": OWN_BOSS, "churn": NOT_LEAVING, "safety": NOT_HARM, "public": PRAISE}


def not_meant(head: str, text: str) -> bool:
    """Whether every word of `head` in this sentence lies inside a phrase that means something else (so "my boss
    is furious, put me through to a supervisor" still asks for one)."""
    veto = NOT_MEANT.get(head)
    spans = [m.span() for m in veto.finditer(text)] if veto is not None else []
    if not spans:
        return False
    return all(any(start <= s and e <= end for start, end in spans) for s, e in (m.span() for m in TERMS[head].finditer(text)))

# Said in so many words: a chargeback is a chargeback (unless ruled out, or asked about: "how do chargeback fees…?").
EXPLICIT = {"chargeback": _rx(r"charge[- ]?backs?", r"direct\s+debit\s+guarantee"),
            # a regulator or a court named is a legal step, whatever else the sentence says ("my solicitor asked
            # for a statement" is not: a lawyer alone is left to the classifier)
            "legal": _rx(r"ombuds\w*", r"trading\s+standards", r"small[- ]claims", r"legal\s+action",
                         r"letter\s+before\s+action", r"suing", r"sue\s+(?:you|them|the\s+company)", r"citizens\s+advice",
                         r"ofcom", r"ofgem", r"ofwat", r"fca", r"cqc", r"caa", r"ftc", r"cfpb",
                         r"better\s+business\s+bureau", r"consumer\s+(?:protection|rights)\s+(?:agency|office|body)")}

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
    r"n[ãa]o\s+quero|n[ãa]o\s+precis\w*|non\s+voglio|non\s+serve|"
    # a threat said not to be made ("ik ga echt geen slechte review schrijven"), a need said gone ("den Manager
    # brauch ich nicht mehr"); a bare "no voy a" / "ich werde nicht" also opens threats ("no voy a volver")
    r"(?:no\s+voy\s+a|no\s+pienso|ich\s+werde\s+(?:\w+\s+)?(?:keine?n?|nicht)|je\s+ne\s+vais\s+pas|ik\s+ga\s+(?:\w+\s+)?"
    r"(?:geen|niet)|n[ãa]o\s+vou|non\s+ho\s+intenzione\s+di)\s+(?:\w+\s+){0,3}(?:review\w*|rese[ñn]a|bewertung|avis|"
    r"recensi\w*|avalia\w*|denunci\w*|anwalt|avocat|advocaat|advogad\w*|avvocat\w*|klacht|aangifte|reclama\w*|"
    r"chargeback|contracargo|r[üu]ckbuch\w*|terugboek\w*|estorn\w*|storn\w*|opposition|manager|supervisor|responsable|"
    r"vorgesetzt\w*|leidinggevende|gerente|respons[aá]vel|responsabile|baja|k[üu]ndig\w*|r[ée]silier|opzeggen|cancel\w*|"
    r"disdett\w*|disdir\w*)|"
    r"brauch\w*\s+(?:ich\s+)?(?:\w+\s+)?nicht\s+mehr|pas\s+la\s+peine|hoeft\s+niet\s+meer|"
    r"j[áa]\s+n[ãa]o\s+(?:é\s+)?preciso|non\s+(?:ho\s+pi[uù]\s+bisogno|c'[èe]\s+pi[uù]\s+bisogno))",
    re.IGNORECASE)

# Thanks that thank for nothing: the customer gives up, they are not content ("Brilliant. Thanks for nothing.").
SARCASTIC_THANKS = _rx(r"thanks?\s+for\s+(?:absolutely\s+)?nothing", r"cheers\s+for\s+nothing",
                       r"gee,?\s+thanks", r"thanks\s+for\s+(?:wasting|the\s+runaround)", r"gracias\s+por\s+nada",
                       r"danke\s+f[üu]r\s+nichts", r"merci\s+pour\s+rien", r"bedankt\s+voor\s+(?:niets|niks)",
                       r"obrigad[oa]\s+por\s+nada", r"grazie\s+per\s+(?:niente|nulla)")

# Thanks or a fix confirmed: with the classifier's `satisfied` head, a customer who ends content.
# Gratitude in so many words ("it works" thanks no one, and "doesn't work" matches THANKS): a threat named while
# saying it may be taken back.
GRATITUDE = _rx(r"thanks?", r"thank\s+you", r"thx", r"cheers", r"appreciate\w*", r"gracias", r"danke\w*", r"merci",
                r"bedankt", r"dank\s+je(?:\s+wel)?", r"obrigad[oa]", r"grazie")
# Taking something back: "sorry for the Trading Standards comment", "forget the review", "laat maar zitten".
RETRACTING = _rx(r"sorry", r"apolog\w*", r"forget", r"ignore", r"scratch", r"never\s+mind", r"take\s+(?:it|that)\s+back",
                 r"no\s+need", r"no\s+longer", r"not\s+going\s+to", r"drop(?:ped)?", r"olvid\w*", r"ya\s+no",
                 r"vergiss\w*", r"vergessen", r"erledigt", r"nicht\s+mehr", r"oubli\w*", r"d[ée]sol[ée]",
                 r"laat\s+(?:\w+\s+){0,3}zitten", r"niet\s+meer", r"lasci\w*\s+perdere", r"niente", r"non\s+(?:serve|più)",
                 r"esque[cç]\w*", r"n[aã]o\s+vou")
_CLAUSES = re.compile(r"[,;:]|\s[-–—]\s|\s(?:and|but)\s", re.IGNORECASE)


# A clause that says something of its own: the customer speaking again ("…, I'm cancelling my contract"), not the
# next item of a list the ruling-out governs ("I don't want to escalate, complain, or leave a review").
_OWN_STATEMENT = re.compile(r"^(?!\s*(?:or|nor|and|either)\b).*\b(?:i|i'?m|i'?ll|i'?ve|i'?d|we|we'?re|we'?ll|my|our)\b",
                            re.IGNORECASE)
_APART = re.compile(r"[,;:]|\s[-–—]\s|\sbut\s", re.IGNORECASE)


def named_apart(text: str, heads: list[str]) -> set[str]:
    """The reasons among `heads` named by their term in a clause of its own that rules nothing out: "no need to
    escalate, I'm cancelling my contract" rules out a person, not leaving."""
    clauses = [c for c in _APART.split(text) if _OWN_STATEMENT.search(c) and not RULED_OUT.search(c)]
    return {h for h in heads if any(TERMS[h].search(c) for c in clauses)}


def retracted(text: str, heads: list[str]) -> set[str]:
    """The reasons among `heads` that a clause of `text` takes back: by name where the sentence names it ("sorry
    for the Trading Standards line", not "no need to escalate, I'm cancelling my contract"), else any clause."""
    clauses = [c for c in _CLAUSES.split(text) if RETRACTING.search(c)]
    return {h for h in heads if any(TERMS[h].search(c) for c in clauses) or (clauses and not TERMS[h].search(text))}
THANKS = _rx(r"thanks?", r"thank\s+you", r"thx", r"ty", r"cheers", r"appreciate\w*", r"works?", r"worked", r"working\s+now",
             r"sorted", r"fixed", r"resolved", r"got\s+it", r"received", r"legend",
             r"gracias", r"funciona", r"solucionado", r"danke", r"geht\s+wieder", r"merci", r"marche", r"bedankt",
             r"werkt", r"obrigad[oa]", r"resolveu", r"grazie", r"funziona", r"risolto")

# An agent honouring a request for a person: a call-back booked, a hand-over made, a person answering.
HONOURED = re.compile(
    r"(?<!\w)(?:(?:i'?ve|i\s+have|we'?ve|we\s+have|i'?ll|i\s+will|i'?m|i\s+am|we'?re|we\s+are)\s+(?:\w+\s+){0,2}"
    r"(?:escalat\w*|transferr\w*|connecting|putting\s+you\s+through"
    # passing feedback on to a branch, or booking an engineer, is no hand-over to a person
    r"|(?:booked|arranged|scheduled)\s+(?:\w+\s+){0,3}(?:call|call-?back|meeting)"
    r"|(?:passed|passing|raised|referred|forwarded)\s+(?:\w+\s+){0,6}(?:manager|supervisor|team\s+lead\w*|senior|"
    r"colleague|specialist|complaints))"
    r"|(?:manager|supervisor|team\s+lead\w*|senior|specialist|someone)\s+(?:will|is\s+going\s+to|'ll)\s+"
    r"(?:call|ring|phone|contact|email|get\s+in\s+touch|be\s+in\s+touch)"
    r"|call[- ]?back\s+(?:is\s+)?(?:booked|arranged|scheduled|for)|(?:i'?m|i\s+am)\s+(?:a\s+)?(?:real\s+)?(?:person|human)"
    r"|(?:you'?re|you\s+are)\s+(?:now\s+)?(?:speaking|talking|chatting)\s+(?:to|with)"
    r"|this\s+is\s+\w+,?\s+(?:the\s+)?(?:manager|supervisor|team\s+lead\w*)"
    # the same in the customer's language: a person introducing themselves, a transfer, a call-back booked
    r"|soy\s+\w+\s+del?\s+(?:equipo|servicio|departamento|soporte|atenci[oó]n)"
    r"|(?:te|le)\s+(?:paso|transfiero|pongo)\s+con\s+(?:un|una|el|la|mi)\s+(?:compa[ñn]er[oa]|supervisor\w*|responsable|"
    r"encargad[oa]|gerente|agente|persona)|(?:te|le)\s+llamar[áa]"
    r"|hier\s+ist\s+\w+\s+(?:vom|aus\s+dem|von\s+der|vom\s+team)\s*(?:team|kundenservice|kundendienst|support|service)?"
    r"|ich\s+(?:verbinde|leite)\s+(?:sie|dich)\s+(?:\w+\s+){0,3}(?:weiter|mit|an\s+(?:einen|eine|meine?n?))"
    r"|(?:ruft|meldet\s+sich)\s+(?:\w+\s+)?(?:bei\s+)?(?:ihnen|dir)"
    r"|je\s+suis\s+\w+\s+(?:du\s+service|de\s+l'[ée]quipe|du\s+support)|vous\s+parlez\s+(?:à|a|avec)\s+\w+"
    r"|je\s+vous\s+(?:passe|transf[èe]re|mets\s+en\s+relation\s+avec)\s+(?:un|une|mon|ma|le|la|notre)\s+"
    r"(?:coll[èe]gue|responsable|superviseur|conseill\w*|sup[ée]rieur)|vous\s+rappellera"
    r"|(?:je|u)\s+spreekt\s+met\s+\w+|ik\s+verbind\s+(?:je|u)\s+door|belt\s+(?:je|u)\s+(?:\w+\s+)?terug"
    r"|sou\s+(?:o|a)\s+\w+\s+da\s+(?:equipa|equipe|assist[êe]ncia|apoio)|est[áa]\s+a\s+falar\s+com\s+\w+"
    r"|vou\s+(?:transferir|passar)\s+(?:\w+\s+){0,2}(?:para|ao|à)\s+(?:um|uma|o|a|meu|minha)\s+(?:colega|supervisor\w*|"
    r"respons[aá]vel|gerente)|(?:vai|v[ãa]o)\s+(?:ligar|contact)\w*"
    r"|sono\s+\w+\s+(?:del|della|dell')\s*(?:servizio|team|assistenza|supporto)"
    r"|(?:la|ti)\s+(?:passo|trasferisco)\s+(?:a|al|alla|con)\s+(?:un|una|il|la|mio|mia)?\s*(?:collega|responsabile|"
    r"supervisor\w*|operatore)|(?:la|ti)\s+richiamer[àa]"
    # someone named before ("I've put this to Gareth, our operations manager; he'll ring you at 2:30")
    r"|(?<!\bno\s)(?<!\bnot\s)(?:he|she)(?:['’]ll|\s+will|\s+is\s+going\s+to)\s+(?:ring|call|phone)\s+you"
    r"|(?<!personne\sne\s)vous\s+(?:appellera|rappellera)|(?<!nessuno\s)(?:la|ti|vi)\s+chiamer[àa])",
    re.IGNORECASE)

# A person answering by name: after a request for a person, an agent who introduces themselves ("Hi, I'm Helen, the
# practice manager", "soy Marta, la responsable", "Claire du service client, je vous écoute") has honoured it, in
# any language. The name is told by its capital letter, so the words around it ignore case and it does not.
_TITLE = r"(?:(?:Herr|Frau|Mr|Mrs|Ms|Miss|Dr|Mevrouw|Meneer|Sr|Sra|Mme|Sig|Sig\.ra)\.?\s+)?"
# Capitalised words that are no one's name: greetings, pronouns (German "Ihr", "Sie"), "Nobody"/"Personne".
_NOT_NAMES = (r"Not|Sorry|Afraid|Happy|Glad|So|Very|Really|Just|Here|Still|The|It|This|That|Ridiculous|Hello|Hi|Hey|"
              r"Dear|Thanks|Thank|Greetings|Welcome|Bonjour|Hola|Hallo|Buongiorno|Ciao|Olá|Hoi|Goedemiddag|Nobody|No|None|"
              r"Nothing|Someone|Somebody|Anyone|Everyone|Personne|Nessuno|Niemand|Nadie|Ninguém|Iemand|Ihr|Ihre|Ihnen|"
              r"Sie|Uw|Usted|Vous|Lei|Belt")
# A name: a capital and lower-case letters, not one of those, and not a brand's possessive ("Royal Mail's policy").
_NAME = r"(?-i:(?!(?:" + _NOT_NAMES + r")\b)[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?!(?:\s+[A-Z]\w*)*['’]s\b))"
INTRODUCED = re.compile(
    r"(?i:(?<!\w)(?:this\s+is|i['’]?m|i\s+am|my\s+name\s+is|you['’]?re\s+(?:now\s+)?(?:speaking|chatting|talking)\s+(?:to|with)|"
    r"soy|me\s+llamo|est[áa]s?\s+hablando\s+con|sou\s+(?:o|a)|chamo-me|est[áa]\s+a\s+falar\s+com|je\s+suis|"
    r"je\s+m'appelle|ici|vous\s+parlez\s+(?:à|a|avec)|ich\s+bin|hier\s+ist|mein\s+name\s+ist|sie\s+sprechen\s+mit|"
    r"sono|mi\s+chiamo|parla\s+con|ik\s+ben|hier\s+is|(?:je|u)\s+spreekt\s+(?:nu\s+)?met)\s+)" + _TITLE + _NAME + r"\b"
    r"|" + _NAME + r"(?i:\s+(?:from|du|de\s+la|de\s+l'|del|de|della|dell'|vom|van\s+de|van\s+het|van|do|da)\s+(?:the\s+)?"
    r"(?:service|team|[ée]quipe|support|office|equipo|atenci[oó]n|kundenservice|kundendienst|klantenservice|apoio|"
    r"assist[êe]ncia|ufficio|servizio|assistenza)\b)"
    # a person named to call: "Chef Tomasz will ring you tomorrow at 10"
    r"|" + _NAME + r"(?i:(?:,[^.;]{0,60},)?\s+(?:will|['’]ll|is\s+going\s+to)\s+(?:ring|call|phone|contact|e-?mail)\s+you|"
    r"(?:,[^.;]{0,60},)?\s+belt\s+(?:je|u)\b)")


def honoured(text: str) -> bool:
    """Whether an agent's message honours a request for a person: a hand-over, a call-back, a person by name."""
    return bool(HONOURED.search(text) or INTRODUCED.search(text))


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
             r"urgente", r"dringend", r"sofort", r"urgence", r"dringend", r"imediatamente", r"subito",
             r"lo\s+antes\s+posible", r"cuanto\s+antes", r"inmediatamente", r"hoy\s+mismo", r"heute\s+noch",
             r"so\s+schnell\s+wie\s+m[öo]glich", r"umgehend", r"d'urgence", r"imm[ée]diatement", r"au\s+plus\s+vite",
             r"aujourd'hui\s+m[êe]me", r"spoed\w*", r"zo\s+snel\s+mogelijk", r"vandaag\s+nog", r"meteen",
             r"o\s+quanto\s+antes", r"o\s+mais\s+r[áa]pido\s+poss[íi]vel", r"hoje\s+mesmo", r"il\s+prima\s+possibile",
             r"immediatamente", r"oggi\s+stesso", r"urgentemente")


def shouting(text: str) -> bool:
    """Mostly capitals, three shouted words, or "!!!"."""
    letters = [c for c in text if c.isalpha()]
    caps_words = re.findall(r"\b[A-Z]{3,}\b", text)
    return (len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) > 0.6) or len(caps_words) >= 3 \
        or "!!!" in text
