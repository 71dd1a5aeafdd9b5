// The content-script controller (extension/content/main.js) on the demo helpdesk under jsdom, with
// a fake `chrome`: which storage keys it reads, when it may read a page and post it, and how it
// reports failures it must not retry on its own.
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { afterEach, test } from "node:test";
import { fileURLToPath } from "node:url";
import { contentScriptKeys } from "../../../extension/lib/settings.js";
import { ORIGIN, demo, settle, stopControllers } from "./demo-page.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ZENDESK = join(HERE, "../fixtures/zendesk.html");

afterEach(stopControllers);

test("the content script reads only the keys it needs, never the whole storage", async () => {
  const { chrome } = await demo({ enabledSites: { [ORIGIN]: true }, token: "legacy-secret", backendUrl: "http://127.0.0.1:8080" });
  assert.ok(chrome.gets.length >= 1);
  for (const keys of chrome.gets) {
    assert.notEqual(keys, null, "never get(null)");
    assert.ok(Array.isArray(keys) || typeof keys === "string");
    assert.ok(![].concat(keys).includes("token"));
  }
  assert.deepEqual(chrome.gets[0], contentScriptKeys(ORIGIN));
  assert.equal(chrome.assists().length, 1, "an enabled site is read and sent");
});

test("a generic page is not read or sent until the agent enables its origin, and stops when disabled", async () => {
  const { chrome, shadow, win } = await demo({});
  await settle();
  assert.equal(chrome.assists().length, 0, "nothing posted before consent");
  assert.equal(shadow(), null, "no overlay before consent");

  await chrome.storage.local.set({ enabledSites: { "http://other.example": true } });
  await settle();
  assert.equal(chrome.assists().length, 0, "another origin's consent does not count");

  await chrome.storage.local.set({ enabledSites: { "http://other.example": true, [ORIGIN]: true } });
  await settle();
  const [assist] = chrome.assists();
  assert.ok(assist, "read once enabled");
  assert.equal(assist.conversation.helpdesk, "generic");
  assert.match(assist.conversation.messages[0].text, /walnut side table/);
  assert.equal(shadow().querySelector('[data-tandem="site"]').textContent, "Reading 127.0.0.1:8081 — stop");

  shadow().querySelector('[data-tandem="site-stop"]').click();
  await settle();
  assert.equal(shadow(), null, "the overlay leaves");
  assert.deepEqual((await chrome.storage.local.get("enabledSites")).enabledSites, { "http://other.example": true });
  win.location.hash = "#ticket/103"; // a new ticket on a disabled site
  await settle(400);
  assert.equal(chrome.assists().length, 1, "nothing more posted after stop");
});

test("an SSE error with a request id is shown as a human line and not overwritten when the stream ends", async () => {
  const { chrome, status, shadow } = await demo({ enabledSites: { [ORIGIN]: true } });
  const port = chrome.ports[0];
  const { id } = chrome.assists()[0];
  port.deliver({ id, type: "event", event: "signals", data: { sentiment: { label: "neutral", score: 0 } } });
  port.deliver({ id, type: "event", event: "error", data: { code: "internal", request_id: "3f2a1b9c-77d0-4b1e" } });
  port.deliver({ id, type: "end" });
  assert.equal(status(), "Tandem failed while answering (request 3f2a1b9c…). Try again.");
  assert.equal(shadow().querySelector('[data-tandem="status"]').dataset.requestId, "3f2a1b9c-77d0-4b1e");
  assert.equal(shadow().querySelector('[data-tandem="retry"]').hidden, false);
});

