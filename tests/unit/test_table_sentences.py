"""Table rows become sentences an agent can send: headers kept for short values, never garbled."""

from backend.llm.extractive import select_sentences, units

SHIPPING = """| Option | Delivery time | Cost |
|---|---|---|
| Standard | 3 to 6 business days | $5.95 |
| Express | 1 to 2 business days | $14.95 |"""

STATUSES = """| Status | What it means |
|:--|:--|
| Shipped | The parcel is with the carrier. |
| On hold | We need something from you. |"""

REFUNDS = """| Payment method | Refund shows up in |
|---|---|
| Gift card | Immediately |
| Pay later (Klarna) | Klarna updates your plan within 3 business days |
| SKU-less item | UPS Ground |
| Store pickup | I will call you |
| Empty row |  |"""


def test_short_values_keep_their_headers():
    assert units(SHIPPING) == ["Standard — delivery time: 3 to 6 business days; cost: $5.95.",
                               "Express — delivery time: 1 to 2 business days; cost: $14.95."]


def test_a_column_of_sentences_reads_without_its_header_and_without_double_periods():
    assert units(STATUSES) == ["Shipped: The parcel is with the carrier.", "On hold: We need something from you."]


def test_header_and_value_never_run_together():
    # "Gift card: refund shows up in immediately" was the old output
    assert units(REFUNDS) == [
        "Gift card — refund shows up in: immediately.",
        "Pay later (Klarna) — refund shows up in: Klarna updates your plan within 3 business days.",
        "SKU-less item — refund shows up in: UPS Ground.",  # acronyms keep their case
        "Store pickup — refund shows up in: I will call you.",  # and so does a lone "I"
        "Empty row.",
    ]


def test_the_matching_row_is_selected_for_a_question():
    chosen = select_sentences("how much does express shipping cost", "Shipping options.\n\n" + SHIPPING, limit=1)
    assert chosen == ["Express — delivery time: 1 to 2 business days; cost: $14.95."]
