"""Signals: escalation reasons heard in any wording, withdrawal and look-alikes, language on short messages,
and sentiment that says when it cannot read a language. Precision/recall live in bench/bench_signals.py."""

import pytest

from backend.models import Turn
from backend.signals.core import compute_signals
from backend.signals.escalation import CODES
from backend.signals.language import detect_language


def turns(*pairs: tuple[str, str]) -> list[Turn]:
    return [Turn(key=f"m{i}", role=role, text=text) for i, (role, text) in enumerate(pairs)]  # type: ignore[arg-type]


def signals(*pairs: tuple[str, str], tier: str | None = None):
    return compute_signals(turns(*pairs), tier=tier)  # the shipped readers (tuning.SIGNALS_*EMBEDDER)


# ---- issue 22: conversations a new user tried --------------------------------------------------------------

def test_going_round_in_circles_then_asking_for_a_supervisor_is_high():
    s = signals(("customer", "No. I'm not going round in circles with you again. Put me through to a manager, "
                             "a real supervisor, today."))
    assert s.escalation.risk == "high" and "human" in s.escalation.codes, s.escalation
    assert any(r.startswith("Asked for a human") for r in s.escalation.reasons)


def test_enterprise_collecting_competitor_quotes_is_churn():
    s = signals(("customer", "Our static IPs changed with five days' notice and two sites were down for a morning."),
                ("agent", "I'm sorry about the short notice. The change was part of a network migration."),
                ("customer", "Our contract is up for renewal on 30 June and I've been asked to get quotes from two "
                             "other providers."), tier="enterprise")
    assert s.escalation.risk == "high", s.escalation
    assert {"churn", "vip_money"} <= set(s.escalation.codes)


def test_vip_disputing_a_pro_rata_invoice_ahead_of_renewal_is_high():
    s = signals(("customer", "The pro-rata charge for the three vans we added in May is wrong: our finance team has "
                             "flagged it twice now. We are also reviewing the fleet agreement ahead of the renewal "
                             "in September."), tier="vip")
    assert s.escalation.risk == "high", s.escalation
    assert "vip_money" in s.escalation.codes and "churn" in s.escalation.codes
    assert any("High-value customer at risk" in r for r in s.escalation.reasons)


def test_double_charged_for_a_bike_that_never_came_is_high():
    s = signals(("customer", "You've taken £649 from my card twice for the Vela city bike and the bike never came."),
                ("agent", "Sorry to hear that. Could you send me the order number?"),
                ("customer", "VB-20931. I've already emailed twice about it. If I don't hear back today I'm asking "
                             "my bank to claw it back."))
    assert s.escalation.risk == "high", s.escalation
    assert "chargeback" in s.escalation.codes and "repeat" in s.escalation.codes


# ---- reading the thread --------------------------------------------------------------------------------------

def test_a_threatened_chargeback_is_not_taken_for_a_withdrawal():
    # The demo helpdesk's ticket 103: the classifier's withdrawal head once fired on "Fix it today or ...",
    # which dropped a chargeback named in so many words.
    s = signals(("customer", "I was charged twice for the same order and nobody is answering. This is the second "
                             "time I write. Fix it today or I'm filing a chargeback with my bank."))
    assert s.escalation.risk == "high" and "chargeback" in s.escalation.codes, s.escalation


def test_an_earlier_unanswered_request_still_counts():
    s = signals(("customer", "My claim was undervalued. I want a senior manager to review it, not the same assessor."),
                ("agent", "Please upload the comparable listings."),
                ("customer", "Uploaded. Does my policy cover a hire car meanwhile?"))
    assert s.escalation.risk == "high" and "human" in s.escalation.codes


def test_a_withdrawn_request_does_not_count():
    s = signals(("customer", "Locked out again, I want to speak to a manager."),
                ("agent", "Sorry! I've reset your access code, try 4471."),
                ("customer", "Worked, I'm in. No need for a manager anymore, thanks!"))
    assert s.escalation.risk != "high" and "human" not in s.escalation.codes, s.escalation


def test_a_request_the_agent_honoured_does_not_count():
    s = signals(("customer", "Can someone senior call me back about the outage?"),
                ("agent", "Of course, I've booked a call-back with my team leader for 3pm today."),
                ("customer", "ok"))
    assert "human" not in s.escalation.codes, s.escalation


@pytest.mark.parametrize("text", [
    "I don't want to do a chargeback, I'm sure it's a glitch. Can you check the second £4.20 payment?",
    "Not going to leave a bad review or anything, I just want the right charger sent.",
])
def test_a_reason_the_customer_rules_out_is_not_high(text):
    s = signals(("customer", text))
    assert s.escalation.risk != "high", s.escalation


