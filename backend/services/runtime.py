"""The process-wide state the services share: settings, the store, and (lazily) the retriever and LLM."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from backend.settings import Settings
from backend.store.db import Database, connect, get_meta, set_meta

if TYPE_CHECKING:
    from backend.llm.base import Provider
    from backend.retrieval.hybrid import Retriever


class Runtime:
    """Opens the store once; loads the embedder, vector index and LLM provider only when first needed."""

    def __init__(self, settings: Settings, *, migrate: bool = True) -> None:
        self.settings = settings
        self.db: Database = connect(settings.store_url, migrate=migrate)
        self.memo: dict[str, Any] = {}  # small caches services keep per installation, each keyed by what it follows

    @cached_property
    def provider(self) -> Provider | None:
        """The configured model provider, or None (the extractive engine serves)."""
        from backend.llm.registry import make_provider
        from backend.store import conversations as conv_store

        return make_provider(self.settings, on_call=lambda call: conv_store.record_llm_call(self.db, call))

    @cached_property
    def retriever(self) -> Retriever:
        """The hybrid retriever, its index loaded (or rebuilt from the store) and caught up on first use."""
        from backend.retrieval.embed import get_embedder
        from backend.retrieval.hybrid import Retriever
        from backend.services.calibration import stored_calibration

        embedder = get_embedder(self.settings.embedder)
        retriever = Retriever(self.db, embedder, self.settings.index_dir,
                              calibration=stored_calibration(self.db, embedder.name),
                              calibration_source=lambda: stored_calibration(self.db, embedder.name))
        retriever.ensure_index()
        return retriever

    def secret(self, name: str) -> str:
        """A random secret created once per deployment and shared by every worker through the store."""
        import secrets

        key = f"secret:{name}"
        existing = get_meta(self.db, key)
        if existing:
            return existing
        with self.db.transaction():
            if not get_meta(self.db, key):
                set_meta(self.db, key, secrets.token_urlsafe(32))
        return get_meta(self.db, key) or ""

    @cached_property
    def pseudonym_key(self) -> bytes:
        """The key of the digests that stand in for ids holding PII (the same in every worker)."""
        return self.secret("pseudonym").encode()

    @property
    def engine_name(self) -> str:
        """The engine that writes text now (without loading it)."""
        from backend.llm.registry import engine_name

        return engine_name(self.settings)

    def close(self) -> None:
        """Publish the index if it changed, stop the retriever's threads, then close the store."""
        if "retriever" in self.__dict__:  # a cached_property that was never used stays unloaded
            self.retriever.save()
            self.retriever.close()
        self.db.close()
