"""The query encoder's precision, side by side: full precision vs three int8 quantizations of MiniLM.

For each variant: cosine of its query vectors to full precision, one-query latency (one thread), bulk
throughput (all cores), and false abstention on a help centre nobody tuned for (tests/fixtures'
bonsai nursery, whose confidences sit near the operating point, so small vector changes flip decisions).

Signed-weight int8 (U8S8, the previous default) runs on AVX2 CPUs without VNNI through `vpmaddubsw`,
which saturates pairs of products at 16 bits; VNNI CPUs add them exactly. `--cpu-check` reruns the
vectors of each variant under qemu-user with an older CPU model (SSE4.2, no AVX2), whose kernels are
different again: a variant whose integer products are exact gives the same vectors on every kernel.

    python -m bench.bench_quantization [--cpu-check]
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bench.common import ROOT, latency_summary, write_result

FIXTURES = ROOT / "tests" / "fixtures"
VARIANTS = ("fp32", "u8s8", "u8s8-reduce-range", "u8u8")
QEMU_CPU = "Westmere"  # SSE4.2, no AVX: onnxruntime picks its SSE kernels


def model_file(variant: str, folder: Path) -> Path:
    """The ONNX file of one variant, quantized into `folder` from the cached full-precision export."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    from backend.retrieval import onnx_export

    full = onnx_export.ensure_model(quantized=False)
    if variant == "fp32":
        return full
    options = {"u8s8": {"weight_type": QuantType.QInt8},
               "u8s8-reduce-range": {"weight_type": QuantType.QInt8, "reduce_range": True},
               "u8u8": {"weight_type": QuantType.QUInt8}}[variant]
    target = folder / f"{variant}.onnx"
    if not target.exists():
        logging.getLogger().setLevel(logging.ERROR)
        quantize_dynamic(str(full), str(target), per_channel=True, **options)
    return target


def queries() -> list[str]:
    rows = [json.loads(line) for line in (FIXTURES / "kb_heldout_bonsai_queries.jsonl").read_text().splitlines()]
    return [row["query"] for row in rows]


def vectors(path: Path, texts: list[str]) -> np.ndarray:
    """One-thread query vectors of `texts` from the ONNX file at `path`."""
    from backend.retrieval.embed import OnnxMiniLM

    encoder = OnnxMiniLM(quantized=False)
    encoder._path = path  # sessions open lazily, so this file is the one that runs
    return np.vstack([encoder.embed([text]) for text in texts])


def false_abstention(path: Path) -> float:
    """Share of the bonsai nursery's answerable questions that ground nothing, with this variant's vectors."""
    from backend.retrieval import onnx_export
    from backend.services import kb as kb_service
    from tests.conftest import make_runtime

    original = onnx_export.ensure_model
    onnx_export.ensure_model = lambda quantized: path  # type: ignore[assignment]
    try:
        from backend.retrieval.embed import get_embedder

        get_embedder.cache_clear()
        with tempfile.TemporaryDirectory() as folder:
            rt = make_runtime(Path(folder) / "rt", "minilm")
            try:
                kb_service.import_paths(rt, [FIXTURES / "kb_heldout_bonsai"])
                rows = [json.loads(line) for line in
                        (FIXTURES / "kb_heldout_bonsai_queries.jsonl").read_text().splitlines()]
                answerable = [row for row in rows if row["expected_article_id"]]
                abstained = sum(not kb_service.search(rt, row["query"], k=5)[0].grounded for row in answerable)
                return abstained / len(answerable)
            finally:
                rt.close()
    finally:
        onnx_export.ensure_model = original  # type: ignore[assignment]
        get_embedder.cache_clear()


def timings(path: Path, texts: list[str], passages: list[str]) -> dict:
    """One-query latency and bulk passages per second."""
    from backend.retrieval.embed import OnnxMiniLM

    encoder = OnnxMiniLM(quantized=False)
    encoder._path = path  # sessions open lazily, so this file is the one that runs
    encoder.embed(texts[:2])
    ms = []
    for _ in range(3):
        for text in texts:
            started = time.perf_counter()
            encoder.embed([text])
            ms.append((time.perf_counter() - started) * 1000)
    started = time.perf_counter()
    encoder.embed(passages)
    return {"query": latency_summary(ms), "bulk_passages_per_s": round(len(passages) / (time.perf_counter() - started), 1)}


def under_qemu(folder: Path, texts: list[str]) -> dict[str, np.ndarray]:
    """Each variant's query vectors computed by onnxruntime under qemu-user emulating QEMU_CPU."""
    out = {}
    for variant in VARIANTS:
        target = folder / f"{variant}-qemu.npy"
        script = ("import sys, numpy as np; from bench.bench_quantization import vectors; from pathlib import Path; "
                  "np.save(sys.argv[2], vectors(Path(sys.argv[1]), sys.argv[3:]))")
        subprocess.run(["qemu-x86_64", "-cpu", QEMU_CPU, sys.executable, "-c", script,
                        str(model_file(variant, folder)), str(target), *texts], check=True, cwd=ROOT, timeout=3600)
        out[variant] = np.load(target)
    return out


def main() -> None:
    cpu_check = "--cpu-check" in sys.argv
    texts = queries()
    passages = [path.read_text()[:1500] for path in sorted((ROOT / "kb").rglob("*.md"))][:64]
    rows = {}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        reference = vectors(model_file("fp32", folder), texts)
        native = {}
        for variant in VARIANTS:
            path = model_file(variant, folder)
            native[variant] = vectors(path, texts)
            cosine = (native[variant] * reference).sum(1)
            rows[variant] = {"cosine_to_fp32": {"min": round(float(cosine.min()), 4), "mean": round(float(cosine.mean()), 4)},
                             **timings(path, texts, passages), "bonsai_false_abstention": round(false_abstention(path), 3)}
            print(variant, rows[variant], flush=True)
        if cpu_check and shutil.which("qemu-x86_64"):
            emulated = under_qemu(folder, texts[:12])
            for variant in VARIANTS:
                difference = np.abs(emulated[variant] - native[variant][:12]).max()
                rows[variant]["max_abs_difference_native_vs_" + QEMU_CPU] = float(difference)
                print(variant, "native vs", QEMU_CPU, difference, flush=True)
    write_result("quantization", {
        "what": "MiniLM query encoder variants side by side in one run; bonsai false abstention uses the shipped "
                "calibration weights (not fitted on the bonsai KB); the operating point is 0.14",
        "cpu_flags": sorted({flag for flag in Path("/proc/cpuinfo").read_text().split()
                             if flag.startswith(("avx", "sse4", "vnni", "amx"))}),
        "variants": rows,
    })


if __name__ == "__main__":
    main()
