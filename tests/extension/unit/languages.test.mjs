// Issue 24 in the overlay: the note when the answer is not in the customer's language.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, test } from "node:test";
import { fileURLToPath } from "node:url";
import { JSDOM } from "jsdom";
import { start } from "../../../extension/content/main.js";
import { Overlay, languageName, languageNote } from "../../../extension/overlay/overlay.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const DEMO = join(HERE, "../../../cli/demo_helpdesk/index.html");
const ORIGIN = "http://127.0.0.1:8081";
const GLOBALS = ["document", "window", "MutationObserver", "chrome"];
const saved = Object.fromEntries(GLOBALS.map((name) => [name, globalThis[name]]));
const controllers = [];

afterEach(() => {
  for (const controller of controllers.splice(0)) {
    controller.observer.disconnect();
    controller.teardown();
    clearTimeout(controller.retry.timer);
    clearTimeout(controller.debounce.timer);
  }
  for (const name of GLOBALS) globalThis[name] = saved[name];
});

/** A page with the overlay mounted (as in overlay.test.mjs; importing it would run its tests twice). */
function mountOverlay(handlers = {}) {
  const dom = new JSDOM("<body><textarea id=reply></textarea></body>", { url: `${ORIGIN}/#ticket/101` });
  const win = dom.window;
  if (!win.CSSStyleSheet.prototype.replaceSync) win.CSSStyleSheet.prototype.replaceSync = function replaceSync() {};
  const overlay = new Overlay(win.document, handlers).mount();
  return { overlay, $: (selector) => overlay.root.querySelector(selector), $$: (selector) => Array.from(overlay.root.querySelectorAll(selector)) };
}

test("the language note names both languages, and only when they differ", () => {
  assert.equal(languageName("es"), "Spanish");
  assert.equal(languageName("xx"), "xx");
  assert.equal(languageNote("es", "en"), "Customer writes Spanish; the suggested answer is in English.");
  assert.equal(languageNote("es", "es"), null);
  assert.equal(languageNote("es", null), null);
  const { overlay, $ } = mountOverlay();
  const note = $('[data-tandem="language-note"]');
  assert.equal(note.hidden, true);
  overlay.setLanguageNote("de", "en");
  assert.equal(note.hidden, false);
  assert.equal(note.textContent, "Customer writes German; the suggested answer is in English.");
  overlay.clearSuggestions();
  assert.equal(note.hidden, true);
});

/** The demo helpdesk with the controller; `reply` answers the service worker's one-shot messages. */
async function demo(reply) {
  const dom = new JSDOM(readFileSync(DEMO, "utf8"), { url: `${ORIGIN}/#ticket/101`, runScripts: "dangerously" });
  const win = dom.window;
  if (!win.CSSStyleSheet.prototype.replaceSync) win.CSSStyleSheet.prototype.replaceSync = function replaceSync() {};
  const stored = { enabledSites: { [ORIGIN]: true } };
  const fake = { ports: [], messages: [] };
  const chrome = {
    storage: { local: { async get(keys) { return Object.fromEntries([].concat(keys).filter((k) => k in stored).map((k) => [k, stored[k]])); },
      async set() {} }, onChanged: { addListener() {} } },
    runtime: {
      connect() {
        const port = { sent: [], deliver: null, onMessage: { addListener: (fn) => (port.deliver = fn) }, onDisconnect: { addListener() {} } };
        port.postMessage = (message) => port.sent.push(message);
        fake.ports.push(port);
        return port;
      },
      async sendMessage(message) {
        fake.messages.push(message);
        return reply(message);
      },
    },
  };
  Object.assign(globalThis, { document: win.document, window: win, MutationObserver: win.MutationObserver, chrome });
  const controller = await start();
  controllers.push(controller);
  const shadow = () => win.document.getElementById("tandem-overlay").shadowRoot;
  return { win, fake, shadow };
}

test("the done event's languages show the note", async () => {
  const { fake, shadow } = await demo(() => ({ ok: true, data: {} }));
  const port = fake.ports[0];
  const { id } = port.sent.find((m) => m.type === "assist");
  port.deliver({ id, type: "event", event: "done", data: { engine: "extractive", degraded: false, suggestions: [], timing_ms: { total: 5 },
    customer_language: "es", answer_language: "en" } });
  assert.equal(shadow().querySelector('[data-tandem="language-note"]').textContent, "Customer writes Spanish; the suggested answer is in English.");
});

