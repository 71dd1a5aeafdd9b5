// The generic reader on real helpdesk applications running on loopback (Request Tracker 5 and Redmine 5
// from Debian, Roundup and Trac from PyPI; tests/extension/realdesks/*/setup.*), with the real Tandem
// backend and Chromium loading the extension. For each app: log in as the agent, enable the site for
// the generic reader, open its tickets one after the other, and check what the extension read (the
// backend's stored conversation: texts, roles, authors, order) and that the suggestion cites the KB
// article a person would pick. An app that fails to install or start fails the test with its log; it is
// never skipped. Last, a page the reader cannot read: no suggestion, Teach offered, and once taught the
// thread is right.
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { REPO, launchBrowser, overlay, prepareBackend, startPageServer } from "./harness.mjs";

const EXPECTED = JSON.parse(readFileSync(join(REPO, "tests/extension/fixtures/real/expected.json"), "utf8"));
const SETUP_TIMEOUT_MS = 300_000; // first run installs packages; later runs take seconds
const WAIT = { timeout: 45_000 };

/** Start an app's setup script; resolves with its JSON line (ticket URL, login) once the server answers. */
async function startApp(name, spec) {
  const script = join(REPO, spec.setup);
  const command = script.endsWith(".py") ? ["python3", [script]] : ["bash", [script]];
  const started = Date.now();
  const child = spawn(command[0], command[1], { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let log = "";
  child.stderr.on("data", (chunk) => (log = (log + chunk).slice(-20_000)));
  const info = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: no ticket after ${SETUP_TIMEOUT_MS / 1000} s\n${log}`)), SETUP_TIMEOUT_MS);
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const line = stdout.split("\n").find((l) => l.trim().startsWith("{"));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line));
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name}: setup exited with ${code} before the app was up\n${log}`));
    });
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(info.login_url)).status < 500) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${name}: server did not answer at ${info.login_url}\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    ...info,
    startMs: Date.now() - started,
    log: () => log,
    stop() {
      try {
        process.kill(-child.pid, "SIGTERM"); // the script's own process group (server and helpers)
      } catch {
        /* already gone */
      }
    },
  };
}

/** The conversation the backend stored for the last /v1/assist call: [{role, text}] in order. */
function storedConversation(backend) {
  const script = `
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
row = db.execute("SELECT id, customer FROM conversations ORDER BY updated_at DESC, id DESC LIMIT 1").fetchone()
messages = db.execute("SELECT role, text, author FROM messages WHERE conversation_id = ? ORDER BY ordinal", (row[0],)).fetchall() if row else []
print(json.dumps({"customer": json.loads(row[1]) if row else None, "messages": [{"role": r, "text": t, "author": a} for r, t, a in messages]}))`;
  return JSON.parse(execFileSync("python3", ["-c", script, join(backend.dataDir, "tandem.db")]).toString());
}

let backend;
let browser;

before(async () => {
  backend = await prepareBackend();
  await backend.start();
  browser = await launchBrowser();
  await browser.setStorage({ backendUrl: backend.url, token: backend.token });
});

after(async () => {
  await browser?.close();
  await backend?.stop();
  backend?.cleanup();
});

/** Sign in as the agent: the app's login form, or HTTP basic auth (Trac's own login). */
async function signIn(page, app) {
  if (app.login_basic) {
    const url = new URL(app.login_url);
    url.username = app.user;
    url.password = app.password;
    await page.goto(url.href, { waitUntil: "networkidle" });
    return;
  }
  await page.goto(app.login_url);
  await page.fill(app.login_form.user, app.user);
  await page.fill(app.login_form.password, app.password);
  await Promise.all([page.waitForLoadState("networkidle"), page.locator(app.login_form.submit).first().click()]);
}

