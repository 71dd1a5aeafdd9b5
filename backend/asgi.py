"""ASGI entry point for uvicorn: settings from the TANDEM_* environment.

`tandem serve` migrates the store before it starts workers and sets TANDEM_MIGRATED=1, so workers only
check the schema (several workers starting on an upgraded store never race to migrate it).
"""

import os

from backend.api.observability import enable_access_log
from backend.app import create_app
from backend.settings import load_settings

settings = load_settings()
enable_access_log(settings.access_log)
app = create_app(settings, migrate=os.environ.get("TANDEM_MIGRATED") != "1")
