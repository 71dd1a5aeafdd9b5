// @ts-check
// Toolbar popup: lets the agent enable or disable reading the current tab's site (chrome.storage.local
// `enabledSites`). Named helpdesks on their own domains need no consent; the popup says so.
import { ADAPTERS } from "../adapters/index.js";
import { loadCredentials } from "../lib/credentials.js";
import { SITES_KEY, isSiteEnabled, setSiteEnabled, siteLabel, siteOf } from "../lib/sites.js";

/** @type {(id: string) => any} */
const $ = (id) => document.getElementById(id);

/** The tab the popup is about: the active one, or `?tab=ID` (tests open the popup as a page). */
async function currentTab() {
  const id = Number(new URLSearchParams(location.search).get("tab"));
  if (id) return chrome.tabs.get(id);
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function render() {
  const tab = await currentTab();
  const origin = siteOf(tab?.url || "");
  const toggle = $("toggle");
  if (!origin) {
    $("state").textContent = "Tandem reads helpdesk pages (http and https addresses).";
    toggle.hidden = true;
    return;
  }
  $("site").textContent = siteLabel(origin);
  const named = ADAPTERS.find((adapter) => adapter.matchesUrl(new URL(tab.url)));
  if (named) {
    $("state").textContent = `${named.label}: Tandem reads this helpdesk on its own domain.`;
    toggle.hidden = true;
    return;
  }
  const enabled = isSiteEnabled((await chrome.storage.local.get(SITES_KEY))[SITES_KEY], origin);
  $("state").textContent = enabled
    ? "Tandem reads the conversation on this site's pages and sends it to your Tandem backend for suggestions."
    : "Tandem does not read this site. Nothing on it is sent anywhere.";
  toggle.hidden = false;
  toggle.textContent = enabled ? "Stop reading this site" : "Read this site";
  toggle.dataset.enabled = String(enabled);
  toggle.onclick = async () => {
    await setSiteEnabled(origin, !enabled);
    render();
  };
  const runs = await chrome.permissions.contains({ origins: [`${origin}/*`] }).catch(() => false);
  $("hint").hidden = runs;
  $("hint").textContent = runs ? "" : "Tandem does not run on this domain yet: add it under Custom domains in the options.";
}

/** A first run has no token yet: say where to put one. */
async function renderConnection() {
  const connected = Boolean((await loadCredentials().catch(() => null))?.token);
  $("connection").hidden = connected;
}

$("options").addEventListener("click", () => chrome.runtime.openOptionsPage());
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && SITES_KEY in changes) render();
});
render();
renderConnection();
