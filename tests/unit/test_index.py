import numpy as np
import pytest

from backend.retrieval.index import IndexUnusable, VectorIndex


def vectors(n: int, dim: int = 8, seed: int = 0) -> np.ndarray:
    m = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_add_search_remove_and_ids_are_chunk_ids():
    m = vectors(20)
    index = VectorIndex.build("e", 8, np.arange(100, 120), m, kb_version=1)
    assert index.search(m[3], 1)[0][0] == 103
    index.remove([103])
    assert all(i != 103 for i, _ in index.search(m[3], 5))
    index.add([103], m[3:4])
    assert index.search(m[3], 1) == [(103, pytest.approx(1.0, abs=1e-5))]
    assert index.count == 20


def test_save_load_and_refusals(tmp_path):
    index = VectorIndex.build("e", 8, np.arange(5), vectors(5), kb_version=3)
    index.save(tmp_path)
    assert VectorIndex.load(tmp_path, embedder="e", dim=8, kb_version=3).count == 5
    with pytest.raises(IndexUnusable, match="stale"):
        VectorIndex.load(tmp_path, embedder="e", dim=8, kb_version=4)
    with pytest.raises(IndexUnusable, match="built by"):
        VectorIndex.load(tmp_path, embedder="other", dim=8, kb_version=3)
    data = bytearray((tmp_path / "chunks.faiss").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (tmp_path / "chunks.faiss").write_bytes(bytes(data))
    with pytest.raises(IndexUnusable, match="checksum"):
        VectorIndex.load(tmp_path, embedder="e", dim=8, kb_version=3)
    (tmp_path / "manifest.json").write_text("{not json")
    with pytest.raises(IndexUnusable, match="manifest"):
        VectorIndex.load(tmp_path, embedder="e", dim=8, kb_version=3)


def test_missing_index(tmp_path):
    with pytest.raises(IndexUnusable, match="no saved index"):
        VectorIndex.load(tmp_path, embedder="e", dim=8, kb_version=0)


def test_large_index_switches_to_ivf_and_back(tmp_path, monkeypatch):
    """Past IVF_MIN_CHUNKS the index retrains as IVF; updates, lookups and persistence keep working."""
    from backend.retrieval import index as index_module

    monkeypatch.setattr(index_module, "IVF_MIN_CHUNKS", 2000)
    m = vectors(3000, dim=16, seed=1)
    ids = np.arange(10, 3010)
    index = VectorIndex.build("e", 16, ids[:1500], m[:1500], kb_version=1)
    assert index.kind == "flat" and not index.retune()
    index.add(ids[1500:], m[1500:])
    assert index.retune() and index.kind == "ivf" and index.count == 3000
    assert index.search(m[7], 1)[0][0] == 17  # a stored vector finds itself through its cell
    assert np.allclose(index.reconstruct([17])[0], m[7])
    index.remove([17])
    assert index.reconstruct([17]) == [None] and all(i != 17 for i, _ in index.search(m[7], 10))
    index.add([17], m[7:8])  # an updated article's chunk comes back under its id
    assert index.search(m[7], 1)[0][0] == 17
    index.save(tmp_path)
    loaded = VectorIndex.load(tmp_path, embedder="e", dim=16, kb_version=1)
    assert loaded.kind == "ivf" and loaded.count == 3000 and loaded.search(m[2999], 1)[0][0] == 3009
    loaded.remove(ids[:2100])
    assert loaded.retune() and loaded.kind == "flat" and loaded.count == 900
    assert loaded.search(m[2500], 1)[0][0] == 2510
    assert sorted(loaded._contents()[0].tolist()) == ids[2100:].tolist()
