"""A bare Litestar JSON echo on the same stack as `tandem serve` (uvicorn, msgspec): bench_api's baseline."""

from __future__ import annotations

from typing import Any

from litestar import Litestar, post


@post("/v1/assist", status_code=200)
async def echo(data: dict[str, Any]) -> dict[str, Any]:
    """Answer with the body it was given."""
    return data


app = Litestar([echo])
