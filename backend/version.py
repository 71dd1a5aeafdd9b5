"""Tandem's version, from the installed distribution's metadata (pyproject.toml in a source checkout)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

UNKNOWN = "0+unknown"
PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


@lru_cache(maxsize=1)
def version() -> str:
    """The `tandem` distribution's version; read from pyproject.toml when the checkout was never installed."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version("tandem")
    except PackageNotFoundError:
        return version_in(PYPROJECT)


def version_in(pyproject: Path) -> str:
    """`project.version` of a pyproject.toml that describes Tandem, else UNKNOWN."""
    import tomllib

    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return UNKNOWN
    found = project.get("version") if project.get("name") == "tandem" else None
    return found if isinstance(found, str) and found else UNKNOWN
