// @ts-check
// Service worker: the only place that talks to the Tandem backend and the only reader of the token
// (kept in the extension origin's IndexedDB, lib/credentials.js). Content scripts get results, never
// credentials: no message they can send returns the token or sends it anywhere but the saved backend.
import { loadCredentials, migrateLegacyToken } from "./lib/credentials.js";
import { BackendError, request } from "./lib/http.js";
import { DEFAULTS, forBackend, normalizeBackendUrl } from "./lib/settings.js";
import { SSEParser } from "./lib/sse.js";
import { SITES_KEY, legacyConsent } from "./lib/sites.js";

const CONTENT_SCRIPT_ID = "tandem-custom-domains";
const LEGACY_VERSION = /^0\.1\./; // stored the token in chrome.storage.local, read any page without consent

// --- settings ------------------------------------------------------------------------------

// A token left in chrome.storage.local by version 0.1.x moves to the credential store before the
// first request (every start checks; the move happens once).
const migrated = migrateLegacyToken(normalizeBackendUrl, DEFAULTS.backendUrl).catch((error) => {
  console.warn("[tandem] token migration failed", error);
});

// Defaults are applied when settings are read, never written: installing or updating the
// extension cannot overwrite (or race with) what the user saved. The one write, on update from
// 0.1.x, only adds the sites the agent already had Tandem read.
chrome.runtime.onInstalled.addListener(async (details) => {
  await syncCustomDomains();
  if (details.reason === "update" && LEGACY_VERSION.test(details.previousVersion || "")) await keepLegacyConsent();
});

chrome.runtime.onStartup.addListener(syncCustomDomains);

/** Backend origin and token; the token is only handed out for the origin it was saved for. */
async function settings() {
  await migrated;
  const [{ backendUrl: rawUrl }, credentials] = await Promise.all([chrome.storage.local.get("backendUrl"), loadCredentials()]);
  let backendUrl;
  try {
    backendUrl = normalizeBackendUrl(rawUrl || DEFAULTS.backendUrl);
  } catch (error) {
    throw new BackendError("config", error.message);
  }
  if (credentials && credentials.origin !== backendUrl) {
    throw new BackendError("config", `The backend URL changed to ${backendUrl} after the token was saved: save the connection again in Tandem's options.`);
  }
  return { backendUrl, token: credentials?.token || "" };
}

/** The conversation with the customer's id and e-mail left out when the agent turned linking off. */
async function outgoing(conversation) {
  const { linkCustomers = DEFAULTS.linkCustomers } = await chrome.storage.local.get("linkCustomers");
  return forBackend(conversation, linkCustomers);
}

/** Sites that 0.1.x read because the agent added or taught them stay enabled after the update. */
async function keepLegacyConsent() {
  /** @type {Record<string, any>} */
  const stored = await chrome.storage.local.get(null); // the service worker is a trusted context
  const origins = legacyConsent(stored);
  if (!origins.length) return;
  const sites = { ...(stored[SITES_KEY] || {}) };
  for (const origin of origins) sites[origin] = true;
  await chrome.storage.local.set({ [SITES_KEY]: sites });
}

/** Only the extension's own pages (options, popup) may test other URLs or change registrations. */
function fromExtensionPage(sender) {
  const own = chrome.runtime.getURL("");
  return sender.id === chrome.runtime.id && typeof sender.url === "string" && sender.url.startsWith(own) &&
    (sender.origin === undefined || `${sender.origin}/` === own);
}

function failureOf(error) {
  return error instanceof BackendError ? error.toJSON() : { kind: "offline", message: String(error?.message || error) };
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
  let response;
  try {
    response = await request("/v1/assist", {
      ...(await settings()), method: "POST", body: await outgoing(conversation), accept: "text/event-stream", signal,
      onRetry: (info) => post({ type: "retrying", ...info }),
    });
  } catch (error) {
    if (error?.name !== "AbortError") post({ type: "failure", error: failureOf(error) });
    return;
  }
  try {
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
    // The backend answered and then the stream broke: it may have stored the request, so this is
    // reported, not retried.
    post({ type: "failure", error: { kind: "interrupted", message: "The answer stream was interrupted." } });
  }
}

// --- one-shot requests ---------------------------------------------------------------------

const HANDLERS = {
  async summary({ conversation }) {
    const response = await request("/v1/summaries", { ...(await settings()), method: "POST", body: await outgoing(conversation) });
    return response.json();
  },
  async rewrite({ body }) {
    const response = await request("/v1/rewrite", { ...(await settings()), method: "POST", body });
    return response.json();
  },
  async feedback({ body }) {
    const response = await request("/v1/feedback", { ...(await settings()), method: "POST", body });
    return response.json();
  },
  /** Health + identity check; the options page passes unsaved values as `override`. */
  async test({ override }) {
    let current;
    if (override) {
      try {
        current = { backendUrl: normalizeBackendUrl(override.backendUrl), token: String(override.token || "") };
      } catch (error) {
        throw new BackendError("config", error.message);
      }
    } else {
      current = await settings();
    }
    let health;
    try {
      const response = await fetch(`${current.backendUrl}/healthz`, { cache: "no-store", credentials: "omit" });
      health = await response.json();
    } catch {
      throw new BackendError("offline", `Can't reach Tandem at ${current.backendUrl}. Is the backend running?`);
    }
    const me = await (await request("/v1/me", current)).json();
    return { health, me: { name: me.name, role: me.role } };
  },
  async syncDomains() {
    await syncCustomDomains();
    return { ok: true };
  },
};

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const handler = HANDLERS[message?.type];
  if (!handler) return false;
  if ((message.type === "test" && message.override && !fromExtensionPage(sender)) || (message.type === "syncDomains" && !fromExtensionPage(sender))) {
    sendResponse({ ok: false, error: { kind: "forbidden", message: "Not allowed from a web page." } });
    return false;
  }
  handler(message)
    .then((data) => sendResponse({ ok: true, data }))
    .catch((error) => sendResponse({ ok: false, error: failureOf(error) }));
  return true; // async response
});

// --- custom helpdesk domains ------------------------------------------------------------------

/** Register the content script on user-added domains the user granted access to. */
async function syncCustomDomains() {
  /** @type {{customDomains?: string[]}} */
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
