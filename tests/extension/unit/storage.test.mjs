// Where settings live: the token in the credential store (lib/credentials.js) and its one-time move
// out of chrome.storage.local; site consent (lib/sites.js).
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCredentials, migrateLegacyToken, saveConnection } from "../../../extension/lib/credentials.js";
import { DEFAULTS, contentScriptKeys, normalizeBackendUrl } from "../../../extension/lib/settings.js";
import { isSiteEnabled, legacyConsent, needsConsent, setSiteEnabled, siteLabel, siteOf } from "../../../extension/lib/sites.js";
import { ADAPTERS, generic } from "../../../extension/adapters/index.js";
import { taughtAdapter } from "../../../extension/adapters/taught.js";

/** chrome.storage.local stand-in. */
function fakeLocal(initial = {}) {
  const data = { ...initial };
  return {
    data,
    async get(keys) {
      if (keys === null) return { ...data };
      return Object.fromEntries([].concat(keys).filter((k) => k in data).map((k) => [k, data[k]]));
    },
    async set(values) {
      Object.assign(data, values);
    },
    async remove(keys) {
      for (const key of [].concat(keys)) delete data[key];
    },
  };
}

/** The IndexedDB store stand-in (same get/put/delete). */
function fakeStore() {
  const data = new Map();
  return { data, get: async (k) => data.get(k), put: async (k, v) => void data.set(k, v), delete: async (k) => void data.delete(k) };
}

test("a 0.1.x token in chrome.storage.local moves to the credential store, bound to its backend, and is deleted there", async () => {
  const local = fakeLocal({ token: " old-token ", backendUrl: "http://tandem.internal:8080/", collapsed: true });
  const store = fakeStore();
  assert.equal(await migrateLegacyToken(normalizeBackendUrl, DEFAULTS.backendUrl, store, local), true);
  assert.deepEqual({ ...(await loadCredentials(store)), savedAt: undefined }, { token: "old-token", origin: "http://tandem.internal:8080", savedAt: undefined });
  assert.equal("token" in local.data, false);
  assert.equal(local.data.collapsed, true, "other settings untouched");
  assert.ok(local.data.credentialsUpdatedAt);
});

test("the move happens once: it never overwrites a saved token, and a token written to storage.local later is deleted, not used", async () => {
  const store = fakeStore();
  await saveConnection({ backendUrl: "http://127.0.0.1:8080", token: "current" }, store, fakeLocal());
  const local = fakeLocal({ token: "stale" });
  assert.equal(await migrateLegacyToken(normalizeBackendUrl, DEFAULTS.backendUrl, store, local), false);
  assert.equal((await loadCredentials(store)).token, "current");
  assert.equal("token" in local.data, false);

  const fresh = fakeStore();
  await migrateLegacyToken(normalizeBackendUrl, DEFAULTS.backendUrl, fresh, fakeLocal()); // first start: nothing to move
  const planted = fakeLocal({ token: "planted-by-a-page" });
  assert.equal(await migrateLegacyToken(normalizeBackendUrl, DEFAULTS.backendUrl, fresh, planted), false);
  assert.equal(await loadCredentials(fresh), null);
  assert.equal("token" in planted.data, false);
});

test("saving the connection keeps the token out of chrome.storage.local and stamps the change", async () => {
  const store = fakeStore();
  const local = fakeLocal();
  await saveConnection({ backendUrl: "http://127.0.0.1:9000", token: "t" }, store, local);
  assert.deepEqual(Object.keys(local.data).sort(), ["backendUrl", "credentialsUpdatedAt"]);
  assert.equal(local.data.backendUrl, "http://127.0.0.1:9000");
  assert.equal((await loadCredentials(store)).origin, "http://127.0.0.1:9000");
  await saveConnection({ backendUrl: "http://127.0.0.1:9000", token: "" }, store, local);
  assert.equal(await loadCredentials(store), null);
  assert.equal(DEFAULTS.token, undefined, "no token default in storage.local settings");
  assert.ok(!contentScriptKeys("https://x.example").includes("token"));
});

test("consent: named adapters on their own domains need none; generic, taught and structure-detected pages do", () => {
  const zendesk = ADAPTERS.find((a) => a.name === "zendesk");
  assert.equal(needsConsent(zendesk, new URL("https://acme.zendesk.com/agent/tickets/1")), false);
  assert.equal(needsConsent(zendesk, new URL("http://127.0.0.1:8081/agent/tickets/1")), true);
  assert.equal(needsConsent(generic, new URL("https://desk.example/t/1")), true);
  assert.equal(needsConsent(taughtAdapter({ message: ".m", editor: "#r" }), new URL("https://acme.zendesk.com/x")), true);
  assert.equal(isSiteEnabled({ "http://127.0.0.1:8081": true }, "http://127.0.0.1:8081"), true);
  assert.equal(isSiteEnabled({ "http://127.0.0.1:8081": true }, "http://127.0.0.1:8082"), false);
  assert.equal(isSiteEnabled({ "http://127.0.0.1:8081": "yes" }, "http://127.0.0.1:8081"), false);
  assert.equal(isSiteEnabled(undefined, "http://127.0.0.1:8081"), false);
  assert.equal(siteLabel("http://127.0.0.1:8081"), "127.0.0.1:8081");
  assert.equal(siteOf("chrome://extensions/"), null);
  assert.equal(siteOf("https://desk.example/a?b#c"), "https://desk.example");
});

test("enabling and disabling a site leaves the others alone", async () => {
  const local = fakeLocal({ enabledSites: { "https://a.example": true } });
  await setSiteEnabled("http://127.0.0.1:8081", true, local);
  assert.deepEqual(local.data.enabledSites, { "https://a.example": true, "http://127.0.0.1:8081": true });
  await setSiteEnabled("https://a.example", false, local);
  assert.deepEqual(local.data.enabledSites, { "http://127.0.0.1:8081": true });
});

test("on update from 0.1.x, custom domains and taught pages stay readable; the agent's own choices win", () => {
  assert.deepEqual(legacyConsent({
    customDomains: ["https://support.example.com/*"],
    "taught:http://127.0.0.1:3000": { message: ".m" },
    "taught:https://gone.example": { message: ".m" },
    enabledSites: { "https://gone.example": false },
    collapsed: true,
  }), ["https://support.example.com", "http://127.0.0.1:3000"]);
  assert.deepEqual(legacyConsent({}), []);
});
