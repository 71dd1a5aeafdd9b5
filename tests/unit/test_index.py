import numpy as np
import pytest

from backend.retrieval.index import MANIFEST_FILE, IndexUnusable, VectorIndex, read_manifest


def vectors(n: int, dim: int = 8, seed: int = 0) -> np.ndarray:
    m = np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_apply_search_remove_and_ids_are_chunk_ids():
    m = vectors(20)
    index = VectorIndex.build("e", 8, np.arange(100, 120), m, kb_version=1)
    assert index.search(m[3], 1)[0][0] == 103
    index.apply([103], np.array([], dtype=np.int64), np.zeros((0, 8), np.float32), kb_version=2)
    assert all(i != 103 for i, _ in index.search(m[3], 5)) and index.kb_version == 2
    index.apply([], np.array([103]), m[3:4], kb_version=3)
    assert index.search(m[3], 1) == [(103, pytest.approx(1.0, abs=1e-5))]
    assert index.count == 20


def test_a_reused_id_is_removed_before_it_is_added_again():
    m = vectors(4)
    index = VectorIndex.build("e", 8, np.arange(4), m, kb_version=1)
    index.apply([3], np.array([3]), m[0:1], kb_version=2)  # chunk 3 rewritten with new content
    assert index.count == 4 and index.search(m[0], 2)[0][1] == pytest.approx(1.0, abs=1e-5)
    assert index.reconstruct([3])[0] == pytest.approx(m[0])


def test_save_publishes_a_unique_file_and_load_keeps_its_version(tmp_path):
    index = VectorIndex.build("e", 8, np.arange(5), vectors(5), kb_version=3)
    first = index.save(tmp_path)
    loaded = VectorIndex.load(tmp_path, embedder="e", dim=8)
    assert loaded.count == 5 and loaded.kb_version == 3  # an older index loads; its owner catches up
    index.apply([0], np.array([], dtype=np.int64), np.zeros((0, 8), np.float32), kb_version=4)
    second = index.save(tmp_path)
    assert first.file != second.file and read_manifest(tmp_path).file == second.file
    assert VectorIndex.load(tmp_path, embedder="e", dim=8).kb_version == 4
    assert not list(tmp_path.glob(".*.tmp"))  # nothing half-written left behind


def test_refusals(tmp_path):
    index = VectorIndex.build("e", 8, np.arange(5), vectors(5), kb_version=3)
    manifest = index.save(tmp_path)
    with pytest.raises(IndexUnusable, match="built by"):
        VectorIndex.load(tmp_path, embedder="other", dim=8)
    path = tmp_path / manifest.file
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(IndexUnusable, match="checksum"):
        VectorIndex.load(tmp_path, embedder="e", dim=8)
    path.unlink()
    with pytest.raises(IndexUnusable, match="missing"):
        VectorIndex.load(tmp_path, embedder="e", dim=8)
    (tmp_path / MANIFEST_FILE).write_text("{not json")
    with pytest.raises(IndexUnusable, match="no saved index"):
        VectorIndex.load(tmp_path, embedder="e", dim=8)


def test_missing_index(tmp_path):
    with pytest.raises(IndexUnusable, match="no saved index"):
        VectorIndex.load(tmp_path, embedder="e", dim=8)


def test_large_index_switches_to_ivf_and_back(tmp_path, monkeypatch):
    """Past IVF_MIN_CHUNKS an index built from the vectors is IVF; updates, lookups and persistence work."""
    from backend import tuning

    monkeypatch.setattr(tuning, "IVF_MIN_CHUNKS", 2000)
    m = vectors(3000, dim=16, seed=1)
    ids = np.arange(10, 3010)
    small = VectorIndex.build("e", 16, ids[:1500], m[:1500], kb_version=1)
    assert small.kind == "flat" and not small.needs_retune()
    small.apply([], ids[1500:], m[1500:], kb_version=2)
    assert small.needs_retune()  # the retriever rebuilds it from the store
    index = VectorIndex.build("e", 16, ids, m, kb_version=2)
    assert index.kind == "ivf" and index.count == 3000 and not index.needs_retune()
    assert index.search(m[7], 1)[0][0] == 17  # a stored vector finds itself through its cell
    assert np.allclose(index.reconstruct([17])[0], m[7])
    index.apply([17], np.array([], dtype=np.int64), np.zeros((0, 16), np.float32), kb_version=3)
    assert index.reconstruct([17]) == [None] and all(i != 17 for i, _ in index.search(m[7], 10))
    index.apply([], np.array([17]), m[7:8], kb_version=4)  # an updated article's chunk comes back under its id
    assert index.search(m[7], 1)[0][0] == 17
    index.save(tmp_path)
    loaded = VectorIndex.load(tmp_path, embedder="e", dim=16)
    assert loaded.kind == "ivf" and loaded.count == 3000 and loaded.search(m[2999], 1)[0][0] == 3009
    loaded.apply(ids[:2100], np.array([], dtype=np.int64), np.zeros((0, 16), np.float32), kb_version=5)
    assert loaded.needs_retune() and loaded.count == 900
