// A scripted stand-in for the Tandem API on loopback, for overlay tests that need answers the real
// backend would not give on demand (crafted `checks`, 500s, 429s, SSE errors). It speaks the wire
// format of docs/api.md: JSON, and SSE events signals / delta / suggestion / done / error.
import { once } from "node:events";
import { createServer } from "node:http";

/** Start the server; `script(path, handler)` sets how the next requests to a path are answered. */
export async function startFakeBackend() {
  const counts = new Map();
  const handlers = new Map();
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    const key = `${req.method} ${path}`;
    counts.set(key, (counts.get(key) || 0) + 1);
    let body = "";
    for await (const chunk of req) body += chunk;
    const handler = handlers.get(path);
    if (path === "/healthz") return json(res, 200, { status: "ok", articles: 1, engine: "fake" });
    if (path === "/v1/me") return json(res, 200, { id: 1, name: "fake-agent", role: "agent" });
    if (!handler) return json(res, 404, { status_code: 404, detail: "not scripted" });
    try {
      await handler(req, res, body ? JSON.parse(body) : null);
    } catch {
      res.destroy();
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    /** How many requests "METHOD /path" received. */
    count: (key) => counts.get(key) || 0,
    script: (path, handler) => handlers.set(path, handler),
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  };
}

export function json(res, status, body, headers = {}) {
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** Open an SSE response; returns `send(event, data)` and `end()`. */
export function sse(res) {
  res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
  res.flushHeaders();
  return {
    send: (event, data) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
    end: () => res.end(),
  };
}

/** A promise with its resolve function: lets a test hold a stream open until it has looked. */
export function gate() {
  let open;
  const promise = new Promise((resolve) => (open = resolve));
  return { promise, open };
}

export const SIGNALS = { sentiment: { label: "negative", score: -0.4 }, urgency: "normal", escalation: { risk: "low", reasons: [] }, language: "en" };

/** A suggestion object as the backend sends it, with `checks`. */
export function suggestion(overrides = {}) {
  return {
    id: "s-1", kind: "answer", confidence: 0.81, grounded: true,
    text: "Sorry about the delay. We have added a $25 credit to your account and your parcel ships tomorrow.",
    citations: [{ article_id: "delayed-shipment", title: "Delayed shipments", url: "https://help.example/articles/delayed-shipment", chunk_id: 1, quote: "Parcels ship within 2 days." }],
    checks: { cited: true, unsupported: [] },
    ...overrides,
  };
}

/** The whole response object the `done` event carries. */
export function done(suggestions) {
  return { engine: "fake", degraded: false, signals: SIGNALS, suggestions, prompt_version: "fake-1", timing_ms: { retrieval: 1, generation: 1, total: 2 } };
}
