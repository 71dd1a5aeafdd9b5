"""A loopback stand-in for Anthropic's Messages API, speaking its real wire format (JSON and SSE).

Tests queue behaviours (`ok`, `429`, `529`, `error_mid_stream`, `slow`); each request pops one (the
last one repeats). Every request is recorded with its headers and JSON body.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ERRORS = {429: "rate_limit_error", 529: "overloaded_error", 500: "api_error"}


class _Handler(BaseHTTPRequestHandler):
    """One request to the fake: recorded, then answered as the fake's next behaviour says."""

    @property
    def fake(self):
        return self.server.fake

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))) or b"{}")
        with self.fake._lock:
            self.fake.requests.append({"path": self.path, "body": body,
                                       "headers": {k.lower(): v for k, v in self.headers.items()}})
            behaviour = self.fake.behaviours.pop(0) if len(self.fake.behaviours) > 1 else self.fake.behaviours[0]
        if not (self.headers.get("x-api-key") or self.headers.get("authorization", "").startswith("Bearer ")):
            return self._error(401, "authentication_error")
        if behaviour in ("429", "529", "500"):
            return self._error(int(behaviour), ERRORS[int(behaviour)])
        if behaviour == "slow":
            time.sleep(self.fake.delay_s)
        try:
            if body.get("stream"):
                return self._stream(body, behaviour)
            return self._json(body)
        except (BrokenPipeError, ConnectionResetError):
            return None  # the client stopped reading (e.g. it only wanted the first token)

    def _send(self, status: int, payload: bytes, content_type: str, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("content-type", content_type)
        self.send_header("content-length", str(len(payload)))
        self.send_header("request-id", "req_fake")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(payload)

    def _error(self, status: int, kind: str) -> None:
        payload = json.dumps({"type": "error", "error": {"type": kind, "message": f"fake {kind}"}}).encode()
        self._send(status, payload, "application/json", {"retry-after": "0", "x-should-retry": "true"})

    def _usage(self) -> dict:
        cached = len(self.fake.requests) > 1
        return {"input_tokens": 120, "output_tokens": 30, "cache_read_input_tokens": 900 if cached else 0,
                "cache_creation_input_tokens": 0 if cached else 900}

    def _json(self, body: dict) -> None:
        message = {"id": "msg_fake", "type": "message", "role": "assistant", "model": body.get("model"),
                   "content": [{"type": "text", "text": self.fake.reply}], "stop_reason": "end_turn",
                   "stop_sequence": None, "usage": self._usage()}
        self._send(200, json.dumps(message).encode(), "application/json")

    def _stream(self, body: dict, behaviour: str) -> None:
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("cache-control", "no-cache")
        self.end_headers()

        def event(name: str, data: dict) -> None:
            self.wfile.write(f"event: {name}\ndata: {json.dumps(data)}\n\n".encode())
            self.wfile.flush()

        usage = self._usage()
        event("message_start", {"type": "message_start", "message": {
            "id": "msg_fake", "type": "message", "role": "assistant", "model": body.get("model"),
            "content": [], "stop_reason": None, "stop_sequence": None,
            "usage": {**usage, "output_tokens": 1}}})
        event("content_block_start", {"type": "content_block_start", "index": 0,
                                      "content_block": {"type": "text", "text": ""}})
        words = self.fake.reply.split(" ")
        for i, word in enumerate(words):
            if behaviour == "error_mid_stream" and i == len(words) // 2:
                event("error", {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}})
                return
            event("content_block_delta", {"type": "content_block_delta", "index": 0,
                                          "delta": {"type": "text_delta", "text": word + (" " if i < len(words) - 1 else "")}})
        event("content_block_stop", {"type": "content_block_stop", "index": 0})
        event("message_delta", {"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": None},
                                "usage": {"output_tokens": usage["output_tokens"]}})
        event("message_stop", {"type": "message_stop"})


class FakeAnthropic:
    """Run with `with FakeAnthropic() as fake:`; `fake.url` is the base URL for the SDK."""

    def __init__(self, reply: str = "You can expect your refund within 5 to 10 business days [1].",
                 delay_s: float = 2.0) -> None:
        self.reply = reply
        self.delay_s = delay_s
        self.behaviours: list[str] = ["ok"]
        self.requests: list[dict] = []
        self._lock = threading.Lock()

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.fake = self
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FakeAnthropic:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
