// The service worker's HTTP rules (extension/lib/http.js) and error messages (lib/errors.js): which
// failures are retried, which never are, and what the agent is told.
import assert from "node:assert/strict";
import { test } from "node:test";
import { BackendError, request, retryAfterSeconds } from "../../../extension/lib/http.js";
import { sseErrorMessage, serverErrorMessage } from "../../../extension/lib/errors.js";

const BACKEND = "http://127.0.0.1:8080";
const REQUEST_ID = "3f2a1b9c-77d0-4b1e-9d3c-0123456789ab";

/** A fetch that answers from a list (a Response, or an Error to throw) and records each call. */
function scripted(...answers) {
  const calls = [];
  const fetchImpl = async (url, init) => {
    calls.push({ url, method: init.method, headers: init.headers });
    const next = answers.length > 1 ? answers.shift() : answers[0];
    if (next instanceof Error) throw next;
    return typeof next === "function" ? next() : next.clone();
  };
  return { fetchImpl, calls };
}

const jsonResponse = (status, body, headers = {}) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
const ok = () => jsonResponse(200, { ok: true });

function options(extra = {}) {
  const waits = [];
  return { backendUrl: BACKEND, token: "t0k3n", wait: async (ms) => void waits.push(ms), waits, ...extra };
}

for (const path of ["/v1/assist", "/v1/summaries", "/v1/feedback"]) {
  test(`POST ${path} answered 500 is sent once, and the agent gets the request id, not internals`, async () => {
    const { fetchImpl, calls } = scripted(jsonResponse(500, { status_code: 500, detail: "Internal Server Error", request_id: REQUEST_ID }));
    const opts = options({ fetchImpl });
    await assert.rejects(request(path, { ...opts, method: "POST", body: { messages: [] } }), (error) => {
      assert.ok(error instanceof BackendError);
      assert.equal(error.kind, "server");
      assert.equal(error.requestId, REQUEST_ID);
      assert.equal(error.message, "Tandem failed on the server (request 3f2a1b9c…). Try again.");
      return true;
    });
    assert.equal(calls.length, 1);
    assert.deepEqual(opts.waits, []);
  });
}

test("POSTs are not retried after 502/503/504 either; GETs are, as before", async () => {
  for (const status of [502, 503, 504]) {
    const post = scripted(jsonResponse(status, { detail: "busy" }));
    await assert.rejects(request("/v1/assist", { ...options({ fetchImpl: post.fetchImpl }), method: "POST", body: {} }), { kind: "server" });
    assert.equal(post.calls.length, 1, `POST after ${status}`);
  }
  const get = scripted(jsonResponse(503, { detail: "busy" }), jsonResponse(503, { detail: "busy" }), ok());
  const response = await request("/v1/kb/search?q=x", options({ fetchImpl: get.fetchImpl }));
  assert.equal(response.status, 200);
  assert.equal(get.calls.length, 3);
  const get500 = scripted(jsonResponse(500, { detail: "boom" }));
  await assert.rejects(request("/v1/me", options({ fetchImpl: get500.fetchImpl })), { kind: "server" });
  assert.equal(get500.calls.length, 1, "500 was never retried");
});

test("a network error before any response is retried, for POSTs too, then reported as offline", async () => {
  const flaky = scripted(new TypeError("Failed to fetch"), ok());
  const opts = options({ fetchImpl: flaky.fetchImpl });
  assert.equal((await request("/v1/assist", { ...opts, method: "POST", body: {} })).status, 200);
  assert.equal(flaky.calls.length, 2);
  assert.deepEqual(opts.waits, [300]);
  const down = scripted(new TypeError("Failed to fetch"));
  await assert.rejects(request("/v1/feedback", { ...options({ fetchImpl: down.fetchImpl }), method: "POST", body: {} }), { kind: "offline" });
  assert.equal(down.calls.length, 4);
});

test("429 with Retry-After waits that long, says so, and retries a POST", async () => {
  const limited = scripted(jsonResponse(429, { detail: "slow down" }, { "Retry-After": "2" }), ok());
  const heard = [];
  const opts = options({ fetchImpl: limited.fetchImpl, onRetry: (info) => heard.push(info) });
  assert.equal((await request("/v1/assist", { ...opts, method: "POST", body: {} })).status, 200);
  assert.equal(limited.calls.length, 2);
  assert.deepEqual(opts.waits, [2000]);
  assert.deepEqual(heard, [{ reason: "rate_limited", seconds: 2 }]);
});

test("a Retry-After longer than a minute is handed back instead of waited out", async () => {
  const limited = scripted(jsonResponse(429, {}, { "Retry-After": "120" }));
  const opts = options({ fetchImpl: limited.fetchImpl });
  await assert.rejects(request("/v1/assist", { ...opts, method: "POST", body: {} }), (error) => error.kind === "rate_limited" && error.retryAfter === 120);
  assert.equal(limited.calls.length, 1);
  assert.deepEqual(opts.waits, []);
});

test("Retry-After is read as seconds or as an HTTP date", () => {
  assert.equal(retryAfterSeconds("7"), 7);
  assert.equal(retryAfterSeconds(new Date(Date.UTC(2026, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2026, 0, 1)), 30);
  assert.equal(retryAfterSeconds(null), undefined);
  assert.equal(retryAfterSeconds("soon"), undefined);
});

test("auth, size and old-style 5xx answers keep their messages; the token is sent as a bearer", async () => {
  const denied = scripted(jsonResponse(401, { detail: "bad token" }));
  await assert.rejects(request("/v1/assist", { ...options({ fetchImpl: denied.fetchImpl }), method: "POST", body: {} }), { kind: "auth" });
  assert.equal(denied.calls[0].headers.Authorization, "Bearer t0k3n");
  const old = scripted(jsonResponse(500, { detail: "Internal Server Error" }));
  await assert.rejects(request("/v1/summaries", { ...options({ fetchImpl: old.fetchImpl }), method: "POST", body: {} }),
    { kind: "server", message: `Tandem at ${BACKEND} answered 500. Internal Server Error` });
  const header = scripted(() => new Response("oops", { status: 500, headers: { "X-Request-ID": "abc123" } }));
  await assert.rejects(request("/v1/assist", { ...options({ fetchImpl: header.fetchImpl }), method: "POST", body: {} }),
    { requestId: "abc123", message: "Tandem failed on the server (request abc123). Try again." });
  await assert.rejects(request("/v1/assist", { ...options(), token: "", method: "POST" }), { kind: "auth" });
});

test("SSE error events: new {code, request_id} and old {detail} shapes both give a human line", () => {
  assert.equal(sseErrorMessage({ code: "internal", request_id: REQUEST_ID }), "Tandem failed while answering (request 3f2a1b9c…). Try again.");
  assert.equal(sseErrorMessage({ code: "llm_timeout", request_id: "short" }), "The AI model took too long to answer (request short). Try again.");
  assert.equal(sseErrorMessage({ detail: "RuntimeError: boom" }), "Tandem failed while answering: RuntimeError: boom. Try again.");
  assert.equal(sseErrorMessage({}), "Tandem failed while answering. Try again.");
  assert.equal(sseErrorMessage({ code: "internal_error", request_id: "-" }), "Tandem failed while answering. Try again.");
  assert.equal(sseErrorMessage(null), "Tandem failed while answering. Try again.");
  assert.equal(serverErrorMessage(503, { status_code: 503, detail: "x", request_id: REQUEST_ID }, undefined, BACKEND), "Tandem failed on the server (request 3f2a1b9c…). Try again.");
});
