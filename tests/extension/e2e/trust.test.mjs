// Chromium end to end for what the extension may see and send: the token stays in the service worker
// (and survives a restart), pages are read only on sites the agent enabled, failed POSTs are not sent
// twice, errors carry a request id, and answers flagged by the evidence checks are marked. The real
// backend serves suggestions; a scripted loopback backend (fake-backend.mjs) serves crafted answers.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { evaluateInContentScript, launchBrowser, overlay, prepareBackend, startCountingProxy, startPageServer } from "./harness.mjs";
import { done, gate, json, SIGNALS, sse, startFakeBackend, suggestion } from "./fake-backend.mjs";

const WAIT = { timeout: 20_000 };
const QUIET_MS = 4500; // longer than the generic reader's rescan (2 s) and every retry delay before the change
let backend;
let pages;
let browser;

before(async () => {
  backend = await prepareBackend();
  await backend.start();
  pages = await startPageServer();
  browser = await launchBrowser();
  await browser.setStorage({ backendUrl: backend.url, token: backend.token, enabledSites: { [pages.base]: true } });
});

after(async () => {
  await browser?.close();
  await backend?.stop();
  backend?.cleanup();
  await pages?.close();
});

async function open(url) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.errors = errors;
  await page.goto(url);
  return page;
}

async function finalCard(page) {
  const card = overlay(page, "suggestion").and(page.locator('[data-state="final"]')).first();
  await card.waitFor(WAIT);
  return card;
}

/** Poll `read()` until `accept` holds or time runs out; returns the last value. */
async function eventually(read, accept, timeoutMs = WAIT.timeout) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const statusText = (page) => page.evaluate(() => document.getElementById("tandem-overlay")?.shadowRoot
  ?.querySelector('[data-tandem="status"]')?.textContent || "");

