// Service worker: the only place that talks to the Tandem backend. The token never leaves
// chrome.storage.local and extension contexts; content scripts see results, never credentials.
import { SSEParser } from "./lib/sse.js";
import { DEFAULTS, normalizeBackendUrl } from "./lib/settings.js";

const RETRY_DELAYS_MS = [300, 1000, 2500]; // before a request is reported as failed
const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const CONTENT_SCRIPT_ID = "tandem-custom-domains";

// --- settings ------------------------------------------------------------------------------

// Defaults are applied when settings are read, never written: installing or updating the
// extension cannot overwrite (or race with) what the user saved.
chrome.runtime.onInstalled.addListener(syncCustomDomains);

chrome.runtime.onStartup.addListener(syncCustomDomains);

async function settings() {
  const stored = await chrome.storage.local.get(["backendUrl", "token"]);
  return { backendUrl: stored.backendUrl || DEFAULTS.backendUrl, token: stored.token || "" };
}

// --- HTTP ----------------------------------------------------------------------------------

/** A failure the overlay can explain: kind is offline | auth | forbidden | config | client | server. */
class BackendError extends Error {
  constructor(kind, message, status = 0) {
    super(message);
    this.kind = kind;
    this.status = status;
  }

  toJSON() {
    return { kind: this.kind, message: this.message, status: this.status };
  }
}

async function explain(response, backendUrl) {
  let detail = "";
  try {
    const body = await response.json();
    detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail ?? "");
  } catch {
    /* not JSON: keep the status line */
  }
  const status = response.status;
  if (status === 401) return new BackendError("auth", "Token rejected: set a valid token in Tandem's options.", status);
  if (status === 403) return new BackendError("forbidden", "This token's role may not do that.", status);
  if (status === 413) return new BackendError("client", `Conversation too large for Tandem: ${detail}`, status);
  if (status >= 500 || RETRYABLE_STATUS.has(status)) {
    return new BackendError("server", `Tandem at ${backendUrl} answered ${status}. ${detail}`.trim(), status);
  }
  return new BackendError("client", `Tandem refused the request (${status}): ${detail}`, status);
}

/** fetch with bounded retries on network errors and 429/5xx; throws BackendError. */
async function request(path, { method = "GET", body, accept = "application/json", signal, override } = {}) {
  const { backendUrl: rawUrl, token } = override || (await settings());
  let backendUrl;
  try {
    backendUrl = normalizeBackendUrl(rawUrl);
  } catch (error) {
    throw new BackendError("config", error.message);
  }
  if (!token) throw new BackendError("auth", "No token yet: paste one in Tandem's options (tandem users add NAME).");
  const init = {
    method,
    signal,
    headers: { Authorization: `Bearer ${token}`, Accept: accept },
    credentials: "omit",
    cache: "no-store",
  };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let lastError;
  for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt += 1) {
    try {
      const response = await fetch(`${backendUrl}${path}`, init);
      if (response.ok) return response;
      lastError = await explain(response, backendUrl);
      if (!RETRYABLE_STATUS.has(response.status)) throw lastError;
    } catch (error) {
      if (error instanceof BackendError && !RETRYABLE_STATUS.has(error.status)) throw error;
      if (error?.name === "AbortError") throw error;
      if (!(error instanceof BackendError)) {
        lastError = new BackendError("offline", `Can't reach Tandem at ${backendUrl}. Is the backend running?`);
      }
    }
    if (attempt < RETRY_DELAYS_MS.length) await sleep(RETRY_DELAYS_MS[attempt], signal);
  }
  throw lastError;
}

function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(new DOMException("aborted", "AbortError"));
    });
  });
}

// --- streaming suggestions over a port ------------------------------------------------------

chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== "tandem-assist") return;
  const controllers = new Map();
  port.onDisconnect.addListener(() => controllers.forEach((controller) => controller.abort()));
  port.onMessage.addListener((message) => {
    if (message?.type === "cancel") {
      controllers.get(message.id)?.abort();
      return;
    }
    if (message?.type !== "assist") return;
    const controller = new AbortController();
    controllers.set(message.id, controller);
    streamAssist(port, message, controller.signal).finally(() => controllers.delete(message.id));
  });
});

async function streamAssist(port, { id, conversation }, signal) {
  const post = (payload) => {
    try {
      port.postMessage({ id, ...payload });
    } catch {
      /* the tab went away */
    }
  };
  try {
    const response = await request("/v1/assist", { method: "POST", body: conversation, accept: "text/event-stream", signal });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new SSEParser();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      for (const { event, data } of parser.push(value)) {
        let parsed;
        try {
          parsed = JSON.parse(data);
        } catch {
          continue;
        }
        post({ type: "event", event, data: parsed });
      }
    }
    post({ type: "end" });
  } catch (error) {
    if (error?.name === "AbortError") return;
    const failure = error instanceof BackendError ? error.toJSON() : { kind: "offline", message: String(error?.message || error) };
    post({ type: "failure", error: failure });
  }
}

// --- one-shot requests ---------------------------------------------------------------------

const HANDLERS = {
  async summary({ conversation }) {
    const response = await request("/v1/summaries", { method: "POST", body: conversation });
    return response.json();
  },
  async feedback({ body }) {
    const response = await request("/v1/feedback", { method: "POST", body });
    return response.json();
  },
  /** Health + identity check; the options page passes unsaved values as `override`. */
  async test({ override }) {
    const current = override || (await settings());
    let backendUrl;
    try {
      backendUrl = normalizeBackendUrl(current.backendUrl);
    } catch (error) {
      throw new BackendError("config", error.message);
    }
    let health;
    try {
      const response = await fetch(`${backendUrl}/healthz`, { cache: "no-store", credentials: "omit" });
      health = await response.json();
    } catch {
      throw new BackendError("offline", `Can't reach Tandem at ${backendUrl}. Is the backend running?`);
    }
    const me = await (await request("/v1/me", { override: { backendUrl, token: current.token } })).json();
    return { health, me };
  },
  async syncDomains() {
    await syncCustomDomains();
    return { ok: true };
  },
};

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const handler = HANDLERS[message?.type];
  if (!handler) return false;
  // Only our own pages may test arbitrary URLs or change registrations.
  const fromExtensionPage = sender.url?.startsWith(chrome.runtime.getURL(""));
  if ((message.type === "test" && message.override && !fromExtensionPage) || (message.type === "syncDomains" && !fromExtensionPage)) {
    sendResponse({ ok: false, error: { kind: "forbidden", message: "Not allowed from a web page." } });
    return false;
  }
  handler(message)
    .then((data) => sendResponse({ ok: true, data }))
    .catch((error) => {
      const failure = error instanceof BackendError ? error.toJSON() : { kind: "offline", message: String(error?.message || error) };
      sendResponse({ ok: false, error: failure });
    });
  return true; // async response
});

// --- custom helpdesk domains ------------------------------------------------------------------

/** Register the content script on user-added domains the user granted access to. */
async function syncCustomDomains() {
  const { customDomains = [] } = await chrome.storage.local.get("customDomains");
  const granted = [];
  for (const pattern of customDomains) {
    if (await chrome.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  if (existing.length) await chrome.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  if (!granted.length) return;
  await chrome.scripting.registerContentScripts([
    { id: CONTENT_SCRIPT_ID, matches: granted, js: ["content/loader.js"], runAt: "document_idle", persistAcrossSessions: true },
  ]);
}
