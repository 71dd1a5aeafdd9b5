// @ts-check
// Consent to read a site: pages are read by a named adapter on its own helpdesk domain, or on an
// origin the agent enabled (chrome.storage.local `enabledSites`: {origin: true}). The generic reader,
// taught pages and named adapters found by page structure (localhost, custom domains) need consent.

export const SITES_KEY = "enabledSites";

/** Whether reading `url` with `adapter` needs the agent to have enabled the origin. */
export function needsConsent(adapter, url) {
  return !adapter.matchesUrl(url);
}

/** Whether the origin is enabled in an `enabledSites` object. */
export function isSiteEnabled(enabledSites, origin) {
  return Boolean(enabledSites && typeof enabledSites === "object" && enabledSites[origin] === true);
}

/** The origin as the agent reads it: "127.0.0.1:8081", "support.example.com". */
export function siteLabel(origin) {
  try {
    return new URL(origin).host;
  } catch {
    return String(origin);
  }
}

/** The origin a consent entry is for, or null for pages Tandem never reads (chrome:, file:, about:). */
export function siteOf(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** Enable or disable one origin; other origins are left as they are. */
export async function setSiteEnabled(origin, enabled, local = chrome.storage.local) {
  const current = /** @type {Record<string, boolean>} */ ((await local.get(SITES_KEY))[SITES_KEY] || {});
  const next = { ...current };
  if (enabled) next[origin] = true;
  else delete next[origin];
  await local.set({ [SITES_KEY]: next });
}

/**
 * Sites that version 0.1.x already read with the agent's explicit say-so (custom domains added in
 * the options, pages taught with the picker), as origins to enable on update. Ones the agent has
 * an entry for already are left alone.
 */
export function legacyConsent(stored) {
  const sites = stored[SITES_KEY] || {};
  const origins = new Set();
  for (const pattern of stored.customDomains || []) {
    const origin = siteOf(String(pattern).replace(/\/\*$/, "/"));
    if (origin) origins.add(origin);
  }
  for (const key of Object.keys(stored)) {
    if (key.startsWith("taught:")) {
      const origin = siteOf(key.slice("taught:".length));
      if (origin) origins.add(origin);
    }
  }
  return [...origins].filter((origin) => !(origin in sites));
}
