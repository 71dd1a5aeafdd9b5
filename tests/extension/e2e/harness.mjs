// End-to-end harness: the real backend (uvicorn on loopback, offline engine, demo KB), a static
// server for fixture pages, and Debian's Chromium with the unpacked extension, driven by playwright-core.
import { spawn, execFileSync } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, "../../..");
export const EXTENSION = join(REPO, "extension");
/** The CLI the backend runs from; TANDEM_BIN points elsewhere (e.g. a build of another commit). */
export const TANDEM = process.env.TANDEM_BIN || join(REPO, ".venv/bin/tandem");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".json": "application/json" };

/** Static files: /fixtures/* (test pages), /demo/* (the demo helpdesk), /node_modules/* (editor libraries). */
export async function startPageServer() {
  const roots = {
    "/fixtures/": join(REPO, "tests/extension/fixtures"),
    "/demo/": join(REPO, "cli/demo_helpdesk"),
    "/node_modules/": join(REPO, "tests/extension/node_modules"),
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const prefix = Object.keys(roots).find((p) => path.startsWith(p));
    if (!prefix) {
      res.writeHead(404).end("not found");
      return;
    }
    let file = normalize(join(roots[prefix], path.slice(prefix.length)));
    if (!file.startsWith(roots[prefix])) {
      res.writeHead(403).end();
      return;
    }
    if (path.endsWith("/")) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] || "application/octet-stream", "Cache-Control": "no-store" });
    res.end(readFileSync(file));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  // Chromium keeps speculative connections open; close them rather than wait for their timeouts.
  const close = () => new Promise((r) => {
    server.close(r);
    server.closeAllConnections();
  });
  return { server, base: `http://127.0.0.1:${server.address().port}`, close };
}

function freePort() {
  return new Promise((resolvePort) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/** A data dir with the demo KB and an agent token; `start()`/`stop()` the API on a fixed port. */
export async function prepareBackend() {
  const dataDir = mkdtempSync(join(tmpdir(), "tandem-e2e-"));
  const env = { ...process.env, TANDEM_DATA_DIR: dataDir, TANDEM_LLM: "extractive", HF_HUB_OFFLINE: "1", TOKENIZERS_PARALLELISM: "false" };
  execFileSync(TANDEM, ["kb", "import", join(REPO, "kb"), "--source", "demo"], { env, stdio: "ignore" });
  const token = execFileSync(TANDEM, ["users", "add", "e2e-agent", "--role", "agent"], { env }).toString().trim();
  const port = await freePort();
  const backend = {
    dataDir,
    token,
    port,
    url: `http://127.0.0.1:${port}`,
    process: null,
    async start() {
      this.process = spawn(TANDEM, ["serve", "--host", "127.0.0.1", "--port", String(port)], { env, stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      this.process.stderr.on("data", (chunk) => (stderr += chunk));
      const deadline = Date.now() + 90_000;
      while (Date.now() < deadline) {
        if (this.process.exitCode !== null) throw new Error(`backend exited: ${stderr}`);
        try {
          const response = await fetch(`${this.url}/healthz`);
          if (response.ok) return;
        } catch {
          /* not up yet */
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`backend did not start: ${stderr}`);
    },
    async stop() {
      if (!this.process || this.process.exitCode !== null) return;
      this.process.kill("SIGTERM");
      await once(this.process, "exit");
    },
    cleanup() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return backend;
}

async function launchContext(profile) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 860 },
    args: [
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
      "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic",
    ],
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent("serviceworker", { timeout: 30_000 });
  return { context, worker };
}

/**
 * Chromium with the unpacked extension; returns {context, worker, extensionId, setStorage, getStorage,
 * getToken, extensionPage, restart, close}. `context` and `worker` change on `restart()`.
 */
export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), "tandem-chromium-"));
  let { context, worker } = await launchContext(profile);
  let helperPage = null;
  const browser = {
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    /** An extension page (the options page) kept open to act as the options page does. */
    async extensionPage() {
      if (!helperPage || helperPage.isClosed()) {
        helperPage = await browser.context.newPage();
        await helperPage.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
      }
      return helperPage;
    },
    /**
     * Settings as the options page saves them: `token` (with `backendUrl`) goes to the extension's
     * credential store, bound to the backend origin; every other key to chrome.storage.local.
     */
    async setStorage(values) {
      const { token, backendUrl, ...rest } = values;
      if (Object.keys(rest).length) await browser.worker.evaluate((v) => chrome.storage.local.set(v), rest);
      if (token === undefined && backendUrl === undefined) return;
      const page = await browser.extensionPage();
      await page.evaluate(async ({ token, backendUrl }) => {
        const { loadCredentials, saveConnection } = await import("/lib/credentials.js");
        const { DEFAULTS, normalizeBackendUrl } = await import("/lib/settings.js");
        const stored = (await chrome.storage.local.get("backendUrl")).backendUrl;
        const origin = normalizeBackendUrl(backendUrl ?? stored ?? DEFAULTS.backendUrl);
        await saveConnection({ backendUrl: origin, token: token ?? (await loadCredentials())?.token ?? "" });
      }, { token, backendUrl });
    },
    getStorage: (keys) => browser.worker.evaluate((k) => chrome.storage.local.get(k), keys ?? null),
    /** The saved token, read as the options page reads it (null when none). */
    async getToken() {
      const page = await browser.extensionPage();
      return page.evaluate(async () => (await (await import("/lib/credentials.js")).loadCredentials())?.token ?? null);
    },
    /** Close Chromium and start it again on the same profile (a browser restart). */
    async restart() {
      helperPage = null;
      await browser.context.close();
      ({ context, worker } = await launchContext(profile));
      browser.context = context;
      browser.worker = worker;
    },
    async close() {
      await browser.context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return browser;
}

/**
 * Evaluate `expression` (a string; promises are awaited) in the extension's content-script world
 * of `page`, through the DevTools protocol. Returns the JSON value.
 */
export async function evaluateInContentScript(page, expression) {
  const cdp = await page.context().newCDPSession(page);
  const contexts = [];
  cdp.on("Runtime.executionContextCreated", ({ context }) => contexts.push(context));
  await cdp.send("Runtime.enable");
  const isolated = contexts.find((c) => c.auxData?.type === "isolated" && c.origin?.startsWith("chrome-extension://"));
  if (!isolated) throw new Error(`no content-script world in ${page.url()}: ${JSON.stringify(contexts)}`);
  const { result, exceptionDetails } = await cdp.send("Runtime.evaluate", {
    expression, contextId: isolated.id, awaitPromise: true, returnByValue: true,
  });
  await cdp.detach();
  if (exceptionDetails) throw new Error(`content-script evaluation failed: ${JSON.stringify(exceptionDetails)}`);
  return result.value;
}

/** A loopback proxy in front of `target` that counts requests by "METHOD /path"; `counts()`, `close()`. */
export async function startCountingProxy(target) {
  const seen = new Map();
  const server = createServer((req, res) => {
    const key = `${req.method} ${new URL(req.url, "http://x").pathname}`;
    seen.set(key, (seen.get(key) || 0) + 1);
    const upstream = httpRequest(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    count: (key) => seen.get(key) || 0,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  };
}

/** Locator inside the overlay's open shadow root (Playwright pierces open shadow roots). */
export const overlay = (page, hook) => page.locator(`#tandem-overlay [data-tandem="${hook}"]`);
