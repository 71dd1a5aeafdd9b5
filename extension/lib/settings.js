// @ts-check
// Settings kept in chrome.storage.local: names are part of the storage contract (docs/extension.md).
// The token is not one of them: it lives in lib/credentials.js, out of content scripts' reach.

export const DEFAULTS = Object.freeze({
  backendUrl: "http://127.0.0.1:8080",
  collapsed: false,
  enabledHelpdesks: {},
  enabledSites: {},
  customDomains: [],
  // Send the customer's id / e-mail read from the page so the backend can show their earlier conversations
  // (it stores only a keyed hash of them: docs/security.md). Off: those two fields never leave the browser.
  linkCustomers: true,
});

/**
 * The Conversation as the backend may see it: with `linkCustomers` off, the customer's id and e-mail are
 * dropped here, in the service worker, whatever the content script read.
 */
export function forBackend(conversation, linkCustomers) {
  if (linkCustomers !== false || !conversation?.customer) return conversation;
  const rest = { ...conversation.customer };
  delete rest.id;
  delete rest.email;
  const out = { ...conversation };
  if (Object.keys(rest).length) out.customer = rest;
  else delete out.customer;
  return out;
}

/** The keys a content script reads for a page of `origin` (never `get(null)`). */
export function contentScriptKeys(origin) {
  return ["collapsed", "enabledHelpdesks", "enabledSites", `taught:${origin}`];
}

export const HELPDESKS = [
  "zendesk", "freshdesk", "helpscout", "intercom", "front", "gorgias", "zammad", "chatwoot", "generic",
];

/** Normalise a backend URL to a bare origin (scheme://host[:port]) or throw with a readable reason. */
export function normalizeBackendUrl(value) {
  let url;
  try {
    url = new URL(String(value || "").trim());
  } catch {
    throw new Error("Backend URL must look like http://127.0.0.1:8080");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error("Backend URL must start with http:// or https://");
  }
  return url.origin;
}

/** Normalise a custom helpdesk domain entered by a user into an origin match pattern. */
export function domainToPattern(value) {
  const text = String(value || "").trim();
  const withScheme = /^[a-z]+:\/\//i.test(text) ? text : `https://${text}`;
  const url = new URL(withScheme);
  if (!/^https?:$/.test(url.protocol) || !url.hostname) throw new Error(`Not a web address: ${text}`);
  return `${url.protocol}//${url.hostname}/*`;
}
