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
