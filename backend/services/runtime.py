"""The process-wide state the services share: settings, the store, and (lazily) the retriever and LLM."""

from __future__ import annotations

import logging
import threading
import time
from functools import cached_property
from typing import TYPE_CHECKING, Any

from backend.settings import Settings
from backend.store.db import Database, connect, get_meta, set_meta

if TYPE_CHECKING:
    from backend.llm.base import Provider
    from backend.retrieval.hybrid import Retriever

log = logging.getLogger(__name__)
FOREIGN_USED = "foreign_embedder_used"  # meta: the multilingual encoder some process built an index with


class Runtime:
    """Opens the store once; loads the embedder, vector index and LLM provider only when first needed."""

    def __init__(self, settings: Settings, *, migrate: bool = True, background_builds: bool = False) -> None:
        self.settings = settings
        self.db: Database = connect(settings.store_url, migrate=migrate)
        self.memo: dict[str, Any] = {}  # small caches services keep per installation, each keyed by what it follows
        # A server answers from the main retriever while the foreign one is built in a thread; a CLI waits for it.
        self.background_builds = background_builds
        self._foreign: Retriever | None = None
        self._foreign_state = "unbuilt"  # unbuilt | building | ready | failed (tried again later) | off
        self._retry_at = 0.0
        self._foreign_lock = threading.Lock()  # held while the multilingual retriever is built
        self._state_lock = threading.Lock()

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

    def retriever_for(self, question: str) -> Retriever:
        """The retriever to search `question` with: the multilingual one when the main encoder reads English
        only and the question is confidently in another language than the KB's, or the KB is not English
        (settings.foreign_embedder); the main one otherwise, and while the multilingual one is being built."""
        main = self.retriever
        if self._foreign_state == "off" or getattr(main.embedder, "multilingual", False):
            return main
        try:
            foreign = main.kb_language() != "en" or main.in_other_language(question)
        except Exception:  # the language readers failed: the main retriever reads it, as before routing
            log.warning("could not tell a question's language: searching with the main encoder", exc_info=True)
            return main
        if not foreign:
            return main
        return self.foreign_retriever(wait=not self.background_builds) or main

    def foreign_retriever(self, *, wait: bool = True) -> Retriever | None:
        """The multilingual retriever, built on first use (its chunk vectors are kept in the store, so only the
        first process embeds them); None while a thread builds it (`wait` false), or when it is off or failed."""
        if self._foreign_state == "ready":
            return self._foreign
        if self._foreign_state == "off" or not self._foreign_embedder():
            self._foreign_state = "off"
            return None
        if self._foreign_state == "failed":
            if time.monotonic() < self._retry_at:
                return None
            self._foreign_state = "unbuilt"
        if not wait:
            with self._state_lock:  # never held while building: requests meanwhile go on with the main retriever
                if self._foreign_state != "unbuilt":
                    return self._foreign
                self._foreign_state = "building"
            threading.Thread(target=self._build_foreign, name="tandem-foreign-index", daemon=True).start()
            return None
        with self._foreign_lock:  # held while building
            if self._foreign_state in ("unbuilt", "building"):
                self._build_foreign(locked=True)
        return self._foreign

    def foreign_in_use(self) -> bool:
        """Whether some process has searched this KB with the multilingual encoder configured now (so its index
        and calibration are worth keeping current)."""
        return bool(self._foreign_embedder()) and get_meta(self.db, FOREIGN_USED) == self._foreign_embedder()

    def _foreign_embedder(self) -> str | None:
        """The multilingual encoder other languages are searched with, or None (off, or the main encoder reads
        every language itself)."""
        from backend.settings import MULTILINGUAL_EMBEDDERS

        choice = self.settings.foreign_embedder
        if choice == "off" or self.settings.embedder in MULTILINGUAL_EMBEDDERS:
            return None
        if choice != "auto":
            return choice
        # USE alone: a 200-chunk KB is embedded in ~1.5 s; with e5 (use-m3+e5, more answers found) ~35 s.
        return "use-m3"

    def _build_foreign(self, *, locked: bool = False) -> None:
        """Load (or build) the multilingual index and measure the KB's calibration under it."""
        if not locked:
            with self._foreign_lock:
                return self._build_foreign(locked=True)
        if self._foreign_state == "ready":
            return
        from backend import tuning
        from backend.retrieval.embed import get_embedder
        from backend.retrieval.hybrid import Retriever
        from backend.services.calibration import recalibrate_if_stale, stored_calibration

        name = self._foreign_embedder() or ""
        try:
            embedder = get_embedder(name)
        except Exception:  # questions in other languages go on through the main encoder and the word bridge
            log.warning("the multilingual encoder %s cannot load: searching every language with %s",
                        name, self.settings.embedder, exc_info=True)
            self._foreign_state = "off"
            return
        retriever = None
        try:
            retriever = Retriever(self.db, embedder, self.settings.index_dir,
                                  calibration=stored_calibration(self.db, embedder.name),
                                  calibration_source=lambda: stored_calibration(self.db, embedder.name))
            retriever.routed_point = tuning.ROUTED_OPERATING_POINT.get(embedder.name)
            retriever.ensure_index()
            recalibrate_if_stale(self, retriever)
            if get_meta(self.db, FOREIGN_USED) != name:
                with self.db.transaction():
                    set_meta(self.db, FOREIGN_USED, name)
        except Exception:  # a store error, say: the main retriever serves meanwhile, and the build is tried again
            if retriever is not None:
                retriever.close()  # its BM25 threads
            log.warning("building the %s index failed: searching every language with %s, trying again in %.0f s",
                        name, self.settings.embedder, tuning.FOREIGN_RETRY_S, exc_info=True)
            self._foreign_state, self._retry_at = "failed", time.monotonic() + tuning.FOREIGN_RETRY_S
            return
        self._foreign, self._foreign_state = retriever, "ready"

    def built_retrievers(self) -> list[Retriever]:
        """The retrievers loaded in this process (the multilingual one only once built)."""
        built = [self.retriever] if "retriever" in self.__dict__ else []
        return built + ([self._foreign] if self._foreign is not None else [])

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
        """Publish the indexes that changed, stop the retrievers' threads, then close the store."""
        if self._foreign_lock.acquire(timeout=60):  # a build under way finishes before the store closes
            self._foreign_lock.release()
        for retriever in self.built_retrievers():  # one never used stays unloaded
            retriever.save()
            retriever.close()
        self.db.close()
