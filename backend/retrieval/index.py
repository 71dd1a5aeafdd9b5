"""The dense vector index over normalized chunk vectors (inner product = cosine), ids = chunk ids.

Exact search (faiss IndexIDMap2 over IndexFlatIP) for small KBs, an inverted-file index (IndexIVFFlat)
for large ones; the kind follows the size (see tuning.IVF_MIN_CHUNKS).

The index is derived data and carries the KB version its contents reflect. A saved index is a cache:
`save` writes a uniquely named file, then publishes it by atomically replacing the manifest that names
it (embedder, dim, count, KB version, checksum); concurrent savers never share a temp file and a
reader sees one complete (manifest, file) pair. Whoever loads it catches up from the KB change log.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import threading
import time
from pathlib import Path

import faiss
import msgspec
import numpy as np

from backend import tuning

MANIFEST_FILE = "manifest.json"
STALE_FILE_AGE_S = 120  # unreferenced index files older than this are removed by the next save


class IndexUnusable(Exception):
    """The saved index cannot be used as is; the message says why (it will be rebuilt)."""


class Manifest(msgspec.Struct, kw_only=True):
    """What built a saved index and what it holds."""

    embedder: str
    dim: int
    count: int
    kb_version: int
    checksum: str
    kind: str = "flat"
    file: str = "chunks.faiss"


class VectorIndex:
    """A faiss index of chunk vectors at a KB version, safe to search from many threads while one writes."""

    def __init__(self, embedder: str, dim: int, index: faiss.Index | None = None, kb_version: int = 0) -> None:
        self.embedder = embedder
        self.dim = dim
        self.kb_version = kb_version
        self._index = index if index is not None else self._new_index(dim)
        self._lock = threading.RLock()

    @staticmethod
    def _new_index(dim: int, vectors: np.ndarray | None = None) -> faiss.Index:
        """Exact search for small KBs; a trained IVF index when `vectors` are many (they train it)."""
        if vectors is None or len(vectors) < tuning.IVF_MIN_CHUNKS:
            return faiss.IndexIDMap2(faiss.IndexFlatIP(dim))
        cells = int(2 * np.sqrt(len(vectors)))  # ~630 cells of ~160 vectors at 100k
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, cells, faiss.METRIC_INNER_PRODUCT)
        sample = vectors[np.random.default_rng(0).permutation(len(vectors))[: cells * tuning.IVF_TRAIN_PER_CELL]]
        index.train(np.ascontiguousarray(sample, dtype=np.float32))
        index.nprobe = tuning.IVF_NPROBE
        index.set_direct_map_type(faiss.DirectMap.Hashtable)  # type: ignore[attr-defined]  # lookups by chunk id
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

    def needs_retune(self) -> bool:
        """True when the index crossed a size bound and should switch between exact and IVF search."""
        count, kind = self.count, self.kind
        return (kind == "flat" and count >= tuning.IVF_MIN_CHUNKS) or \
            (kind == "ivf" and count < tuning.IVF_MIN_CHUNKS // 2)

    def apply(self, removed: list[int] | np.ndarray, added: np.ndarray, vectors: np.ndarray, kb_version: int) -> None:
        """Remove then add chunk vectors (a reused id is removed before it is added again); now at `kb_version`."""
        with self._lock:
            if len(removed):
                self._index.remove_ids(np.asarray(removed, dtype=np.int64))  # type: ignore[arg-type]  # SWIG takes arrays
            if len(added):
                self._index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32),
                                         np.asarray(added, dtype=np.int64))
            self.kb_version = kb_version

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        """The k nearest chunks to one normalized query vector: (chunk_id, cosine) best first."""
        return self.search_many(query.reshape(1, -1), k)[0]

    def search_many(self, queries: np.ndarray, k: int) -> list[list[tuple[int, float]]]:
        """The k nearest chunks to each row of `queries`, in one faiss call (calibration searches hundreds)."""
        with self._lock:
            if self._index.ntotal == 0:
                return [[] for _ in range(len(queries))]
            scores, ids = self._index.search(np.ascontiguousarray(queries, dtype=np.float32),
                                             min(k, self._index.ntotal))
        return [[(int(i), float(s)) for i, s in zip(row_ids, row_scores, strict=True) if i != -1]
                for row_ids, row_scores in zip(ids, scores, strict=True)]

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
        """Publish this index: a uniquely named file, then the manifest naming it, atomically replaced."""
        directory.mkdir(parents=True, exist_ok=True)
        with self._lock:  # a consistent copy in memory; the disk write happens outside the lock
            blob = faiss.serialize_index(self._index)
            version, count, kind = self.kb_version, self.count, self.kind
        name = f"chunks-v{version}-{secrets.token_hex(4)}.faiss"
        partial = directory / f".{name}.{os.getpid()}.tmp"
        partial.write_bytes(blob.tobytes())
        os.replace(partial, directory / name)
        manifest = Manifest(embedder=self.embedder, dim=self.dim, count=count, kb_version=version,
                            checksum=hashlib.sha256(blob.tobytes()).hexdigest(), kind=kind, file=name)
        manifest_partial = directory / f".{MANIFEST_FILE}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
        manifest_partial.write_bytes(msgspec.json.format(msgspec.json.encode(manifest)))
        os.replace(manifest_partial, directory / MANIFEST_FILE)
        _remove_stale(directory, keep=name)
        return manifest

    @classmethod
    def load(cls, directory: Path, *, embedder: str, dim: int) -> VectorIndex:
        """Load the published index (at whatever KB version it reflects), or raise IndexUnusable saying why."""
        manifest = read_manifest(directory)
        if manifest is None:
            raise IndexUnusable("no saved index")
        if manifest.embedder != embedder or manifest.dim != dim:
            raise IndexUnusable(f"built by {manifest.embedder} ({manifest.dim}-d), now using {embedder} ({dim}-d)")
        path = directory / manifest.file
        try:
            blob = path.read_bytes()
        except OSError as exc:
            raise IndexUnusable(f"index file missing ({exc.strerror})") from exc
        if hashlib.sha256(blob).hexdigest() != manifest.checksum:
            raise IndexUnusable("checksum mismatch (corrupt index file)")
        try:
            index = faiss.deserialize_index(np.frombuffer(blob, dtype=np.uint8))
        except RuntimeError as exc:
            raise IndexUnusable(f"faiss could not read the index ({exc})") from exc
        if index.ntotal != manifest.count or index.d != dim:
            raise IndexUnusable("index size does not match its manifest")
        return cls(embedder, dim, index, manifest.kb_version)


def read_manifest(directory: Path) -> Manifest | None:
    """The published manifest, or None when there is none or it is unreadable."""
    try:
        return msgspec.json.decode((directory / MANIFEST_FILE).read_bytes(), type=Manifest)
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return None


def _remove_stale(directory: Path, keep: str) -> None:
    """Delete index files no manifest names any more (readers load a file whole, so old ones can go)."""
    cutoff = time.time() - STALE_FILE_AGE_S
    for path in directory.glob("chunks*.faiss"):
        try:
            if path.name != keep and path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:
            pass  # another saver removed it first
    for path in directory.glob(".*.tmp"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:
            pass
