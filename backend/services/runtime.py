"""The process-wide state the services share: settings, the store, and (lazily) the retriever."""

from __future__ import annotations

from functools import cached_property

from backend.llm.base import Provider
from backend.llm.registry import make_provider
from backend.retrieval.embed import get_embedder
from backend.retrieval.hybrid import Retriever
from backend.settings import Settings
from backend.store import conversations as conv_store
from backend.store.db import ThreadLocalDatabase


class Runtime:
    """Opens the store once; loads the embedder, vector index and LLM provider only when first needed."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.db = ThreadLocalDatabase(settings.db_path)

    @cached_property
    def provider(self) -> Provider | None:
        """Claude when configured, else None (the extractive engine serves)."""
        return make_provider(self.settings, on_call=lambda call: conv_store.record_llm_call(self.db, call))

    @cached_property
    def retriever(self) -> Retriever:
        """The hybrid retriever, its index loaded (or rebuilt from SQLite) on first use."""
        retriever = Retriever(self.db, get_embedder(self.settings.embedder), self.settings.index_dir)
        retriever.ensure_index()
        return retriever

    def close(self) -> None:
        """Stop the retriever's worker threads (if it was loaded), then close the store."""
        if "retriever" in self.__dict__:  # a cached_property that was never used stays unloaded
            self.retriever.close()
        self.db.close()