@pytest.mark.parametrize("text", [
    "My manager asked me to get a copy of last month's invoice for the expense report.",
    "Can I switch to the bigger plan from next month?",
    "I booked the wrong date by mistake, can I cancel and rebook for Friday?",
    "How do I leave a review for the driver? He was great.",
    "Could your mechanic come next week? I'll leave you a glowing review if you sort it!",
])
def test_look_alikes_stay_below_high(text):
    s = signals(("customer", text))
    assert s.escalation.risk != "high", s.escalation


def test_leaving_a_review_is_no_leaving():
    s = signals(("customer", "Brilliant, thanks for sorting the fob so quickly. I'll be leaving you a glowing review "
                             "after that, promise!"))
    assert "churn" not in s.escalation.codes, s.escalation
    leaving = signals(("customer", "I'm leaving a bad review and cancelling my membership, you've had three chances."))
    assert "churn" in leaving.escalation.codes, leaving.escalation


def test_a_repeat_that_finally_worked_is_not_high():
    s = signals(("customer", "Second time asking: the meter reading still isn't on my bill."),
                ("agent", "Sorry, I've entered 45210 and reissued the bill."),
                ("customer", "Got the new bill, looks right. Thanks for sorting it."))
    assert s.escalation.risk == "low" and s.escalation.codes == [], s.escalation


def test_codes_come_from_the_fixed_vocabulary_and_reasons_are_readable():
    s = signals(("customer", "I want to speak to a manager NOW!!! Third time I'm writing."), tier="VIP")
    assert s.escalation.risk == "high"
    assert set(s.escalation.codes) <= set(CODES) and {"human", "repeat"} <= set(s.escalation.codes)
    assert "High-value customer (VIP)" in s.escalation.reasons
    assert all(isinstance(r, str) for r in s.escalation.reasons)


@pytest.mark.parametrize("text,because", [
    ("I'm disputing this charge with my card company.", "disputes a charge"),
    ("Honestly we're thinking about switching to another provider next month.", "is weighing leaving"),
    ("If this isn't fixed I won't renew our contract.", "is weighing leaving"),
])
def test_high_value_customer_disputing_or_leaving_is_high_risk(text, because):
    calm = signals(("customer", text), tier="enterprise")
    assert calm.escalation.risk == "high", calm.escalation
    assert any(because in r for r in calm.escalation.reasons)
    standard = signals(("customer", text), tier="standard")
    assert not any("High-value" in r for r in standard.escalation.reasons)


def test_an_other_language_needs_the_exact_term():
    s = signals(("customer", "Es la tercera vez que llamo. Quiero hablar con un responsable."))
    assert s.language == "es" and s.escalation.risk == "high" and "human" in s.escalation.codes
    routine = signals(("customer", "Hola, ¿puedo cambiar la dirección de entrega de mi pedido?"))
    assert routine.escalation.risk != "high"


