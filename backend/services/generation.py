"""The one policy for text a model writes: the configured model when there is one and it answers, else the
offline engine. A model that fails (ProviderError, even mid-stream) is replaced by the offline engine, told
that it stands in for a failed model so the result can say `degraded`."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from backend.llm.base import Provider, ProviderError
from backend.services.runtime import Runtime

log = logging.getLogger(__name__)
T = TypeVar("T")
E = TypeVar("E")
OFFLINE = "extractive"  # the engine that needs no model


@dataclass(frozen=True, slots=True)
class Generated(Generic[T]):
    """What was generated, by which engine, and whether a configured model failed (`degraded`)."""

    value: T
    engine: str
    degraded: bool


def stream_or_fall_back(rt: Runtime, model: Callable[[Provider], Iterator[E]],
                        offline: Callable[[bool], Iterator[E]]) -> Iterator[E]:
    """The model's events; when it fails, the offline engine's events follow (`offline(degraded)`)."""
    provider = rt.provider
    if provider is not None:
        try:
            yield from model(provider)
            return
        except ProviderError as exc:
            log.warning("%s failed (%s); the offline engine answers instead", provider.name, exc)
    yield from offline(provider is not None)


def generate_or_fall_back(rt: Runtime, model: Callable[[Provider], T], offline: Callable[[], T]) -> Generated[T]:
    """The model's result, else the offline one (degraded when a configured model failed)."""

    def by_model(provider: Provider) -> Iterator[Generated[T]]:
        yield Generated(model(provider), provider.name, degraded=False)

    def by_offline(degraded: bool) -> Iterator[Generated[T]]:
        yield Generated(offline(), OFFLINE, degraded=degraded)

    return next(stream_or_fall_back(rt, by_model, by_offline))
