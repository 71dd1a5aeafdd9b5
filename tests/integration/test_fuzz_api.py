"""Bounded schemathesis fuzzing of the OpenAPI schema against the API on uvicorn (loopback): never a 500."""

from __future__ import annotations

import socket
import tempfile
import threading
import time

import httpx
import pytest
import schemathesis
import uvicorn
from hypothesis import HealthCheck, settings

from backend.app import create_app
from backend.services import kb as kb_service
from backend.services import users as user_service
from backend.services.runtime import Runtime
from backend.settings import load_settings
from tests.conftest import ROOT, TEST_EMBEDDER

_SCHEMA_APP = create_app(settings=load_settings(tempfile.mkdtemp(), env={"TANDEM_EMBEDDER": TEST_EMBEDDER}))
schema = schemathesis.openapi.from_dict(_SCHEMA_APP.openapi_schema.to_schema())


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("fuzz")
    rt = Runtime(load_settings(data, env={"TANDEM_EMBEDDER": TEST_EMBEDDER, "TANDEM_LLM": "extractive"}))
    kb_service.import_paths(rt, [ROOT / "kb"])
    token = user_service.add_user(rt, "fuzzer", "admin")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    uv = uvicorn.Server(uvicorn.Config(create_app(runtime=rt), host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.1)
    yield base, token
    uv.should_exit = True
    thread.join(timeout=10)
    rt.close()


@pytest.fixture
def live(server):
    return server


@schema.parametrize()
@settings(max_examples=50, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case, live):
    base, token = live
    response = case.call(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert response.status_code < 500, f"{case.method} {case.path}: {response.status_code} {response.text[:300]}"