# ---- language and sentiment ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,language", [
    ("where is my parcel please", "en"),
    ("hola donde esta mi pedido", "es"),
    ("wo bleibt meine bestellung", "de"),
    ("mon colis n'est pas arrivé", "fr"),
    ("waar blijft mijn bestelling", "nl"),
    ("quando chega a minha encomenda", "pt"),
    ("non riesco ad accedere al conto", "it"),
])
def test_language_of_short_messages(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize("text,language,label", [
    ("Estoy muy enfadado, el servicio es horrible y nadie me ayuda.", "es", "negative"),
    ("Das ist eine Frechheit, ich bin total enttäuscht!", "de", "negative"),
    ("C'est inadmissible, je suis vraiment déçu.", "fr", "negative"),
    ("Super, het werkt weer. Heel erg bedankt!", "nl", "positive"),
    ("Muito obrigada, ficou tudo resolvido!", "pt", "positive"),
    ("Non è un problema, grazie mille, gentilissimi.", "it", "positive"),
])
def test_sentiment_in_six_more_languages(text, language, label):
    s = signals(("customer", text))
    assert s.language == language and s.sentiment.label == label, s.sentiment


def test_a_negated_complaint_word_is_not_negative():
    assert signals(("customer", "No es ningún problema, todo perfecto, gracias.")).sentiment.label == "positive"
    assert signals(("customer", "Ich bin nicht zufrieden mit dem Service.")).sentiment.score < 0


def test_sentiment_outside_the_lexicons_says_it_cannot_tell():
    s = signals(("customer", "Jag är mycket arg, tjänsten är hemsk och ingen hjälper mig."))
    assert s.language not in ("en", "es", "de", "fr", "nl", "pt", "it")
    assert s.sentiment.label == "unknown"  # not a silent "neutral"
    english = signals(("customer", "I'm furious, the service is horrible and nobody helps me."))
    assert english.sentiment.label == "negative"


def test_a_request_for_a_person_in_dutch_is_high_and_ones_own_manager_is_not():
    s = signals(("customer", "Dit is de derde keer dat ik bel. Ik wil nu een leidinggevende spreken."))
    assert s.language == "nl" and s.escalation.risk == "high" and "human" in s.escalation.codes
    assert "repeat" in s.escalation.codes
    own = signals(("customer", "Mijn leidinggevende vraagt om een kopie van de factuur, kunt u die mailen?"))
    assert own.escalation.risk != "high", own.escalation
    leaving = signals(("customer", "Ik zeg mijn abonnement op en stap over naar een andere provider."))
    assert leaving.escalation.risk == "high" and "churn" in leaving.escalation.codes
    one_order = signals(("customer", "Kan ik de bestelling annuleren en opnieuw plaatsen?"))
    assert one_order.escalation.risk != "high", one_order.escalation


# ---- harm reported, and other languages read by meaning ------------------------------------------------------

def test_an_injury_or_discrimination_is_safety_and_high():
    injury = signals(("customer", "The heater in the cottage sparked and my daughter burned her hand."))
    assert injury.escalation.risk == "high" and "safety" in injury.escalation.codes, injury.escalation
    assert any(r.startswith("Reports harm") for r in injury.escalation.reasons)
    conduct = signals(("customer", "Your driver made racist comments about my family the whole way home."))
    assert "safety" in conduct.escalation.codes, conduct.escalation


@pytest.mark.parametrize("text", ["Is this car seat safe for a newborn?",
                                  "He had us dying laughing all the way home, can I tip him?",
                                  "I broke my wrist last month so I need to pause my membership."])
def test_questions_about_safety_and_figures_of_speech_are_not_harm(text):
    assert "safety" not in signals(("customer", text)).escalation.codes


def test_harm_reported_stays_when_the_customer_thanks_the_agent():
    s = signals(("customer", "The heater in the cottage sparked and my daughter burned her hand."),
                ("agent", "So sorry, I've sent the owner round with a new heater."),
                ("customer", "Thanks, that's kind."))
    assert s.escalation.codes == ["safety"], s.escalation
    late = signals(("customer", "I'd like to speak to a manager about the heater."),
                   ("agent", "I've fixed the setting for you now."), ("customer", "Thanks, that's kind."))
    assert late.escalation.risk != "high", "a satisfied customer still clears other requests"


def test_a_request_for_a_manager_is_not_withdrawn_by_its_own_sentence():
    s = signals(("customer", "I want to talk to your manager, not you."))
    assert "human" in s.escalation.codes, s.escalation


@pytest.mark.parametrize(("text", "code"), [
    ("Es la última vez que os compro nada, me llevo todo a otra tienda.", "churn"),
    ("Mijn zoon heeft zijn hand opengehaald aan de kapotte glazen tafel en moest gehecht worden.", "safety"),
    ("Ich will sofort mit jemandem sprechen, der hier etwas entscheiden darf.", "human"),
])
def test_other_languages_are_read_by_meaning_not_only_by_phrases(text, code):
    s = signals(("customer", text))
    assert s.escalation.risk == "high" and code in s.escalation.codes, s.escalation


def test_without_a_multilingual_reader_only_exact_phrases_count(monkeypatch):
    from backend import tuning
    from backend.retrieval.embed import get_embedder
    from backend.signals.core import reader_for

    monkeypatch.setattr(tuning, "SIGNALS_FOREIGN_EMBEDDER", "wordllama")
    assert reader_for("es") is get_embedder(tuning.SIGNALS_EMBEDDER), "no reader knows Spanish: the English one"
    s = signals(("customer", "Es la última vez que os compro nada, me llevo todo a otra tienda."))
    assert s.escalation.risk != "high", "MiniLM does not read Spanish: the classifier alone is not trusted"
    phrased = signals(("customer", "Quiero hablar con un supervisor ya, por favor."))
    assert "human" in phrased.escalation.codes, "a whole phrase still counts"


@pytest.mark.parametrize(("pairs", "code", "raised"), [
    ([("customer", "No voy a volver a comprar aquí nunca más, me voy a la competencia.")], "churn", True),
    ([("customer", "Ich werde nicht länger warten, ich will sofort einen Vorgesetzten sprechen.")], "human", True),
    ([("customer", "Se cortó la luz otra vez en todo el piso.")], "safety", False),
    ([("customer", "Votre politique de non-discrimination est-elle publique ?")], "safety", False),
    ([("customer", "Ich will einen Vorgesetzten sprechen."), ("agent", "Hier ist der Link zu unserem Formular.")],
     "human", True),
    ([("customer", "My boss is furious, put me through to a supervisor now.")], "human", True),
    ([("customer", "My manager asked me to get a copy of the invoice.")], "human", False),
    ([("customer", "I'm switching to a cheaper provider.")], "churn", True),
    ([("customer", "I'm switching to paying yearly.")], "churn", False),
    ([("customer", "The fumes from the new carpet are killing us, we all have headaches.")], "safety", True),
])
def test_look_alikes_rule_out_only_what_they_say(pairs, code, raised):
    """A negation, a cut or a greeting rules out a reason only when it is about that reason."""
    assert (code in signals(*pairs).escalation.codes) is raised


def test_a_person_answering_in_spanish_honours_the_request():
    s = signals(("customer", "Puedo hablar con una persona? el bot no me entiende"),
                ("agent", "Hola, soy Javier del equipo de atención. Dime."),
                ("customer", "Genial. El fontanero puede venir el jueves?"))
    assert s.escalation.risk != "high", s.escalation


@pytest.mark.parametrize("request_text, answer", [
    ("Can I speak to someone in the lettings office, not the bot?", "Hi, I'm Helen, the lettings manager. How can I help?"),
    ("Kan ik iemand van het verhuurteam spreken?", "Hoi, je spreekt nu met Sanne van het verhuurteam."),
    ("Posso parlare con qualcuno dell'ufficio commerciale?", "Buongiorno, sono Marco, responsabile commerciale."),
    ("Je peux parler à un humain ?", "Oui bien sûr, Claire du service client. Je vous écoute."),
    ("Ich hätte gern jemanden aus der Buchhaltung, nicht den Chat.", "Guten Tag, hier ist Herr Krause, Teamleiter."),
])
def test_a_person_introducing_themselves_honours_the_request(request_text, answer):
    """A person answering by name, in any language, has honoured a request for a person."""
    s = signals(("customer", request_text), ("agent", answer), ("customer", "Thanks. When is the next invoice due?"))
    assert "human" not in s.escalation.codes, s.escalation


@pytest.mark.parametrize("text", [
    "Seit zwei Wochen warte ich auf meine neue Karte. Kann jemand nachsehen, wo sie bleibt?",
    "Ma commande n'est toujours pas arrivée. Quelqu'un peut vérifier où elle est ?",
    "Il frigorifero fa un rumore strano. Qualcuno può venire a controllarlo?",
])
def test_someone_to_look_at_it_is_no_request_for_a_person(text):
    """"Can someone look at it?" asks for the matter to be handled, in any language, not for a manager."""
    assert "human" not in signals(("customer", text)).escalation.codes


def test_a_threat_taken_back_while_thanking_no_longer_stands():
    """Genuine thanks that take a named threat back clear it; sarcastic thanks that repeat it do not."""
    threat = ("customer", "Still no refund of my deposit. If it isn't back by Monday I'm going to Trading Standards.")
    fixed = ("agent", "You're right, it was stuck on our side. I've refunded the £200 this morning.")
    taken_back = signals(threat, fixed, ("customer", "It's arrived, thank you. And sorry about the Trading Standards "
                                                     "comment, we're all good now."))
    assert "legal" not in taken_back.escalation.codes, taken_back.escalation
    repeated = signals(threat, fixed, ("customer", "Thanks for nothing, it took three weeks. Trading Standards will "
                                                   "hear about this anyway."))
    assert "legal" in repeated.escalation.codes, repeated.escalation


@pytest.mark.parametrize("answer", [
    "This is Royal Mail's responsibility, not ours.", "Nobody will ring you, I'm afraid.",
    "Hier ist Ihre Sendungsnummer.", "Hello from the support team, I can't transfer you.",
    "Belt u ons gerust als u vragen heeft.", "Contact your bank; they will contact you.",
])
def test_a_name_that_is_no_person_answering_does_not_honour_the_request(answer):
    """A brand's possessive, "Nobody", a German "Ihre", a greeting, "feel free to call us": no one took it up."""
    from backend.signals import rules

    assert not rules.honoured(answer)


@pytest.mark.parametrize("last", [
    "It still doesn't work. I'm withdrawing my complaint and going straight to the ombudsman.",
    "Thanks for the reply. Sorry, but I'm cancelling my contract and moving to a competitor.",
])
def test_thanks_or_a_withdrawn_word_do_not_take_back_a_threat_still_meant(last):
    s = signals(("customer", "My boiler is still broken after three visits."),
                ("agent", "I'm sorry, I've booked another engineer for Friday."), ("customer", last))
    assert s.escalation.risk == "high", s.escalation


def test_an_agent_who_only_notes_the_request_has_not_honoured_it():
    s = signals(("customer", "Quiero hablar con un responsable, me habéis cobrado mal el pedido."),
                ("agent", "Lo siento mucho, lo he anotado y se lo paso al taller."),
                ("customer", "Vale, espero noticias hoy."))
    assert "human" in s.escalation.codes, s.escalation


def test_shipped_heads_are_fitted_on_the_current_bank():
    """Edit the exemplar bank and this fails until `python -m backend.signals.escalation` refits the heads."""
    import numpy as np

    from backend import tuning
    from backend.retrieval.embed import get_embedder
    from backend.signals.escalation import ExemplarClassifier, bank_digest, shipped_heads_path

    for spec in (tuning.SIGNALS_EMBEDDER, tuning.SIGNALS_FOREIGN_EMBEDDER):
        embedder = get_embedder(spec)
        path = shipped_heads_path(embedder.name)
        assert path.exists(), f"no shipped heads for {embedder.name}"
        with np.load(path) as stored:
            assert str(stored["digest"]) == bank_digest(embedder.name, getattr(embedder, "multilingual", False)), \
                f"{path.name} is stale: refit"
    # the shipped heads are what a fit gives (on this CPU's vectors, within rounding), for both readers
    texts = ["I want to speak to your manager.", "Where is my parcel?", "My son cut his hand on the table.",
             "I'm taking this to the ombudsman.", "Quiero hablar con un responsable.", "Thanks, that fixed it."]
    for spec in (tuning.SIGNALS_EMBEDDER, tuning.SIGNALS_FOREIGN_EMBEDDER):
        embedder = get_embedder(spec)
        vectors = np.asarray(embedder.embed(texts), dtype=np.float32)
        shipped, fitted = ExemplarClassifier(embedder), ExemplarClassifier(embedder, shipped=False)
        assert np.abs(shipped.scores(vectors) - fitted.scores(vectors)).max() < 0.05, spec


def test_heads_that_disagree_with_this_machine_are_refitted(tmp_path, monkeypatch, caplog):
    import numpy as np

    from backend import tuning
    from backend.retrieval.embed import get_embedder
    from backend.signals import escalation

    embedder = get_embedder(tuning.SIGNALS_EMBEDDER)
    monkeypatch.setattr(escalation, "SHIPPED_HEADS", tmp_path)
    good = escalation.ExemplarClassifier(embedder)
    good.save(escalation.shipped_heads_path(embedder.name), embedder)
    with np.load(escalation.shipped_heads_path(embedder.name)) as stored:
        broken = {k: stored[k] for k in stored.files}
    broken["probe"] = broken["probe"] + 0.5  # as if fitted on other vectors
    np.savez_compressed(escalation.shipped_heads_path(embedder.name), **broken)
    with caplog.at_level("WARNING"):
        escalation.ExemplarClassifier(embedder)
    assert "disagree with this machine" in caplog.text


def test_damaged_heads_file_is_refitted_not_fatal(tmp_path, monkeypatch, caplog):
    import numpy as np

    from backend import tuning
    from backend.retrieval.embed import get_embedder
    from backend.signals import escalation

    embedder = get_embedder(tuning.SIGNALS_EMBEDDER)
    monkeypatch.setattr(escalation, "SHIPPED_HEADS", tmp_path)
    escalation.shipped_heads_path(embedder.name).write_bytes(b"PK\x03\x04 not really a zip")
    with caplog.at_level("WARNING"):
        heads = escalation.ExemplarClassifier(embedder)
    assert "unreadable" in caplog.text
    vectors = np.asarray(embedder.embed(["I want to speak to your manager."]), dtype=np.float32)
    assert heads.scores(vectors)[0, escalation.HEADS.index("human")] > 0.5, "the refitted heads still read"


@pytest.mark.parametrize(("text", "code"), [
    ("Thanks, no need to escalate, I'm cancelling my contract.", "churn"),
    ("I'm not going to sue, but I want a manager now.", "human"),
])
def test_a_ruling_out_governs_its_own_clause_only(text, code):
    s = signals(("customer", text))
    assert s.escalation.risk == "high" and s.escalation.codes == [code], s.escalation


def test_a_list_under_one_ruling_out_is_all_ruled_out():
    s = signals(("customer", "I don't want to escalate, complain, or leave a bad review."))
    assert s.escalation.risk != "high", s.escalation
