import pytest

from backend.privacy.redaction import iban_ok, luhn_ok, redact
from bench.pii_gen import score


@pytest.mark.parametrize("text,expected", [
    ("mail dana.r@example.com now", "mail [EMAIL] now"),
    ("card 4111 1111 1111 1111 exp 12/27", "card [CARD] exp 12/27"),
    ("IBAN DE89 3704 0044 0532 0130 00 thanks", "IBAN [IBAN] thanks"),
    ("ssn 123-45-6789", "ssn [NATIONAL_ID]"),
    ("NI AB 12 34 56 C", "NI [NATIONAL_ID]"),
    ("call +1 415 555 0132 or (555) 123-4567", "call [PHONE] or [PHONE]"),
    ("order HP-104233 for $49.99 on 2026-11-20", "order HP-104233 for $49.99 on 2026-11-20"),
    ("card ending 1234, 16 digits 1234567812345678 not luhn", "card ending 1234, 16 digits 1234567812345678 not luhn"),
])
def test_examples(text, expected):
    assert redact(text) == expected


def test_checksums():
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")
    assert iban_ok("GB82 WEST 1234 5698 7654 32") and not iban_ok("GB82 WEST 1234 5698 7654 33")


def test_generated_set_precision_recall():
    result = score(redact)
    assert result["recall"] >= 0.97 and result["precision"] >= 0.97, result
