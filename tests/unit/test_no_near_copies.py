"""One piece of code for each job that had grown two (issue #26): sentence splitting, the engine choice, the
repeating job thread, and generating with a model or falling back to the offline engine."""

from __future__ import annotations

import ast
import threading
import time
from types import SimpleNamespace

import pytest

from backend.llm.base import ProviderError
from backend.llm.registry import engine_name, make_provider
from backend.services import jobs
from backend.services.generation import generate_or_fall_back, stream_or_fall_back
from backend.settings import load_settings
from tests.conftest import ROOT
from tests.unit.test_architecture import modules

# Splitting at clause boundaries too (dashes, semicolons) for escalation cues is a different job.
OTHER_SPLITTERS = {"backend.signals.escalation"}


def parsed() -> dict[str, ast.Module]:
    return {name: ast.parse(path.read_text()) for name, path in modules().items() if name.startswith("backend")}


def test_sentences_are_split_in_backend_text_only():
    offenders = []
    for name, tree in parsed().items():
        if name in ("backend.text", *OTHER_SPLITTERS):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "(?<=[.!?])" in node.value:
                offenders.append(f"{name}: {node.value!r}")
    assert not offenders, "split sentences with backend.text.sentences / message_sentences:\n" + "\n".join(offenders)


def test_the_two_sentence_splitters():
    from backend.text import message_sentences, sentences

    assert sentences("Use v2.1 now. It works e.g. here! Done") == ["Use v2.1 now.", "It works e.g. here!", "Done"]
    assert message_sentences("it broke. then\nagain") == ["it broke.", "then", "again"]
    assert sentences("it broke. then again") == ["it broke. then again"]  # prose needs a capital to start one


@pytest.mark.parametrize(("llm", "env", "expected"), [
    ("auto", {}, "extractive"), ("auto", {"ANTHROPIC_API_KEY": "sk-ant"}, "anthropic"),
    ("auto", {"OPENAI_API_KEY": "sk"}, "extractive"), ("extractive", {"ANTHROPIC_API_KEY": "sk-ant"}, "extractive"),
    ("anthropic", {"ANTHROPIC_API_KEY": "sk-ant"}, "anthropic"), ("openai", {}, "openai"),
])
def test_the_engine_is_chosen_in_one_place(tmp_path, llm, env, expected):
    settings = load_settings(tmp_path, env={"TANDEM_LLM": llm, "TANDEM_OPENAI_BASE_URL": "http://127.0.0.1:9/v1",
                                            "TANDEM_OPENAI_MODEL": "m"})
    assert engine_name(settings, env) == expected
    provider = make_provider(settings, env=env)
    assert (provider.name if provider else "extractive") == expected


def test_only_the_registry_reads_the_model_key():
    offenders = [name for name, path in modules().items()
                 if name != "backend.llm.registry" and "os.environ" in path.read_text()
                 and "ANTHROPIC_API_KEY" in path.read_text()]
    assert not offenders


def test_one_job_thread_class():
    classes = [n.name for n in ast.walk(ast.parse((ROOT / "backend/services/jobs.py").read_text()))
               if isinstance(n, ast.ClassDef)]
    assert classes == ["Repeating"]


def test_repeating_survives_a_failed_run_and_stops():
    runs: list[int] = []
    done = threading.Event()

    def work() -> None:
        runs.append(1)
        if len(runs) == 1:
            raise RuntimeError("first run fails")
        if len(runs) >= 3:
            done.set()

    job = jobs.Repeating("test", 0.01, work).start()
    assert done.wait(5)
    job.stop()
    count = len(runs)
    time.sleep(0.05)
    assert len(runs) == count  # stopped: no more runs


def test_services_fall_back_only_through_generation():
    """A service catching ProviderError to carry on offline is a second copy of the fallback policy; one that
    catches it only to raise a clearer error (rewrite: nothing offline can stand in) is not."""
    offenders = []
    for name, tree in parsed().items():
        if not name.startswith("backend.services") or name == "backend.services.generation":
            continue
        for node in ast.walk(tree):
            if (isinstance(node, ast.ExceptHandler) and node.type is not None
                    and "ProviderError" in ast.unparse(node.type)
                    and not any(isinstance(inner, ast.Raise) for inner in ast.walk(node))):
                offenders.append(f"{name}:{node.lineno}")
    assert not offenders, "use backend.services.generation for model-or-offline:\n" + "\n".join(offenders)


class _Failing:
    name = "claude-test"

    def stream(self) -> object:
        yield "partial "
        raise ProviderError("connection reset")


def test_generate_or_fall_back():
    def fail(_: object) -> str:
        raise ProviderError("timeout")

    offline = SimpleNamespace(provider=None)
    broken = SimpleNamespace(provider=_Failing())
    got = generate_or_fall_back(offline, fail, lambda: "kb words")  # type: ignore[arg-type]
    assert (got.value, got.engine, got.degraded) == ("kb words", "extractive", False)
    got = generate_or_fall_back(broken, fail, lambda: "kb words")  # type: ignore[arg-type]
    assert (got.value, got.engine, got.degraded) == ("kb words", "extractive", True)
    got = generate_or_fall_back(broken, lambda p: f"by {p.name}", lambda: "kb words")  # type: ignore[arg-type]
    assert (got.value, got.engine, got.degraded) == ("by claude-test", "claude-test", False)
    # A stream that fails midway: what it sent stays sent, then the offline engine's events follow.
    events = list(stream_or_fall_back(broken, lambda p: p.stream(), lambda degraded: iter([f"offline {degraded}"])))  # type: ignore[arg-type]
    assert events == ["partial ", "offline True"]


def test_one_failure_struct():
    """kb and history imports each had a Failure, one with `reason` and one with `error`; now one."""
    defined = [f"{name}:{node.lineno}" for name, tree in parsed().items() for node in ast.walk(tree)
               if isinstance(node, ast.ClassDef) and node.name == "Failure"]
    assert len(defined) == 1 and defined[0].startswith("backend.services.readers:"), defined