describe("the token stays in the service worker", () => {
  test("neither the page nor the content script can see the token, and suggestions still work", async () => {
    const page = await open(`${pages.base}/demo/#ticket/101`);
    await finalCard(page);
    const token = backend.token;
    assert.equal(await browser.getToken(), token, "the extension has the token");

    // The content script's own world: storage, the session area, every message and the port.
    const seen = await evaluateInContentScript(page, `(async () => {
      const out = { local: await chrome.storage.local.get(null), replies: {}, events: [] };
      try { out.session = await chrome.storage.session.get(null); } catch (error) { out.session = "refused: " + error.message; }
      try { out.store = await (await import(chrome.runtime.getURL("lib/credentials.js"))).loadCredentials(); } catch (error) { out.store = "refused: " + error.message; }
      const conversation = { helpdesk: "generic", ticket_id: "t1", messages: [{ role: "customer", text: "Where is my parcel?" }] };
      const messages = {
        test: { type: "test" },
        testElsewhere: { type: "test", override: { backendUrl: "http://127.0.0.1:9", token: "" } },
        summary: { type: "summary", conversation },
        feedback: { type: "feedback", body: { suggestion_id: "nope", action: "dismissed" } },
        syncDomains: { type: "syncDomains" },
        token: { type: "token" }, settings: { type: "settings" }, getToken: { type: "getToken" },
      };
      for (const [name, message] of Object.entries(messages)) {
        out.replies[name] = await Promise.race([chrome.runtime.sendMessage(message), new Promise((r) => setTimeout(() => r("no answer"), 3000))]);
      }
      await new Promise((resolve) => {
        const port = chrome.runtime.connect({ name: "tandem-assist" });
        port.onMessage.addListener((m) => { out.events.push(m); if (m.type === "end" || m.type === "failure") resolve(); });
        port.postMessage({ type: "assist", id: 1, conversation });
        setTimeout(resolve, 15000);
      });
      return JSON.stringify(out);
    })()`);
    assert.ok(!seen.includes(token), "the token reached the content script");
    const out = JSON.parse(seen);
    assert.equal(out.local.token, undefined);
    assert.ok(out.local.backendUrl && out.local.enabledSites, "storage.local was readable, just without the token");
    assert.match(String(out.session), /refused|not allowed|access/i);
    assert.match(String(out.store), /refused/, "the credential code is not even web-accessible");
    assert.equal(out.replies.test.ok, true, "the connection test works from the page");
    assert.deepEqual(Object.keys(out.replies.test.data.me).sort(), ["name", "role"]);
    assert.equal(out.replies.testElsewhere.ok, false, "a page may not send the token elsewhere");
    assert.equal(out.replies.summary.ok, true);
    assert.equal(out.replies.syncDomains.ok, false);
    assert.ok(out.events.some((m) => m.event === "suggestion"), "suggestions arrive over the port");

    // The page's own world: no extension API, nothing in the DOM or web storage.
    const pageWorld = await page.evaluate(() => ({
      chrome: typeof chrome === "undefined" ? "none" : JSON.stringify(Object.keys(chrome)),
      storage: typeof chrome !== "undefined" && chrome.storage ? "exposed" : "absent",
      html: document.documentElement.outerHTML,
      overlayHtml: document.getElementById("tandem-overlay")?.shadowRoot?.innerHTML || "",
      web: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    }));
    assert.equal(pageWorld.storage, "absent");
    for (const [where, text] of Object.entries(pageWorld)) assert.ok(!text.includes(token), `token in the page's ${where}`);
    await page.close();
  });

  test("the options page saves the token to the credential store, never to chrome.storage.local", async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
    await options.waitForFunction(() => document.getElementById("token").value.length > 0);
    await options.fill("#backendUrl", backend.url);
    await options.fill("#token", backend.token);
    await options.click("#test");
    await options.locator("#connection-status", { hasText: "Connected as e2e-agent (agent)" }).waitFor(WAIT);
    await options.click("#save");
    await options.locator("#connection-status", { hasText: "Saved." }).waitFor(WAIT);
    const local = await browser.getStorage(null);
    assert.equal(local.backendUrl, backend.url);
    assert.ok(!JSON.stringify(local).includes(backend.token));
    assert.equal(await browser.getToken(), backend.token);
    await options.close();
  });

  test("a token 0.1.x left in chrome.storage.local moves out of it, and the token survives browser restarts", async () => {
    // What an update from 0.1.x finds: the token in storage.local and no credential store yet.
    await browser.worker.evaluate(async (token) => {
      await chrome.storage.local.set({ token });
      await new Promise((resolve, reject) => {
        const request = indexedDB.deleteDatabase("tandem");
        request.onsuccess = resolve;
        request.onerror = () => reject(request.error);
      });
    }, backend.token);
    await browser.restart();
    const local = await eventually(() => browser.getStorage(["token"]), (v) => !("token" in v));
    assert.deepEqual(local, {}, "the legacy token was deleted from storage.local");
    assert.equal(await browser.getToken(), backend.token);
    let page = await open(`${pages.base}/demo/#ticket/102`);
    await finalCard(page);
    await page.close();

    await browser.restart();
    assert.equal(await browser.getToken(), backend.token, "kept across a restart");
    assert.deepEqual(await browser.getStorage(["token"]), {});
    page = await open(`${pages.base}/demo/#ticket/101`);
    await finalCard(page);
    await page.close();
  });

  test("the token is only sent to the backend it was saved for", async () => {
    await browser.worker.evaluate(() => chrome.storage.local.set({ backendUrl: "http://127.0.0.1:9" }));
    const page = await open(`${pages.base}/demo/#ticket/101`);
    await page.waitForFunction(() => /backend URL changed/.test(document.getElementById("tandem-overlay")?.shadowRoot
      ?.querySelector('[data-tandem="status"]')?.textContent || ""), null, WAIT);
    await browser.setStorage({ backendUrl: backend.url }); // saved again from the options page
    await finalCard(page);
    await page.close();
  });
});