/** Open `url` and check the stored conversation and the suggestion against `spec` (one ticket). */
async function checkTicket(page, name, url, spec) {
  await page.goto(url, { waitUntil: "networkidle" });
  const card = overlay(page, "suggestion").and(page.locator('[data-state="final"]')).first();
  await card.waitFor(WAIT);
  const cited = await overlay(page, "citation").evaluateAll((els) => els.map((e) => e.dataset.articleId));
  const stored = storedConversation(backend);
  assert.ok(cited.includes(spec.kb_article), `${name}: cited ${cited.join(", ")}, expected ${spec.kb_article}; read ${JSON.stringify(stored)}`);
  const messages = stored.messages.filter((m) => m.role !== "bot");
  assert.deepEqual(messages.map((m) => m.role), spec.roles, `${name}: ${JSON.stringify(stored.messages)}`);
  spec.texts.forEach((fragment, i) => assert.match(messages[i].text.replace(/\s+/g, " "), new RegExp(fragment), `${name} message ${i}`));
  if (spec.authors) assert.deepEqual(messages.map((m) => m.author ?? null), spec.authors, `${name} authors`);
  // The backend keeps no customer name; the suggestion's greeting shows which name was read.
  const text = await card.locator(".text").textContent();
  const greeting = text.match(/^(?:Hi|Hello|Dear)\s+([^,!\n]+)/i);
  assert.ok(!greeting || greeting[1].trim() === spec.customer.split(/\s+/)[0], `${name}: greets ${greeting?.[1]} instead of ${spec.customer}: ${text}`);
  if (spec.editor) {
    const box = await page.locator(spec.editor).count();
    assert.equal(box, 1, `${name}: reply box ${spec.editor}`);
    await card.locator('[data-tandem="insert"]').click();
    assert.ok((await page.inputValue(spec.editor)).length > 20, `${name}: the suggestion was inserted into ${spec.editor}`);
  }
}

describe("the generic reader on real helpdesk applications", () => {
  for (const [name, spec] of Object.entries(EXPECTED.apps)) {
    const tickets = spec.tickets || [spec];
    test(`${name}: ${tickets.length} ticket(s) read with the right roles, citing ${tickets.map((t) => t.kb_article).join(", ")}`, async () => {
      const t0 = Date.now();
      const app = await startApp(name, spec);
      const page = await browser.context.newPage();
      try {
        // The generic reader reads a site only once the agent enabled it.
        const { enabledSites = {} } = await browser.getStorage(["enabledSites"]);
        await browser.setStorage({ enabledSites: { ...enabledSites, [app.origin]: true } });
        await signIn(page, app);
        const urls = app.ticket_urls || [app.ticket_url];
        assert.equal(urls.length, tickets.length, `${name}: the app opened ${urls.length} tickets`);
        // One ticket after the other in the same tab: each switch is read anew.
        for (const [i, ticket] of tickets.entries()) await checkTicket(page, `${name} ticket ${i + 1}`, urls[i], ticket);
        console.log(`# ${name}: app up in ${(app.startMs / 1000).toFixed(1)} s, test ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      } catch (error) {
        error.message += `\n--- ${name} log (tail) ---\n${app.log().slice(-3000)}`;
        throw error;
      } finally {
        await page.close();
        app.stop();
      }
    });
  }
});

describe("a page the generic reader cannot read", () => {
  test("no suggestion from a misread thread, Teach offered, and the taught thread is right", async () => {
    const pages = await startPageServer();
    const page = await browser.context.newPage();
    try {
      const origin = pages.base;
      const { enabledSites = {} } = await browser.getStorage(["enabledSites"]);
      await browser.setStorage({ enabledSites: { ...enabledSites, [origin]: true } });
      const before = storedConversation(backend);
      await page.goto(`${origin}/fixtures/unreadable.html`, { waitUntil: "networkidle" });
      const notice = overlay(page, "unreadable");
      await notice.waitFor(WAIT);
      assert.match(await notice.textContent(), /can't tell the messages apart/);
      await page.waitForTimeout(1500); // time for a (wrong) request to go out, if one would
      assert.equal(await overlay(page, "suggestion").count(), 0, "no suggestion from a page read wrongly");
      assert.deepEqual(storedConversation(backend), before, "nothing was sent to the backend");

      // Teach: the notice's button, one message, then the reply box.
      await overlay(page, "unreadable-teach").click();
      await page.locator("desk-message").nth(1).click();
      await page.locator("#reply").click();
      const card = overlay(page, "suggestion").and(page.locator('[data-state="final"]')).first();
      await card.waitFor(WAIT);
      assert.ok(await notice.isHidden(), "the notice is gone once the page is taught");
      const stored = storedConversation(backend);
      assert.deepEqual(stored.messages.map((m) => m.role), ["customer", "agent", "note", "customer"], JSON.stringify(stored));
      ["charged twice for the order", "asked the warehouse", "replacement bike was approved", "Why was I charged twice"].forEach((fragment, i) =>
        assert.match(stored.messages[i].text, new RegExp(fragment.replace(/[$.]/g, "\\$&")), `taught message ${i}`));
      assert.deepEqual(stored.messages.map((m) => m.author ?? null), [null, "Sam Porter", "Sam Porter", null]);
      const cited = await overlay(page, "citation").evaluateAll((els) => els.map((e) => e.dataset.articleId));
      assert.ok(cited.includes("charged-twice"), `cited ${cited.join(", ")}`);
    } finally {
      await page.close();
      await pages.close();
    }
  });
});