test("the context event shows the customer's earlier conversations in the overlay", async () => {
  const { chrome, shadow } = await demo({ enabledSites: { [ORIGIN]: true } });
  const port = chrome.ports[0];
  const { id } = chrome.assists()[0];
  port.deliver({ id, type: "event", event: "signals", data: { sentiment: { label: "neutral", score: 0 } } });
  port.deliver({ id, type: "event", event: "context", data: { previous_conversations: 1, recent: [
    { ticket_id: "98", last_activity_at: "2026-03-02T09:05:00Z", summary: "The lamp arrived broken.", risk: "low",
      escalated: false, open_promises: [{ text: "A refund within 5 days.", due: "2099-03-09T09:05:00Z", status: "open" }] }] } });
  const context = shadow().querySelector('[data-tandem="context"]');
  assert.equal(context.hidden, false);
  assert.equal(context.querySelector('[data-tandem="context-item"]').dataset.ticketId, "98");
  assert.equal(context.querySelector('[data-tandem="promise"]').dataset.status, "open");
});

test("a server failure is not asked again on its own; Try again asks once", async (t) => {
  const { chrome, status, shadow } = await demo({ enabledSites: { [ORIGIN]: true } });
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const port = chrome.ports[0];
  const { id } = chrome.assists()[0];
  port.deliver({ id, type: "failure", error: { kind: "server", message: "Tandem failed on the server (request abc). Try again.", requestId: "abc" } });
  assert.equal(status(), "Tandem failed on the server (request abc). Try again.");
  t.mock.timers.tick(60_000);
  assert.equal(chrome.assists().length, 1, "no automatic second POST");
  shadow().querySelector('[data-tandem="retry"]').click();
  assert.equal(chrome.assists().length, 2);
});

test("rate limiting is shown with its wait, then asked again; an unreachable backend is retried as before", async (t) => {
  const { chrome, status } = await demo({ enabledSites: { [ORIGIN]: true } });
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const port = chrome.ports[0];
  let { id } = chrome.assists()[0];
  port.deliver({ id, type: "retrying", reason: "rate_limited", seconds: 3 });
  assert.equal(status(), "Rate limited, retrying in 3 s.");
  port.deliver({ id, type: "failure", error: { kind: "rate_limited", message: "Tandem is rate limited.", retryAfter: 90 } });
  assert.equal(status(), "Rate limited, retrying in 90 s.");
  t.mock.timers.tick(89_000);
  assert.equal(chrome.assists().length, 1);
  t.mock.timers.tick(1_000);
  assert.equal(chrome.assists().length, 2);
  ({ id } = chrome.assists()[1]);
  port.deliver({ id, type: "failure", error: { kind: "offline", message: "Can't reach Tandem." } });
  assert.match(status(), /Can't reach Tandem\. Retrying in 2 s\./);
  t.mock.timers.tick(2_000);
  assert.equal(chrome.assists().length, 3);
});

test("a named adapter on its own domain needs no consent; the same page elsewhere does", async () => {
  const own = await demo({}, { file: ZENDESK, url: "https://acme.zendesk.com/agent/tickets/4821" });
  assert.equal(own.chrome.assists().length, 1);
  assert.equal(own.chrome.assists()[0].conversation.helpdesk, "zendesk");
  assert.equal(own.shadow().querySelector('[data-tandem="site"]').hidden, true, "no site line for a named helpdesk");
  const local = await demo({}, { file: ZENDESK, url: `${ORIGIN}/agent/tickets/4821` });
  await settle();
  assert.equal(local.chrome.assists().length, 0, "structure detection off the helpdesk's domain waits for consent");
});

test("teaching a page enables its site, so the taught reader keeps working", async () => {
  const { chrome, controller, shadow, win } = await demo({}, { file: ZENDESK, url: "https://acme.zendesk.com/agent/tickets/4821" });
  const origin = "https://acme.zendesk.com";
  const taught = controller.teach();
  win.document.querySelectorAll('[data-test-id="omni-log-message-content"] p')[2].click();
  win.document.getElementById("zd-editor").click();
  await taught;
  const stored = await chrome.storage.local.get([`taught:${origin}`, "enabledSites"]);
  assert.ok(stored[`taught:${origin}`].message);
  assert.deepEqual(stored.enabledSites, { [origin]: true });
  await settle();
  assert.equal(controller.adapter.name, "taught");
  assert.equal(shadow().querySelector('[data-tandem="site"]').textContent, "Reading acme.zendesk.com — stop");
});
