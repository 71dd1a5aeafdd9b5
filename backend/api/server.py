"""How `tandem serve` and `tandem demo` run the app on uvicorn."""

from __future__ import annotations

from typing import Any

from backend.settings import Settings


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """uvicorn.run keyword arguments: X-Forwarded-For/-Proto are believed only from TANDEM_TRUSTED_PROXIES
    (uvicorn's default believes them from 127.0.0.1, so anyone on the host could pick their client address)."""
    return {"proxy_headers": bool(settings.trusted_proxies),
            "forwarded_allow_ips": ",".join(settings.trusted_proxies) or None}
