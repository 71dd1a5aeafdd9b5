"""A loopback stand-in for an OpenAI-compatible Chat Completions server (Ollama, vLLM, llama.cpp, OpenAI),
speaking the real wire format: POST /v1/chat/completions answered as JSON, or as SSE over HTTP/1.1
chunked transfer encoding (`data: {...}` lines, `data: [DONE]`), as those servers do.

Tests queue behaviours; each request pops one (the last one repeats):
  ok           OpenAI: usage in a chunk of its own (choices []), only when stream_options asks for it
  ollama       usage only in the final content chunk (the one with finish_reason), role sent with content
  vllm         role-only first chunk, `stop_reason` extras, usage only when stream_options asks for it
  strict       like vllm, but a body with a field it does not know (stream_options) gets 400
  no_usage     never any usage, not even in JSON
  finish_length / finish_eos / finish_null / finish_content_filter   that finish_reason on the last chunk
               (null: none at all)
  429 / 500    an error body with that status (429 says retry-after: 0)
  drop         the connection is cut mid-stream (no terminating chunk), or mid-body for JSON
  slow         waits `delay_s` before answering; stall: waits `delay_s` in the middle of the stream
  malformed    a chunk that is not JSON; error_chunk: an `{"error": ...}` chunk mid-stream, as vLLM sends
  empty        a well-formed stream (or message) with no text
`reply` is the text, or a function of the request body returning it (to cite a passage by its marker).
A model not in `models` gets 404 with Ollama's error body. Every request is recorded (headers and body);
`Authorization: Bearer ...` and no auth are both accepted.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PROMPT_TOKENS = 812
KNOWN_FIELDS = {"model", "messages", "max_tokens", "stream", "temperature", "top_p", "stop", "n", "seed",
                "presence_penalty", "frequency_penalty", "response_format", "user"}
ERRORS = {429: ("Rate limit reached for requests", "requests", "rate_limit_exceeded"),
          500: ("The server had an error while processing your request.", "server_error", None)}


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """Quiet about clients that hang up (the SDK closes a pooled connection after a timeout)."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    """One request to the fake: recorded, then answered as the fake's next behaviour says."""

    @property
    def fake(self):
        return self.server.fake

    protocol_version = "HTTP/1.1"  # keep-alive and chunked SSE, as uvicorn and cpp-httplib serve

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("content-length", 0)))
        body = json.loads(raw or b"{}")
        with self.fake._lock:
            self.fake.requests.append({"path": self.path, "body": body,
                                       "headers": {k.lower(): v for k, v in self.headers.items()}})
            behaviour = self.fake.behaviours.pop(0) if len(self.fake.behaviours) > 1 else self.fake.behaviours[0]
        auth = self.headers.get("authorization")
        if auth is not None and not auth.startswith("Bearer "):
            return self._error(401, {"error": {"message": "bad auth", "type": "invalid_request_error"}})
        if self.path != "/v1/chat/completions":
            return self._error(404, {"error": "404 page not found"})
        if body.get("model") not in self.fake.models:
            return self._error(404, {"error": {"message": f'model "{body.get("model")}" not found, try '
                                               "pulling it first", "type": "api_error", "param": None,
                                               "code": None}})
        if behaviour in ("429", "500"):
            message, kind, code = ERRORS[int(behaviour)]
            return self._error(int(behaviour), {"error": {"message": message, "type": kind, "param": None,
                                                          "code": code}}, {"retry-after": "0"})
        unknown = sorted(set(body) - KNOWN_FIELDS)
        if behaviour == "strict" and unknown:
            return self._error(400, {"object": "error", "message": f"[{{'type': 'extra_forbidden', 'loc': "
                                     f"('body', '{unknown[0]}'), 'msg': 'Extra inputs are not permitted'}}]",
                                     "type": "BadRequestError", "param": None, "code": 400})
        if behaviour == "slow":
            time.sleep(self.fake.delay_s)
        try:
            if body.get("stream"):
                return self._stream(body, behaviour)
            return self._json(body, behaviour)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (timeout) or stopped reading
            return None

    def _send(self, status: int, payload: bytes, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(payload)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(payload)

    def _error(self, status: int, body: dict, extra: dict | None = None) -> None:
        self._send(status, json.dumps(body).encode(), extra)

    def _cut(self) -> None:
        """Drop the connection the way a crashed server or a broken proxy does."""
        self.wfile.flush()
        self.connection.shutdown(socket.SHUT_RDWR)
        self.close_connection = True

    def _usage(self, words: int) -> dict:
        return {"prompt_tokens": PROMPT_TOKENS, "completion_tokens": words,
                "total_tokens": PROMPT_TOKENS + words}

    def _json(self, body: dict, behaviour: str) -> None:
        text = "" if behaviour == "empty" else self.fake.text_for(body)
        message = {"id": "chatcmpl-fake", "object": "chat.completion", "created": int(time.time()),
                   "model": body["model"], "system_fingerprint": "fp_fake",
                   "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                                "logprobs": None, "finish_reason": "stop"}]}
        if behaviour != "no_usage":
            message["usage"] = self._usage(len(text.split()))
        payload = json.dumps(message).encode()
        if behaviour == "drop":
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload[: len(payload) // 2])
            return self._cut()
        if behaviour == "malformed":
            return self._send(200, payload[: len(payload) // 2])
        self._send(200, payload)

    def _stream(self, body: dict, behaviour: str) -> None:
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.send_header("cache-control", "no-cache")
        self.send_header("transfer-encoding", "chunked")
        self.end_headers()

        def write(data: str) -> None:
            raw = data.encode()
            self.wfile.write(f"{len(raw):x}\r\n".encode() + raw + b"\r\n")
            self.wfile.flush()

        def chunk(delta: dict, finish: str | None = None, usage: dict | None = None,
                  choices: bool = True) -> None:
            data: dict = {"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": int(time.time()),
                          "model": body["model"], "system_fingerprint": "fp_fake", "choices": []}
            if choices:
                choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
                if behaviour in ("vllm", "strict"):
                    choice["stop_reason"] = None
                data["choices"] = [choice]
            if usage is not None:
                data["usage"] = usage
            write(f"data: {json.dumps(data)}\n\n")

        asked = bool((body.get("stream_options") or {}).get("include_usage"))
        words = [] if behaviour == "empty" else self.fake.text_for(body).split(" ")
        pieces = [w + (" " if i < len(words) - 1 else "") for i, w in enumerate(words)]
        if behaviour == "ollama":
            first = {"role": "assistant", "content": pieces[0] if pieces else ""}
            pieces = pieces[1:]
        else:
            first = {"role": "assistant", "content": ""}  # role-only, as OpenAI and vLLM start
        chunk(first)
        for i, piece in enumerate(pieces):
            if i == len(pieces) // 2:
                if behaviour == "drop":
                    return self._cut()
                if behaviour == "malformed":
                    write('data: {"id": "chatcmpl-fake", "choices": [{"index": 0, "delta": {"content": "x\n\n')
                if behaviour == "error_chunk":
                    write('data: {"error": {"object": "error", "message": "CUDA out of memory", '
                          '"type": "InternalServerError", "param": null, "code": 500}}\n\n')
                    write("data: [DONE]\n\n")
                    write("")
                    return None
                if behaviour == "stall":
                    time.sleep(self.fake.delay_s)
                chunk({"content": ""})  # an empty delta, as llama.cpp and Ollama sometimes send
            chunk({"content": piece})
        finish = {"finish_length": "length", "finish_eos": "eos", "finish_null": None,
                  "finish_content_filter": "content_filter"}.get(behaviour, "stop")
        usage = self._usage(len(words))
        if behaviour == "ollama":
            chunk({"content": ""}, finish, usage)
        elif finish is not None:
            chunk({}, finish)
        if asked and behaviour not in ("ollama", "no_usage"):
            chunk({}, usage=usage, choices=False)
        write("data: [DONE]\n\n")
        write("")  # the terminating zero-length chunk


class FakeOpenAI:
    """Run with `with FakeOpenAI() as fake:`; `fake.url` is the base URL (`.../v1`) for the SDK."""

    def __init__(self, reply: str | Callable[[dict], str] = "You can expect your refund within 5 to 10 business days [1].",
                 models: tuple[str, ...] = ("llama3.2",), delay_s: float = 2.0) -> None:
        self.reply = reply
        self.models = models
        self.delay_s = delay_s
        self.behaviours: list[str] = ["ok"]
        self.requests: list[dict] = []
        self._lock = threading.Lock()

        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/v1"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def text_for(self, body: dict) -> str:
        """The reply to this request."""
        return self.reply(body) if callable(self.reply) else self.reply

    def bodies(self) -> list[dict]:
        """The JSON bodies received so far, in order."""
        with self._lock:
            return [r["body"] for r in self.requests]

    def __enter__(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
