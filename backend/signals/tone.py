"""How an agent's sentence reads to the customer: a logistic head over sentence vectors, fitted on a bank.

Exact phrases catch only the wordings someone wrote down; rudeness comes in styles (blame, sarcasm,
condescension, a curt brush-off, passive aggression, "read the FAQ"), so the head is fitted, once per
embedder and process, on a bank of sentences in each style against civil ones that look alike: firm
refusals, plain policy statements, short but fine replies, friendly links to the help centre. The bank was
written for Tandem; nothing in it comes from a customer's data or an evaluation set. A team's lead judges its own
sentences (backend/services/qa_feedback.py), and those decide the sentences close to them (TeamTone).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from backend import tuning
from backend.retrieval.embed import normalize
from backend.signals.escalation import fit_head

if TYPE_CHECKING:
    from backend.retrieval.embed import Embedder

RUDE = (
    # blame
    "That's your problem, not ours.", "It's not my fault you typed the wrong address.",
    "You must have entered it wrong, the system doesn't make mistakes.", "That's what happens when you don't check.",
    "If you'd followed the instructions this wouldn't have happened.", "You clicked the wrong option, not us.",
    "Well, you agreed to the terms, so that's on you.", "Maybe check your own settings before blaming us.",
    "You should have read the confirmation before paying.", "That was your mistake, I'm afraid we can't fix it.",
    "Nobody forced you to sign up for the annual plan.", "Not our fault your bank is slow.",
    # sarcasm
    "Oh sure, the parcel just walked off on its own.", "Wow, what a surprise, it's on the website.",
    "Funny how it only ever breaks for you.", "Congratulations, you found the one rule you didn't read.",
    "Great, another customer who didn't open the email.", "Sure, because we love losing orders on purpose.",
    "Oh yes, I'm sure the app cancelled it all by itself.", "Shocking, the answer was in the FAQ all along.",
    "Right, and I suppose the card paid itself 🙄", "Lovely, another one of these.",
    "Well done, you've managed to lock yourself out again.", "Amazing how nobody ever reads the small print.",
    # condescension
    "It's really quite simple if you follow the steps.", "Let me explain this slowly so you get it.",
    "I'll try to put it in simpler terms for you.", "Even a child could set this up.",
    "It's not that hard to find the button.", "Honestly, this isn't complicated.",
    "Most people manage to do this without help.", "I'm not sure how to make it any clearer.",
    "That's kind of the whole point of a deadline.", "As anyone can see, the price is on the page.",
    "You do know how calendars work, right?", "Try reading it properly this time.",
    # curt brush-off
    "Not much I can do about that.", "Nothing we can do.", "Can't help you there.", "That's just how it is.",
    "Rules are rules.", "Take it or leave it.", "It is what it is.", "Not happening.", "No. Anything else?",
    "Happens. Next question?", "Deal with the courier yourself.", "Not my department, figure it out.",
    "I don't know what else you want from me.", "There's nothing to discuss.", "Tough luck, I'm afraid.",
    # passive aggression and impatience
    "As per my previous message, the answer hasn't changed.", "Like I said before, read my last reply.",
    "I'm not sure which part of that was unclear.", "Hopefully that's clear enough this time.",
    "I've already explained this twice.", "I'm not going to keep repeating myself.",
    "Please stop messaging us about the same thing.", "We've already spent enough time on this.",
    "Don't contact us again about this.", "Asking again won't change the answer.",
    "If you don't like it, feel free to go elsewhere.", "You can always shop somewhere else.",
    "Calm down, shouting won't get you anywhere.", "Stop complaining, it's only a couple of days.",
    # read the manual
    "Maybe give the FAQ a read sometime.", "It's all in the terms you agreed to, read them.",
    "Everything is on the website if you bothered to look.", "Read the manual before writing in next time.",
    "The instructions exist for a reason.", "You would know that if you'd read the email.",
    # belittling the complaint
    "It's only a few pounds, no need to make a fuss.", "You're overreacting to a small delay.",
    "It's not a big deal, honestly.", "Lots of people wait longer and don't complain.",
    "Do it at your own risk and don't come back to us.", "Whatever, do what you like.",
    "lol no, that's not how refunds work", "Not sure what you expected, to be honest.",
    # politeness worn over a put-down: "to be fair", "with respect", "funnily enough", "I'd have thought"
    "I'd have thought that part was fairly self-explanatory.", "Which, to be fair, most customers work out themselves.",
    "Let's go through it one step at a time, nice and gently.", "Do try to read the confirmation email properly next time.",
    "It's written in bold at the top of the page, which I'm sure you saw.", "Perhaps set yourself a reminder in future?",
    "With all due respect, it's not a difficult rule to follow.", "Plenty of customers at your stage find this a little tricky.",
    "Getting worked up about it won't make it arrive any sooner.", "I suspect the engineer has more important jobs than yours.",
    "It would save us all a lot of time if you checked first.", "Funnily enough, the system can't read your mind.",
    "In fairness, you could have spotted that yourself when you signed.", "Hopefully that finally settles it.",
    "I'd appreciate it if you waited the full period before chasing us again.",
)
CIVIL = (
    # greetings, short empathy and reassurance (short sentences carry little, so the head must see them)
    "Hi Jordan.", "Hello Maria, thanks for getting in touch.", "Hi there!", "Good morning, Sam.",
    "I'm sorry.", "I understand.", "I completely understand.", "I understand the worry.",
    "Sorry for the surprise.", "That's our mistake, and I'm sorry.", "No, not at all.", "Nothing you need to do.",
    "You won't lose anything.", "Don't worry, your booking is safe.", "You definitely keep your points.",
    "It looks like the order went to an older address, so let's fix that.",
    "You may have signed up with a different email; could you check?",
    # firm but polite refusals
    "I'm sorry, but this order is outside the refund window, so I can't refund it.",
    "Unfortunately we can't make an exception here, but here is what I can do.",
    "I understand this isn't the answer you hoped for, and I'm sorry.",
    "I'm afraid the promotion ended last week, so the code no longer applies.",
    "I'm not able to change the delivery address once the parcel has shipped.",
    "For security reasons I can't discuss another person's account.",
    "That isn't something we can offer, but I can suggest an alternative.",
    "I'm sorry, there's nothing more we can do on the charge itself, but I've added a note for our billing team.",
    "Our policy doesn't allow transfers after the first 14 days, I'm sorry.",
    "I know it's frustrating, and I wish I had better news.",
    # plain policy and facts
    "Refunds are issued within 5 to 10 business days.", "Cancellations need 30 days' notice.",
    "The monthly fee is £15 and it's taken on the 1st.", "Returns must be unused and in the original packaging.",
    "Your plan renews on 12 March.", "The late fee is 5% of the overdue amount.",
    "Orders placed after 2pm ship the next working day.", "The warranty covers manufacturing faults for two years.",
    "Deliveries to the islands take two extra days.", "You can freeze your membership for up to three months.",
    # short but fine
    "Done.", "All sorted.", "Noted, thanks.", "Yes, that's right.", "No, that plan doesn't include roaming.",
    "Got it.", "Will do.", "Thanks!", "Confirmed.", "Yes.", "Cheers!", "No worries at all!",
    "That's all set now.", "Anything else I can help with?", "Sure.",
    # pointing to help, politely
    "You'll find step-by-step instructions in our help article here.",
    "This is covered in our FAQ; I've pasted the relevant part below.",
    "Here's the link to the returns page in case it's useful.", "The full terms are on our website if you'd like to read them.",
    "As I mentioned earlier, the refund went out on Monday, so it should arrive this week.",
    "Just to recap what we agreed:", "As mentioned, your order left our warehouse yesterday.",
    "To answer your second question, yes, the fee is refundable.",
    # empathy, apology, hand-over
    "I'm really sorry for the trouble this has caused.", "Thanks for your patience while I looked into it.",
    "I completely understand why you're upset.", "I've passed this to my supervisor, who will reply today.",
    "I'm escalating this to our complaints team now.", "Sorry to hear it arrived damaged.",
    # the same turns of phrase, kindly meant
    "Let's go through it together step by step.", "It's easy to miss, it's in the small print at the bottom of the page.",
    "A reminder in your calendar might help, and we'll also text you the day before.",
    "To be fair to you, the letter wasn't very clear.", "I'd suggest topping up a little earlier so you're never caught short.",
    "Funnily enough, I had the same question when I started here!",
    "Please give it the full ten days, and if it hasn't arrived by then, come straight back to me.",
    "Don't worry, lots of customers ask about this, it's a common question.",
    "Thanks for checking, that's exactly the right thing to do.", "I hope that clears it up, and do come back if anything's unclear.",
    "I apologise for the delay on our side.", "I can see you've had to contact us several times, and I'm sorry.",
    "I'd be annoyed too, so let me sort it out.", "That sounds stressful, let's get it fixed.",
    # asking for information, next steps
    "Could you send me a photo of the damage?", "Can you confirm the email address on the account?",
    "Please try logging out and back in, and let me know if that helps.",
    "If you restart the router, the light should turn green within a few minutes.",
    "Once you've done that, the refund will go through automatically.", "I'll check with the warehouse and come back to you.",
    "Please don't share your full card number here; the last four digits are enough.",
    "We'll email you as soon as it's back in stock.", "Let me know if there's anything else.",
    # friendly and informal
    "Haha, happens to the best of us!", "Fingers crossed it arrives today 🤞", "Great question!",
    "Happy to help with that.", "Enjoy the rest of your day!", "Glad that worked!",
    "Oh no, that's not what we want to hear.", "Thanks for flagging this, it really helps.",
    # asking for details, owning a bad experience, explaining (public replies sound like this)
    "Can you tell us a bit more about what happened?", "What do you see when you try to log in?",
    "Could you tell us exactly what's going on?", "We're not quite following, could you explain a little more?",
    "That's not the experience we want you to have.", "That's definitely not the impression we want to give.",
    "It's nothing you've done wrong.", "It can depend on a few different factors.",
    "We can't make any promises, but we'll do our best.", "Nobody enjoys waiting on hold that long.",
    "We always try to keep disruption to as few customers as possible.", "This is why the service was delayed.",
    "By both devices, we meant your phone and your tablet.", "Not many people are that lucky with timing!",
    "We never want to let you down like this, and we'll do better.", "What happened to make you feel this way?",
    "Send us a DM with your order number and we'll take a look.", "Which version of the app are you using?",
    # direct, neutral refusals of a request
    "We don't offer cash refunds for gift cards.", "That item can't be returned because it was personalised.",
    "There isn't a way to skip the verification step.", "We can't see other customers' orders.",
    "The only option is to cancel and reorder.", "It isn't possible to pause an annual plan.",
    "There's no fee for changing your plan.", "We don't ship to PO boxes, I'm afraid.",
)

_heads: dict[str, ToneClassifier] = {}
_lock = threading.Lock()


class ToneClassifier:
    """The probability that a sentence reads as rude or dismissive, for one embedder (and a team's examples)."""

    def __init__(self, embedder: Embedder) -> None:
        vectors = normalize(np.asarray(embedder.embed([*RUDE, *CIVIL]), dtype=np.float32))
        labels = np.array([1.0] * len(RUDE) + [0.0] * len(CIVIL))
        self.weights, self.bias = fit_head(vectors, labels, tuning.TONE_C)

    def rudeness(self, vectors: np.ndarray) -> np.ndarray:
        """Probability of rude or dismissive for each row (sentence vectors from the same embedder)."""
        return 1.0 / (1.0 + np.exp(-(normalize(vectors) @ self.weights + self.bias)))


class TeamTone:
    """The bank's head, with a team's own judged sentences deciding the sentences close to them.

    A handful of a lead's verdicts cannot move a head fitted on a bank (MiniLM reads topic more than tone), but
    teams reuse their wordings (macros, habits): a sentence within tuning.TONE_TEAM_SIMILAR cosine of one the
    lead judged takes that judgement, the closer of a rude and a civil one winning.
    """

    def __init__(self, head: ToneClassifier, embedder: Embedder, rude: Sequence[str], civil: Sequence[str]) -> None:
        self.head = head
        dim = int(embedder.dim)
        self.rude = normalize(np.asarray(embedder.embed(list(rude)), dtype=np.float32)) if rude else np.zeros((0, dim))
        self.civil = normalize(np.asarray(embedder.embed(list(civil)), dtype=np.float32)) if civil else np.zeros((0, dim))

    def rudeness(self, vectors: np.ndarray) -> np.ndarray:
        """The head's probability, set to 1 or 0 for a sentence close to one the lead judged rude or civil."""
        found = self.head.rudeness(vectors)
        if not len(self.rude) and not len(self.civil):
            return found
        unit = normalize(vectors)
        near_rude = (unit @ self.rude.T).max(axis=1) if len(self.rude) else np.full(len(unit), -1.0)
        near_civil = (unit @ self.civil.T).max(axis=1) if len(self.civil) else np.full(len(unit), -1.0)
        found = np.where((near_rude >= tuning.TONE_TEAM_SIMILAR) & (near_rude > near_civil), 1.0, found)
        return np.where((near_civil >= tuning.TONE_TEAM_SIMILAR) & (near_civil >= near_rude), 0.0, found)


def tone_classifier(embedder: Embedder) -> ToneClassifier:
    """The tone head fitted with this embedder (fitted on first use, then kept for the process)."""
    found = _heads.get(embedder.name)
    if found is None:
        with _lock:
            found = _heads.get(embedder.name)
            if found is None:
                found = _heads[embedder.name] = ToneClassifier(embedder)
    return found


def team_tone(embedder: Embedder, rude: Sequence[str] = (), civil: Sequence[str] = ()) -> TeamTone:
    """The tone head with a team's judged sentences (none: the head alone)."""
    return TeamTone(tone_classifier(embedder), embedder, rude, civil)