describe("reading a site needs the agent's consent", () => {
  let proxy;
  let other;

  before(async () => {
    proxy = await startCountingProxy(backend.url);
    await browser.setStorage({ backendUrl: proxy.url });
    other = await startPageServer(); // another origin: the demo helpdesk on a port nobody enabled
  });

  after(async () => {
    await browser.setStorage({ backendUrl: backend.url });
    await proxy?.close();
    await other?.close();
  });

  test("not enabled: nothing is read or sent; enabled from the popup: suggestions; stopped: nothing more", async () => {
    const page = await open(`${other.base}/demo/#ticket/101`);
    await page.waitForTimeout(QUIET_MS);
    assert.equal(proxy.count("POST /v1/assist"), 0, "no request reached the backend");
    assert.equal(await page.locator("#tandem-overlay").count(), 0);

    // The toolbar popup for this tab.
    const tabId = await browser.worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, page.url());
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup/popup.html?tab=${tabId}`);
    assert.equal(await popup.locator("#site").textContent(), new URL(other.base).host);
    await popup.locator("#toggle", { hasText: "Read this site" }).click();
    await popup.locator("#toggle", { hasText: "Stop reading this site" }).waitFor(WAIT);
    assert.equal((await browser.getStorage(["enabledSites"])).enabledSites[other.base], true);

    await finalCard(page); // no reload: the page is read as soon as the site is enabled
    assert.ok(proxy.count("POST /v1/assist") >= 1);
    assert.equal(await overlay(page, "site").textContent(), `Reading ${new URL(other.base).host} — stop`);

    await overlay(page, "site-stop").click();
    await page.locator("#tandem-overlay").waitFor({ state: "detached", ...WAIT });
    await popup.locator("#toggle", { hasText: "Read this site" }).waitFor(WAIT);
    const sent = proxy.count("POST /v1/assist");
    await page.click('a[href="#ticket/103"]'); // a new ticket on the disabled site
    await page.waitForTimeout(QUIET_MS);
    assert.equal(proxy.count("POST /v1/assist"), sent, "nothing sent after stop");
    assert.equal(await page.locator("#tandem-overlay").count(), 0);
    assert.equal((await browser.getStorage(["enabledSites"])).enabledSites[other.base], undefined);
    assert.equal((await browser.getStorage(["enabledSites"])).enabledSites[pages.base], true, "other sites stay enabled");
    await popup.close();
    await page.close();
  });
});

describe("failures and evidence checks (scripted backend)", () => {
  let fake;

  before(async () => {
    fake = await startFakeBackend();
    fake.script("/v1/feedback", (req, res) => json(res, 201, { id: 1 }));
    await browser.setStorage({ backendUrl: fake.url, token: "fake-token" });
  });

  after(async () => {
    await browser.setStorage({ backendUrl: backend.url, token: backend.token });
    await fake?.close();
  });

  test("a 500 on /v1/assist is not retried; the agent sees the request id and may try again", async () => {
    const before = fake.count("POST /v1/assist");
    fake.script("/v1/assist", (req, res) => json(res, 500, { status_code: 500, detail: "Internal Server Error", request_id: "3f2a1b9c-0d4e-4f00-9a6b-5e7c8d9e0f1a" }));
    const page = await open(`${pages.base}/demo/#ticket/101`);
    await page.locator('#tandem-overlay [data-tandem="status"][data-level="error"]').waitFor(WAIT);
    await page.waitForTimeout(QUIET_MS);
    assert.equal(fake.count("POST /v1/assist") - before, 1, "the POST was sent once");
    assert.equal(await statusText(page), "Tandem failed on the server (request 3f2a1b9c…). Try again.");
    assert.equal(await overlay(page, "status").getAttribute("data-request-id"), "3f2a1b9c-0d4e-4f00-9a6b-5e7c8d9e0f1a");
    await overlay(page, "retry").click();
    await eventually(() => fake.count("POST /v1/assist") - before, (n) => n === 2);
    assert.equal(fake.count("POST /v1/assist") - before, 2, "Try again sends it once more");
    await page.close();
  });

  test("an SSE error event shows a human message with the request id, never exception text", async () => {
    fake.script("/v1/assist", (req, res) => {
      const stream = sse(res);
      stream.send("signals", SIGNALS);
      stream.send("error", { code: "internal", request_id: "9c1d2e3f-aaaa-bbbb" });
      stream.end();
    });
    const page = await open(`${pages.base}/demo/#ticket/101`);
    await overlay(page, "status").filter({ hasText: "Tandem failed while answering (request 9c1d2e3f…). Try again." }).waitFor(WAIT);
    await page.waitForTimeout(500);
    assert.equal(await statusText(page), "Tandem failed while answering (request 9c1d2e3f…). Try again.");
    await page.close();
  });

  test("429 with Retry-After: the overlay says it is rate limited, then the answer arrives", async () => {
    let calls = 0;
    fake.script("/v1/assist", (req, res) => {
      calls += 1;
      if (calls === 1) return json(res, 429, { status_code: 429, detail: "Too Many Requests" }, { "Retry-After": "2" });
      const stream = sse(res);
      stream.send("signals", SIGNALS);
      stream.send("suggestion", suggestion());
      stream.send("done", done([suggestion()]));
      stream.end();
    });
    const page = await open(`${pages.base}/demo/#ticket/101`);
    await overlay(page, "status").filter({ hasText: "Rate limited, retrying in 2 s." }).waitFor(WAIT);
    await finalCard(page);
    assert.equal(calls, 2);
    await page.close();
  });

  test("a streamed draft is marked unverified; flagged spans are marked and Insert asks twice", async () => {
    const hold = gate();
    const flagged = suggestion({ checks: { cited: true, unsupported: [{ text: "$25 credit", kind: "amount" }] } });
    const uncited = suggestion({ id: "s-2", text: "You can also ask for a refund at any time.", citations: [], checks: { cited: false, unsupported: [] } });
    fake.script("/v1/assist", async (req, res) => {
      const stream = sse(res);
      stream.send("signals", SIGNALS);
      stream.send("delta", { index: 0, text: "Sorry about the delay. We have added a $25 credit" });
      await hold.promise;
      stream.send("delta", { index: 0, text: " to your account and your parcel ships tomorrow." });
      stream.send("suggestion", flagged);
      stream.send("delta", { index: 1, text: "You can also ask for a refund at any time." });
      stream.send("suggestion", uncited);
      stream.send("done", done([flagged, uncited]));
      stream.end();
    });
    const page = await open(`${pages.base}/demo/#ticket/101`);
    const card = overlay(page, "suggestion").first();
    await card.and(page.locator('[data-state="streaming"]')).waitFor(WAIT);
    assert.equal(await card.locator('[data-tandem="draft-note"]').textContent(), "Unverified draft — checking against the KB…");
    assert.equal(await card.locator('[data-tandem="draft-note"]').isVisible(), true);
    assert.equal(await card.locator('[data-tandem="insert"]').isDisabled(), true);
    hold.open();

    await card.and(page.locator('[data-state="final"]')).waitFor(WAIT);
    assert.equal(await card.locator('[data-tandem="draft-note"]').isVisible(), false);
    const checks = card.locator('[data-tandem="checks"]');
    assert.equal(await checks.isVisible(), true);
    assert.equal(await checks.textContent(), "Not found in the cited articles: “$25 credit”");
    assert.deepEqual(await card.locator('[data-tandem="unsupported"]').allTextContents(), ["$25 credit"]);
    assert.equal(await card.locator(".text").textContent(), flagged.text);

    await card.locator('[data-tandem="insert"]').click();
    assert.equal(await page.inputValue("#reply"), "", "one click does not insert flagged text");
    await card.locator('[data-tandem="insert"]', { hasText: "Insert anyway" }).click();
    assert.equal(await page.inputValue("#reply"), flagged.text);

    const second = overlay(page, "suggestion").nth(1);
    await second.and(page.locator('[data-state="final"]')).waitFor(WAIT);
    assert.equal(await second.getAttribute("data-checks"), "uncited");
    assert.doesNotMatch(await second.locator(".kind").textContent(), /Answer from KB/);
    assert.deepEqual(page.errors, []);
    await page.close();
  });

  test("the customer's earlier conversations show collapsed, open to their summaries and promises", async () => {
    const context = { previous_conversations: 1, recent: [{ ticket_id: "98", last_activity_at: "2026-11-02T09:05:00Z",
      summary: "The customer says that the lamp arrived broken.", risk: "high", escalated: true,
      open_promises: [{ text: "A refund of €42.50 within 5 business days.", due: "2026-11-09T09:05:00Z", status: "overdue" }] }] };
    fake.script("/v1/assist", (req, res) => {
      const stream = sse(res);
      stream.send("signals", SIGNALS);
      stream.send("citations", { grounded: true, citations: [] });
      stream.send("context", context);
      stream.send("suggestion", suggestion());
      stream.send("done", { ...done([suggestion()]), context });
      stream.end();
    });
    const page = await open(`${pages.base}/demo/#ticket/101`);
    await finalCard(page);
    const box = overlay(page, "context");
    await box.waitFor(WAIT);
    assert.equal(await overlay(page, "context-toggle").textContent(), "1 earlier conversation with this customer · 1 open promise");
    assert.equal(await overlay(page, "context-summary").isVisible(), false, "collapsed until opened");
    await overlay(page, "context-toggle").click();
    await page.locator('#tandem-overlay [data-tandem="context-item"] summary').click();
    assert.equal(await overlay(page, "context-summary").textContent(), "The customer says that the lamp arrived broken.");
    assert.equal(await overlay(page, "escalated").isVisible(), true);
    assert.equal(await overlay(page, "promise").getAttribute("data-status"), "overdue");
    assert.deepEqual(page.errors, []);
    await page.close();
  });
});
