// @ts-check
// Options: backend URL, token, test connection, helpdesks on/off, sites Tandem may read, customer linking,
// custom domains, taught pages. An extension page: it may read the token (lib/credentials.js).
import { loadCredentials, saveConnection } from "../lib/credentials.js";
import { DEFAULTS, HELPDESKS, domainToPattern, normalizeBackendUrl } from "../lib/settings.js";
import { SITES_KEY, setSiteEnabled, siteLabel, siteOf } from "../lib/sites.js";

/** @type {(id: string) => any} */
const $ = (id) => document.getElementById(id);
const LABELS = { zendesk: "Zendesk", freshdesk: "Freshdesk", helpscout: "Help Scout", intercom: "Intercom", front: "Front",
  gorgias: "Gorgias", zammad: "Zammad", chatwoot: "Chatwoot", generic: "Any other page" };

function say(element, text, level = "") {
  element.textContent = text;
  element.dataset.level = level;
}

function li(text, onRemove, value = text) {
  const item = document.createElement("li");
  item.dataset.value = value;
  item.append(document.createTextNode(text));
  const remove = document.createElement("button");
  remove.type = "button";
  remove.textContent = "Remove";
  remove.addEventListener("click", onRemove);
  item.append(remove);
  return item;
}

async function render() {
  /** @type {Record<string, any>} */
  const stored = await chrome.storage.local.get(null); // an extension page: nothing here is secret anyway
  $("backendUrl").value = stored.backendUrl || DEFAULTS.backendUrl;
  $("token").value = (await loadCredentials())?.token || "";

  const enabled = stored.enabledHelpdesks || {};
  $("helpdesks").replaceChildren(...HELPDESKS.map((name) => {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = enabled[name] !== false;
    box.dataset.helpdesk = name;
    box.addEventListener("change", async () => {
      const current = /** @type {Record<string, boolean>} */ ((await chrome.storage.local.get("enabledHelpdesks")).enabledHelpdesks || {});
      await chrome.storage.local.set({ enabledHelpdesks: { ...current, [name]: box.checked } });
    });
    label.append(box, document.createTextNode(` ${LABELS[name]}`));
    return label;
  }));

  $("linkCustomers").checked = stored.linkCustomers ?? DEFAULTS.linkCustomers;

  $("domains").replaceChildren(...(stored.customDomains || []).map((pattern) => li(pattern, async () => {
    /** @type {{customDomains?: string[]}} */
    const { customDomains = [] } = await chrome.storage.local.get("customDomains");
    await chrome.storage.local.set({ customDomains: customDomains.filter((p) => p !== pattern) });
    await chrome.permissions.remove({ origins: [pattern] }).catch(() => {});
    await chrome.runtime.sendMessage({ type: "syncDomains" });
    render();
  })));

  const sites = Object.keys(stored[SITES_KEY] || {}).filter((origin) => stored[SITES_KEY][origin] === true).sort();
  $("sites").replaceChildren(...sites.map((origin) => li(siteLabel(origin), async () => {
    await setSiteEnabled(origin, false);
    render();
  }, origin)));
  $("sites-empty").hidden = sites.length > 0;

  const taught = Object.keys(stored).filter((key) => key.startsWith("taught:"));
  $("taught").replaceChildren(...taught.map((key) => li(key.slice("taught:".length), async () => {
    await chrome.storage.local.remove(key);
    render();
  })));
}

function readForm() {
  return { backendUrl: normalizeBackendUrl($("backendUrl").value), token: $("token").value.trim() };
}

$("connection").addEventListener("submit", async (event) => {
  event.preventDefault();
  try {
    const values = readForm();
    await ensureBackendPermission(values.backendUrl);
    await saveConnection(values);
    say($("connection-status"), "Saved.", "ok");
  } catch (error) {
    say($("connection-status"), error.message, "error");
  }
});

$("test").addEventListener("click", async () => {
  let override;
  try {
    override = readForm();
    await ensureBackendPermission(override.backendUrl);
  } catch (error) {
    say($("connection-status"), error.message, "error");
    return;
  }
  say($("connection-status"), "Testing…");
  const result = await chrome.runtime.sendMessage({ type: "test", override });
  if (result?.ok) {
    const { health, me } = result.data;
    say($("connection-status"), `Connected as ${me.name} (${me.role}). ${health.articles} articles, engine ${health.engine}.`, "ok");
  } else {
    say($("connection-status"), result?.error?.message || "Test failed.", "error");
  }
});

/** Backends other than localhost need a host permission, asked for while the user is clicking. */
async function ensureBackendPermission(origin) {
  if (/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin)) return;
  const pattern = `${origin}/*`;
  if (await chrome.permissions.contains({ origins: [pattern] })) return;
  if (!(await chrome.permissions.request({ origins: [pattern] }))) throw new Error(`Chrome did not allow access to ${origin}.`);
}

$("linkCustomers").addEventListener("change", async () => {
  await chrome.storage.local.set({ linkCustomers: $("linkCustomers").checked });
});

$("domain-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  let pattern;
  try {
    pattern = domainToPattern($("domain").value);
  } catch (error) {
    say($("domain-status"), error.message, "error");
    return;
  }
  const granted = await chrome.permissions.request({ origins: [pattern] }).catch(() => false);
  if (!granted) {
    say($("domain-status"), `Access to ${pattern} was not granted.`, "error");
    return;
  }
  /** @type {{customDomains?: string[]}} */
  const { customDomains = [] } = await chrome.storage.local.get("customDomains");
  if (!customDomains.includes(pattern)) await chrome.storage.local.set({ customDomains: [...customDomains, pattern] });
  const origin = siteOf(pattern.replace(/\/\*$/, "/"));
  if (origin) await setSiteEnabled(origin, true); // adding a domain is the agent's say-so to read it
  await chrome.runtime.sendMessage({ type: "syncDomains" });
  $("domain").value = "";
  say($("domain-status"), `Tandem will run on ${pattern}.`, "ok");
  render();
});

render();
