"""ASGI entry point for uvicorn: settings from the TANDEM_* environment.

`tandem serve` migrates the store before it starts workers and sets TANDEM_MIGRATED=1, so workers only
check the schema (several workers starting on an upgraded store never race to migrate it).
"""

import os

from backend.app import create_app

app = create_app(migrate=os.environ.get("TANDEM_MIGRATED") != "1")
