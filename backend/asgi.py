"""ASGI entry point for uvicorn: settings from the TANDEM_* environment."""

from backend.app import create_app

app = create_app()
