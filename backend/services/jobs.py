"""Periodic jobs that must run once per deployment, however many workers and hosts serve it.

A worker takes the job's lease in the store before running it; the others see it taken (or not due
yet) and skip. A worker that dies mid-job loses the lease when it expires, and another takes over.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from backend.services.runtime import Runtime
from backend.store import coordination

log = logging.getLogger(__name__)
T = TypeVar("T")
LEASE = timedelta(hours=1)  # longer than any job takes; a crashed holder's lease expires after it


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")  # leases compare finer than a second


def holder_id() -> str:
    """This worker, as named in leases."""
    return f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


def run_if_due(rt: Runtime, job: str, every: timedelta, work: Callable[[], T]) -> T | None:
    """Run `work` if `job` last ran more than `every` ago and no other worker is running it."""
    now = datetime.now(UTC)
    holder = holder_id()
    with rt.db.transaction():
        taken = coordination.try_lease(rt.db, job, holder, now=_iso(now), until=_iso(now + LEASE),
                                       due_before=_iso(now - every))
    if not taken:
        return None
    try:
        return work()
    finally:
        with rt.db.transaction():
            coordination.finish_lease(rt.db, job, holder, _iso(datetime.now(UTC)))


class Repeating:
    """A daemon thread that runs `work` every `every_s` seconds in this process; a failed run is logged and the
    next one tries again."""

    def __init__(self, name: str, every_s: float, work: Callable[[], object]) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, args=(every_s, work), name=f"tandem-{name}", daemon=True)

    def start(self) -> Repeating:
        self._thread.start()
        return self

    def stop(self, timeout: float = 60.0) -> None:
        """Stop and wait for a run in progress to end."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _loop(self, every_s: float, work: Callable[[], object]) -> None:
        while not self._stop.wait(every_s):
            try:
                work()
            except Exception:  # a failed run must not kill the loop; the next one retries
                log.exception("%s failed", self._thread.name)


def periodic(rt: Runtime, job: str, every: timedelta, work: Callable[[], object], *,
             check_every: float = 60.0) -> Repeating:
    """A deployment-wide job: every `check_every` seconds this worker offers it, and `run_if_due` decides who
    runs it (once per `every` across all workers)."""

    def offer() -> None:
        result = run_if_due(rt, job, every, work)
        if result is not None:
            log.info("periodic %s: %s", job, result)

    return Repeating(job, check_every, offer)
