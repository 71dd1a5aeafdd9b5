"""The word bridge: words a KB never uses, searched as its own words closest in meaning."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from backend import tuning
from backend.retrieval.bridge import (
    SavedWords,
    WordBridge,
    kb_vocabulary,
    read_words,
    saved_key,
    wordy,
    write_words,
)
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


class Counting:
    """USE, counting the words it embeds (a bridge with saved vectors embeds only the words it lacks)."""

    def __init__(self, version: str | None = "v") -> None:
        self._use = get_embedder("use-m3")
        self.name, self.dim = self._use.name, self._use.dim
        self.version = version and f"{self._use.version}{version}"
        self.embedded: list[str] = []

    def embed(self, texts: list[str]):
        self.embedded += texts
        return self._use.embed(texts)


def test_saved_word_vectors_serve_the_next_build(tmp_path, bridge):
    store = tmp_path / "index" / "word-bridge" / "use.npz"
    first, second = Counting(), Counting()
    built = WordBridge(first, kb_vocabulary(KB_TEXTS), store=store)
    assert first.embedded == built.vocabulary and store.is_file()
    again = WordBridge(second, kb_vocabulary(KB_TEXTS), store=store)
    assert second.embedded == []
    for made in (built, again):  # the same as a bridge that never saw the file
        assert made.vocabulary == bridge.vocabulary
        assert np.array_equal(made.vectors, bridge.vectors) and np.array_equal(made.hubness, bridge.hubness)
        assert made.bridge(["factura", "reembolso", "xylophone"]) == bridge.bridge(["factura", "reembolso", "xylophone"])
    assert list(store.parent.iterdir()) == [store]  # no temporary file left behind


def test_a_kb_edit_embeds_only_the_words_it_brings(tmp_path, bridge):
    store = tmp_path / "use.npz"
    WordBridge(Counting(), kb_vocabulary(KB_TEXTS), store=store)
    edited = [*KB_TEXTS[1:], "Delivery takes two days."]
    counting = Counting()
    made = WordBridge(counting, kb_vocabulary(edited), store=store)
    assert sorted(counting.embedded) == sorted(set(made.vocabulary) - set(bridge.vocabulary)) == ["delivery", "takes",
                                                                                                 "two"]
    fresh = WordBridge(get_embedder("use-m3"), kb_vocabulary(edited))
    assert made.vocabulary == fresh.vocabulary and "invoice" not in made.known
    assert np.allclose(made.vectors, fresh.vectors, atol=1e-6) and np.allclose(made.hubness, fresh.hubness, atol=1e-6)
    assert made.bridge(["lieferung"]) == fresh.bridge(["lieferung"]) == {"lieferung": "delivery"}
    third = Counting()
    WordBridge(third, kb_vocabulary(edited), store=store)  # the file now holds the edited vocabulary
    assert third.embedded == []


@pytest.mark.parametrize("damage", [b"", b"PK\x03\x04 not a zip", "truncated"])
def test_an_unreadable_file_is_embedded_again_and_written_over(tmp_path, bridge, damage, caplog):
    store = tmp_path / "use.npz"
    WordBridge(Counting(), kb_vocabulary(KB_TEXTS), store=store)
    store.write_bytes(store.read_bytes()[:store.stat().st_size // 2] if damage == "truncated" else damage)
    counting = Counting()
    made = WordBridge(counting, kb_vocabulary(KB_TEXTS), store=store)
    assert counting.embedded == made.vocabulary and "ignoring unreadable" in caplog.text
    assert np.array_equal(made.vectors, bridge.vectors)
    assert read_words(store, saved_key(counting) or "", counting.dim) is not None


def test_vectors_of_another_encoder_version_are_not_used(tmp_path):
    store = tmp_path / "use.npz"
    WordBridge(Counting("1"), kb_vocabulary(KB_TEXTS), store=store)
    other = Counting("2")
    WordBridge(other, kb_vocabulary(KB_TEXTS), store=store)
    assert other.embedded  # embedded afresh, then saved under its own version
    unversioned = Counting(None)
    WordBridge(unversioned, kb_vocabulary(KB_TEXTS), store=tmp_path / "none.npz")
    assert unversioned.embedded and not (tmp_path / "none.npz").exists()


def test_concurrent_writers_leave_one_whole_file(tmp_path, bridge):
    """Writers racing on one file: every read in between sees one writer's whole vocabulary, never a mix."""
    store = tmp_path / "use.npz"
    key = "k"
    vocabularies = [bridge.vocabulary[:n] for n in range(5, len(bridge.vocabulary), 3)]
    saved = [SavedWords(v, bridge.vectors[:len(v)], bridge.hubness[:len(v)]) for v in vocabularies]
    seen: list[list[str] | None] = []

    def write(i: int) -> None:
        for _ in range(10):
            write_words(store, key, saved[i % len(saved)])
            found = read_words(store, key, bridge.vectors.shape[1])
            seen.append(found.words if found else None)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen and all(words in vocabularies for words in seen)
    assert [p.name for p in tmp_path.iterdir()] == ["use.npz"]


def test_the_retriever_keeps_the_bridge_beside_its_index(tmp_path):
    from backend.models import ArticleIn
    from backend.services import kb as kb_service
    from tests.conftest import make_runtime

    rt = make_runtime(tmp_path / "data")
    try:
        kb_service.upsert_articles(rt, [ArticleIn(external_id=f"a{i}", title=f"Article {i}", body=text)
                                        for i, text in enumerate(KB_TEXTS)], source="t")
        words = rt.retriever.word_bridge().vocabulary
    finally:
        rt.close()
    store = rt.settings.index_dir / "word-bridge" / "use-multilingual-v3.npz"
    assert read_words(store, saved_key(get_embedder("use-m3")) or "", 512).words == words
