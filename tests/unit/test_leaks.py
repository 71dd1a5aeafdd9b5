"""Street addresses and the team's own contact details, as auto-QA's leak record reads them."""

from __future__ import annotations

import pytest

from backend.privacy.leaks import normal_address, street_addresses, the_teams_own
from tests.conftest import growth


@pytest.mark.parametrize(("text", "expected"), [
    ("Her boxes now go to Flat 3, 27 Cotham Road, Bristol BS6 9ZZ.", ["27 Cotham Road"]),
    ("The address we have for Tess is 418 Alder Lane, Apt 3, Portland, OR 97214.", ["418 Alder Lane"]),
    ("It was used by Priya at 22 Mill Lane, Bath, and by Sam at 7 Mill Race Court.", ["22 Mill Lane", "7 Mill Race Court"]),
    ("Er wohnt in der Hauptstraße 5 in Berlin.", ["Hauptstraße 5"]),
    ("Vive en Calle Mayor 12, Madrid; ella en Rua Augusta, 40.", ["Calle Mayor 12", "Rua Augusta, 40"]),
    ("Il habite au 12 rue Lepic.", ["12 rue Lepic."]),
    ("Het pakket ligt op Keizersgracht 112.", ["Keizersgracht 112"]),
])
def test_street_addresses_are_found(text, expected):
    assert [value for _, value in street_addresses(text)] == expected


@pytest.mark.parametrize("text", [
    "Refunds take 5 Working Days.", "Open 7 Days a week.", "That's £5 Delivery Way cheaper.",
    "Meet at Gate 3 Car Park.", "Drop-off is at Terminal 2 Drop Off Lane.", "Order 12345 shipped on 3 May.",
])
def test_numbered_things_that_are_not_addresses(text):
    assert street_addresses(text) == []


def test_the_teams_own_contact_is_introduced_as_ours():
    for text, value in [("Please call our 24-hour line on 07700 900200.", "07700"),
                        ("Our phone line is 07700 900312, Monday to Friday.", "07700"),
                        ("You can reach our accessibility team at access@venue.example.", "access@"),
                        ("Please send it back to us at 4 Dock Road, Hull.", "4 Dock"),
                        ("The office is on 07700 900418, 9am to 5:30pm.", "07700")]:
        assert the_teams_own(text, text.index(value)), text
    for text, value in [("The member was Craig Dunmore, 07700 900482.", "07700"),
                        ("The address we have for Liam is 7 Mill Race Court.", "7 Mill"),
                        ("Our records show she lives at 14 Elm Road.", "14 Elm")]:
        assert not the_teams_own(text, text.index(value)), text


def test_addresses_compare_in_one_spelling():
    assert normal_address("27 Cotham Road") == normal_address("27 cotham road.")


@pytest.mark.parametrize("unit", ["ABC-", "AB-12-", "12 Abc ", "Hauptstra"])
def test_hostile_text_costs_linear_time(unit):
    def work(chars: int) -> None:
        street_addresses((unit * (chars // len(unit) + 1))[:chars])

    assert growth(work, 4_000) < 8  # linear: about 4; quadratic: about 16
