"""The word bridge: words a KB never uses, searched as its own words closest in meaning."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend import tuning
from backend.retrieval.bridge import WordBridge, kb_vocabulary, wordy
from backend.retrieval.embed import get_embedder

KB_TEXTS = [
    "How to download your invoice: open Billing and choose the month.",
    "Change your billing date once every three months.",
    "Cancel your subscription from the account page; the refund reaches your card in 5 days.",
    "Gift wrapping costs $6 per item.",
]


@pytest.fixture(scope="module")
def bridge() -> WordBridge:
    return WordBridge(get_embedder("use-m3"), kb_vocabulary(KB_TEXTS))


def test_other_languages_reach_the_kb_words(bridge):
    found = bridge.bridge(["factura", "rechnung", "reembolso", "abonnement"])
    assert found.get("factura") == "invoice" and found.get("rechnung") in ("invoice", "billing"), found
    assert found.get("reembolso") == "refund", found
    assert found.get("abonnement") == "subscription", found


def test_kb_words_short_words_and_numbers_are_left_alone(bridge):
    assert wordy("la factura de 2024 es $6") == ["factura"]
    assert bridge.bridge(["invoice", "refund", "de", "la", "2024", "$6"]) == {}


def test_unrelated_words_do_not_bridge(bridge):
    assert bridge.bridge(["xylophone"]) == {}


def test_the_query_as_searched_and_as_counted(bridge):
    read = bridge.read("¿Dónde descargo mi factura?")
    assert read.searched.startswith("¿Dónde descargo mi factura?") and "invoice" in read.searched.split()
    assert "invoice" in read.counted.split() and "factura" not in read.counted.split()
    english = bridge.read("download my invoice")
    assert (english.searched, english.counted) == ("download my invoice", "download my invoice")


def test_added_chunks_extend_the_vocabulary():
    fresh = WordBridge(get_embedder("use-m3"), kb_vocabulary(KB_TEXTS))
    assert "delivery" not in fresh.known
    before = fresh.bridge(["lieferung"])
    fresh.add(kb_vocabulary(["Delivery takes two days."]))
    assert "delivery" in fresh.known
    assert fresh.bridge(["lieferung"]).get("lieferung") == "delivery", before


def test_an_empty_kb_bridges_nothing():
    assert WordBridge(get_embedder("use-m3"), []).bridge(["factura"]) == {}


def test_the_threshold_is_what_decides(monkeypatch):
    monkeypatch.setattr(tuning, "BRIDGE_SIMILARITY", 1.01)
    assert WordBridge(get_embedder("use-m3"), kb_vocabulary(KB_TEXTS)).bridge(["factura"]) == {}


def test_nonsense_does_not_bridge_to_words_close_to_everything():
    # Plain cosine sends "wher" and "refnd" to "gets" (0.76-0.79) in the demo KB's 800 words; CSLS discounts hubs.
    texts = [path.read_text() for path in (Path(__file__).parents[2] / "kb").rglob("*.md")]
    bridge = WordBridge(get_embedder("use-m3"), kb_vocabulary(texts))
    assert len(bridge.vocabulary) > 500
    assert bridge.bridge(["wher", "refnd"]) == {}  # ("parcell" still reaches "because": CSLS .29)
    assert bridge.bridge(["seguimiento", "reembolso"]) == {"seguimiento": "tracking", "reembolso": "refunded"}
