"""The dense vector index over normalized chunk vectors (inner product = cosine), ids = chunk ids.

Exact search (faiss IndexIDMap2 over IndexFlatIP) for small KBs, an inverted-file index (IndexIVFFlat)
for large ones; the kind follows the size (see IVF_MIN_CHUNKS).

The index is derived data. It is saved beside a manifest (embedder, dim, count, KB version, file
checksum); `VectorIndex.load` refuses a missing, corrupt, stale or other-embedder index, and the
caller rebuilds it from the vectors cached in SQLite.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

import faiss
import numpy as np

INDEX_FILE = "chunks.faiss"
MANIFEST_FILE = "manifest.json"
# Exact search scans every vector: ~7 ms a query at 100k x 384 here (memory-bound). From IVF_MIN_CHUNKS
# on, an inverted-file index (faiss IndexIVFFlat: k-means cells, the query's IVF_NPROBE nearest cells
# scanned exactly) answers in well under a millisecond. HNSW would be as fast but faiss cannot remove
# vectors from it, and every article update removes its old chunks. An IVF index that shrinks below
# half the threshold goes back to exact search.
IVF_MIN_CHUNKS = 50_000
IVF_NPROBE = 24
IVF_TRAIN_PER_CELL = 64


class IndexUnusable(Exception):
    """The saved index cannot be used as is; the message says why (it will be rebuilt)."""


@dataclass(frozen=True)
class Manifest:
    """What built an index and what it holds."""

    embedder: str
    dim: int
    count: int
    kb_version: int
    checksum: str
    kind: str = "flat"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class VectorIndex:
    """A faiss index of chunk vectors, safe to search from many threads while one thread writes."""

    def __init__(self, embedder: str, dim: int, index: faiss.Index | None = None, kb_version: int = 0) -> None:
        self.embedder = embedder
        self.dim = dim
        self.kb_version = kb_version
        self._index = index if index is not None else self._new_index(dim)
        self._lock = threading.RLock()

    @staticmethod
    def _new_index(dim: int, vectors: np.ndarray | None = None) -> faiss.Index:
        """Exact search for small KBs; a trained IVF index when `vectors` are many (they train it)."""
        if vectors is None or len(vectors) < IVF_MIN_CHUNKS:
            return faiss.IndexIDMap2(faiss.IndexFlatIP(dim))
        cells = int(2 * np.sqrt(len(vectors)))  # ~630 cells of ~160 vectors at 100k
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, cells, faiss.METRIC_INNER_PRODUCT)
        sample = vectors[np.random.default_rng(0).permutation(len(vectors))[: cells * IVF_TRAIN_PER_CELL]]
        index.train(np.ascontiguousarray(sample, dtype=np.float32))
        index.nprobe = IVF_NPROBE
        index.set_direct_map_type(faiss.DirectMap.Hashtable)  # reconstruct() and remove_ids() by chunk id
        return index

    @classmethod
    def build(cls, embedder: str, dim: int, ids: np.ndarray, vectors: np.ndarray, kb_version: int) -> VectorIndex:
        """A new index holding `vectors` under `ids`."""
        index = cls._new_index(dim, vectors)
        if len(ids):
            index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids.astype(np.int64))
        return cls(embedder, dim, index, kb_version)

    @property
    def count(self) -> int:
        return int(self._index.ntotal)

    @property
    def kind(self) -> str:
        return "ivf" if isinstance(faiss.downcast_index(self._index), faiss.IndexIVF) else "flat"

    def retune(self) -> bool:
        """Switch between exact and IVF search when the index crossed a size bound; True if it did."""
        count, kind = self.count, self.kind
        if not ((kind == "flat" and count >= IVF_MIN_CHUNKS) or (kind == "ivf" and count < IVF_MIN_CHUNKS // 2)):
            return False
        with self._lock:
            ids, vectors = self._contents()
            rebuilt = self.build(self.embedder, self.dim, ids, vectors, self.kb_version)
            self._index = rebuilt._index
        return True

    def _contents(self) -> tuple[np.ndarray, np.ndarray]:
        """Every (chunk id, vector) held, for rebuilding in another kind."""
        index = faiss.downcast_index(self._index)
        if isinstance(index, faiss.IndexIVFFlat):  # each cell stores its ids and its raw float32 vectors
            lists, ids, vectors = index.invlists, [np.zeros(0, dtype=np.int64)], [np.zeros((0, self.dim), np.float32)]
            for cell in range(index.nlist):
                size = lists.list_size(cell)
                if size:
                    ids.append(faiss.rev_swig_ptr(lists.get_ids(cell), size).copy())
                    codes = faiss.rev_swig_ptr(lists.get_codes(cell), size * index.code_size)
                    vectors.append(codes.view(np.float32).reshape(size, self.dim).copy())
            return np.concatenate(ids), np.vstack(vectors)
        ids = faiss.vector_to_array(self._index.id_map).astype(np.int64)
        return ids, self._index.index.reconstruct_n(0, self.count)

    def add(self, ids: list[int] | np.ndarray, vectors: np.ndarray) -> None:
        """Add vectors under chunk ids that are not in the index (remove replaced ids first).

        No implicit remove here: on a flat index every remove_ids() scans all vectors, and doing it
        per article made a 100k-chunk import quadratic (bench/bench_scale.py caught it).
        """
        if len(ids) == 0:
            return
        ids = np.asarray(ids, dtype=np.int64)
        with self._lock:
            self._index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids)

    def remove(self, ids: list[int] | np.ndarray) -> None:
        """Remove chunk ids (unknown ids are ignored)."""
        if len(ids) == 0:
            return
        with self._lock:
            self._index.remove_ids(np.asarray(ids, dtype=np.int64))

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        """The k nearest chunks to one normalized query vector: (chunk_id, cosine) best first."""
        with self._lock:
            if self._index.ntotal == 0:
                return []
            scores, ids = self._index.search(np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32),
                                             min(k, self._index.ntotal))
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i != -1]

    def reconstruct(self, ids: list[int]) -> list[np.ndarray | None]:
        """The stored vectors of chunk ids (None for ids not in the index)."""
        out: list[np.ndarray | None] = []
        with self._lock:
            for chunk_id in ids:
                try:
                    out.append(self._index.reconstruct(int(chunk_id)))
                except RuntimeError:
                    out.append(None)
        return out

    def save(self, directory: Path) -> Manifest:
        """Write the index and its manifest atomically (temp files, then rename)."""
        directory.mkdir(parents=True, exist_ok=True)
        index_tmp = directory / (INDEX_FILE + ".tmp")
        with self._lock:
            faiss.write_index(self._index, str(index_tmp))
            manifest = Manifest(self.embedder, self.dim, self.count, self.kb_version, _sha256(index_tmp), self.kind)
        os.replace(index_tmp, directory / INDEX_FILE)
        manifest_tmp = directory / (MANIFEST_FILE + ".tmp")
        manifest_tmp.write_text(json.dumps(asdict(manifest), indent=2))
        os.replace(manifest_tmp, directory / MANIFEST_FILE)
        return manifest

    @classmethod
    def load(cls, directory: Path, *, embedder: str, dim: int, kb_version: int) -> VectorIndex:
        """Load a saved index, or raise IndexUnusable saying why it must be rebuilt."""
        manifest_path, index_path = directory / MANIFEST_FILE, directory / INDEX_FILE
        if not manifest_path.is_file() or not index_path.is_file():
            raise IndexUnusable("no saved index")
        try:
            manifest = Manifest(**json.loads(manifest_path.read_text()))
        except (ValueError, TypeError) as exc:
            raise IndexUnusable(f"unreadable manifest ({exc})") from exc
        if manifest.embedder != embedder or manifest.dim != dim:
            raise IndexUnusable(f"built by {manifest.embedder} ({manifest.dim}-d), now using {embedder} ({dim}-d)")
        if manifest.kb_version != kb_version:
            raise IndexUnusable(f"stale (built at KB version {manifest.kb_version}, KB is at {kb_version})")
        if _sha256(index_path) != manifest.checksum:
            raise IndexUnusable("checksum mismatch (corrupt index file)")
        try:
            index = faiss.read_index(str(index_path))
        except RuntimeError as exc:
            raise IndexUnusable(f"faiss could not read the index ({exc})") from exc
        if index.ntotal != manifest.count or index.d != dim:
            raise IndexUnusable("index size does not match its manifest")
        return cls(embedder, dim, index, kb_version)


def read_manifest(directory: Path) -> Manifest | None:
    """The saved manifest, or None when there is none or it is unreadable."""
    try:
        return Manifest(**json.loads((directory / MANIFEST_FILE).read_text()))
    except (OSError, ValueError, TypeError):
        return None
