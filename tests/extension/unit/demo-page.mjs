// The content-script controller on a page under jsdom, with a fake `chrome` recording what it reads and
// sends: shared by the unit tests that start the controller (content, languages). Not a test file itself.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { JSDOM } from "jsdom";
import { start } from "../../../extension/content/main.js";

const HERE = dirname(fileURLToPath(import.meta.url));
export const DEMO = join(HERE, "../../../cli/demo_helpdesk/index.html");
export const ORIGIN = "http://127.0.0.1:8081";
const GLOBALS = ["document", "window", "MutationObserver", "chrome"];
const saved = Object.fromEntries(GLOBALS.map((name) => [name, globalThis[name]]));
const controllers = [];

/** Stop every controller started since the last call and restore the globals (call it in afterEach). */
export function stopControllers() {
  for (const controller of controllers.splice(0)) {
    controller.observer.disconnect();
    controller.teardown();
    clearTimeout(controller.retry.timer);
    clearTimeout(controller.debounce.timer);
    clearTimeout(controller.emptyTimer);
  }
  for (const name of GLOBALS) globalThis[name] = saved[name];
}

/** chrome.storage.local and chrome.runtime as far as the content script uses them, recording calls;
 *  `reply` answers the service worker's one-shot messages. */
export function fakeChrome(stored, reply = () => ({ ok: true, data: {} })) {
  const fake = { gets: [], ports: [], messages: [], listeners: [] };
  fake.storage = {
    local: {
      async get(keys) {
        fake.gets.push(keys);
        if (keys === null || keys === undefined) return structuredClone(stored);
        const out = {};
        for (const key of [].concat(keys)) if (key in stored) out[key] = structuredClone(stored[key]);
        return out;
      },
      async set(values) {
        const changes = {};
        for (const [key, value] of Object.entries(values)) {
          changes[key] = { oldValue: stored[key], newValue: value };
          stored[key] = value;
        }
        fake.listeners.forEach((listener) => listener(changes, "local"));
      },
    },
    onChanged: { addListener: (listener) => fake.listeners.push(listener) },
  };
  fake.runtime = {
    connect({ name } = {}) {
      const port = { name, sent: [], deliver: null };
      port.onMessage = { addListener: (fn) => (port.deliver = fn) };
      port.onDisconnect = { addListener() {} };
      port.postMessage = (message) => port.sent.push(message);
      fake.ports.push(port);
      return port;
    },
    async sendMessage(message) {
      fake.messages.push(message);
      return reply(message);
    },
  };
  fake.assists = () => fake.ports.flatMap((port) => port.sent.filter((m) => m.type === "assist"));
  return fake;
}

/** The demo helpdesk (its own script renders ticket 101), or another page, with the controller started on it. */
export async function demo(stored = {}, { file = DEMO, url = `${ORIGIN}/#ticket/101`, reply } = {}) {
  const dom = new JSDOM(readFileSync(file, "utf8"), { url, runScripts: "dangerously" });
  const win = dom.window;
  if (!win.CSSStyleSheet.prototype.replaceSync) win.CSSStyleSheet.prototype.replaceSync = function replaceSync() {};
  const chrome = fakeChrome(stored, reply);
  Object.assign(globalThis, { document: win.document, window: win, MutationObserver: win.MutationObserver, chrome });
  const controller = await start();
  controllers.push(controller);
  const shadow = () => win.document.getElementById("tandem-overlay")?.shadowRoot || null;
  const status = () => shadow()?.querySelector('[data-tandem="status"]')?.textContent || "";
  return { win, chrome, controller, shadow, status };
}

export const settle = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms));
