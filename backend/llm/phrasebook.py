"""The clarify and escalate templates in the customer's language (en es de fr nl pt it), written by hand.

They ask for details or hand the case over; they state no fact, so nothing in them needs checking against
the KB, and a template is cheaper and safer than a model call for two fixed sentences. Other languages get
English. Register: the polite form a support agent uses (usted, Sie, vous, u, você, Lei).
"""

from __future__ import annotations

import msgspec


class Phrases(msgspec.Struct, frozen=True):
    """One language's templates ({first} is the customer's first name)."""

    hi_name: str
    hi_there: str
    thanks: str
    ask_order: str
    ask_more_grounded: str
    ask_more: str
    sorry: str
    hand_over_unknown: str
    hand_over_senior: str


PHRASES: dict[str, Phrases] = {
    "en": Phrases(
        hi_name="Hi {first},", hi_there="Hi there,", thanks="Thanks for your message.",
        ask_order="Could you send me your order number (it's in your confirmation email) so I can look into this for you?",
        ask_more_grounded="To make sure I give you the right answer, could you tell me a little more about what "
                          "you're seeing?",
        ask_more="I want to get this right for you. Could you share a few more details, such as what you were trying "
                 "to do and anything you've already tried?",
        sorry="I understand, and I'm sorry this has been frustrating.",
        hand_over_unknown="I don't want to guess on this one, so I'm passing your question to a colleague who can "
                          "confirm the answer, and we'll get back to you as soon as possible.",
        hand_over_senior="I'm bringing in a senior member of our team who can look at this directly and has the "
                         "authority to resolve it. They'll follow up with you shortly in this conversation."),
    "es": Phrases(
        hi_name="Hola, {first}:", hi_there="Hola:", thanks="Gracias por su mensaje.",
        ask_order="¿Podría enviarme su número de pedido (aparece en el correo de confirmación) para que pueda "
                  "revisarlo?",
        ask_more_grounded="Para asegurarme de darle la respuesta correcta, ¿podría contarme un poco más sobre lo que "
                          "está viendo?",
        ask_more="Quiero ayudarle bien. ¿Podría darme algunos detalles más, por ejemplo qué intentaba hacer y qué ha "
                 "probado ya?",
        sorry="Le entiendo y lamento las molestias.",
        hand_over_unknown="No quiero darle una respuesta sin estar seguro, así que paso su consulta a un compañero "
                          "que pueda confirmarla, y le responderemos lo antes posible.",
        hand_over_senior="Paso su caso a una persona responsable de nuestro equipo que puede revisarlo directamente "
                         "y tiene autoridad para resolverlo. Le escribirá en breve en esta misma conversación."),
    "de": Phrases(
        hi_name="Hallo {first},", hi_there="Hallo,", thanks="Vielen Dank für Ihre Nachricht.",
        ask_order="Könnten Sie mir Ihre Bestellnummer schicken (sie steht in Ihrer Bestätigungs-E-Mail), damit ich "
                  "das für Sie prüfen kann?",
        ask_more_grounded="Damit ich Ihnen die richtige Antwort gebe: Könnten Sie mir etwas genauer beschreiben, was "
                          "Sie sehen?",
        ask_more="Ich möchte Ihnen richtig weiterhelfen. Könnten Sie mir ein paar Details mehr nennen, zum Beispiel "
                 "was Sie tun wollten und was Sie schon versucht haben?",
        sorry="Ich verstehe Sie, und es tut mir leid, dass das so ärgerlich ist.",
        hand_over_unknown="Ich möchte hier nicht raten und gebe Ihre Frage an eine Kollegin oder einen Kollegen "
                          "weiter, die die Antwort bestätigen können. Wir melden uns so schnell wie möglich.",
        hand_over_senior="Ich ziehe eine verantwortliche Person aus unserem Team hinzu, die sich das direkt ansehen "
                         "und es entscheiden kann. Sie meldet sich in Kürze hier im Gespräch bei Ihnen."),
    "fr": Phrases(
        hi_name="Bonjour {first},", hi_there="Bonjour,", thanks="Merci pour votre message.",
        ask_order="Pourriez-vous m'envoyer votre numéro de commande (il figure dans l'e-mail de confirmation) afin que "
                  "je puisse vérifier ?",
        ask_more_grounded="Pour être sûr de vous donner la bonne réponse, pourriez-vous m'en dire un peu plus sur ce "
                          "que vous constatez ?",
        ask_more="Je tiens à bien vous aider. Pourriez-vous me donner quelques détails de plus, par exemple ce que "
                 "vous essayiez de faire et ce que vous avez déjà essayé ?",
        sorry="Je comprends, et je suis désolé pour ce désagrément.",
        hand_over_unknown="Je ne veux pas vous répondre au hasard : je transmets votre question à un collègue qui "
                          "pourra confirmer la réponse, et nous revenons vers vous au plus vite.",
        hand_over_senior="Je fais intervenir un responsable de notre équipe, qui peut examiner votre dossier "
                         "directement et a l'autorité pour le régler. Il vous répondra très vite dans cette "
                         "conversation."),
    "nl": Phrases(
        hi_name="Hallo {first},", hi_there="Hallo,", thanks="Bedankt voor uw bericht.",
        ask_order="Kunt u mij uw bestelnummer sturen (het staat in uw bevestigingsmail), zodat ik het voor u kan "
                  "nakijken?",
        ask_more_grounded="Om zeker te weten dat ik u het juiste antwoord geef: kunt u iets meer vertellen over wat "
                          "u ziet?",
        ask_more="Ik wil u graag goed helpen. Kunt u wat meer details geven, bijvoorbeeld wat u probeerde te doen en "
                 "wat u al geprobeerd heeft?",
        sorry="Ik begrijp het, en het spijt me dat dit zo vervelend is.",
        hand_over_unknown="Ik wil hier niet naar raden, dus ik geef uw vraag door aan een collega die het antwoord "
                          "kan bevestigen. We komen zo snel mogelijk bij u terug.",
        hand_over_senior="Ik schakel een leidinggevende uit ons team in die dit direct kan bekijken en de "
                         "bevoegdheid heeft om het op te lossen. U hoort binnenkort van hem of haar in dit gesprek."),
    "pt": Phrases(
        hi_name="Olá, {first},", hi_there="Olá,", thanks="Obrigado pela sua mensagem.",
        ask_order="Pode enviar-me o número da sua encomenda (está no e-mail de confirmação) para eu poder verificar?",
        ask_more_grounded="Para ter a certeza de que lhe dou a resposta certa, pode dizer-me um pouco mais sobre o "
                          "que está a ver?",
        ask_more="Quero ajudá-lo da melhor forma. Pode dar-me mais alguns detalhes, por exemplo o que estava a tentar "
                 "fazer e o que já experimentou?",
        sorry="Compreendo, e lamento o incómodo.",
        hand_over_unknown="Não quero dar-lhe uma resposta sem ter a certeza, por isso vou passar a sua questão a um "
                          "colega que a possa confirmar, e respondemos o mais depressa possível.",
        hand_over_senior="Vou envolver um responsável da nossa equipa, que pode analisar isto diretamente e tem "
                         "autoridade para o resolver. Entrará em contacto consigo em breve nesta conversa."),
    "it": Phrases(
        hi_name="Buongiorno {first},", hi_there="Buongiorno,", thanks="Grazie per il suo messaggio.",
        ask_order="Potrebbe inviarmi il numero d'ordine (lo trova nell'e-mail di conferma) così posso verificare?",
        ask_more_grounded="Per essere sicuro di darle la risposta giusta, potrebbe dirmi qualcosa in più su quello che "
                          "vede?",
        ask_more="Voglio aiutarla nel modo giusto. Potrebbe darmi qualche dettaglio in più, per esempio cosa stava "
                 "cercando di fare e cosa ha già provato?",
        sorry="La capisco, e mi dispiace per il disagio.",
        hand_over_unknown="Non voglio tirare a indovinare, quindi passo la sua domanda a un collega che può "
                          "confermare la risposta, e le risponderemo il prima possibile.",
        hand_over_senior="Coinvolgo un responsabile del nostro team, che può esaminare il caso direttamente e ha "
                         "l'autorità per risolverlo. La contatterà a breve in questa conversazione."),
}


def phrases(language: str | None) -> Phrases:
    """The templates of `language` (an ISO 639-1 code), English when there are none."""
    return PHRASES.get((language or "en").lower(), PHRASES["en"])
