"""What route handlers take from the app by dependency injection (provided in backend/app.py)."""

from __future__ import annotations

from typing import TypeAlias

from litestar.di import NamedDependency

from backend.services.runtime import Runtime

# The process's Runtime (loaded once at start-up), as the handler parameter `rt`.
RuntimeDep: TypeAlias = NamedDependency[Runtime]
