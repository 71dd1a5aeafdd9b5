"""How auto-QA tells that a reply answers a question in kind (backend/services/qa_wording.py)."""

from __future__ import annotations

import pytest

from backend.services.qa_wording import answers_in_kind, customer_questions, derived_amount, promised_soon
from tests.conftest import growth


@pytest.mark.parametrize(("question", "reply"), [
    ("Can I move the date my direct debit comes out?", "Yes, any day from the 1st to the 28th."),
    ("When will the money actually reach my account?", "It lands within 3 business days."),
    ("How much is the upgrade going to set me back?", "It's £12 on top of your plan."),
    ("Can I change the date my direct debit comes out?", "You can change the date in the app, any day from 1 to 28."),
    ("Is there a fee for pausing?", "Unfortunately there is, £5 a month."),
])
def test_a_reply_in_kind_answers(question: str, reply: str):
    assert answers_in_kind(question, [reply])


@pytest.mark.parametrize(("question", "reply"), [
    ("Is my refund processed yet?", "Sure, let me check that for you."),
    ("Can I get my money back?", "I'm sorry, but I need to check with my team first."),
    ("Can I change the delivery address?", "You can reach our team on 0800 123 456."),
    ("Will the engineer come tomorrow?", "It is being looked at."),
    ("What happens to my data when I close my account?", "Expect an answer within 2 days."),
    ("How much will the refund be?", "Your ticket number is 48213."),
    ("Why was I charged twice?", "Yes, we will look into it."),
])
def test_a_reply_that_only_sounds_like_an_answer_does_not(question: str, reply: str):
    assert not answers_in_kind(question, [reply])


@pytest.mark.parametrize(("sentence", "rude"), [
    ("Shockingly, the app does not renew itself.", True),
    ("Ugh, fine, not really my job but here you go.", True),
    ("It failed because the account was empty; that's your responsibility, not ours.", True),
    ("Your claim will be looked at when it's looked at.", True),
    ("It gets done when it gets done.", True),
    ("You can ask anyone, you'll get the same answer.", True),
    ("Next.", True),
    ("As mentioned, your refund went out on Monday.", False),
    ("Next, open the app and tap Orders.", False),
    ("We get a lot of questions about this, so here's the link.", False),
    ("It's the customer's choice which plan to take.", False),
])
def test_rude_wordings_of_register(sentence: str, rude: bool):
    from backend.services.qa_wording import RUDE_RULES

    assert bool(RUDE_RULES.search(sentence)) is rude


@pytest.mark.parametrize(("span", "reply", "sources"), [
    ("£102", "I'll refund the 3 sessions at £34 each, so £102.", ["A pack of 6 sessions costs £204 (£34 a session)."]),
    ("£401", "£500 minus £99 is £401.", ["The vet's bill was £500.", "Your excess is £99."]),
    ("€31.99", "It would be €31.99 a month instead of €39.99.",
     ["Flex is €39.99 a month.", "Full-time students get a fifth off Flex."]),
    ("£291.60", "The deposit is £291.60.", ["My plan is £1,458.", "Plans over £500 need a deposit of 20%."]),
])
def test_an_amount_worked_out_from_stated_figures_is_derived(span: str, reply: str, sources: list[str]):
    assert derived_amount(span, reply, sources)


@pytest.mark.parametrize(("span", "reply", "sources"), [
    # a round figure is too easily some sum of others
    ("£35", "The collection fee is £35.", ["Collection costs £30, plus £5 for stairs."]),
    # the rate is only the agent's own: 25% of £1,140 proves nothing when the article says 40%
    ("£287", "We charge 25% of £1,148, so £287.", ["Within 8 weeks of arrival we charge 40% of the price."]),
    # no arithmetic on the stated figures gives it
    ("£47.50", "That comes to £47.50.", ["Delivery is £19.99 and assembly is £12.99."]),
    # the reply's own figures do not excuse each other: £4.99 × 12 = £59.88, but the plan is £6.99 a month
    ("£59.88", "The annual plan is £59.88 for 12 months, that's £4.99 a month.", ["The plan is £6.99 a month."]),
])
def test_an_amount_no_arithmetic_gives_is_not_derived(span: str, reply: str, sources: list[str]):
    assert not derived_amount(span, reply, sources)


@pytest.mark.parametrize("sentence", [
    "I've refunded the second £79 and it'll be back on that card by tomorrow morning.",
    "I've chased it with the claims team and you'll have a decision by tomorrow afternoon.",
    "I'll get the hold released for you today, so it'll be back in your account by this evening.",
])
def test_a_result_promised_for_today_or_tomorrow_is_a_time_promise(sentence: str):
    assert promised_soon(sentence)


@pytest.mark.parametrize("sentence", [
    "I'll call you tomorrow to check how the repair went.",  # the agent's own action, no result promised
    "Refunds usually take 5 to 10 business days to appear.",  # a policy stated, no commitment
    "Your parcel arrived yesterday, according to the tracking.",
    "I've checked and unfortunately it won't arrive today.",  # negated
    "I can't promise it'll be back on your card by tomorrow.",
    "I'll pass this on today and you'll get a decision within 10 working days.",  # today is the agent's own action
])
def test_an_own_action_or_a_policy_is_not(sentence: str):
    assert not promised_soon(sentence)


@pytest.mark.parametrize(("text", "repeat"), [
    ("This is the third time I've been in touch about the creak from my bottom bracket.", True),
    ("I've been in touch three times now and nobody has fixed it.", True),
    ("Third time getting in touch about this refund.", True),
    ("I tried the reset link twice and it still fails.", False),
])
def test_a_customer_writing_again_is_a_repeat_contact(text, repeat):
    from backend.services.qa_wording import REPEAT_CONTACT

    assert bool(REPEAT_CONTACT.search(text)) == repeat


@pytest.mark.parametrize("message, wanted", [
    ("Surely that's not fair when it wasn't my fault?", []),
    ("It was meant to come two days before, wasn't it?", []),
    ("That's all you've got to say?", []),
    ("So I'm stuck with the old tariff until January? Can you move me to the new one today?",
     ["Can you move me to the new one today?"]),
    ("How is that fair? When can an engineer come?", ["When can an engineer come?"]),
    ("So can I get a refund for the missed week?", ["So can I get a refund for the missed week?"]),
    # questions that only start like a point made
    ("What kind of payment methods do you accept?", ["What kind of payment methods do you accept?"]),
    ("How is that calculated?", ["How is that calculated?"]),
    ("So I can cancel anytime?", ["So I can cancel anytime?"]),
    ("The warranty covers water damage, doesn't it?", ["The warranty covers water damage, doesn't it?"]),
    ("It was free, wasn't it?", ["It was free, wasn't it?"]),
])
def test_a_point_made_as_a_question_wants_no_answer(message: str, wanted: list[str]):
    assert customer_questions(message, min_words=1) == wanted


@pytest.mark.parametrize("unit", ["a", "meant ", "so i'm ", "that's ", "why?? "])
def test_hostile_messages_cost_linear_time(unit):
    def work(chars: int) -> None:
        customer_questions((unit * (chars // len(unit) + 1))[:chars] + ", wasn't it?")

    assert growth(work, 4_000) < 8  # linear: about 4; quadratic: about 16
