"""The process-wide state the services share: settings, the store, and (lazily) the retriever."""

from __future__ import annotations

from functools import cached_property

from backend.retrieval.embed import get_embedder
from backend.retrieval.hybrid import Retriever
from backend.settings import Settings
from backend.store.db import open_database


class Runtime:
    """Opens the store once; loads the embedder and vector index only when first needed."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.db = open_database(settings.db_path)

    @cached_property
    def retriever(self) -> Retriever:
        """The hybrid retriever, its index loaded (or rebuilt from SQLite) on first use."""
        retriever = Retriever(self.db, get_embedder(self.settings.embedder), self.settings.index_dir)
        retriever.ensure_index()
        return retriever

    def close(self) -> None:
        """Close the store."""
        self.db.close()
