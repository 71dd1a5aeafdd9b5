"""The dense vector index: faiss IndexIDMap2 over inner product (vectors are normalized), ids = chunk ids.

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
# Exact search is fast enough (and exact) well past 100k chunks on 384-d vectors; HNSW above this.
HNSW_THRESHOLD = 250_000


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
        self._index = index if index is not None else self._new_index(dim, 0)
        self._lock = threading.RLock()

    @staticmethod
    def _new_index(dim: int, expected: int) -> faiss.Index:
        if expected >= HNSW_THRESHOLD:
            inner = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
            inner.hnsw.efSearch = 96
        else:
            inner = faiss.IndexFlatIP(dim)
        return faiss.IndexIDMap2(inner)

    @classmethod
    def build(cls, embedder: str, dim: int, ids: np.ndarray, vectors: np.ndarray, kb_version: int) -> VectorIndex:
        """A new index holding `vectors` under `ids`."""
        index = cls._new_index(dim, len(ids))
        if len(ids):
            index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids.astype(np.int64))
        return cls(embedder, dim, index, kb_version)

    @property
    def count(self) -> int:
        return int(self._index.ntotal)

    @property
    def kind(self) -> str:
        return "hnsw" if isinstance(faiss.downcast_index(self._index.index), faiss.IndexHNSWFlat) else "flat"

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
