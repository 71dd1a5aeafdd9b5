"""Helpers shared by the benchmarks: data paths, a throwaway Tandem runtime, stats, result files.

`BENCH_SMOKE=1` in the environment: benchmarks that support it shrink every size (`sized`) and write
bench/results/smoke-NAME.json instead of NAME.json (`write_result`, `result_file`), so a quick end-to-end
run never overwrites a real result.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("TANDEM_SHARED_DATA", ROOT.parent / "shared" / "data"))
RESULTS = ROOT / "bench" / "results"
SMOKE = os.environ.get("BENCH_SMOKE", "").strip().lower() in ("1", "true", "yes", "on")


def sized(full: int, smoke: int) -> int:
    """`full`, or `smoke` (never more than `full`) when BENCH_SMOKE is set."""
    return min(full, smoke) if SMOKE else full


def result_file(filename: str) -> Path:
    """bench/results/FILENAME, prefixed with `smoke-` when BENCH_SMOKE is set."""
    return RESULTS / (f"smoke-{filename}" if SMOKE else filename)


def read_banking77_oos(split: str) -> tuple[list[str], list[str]]:
    """(texts, labels) of one banking77_oos split, e.g. "train", "test", "id-oos/test" (original intent names)."""
    folder = DATA / "banking77_oos" / split
    texts = (folder / "seq.in").read_text(encoding="utf-8").splitlines()
    labels = folder / "label_original" if (folder / "label_original").exists() else folder / "label"
    return texts, labels.read_text(encoding="utf-8").splitlines()


def runtime(data_dir: Path, embedder: str, **overrides):
    """A Runtime on a fresh data dir with the given embedder."""
    import msgspec

    from backend.services.runtime import Runtime
    from backend.settings import load_settings

    settings = load_settings(data_dir, env={"TANDEM_EMBEDDER": embedder})
    if overrides:
        settings = msgspec.structs.replace(settings, **overrides)
    return Runtime(settings)


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def latency_summary(ms: list[float]) -> dict:
    return {"p50_ms": round(percentile(ms, 50), 3), "p90_ms": round(percentile(ms, 90), 3),
            "p99_ms": round(percentile(ms, 99), 3), "mean_ms": round(statistics.fmean(ms), 3), "n": len(ms)}


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def auroc(positives: list[float], negatives: list[float]) -> float:
    """Area under the ROC curve: chance a random positive outscores a random negative (ties count half)."""
    import numpy as np

    scores = np.concatenate([positives, negatives])
    ranks = scores.argsort().argsort().astype(float) + 1
    # average ranks for ties
    order = np.argsort(scores)
    sorted_scores = scores[order]
    i = 0
    while i < len(sorted_scores):
        j = i
        while j + 1 < len(sorted_scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        if j > i:
            ranks[order[i:j + 1]] = (i + j + 2) / 2
        i = j + 1
    n_pos, n_neg = len(positives), len(negatives)
    return float((ranks[:n_pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def write_result(name: str, payload: dict) -> Path:
    """Write bench/results/NAME.json (smoke-NAME.json under BENCH_SMOKE) with machine info and a timestamp."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    payload = {
        "benchmark": name,
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        **({"smoke": True} if SMOKE else {}),
        **payload,
    }
    path = result_file(f"{name}.json")
    path.write_text(json.dumps(payload, indent=2) + "\n")
    return path
