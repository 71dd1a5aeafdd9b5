// Issue 24 in the overlay: the note when the answer is not in the customer's language, and rewriting the
// agent's own draft (buttons, the checked result, insert only by the agent, the offline refusal shown).
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { JSDOM } from "jsdom";
import { Overlay, languageName, languageNote } from "../../../extension/overlay/overlay.js";
import { ORIGIN, demo as startDemo, settle, stopControllers } from "./demo-page.mjs";

afterEach(stopControllers);

/** A page with the overlay mounted (as in overlay.test.mjs; importing it would run its tests twice). */
function mountOverlay(handlers = {}) {
  const dom = new JSDOM("<body><textarea id=reply></textarea></body>", { url: `${ORIGIN}/#ticket/101` });
  const win = dom.window;
  if (!win.CSSStyleSheet.prototype.replaceSync) win.CSSStyleSheet.prototype.replaceSync = function replaceSync() {};
  const overlay = new Overlay(win.document, handlers).mount();
  return { overlay, $: (selector) => overlay.root.querySelector(selector), $$: (selector) => Array.from(overlay.root.querySelectorAll(selector)) };
}

test("the language note names both languages, and only when they differ", () => {
  assert.equal(languageName("es"), "Spanish");
  assert.equal(languageName("xx"), "xx");
  assert.equal(languageNote("es", "en"), "Customer writes Spanish; the suggested answer is in English.");
  assert.equal(languageNote("es", "es"), null);
  assert.equal(languageNote("es", null), null);
  const { overlay, $ } = mountOverlay();
  const note = $('[data-tandem="language-note"]');
  assert.equal(note.hidden, true);
  overlay.setLanguageNote("de", "en");
  assert.equal(note.hidden, false);
  assert.equal(note.textContent, "Customer writes German; the suggested answer is in English.");
  overlay.clearSuggestions();
  assert.equal(note.hidden, true);
});

test("rewrite buttons call back with their action; translate appears once the customer's language is known", () => {
  const actions = [];
  const { overlay, $$ } = mountOverlay({ onRewrite: (action) => actions.push(action) });
  const buttons = () => $$('[data-tandem="rewrite-action"]');
  assert.deepEqual(buttons().map((b) => b.dataset.action), ["friendlier", "formal", "shorter", "expand", "fix"]);
  overlay.setSignals({ sentiment: { label: "unknown", score: 0 }, urgency: "normal", escalation: { risk: "low", reasons: [] }, language: "es" });
  assert.equal(buttons().at(-1).textContent, "Translate to Spanish");
  buttons().find((b) => b.dataset.action === "shorter").click();
  buttons().at(-1).click();
  assert.deepEqual(actions, ["shorter", "translate"]);
  overlay.setRewriteState({ loading: "shorter" });
  assert.ok(buttons().every((b) => b.disabled));
});

test("a rewrite that adds a refund is marked and needs a second click; a faithful one inserts at once", () => {
  const inserted = [];
  const { overlay, $, $$ } = mountOverlay({ onRewriteInsert: (result) => inserted.push(result.text) });
  const text = "Sorry! We're adding a €50 refund for the trouble.";
  overlay.setRewriteState({ result: { text, action: "friendlier", language: "en", engine: "openai", prompt_version: "rewrite@1",
    checks: { unsupported: [{ text: "€50 refund", kind: "amount", start: 22, end: 32 }] } } });
  const card = $('[data-tandem="rewrite-result"]');
  assert.equal(card.dataset.checks, "unsupported");
  assert.deepEqual($$('[data-tandem="rewrite-result"] [data-tandem="unsupported"]').map((m) => m.textContent), ["€50 refund"]);
  assert.equal(card.querySelector('[data-tandem="checks"]').textContent, "Not in your draft: “€50 refund”");
  const insert = $('[data-tandem="rewrite-insert"]');
  insert.click();
  assert.deepEqual(inserted, []);
  assert.equal(insert.textContent, "Insert anyway");
  insert.click();
  assert.deepEqual(inserted, [text]);

  overlay.setRewriteState({ result: { text: "Your refund is on its way.", action: "shorter", language: "en", checks: { unsupported: [] } } });
  assert.equal($('[data-tandem="rewrite-result"]').dataset.checks, "passed");
  $('[data-tandem="rewrite-insert"]').click();
  assert.deepEqual(inserted, [text, "Your refund is on its way."]);
});

/** The demo helpdesk, the site enabled, with the controller; `reply` answers the service worker's messages. */
async function demo(reply) {
  const { win, chrome, shadow } = await startDemo({ enabledSites: { [ORIGIN]: true } }, { reply });
  return { win, fake: chrome, shadow };
}

test("the done event's languages show the note; Rewrite sends the reply box's draft and shows the 409", async () => {
  const { win, fake, shadow } = await demo(() => ({ ok: false, error: { kind: "client",
    message: "Tandem refused the request (409): rewriting needs a configured model (TANDEM_LLM=anthropic with ANTHROPIC_API_KEY, or TANDEM_LLM=openai); the offline engine does not write new text" } }));
  const port = fake.ports[0];
  const { id } = port.sent.find((m) => m.type === "assist");
  port.deliver({ id, type: "event", event: "done", data: { engine: "extractive", degraded: false, suggestions: [], timing_ms: { total: 5 },
    customer_language: "es", answer_language: "en" } });
  assert.equal(shadow().querySelector('[data-tandem="language-note"]').textContent, "Customer writes Spanish; the suggested answer is in English.");

  const rewriteButton = () => shadow().querySelector('[data-tandem="rewrite-action"][data-action="shorter"]');
  rewriteButton().click();
  await settle();
  assert.equal(fake.messages.filter((m) => m.type === "rewrite").length, 0, "an empty reply box sends nothing");
  assert.match(shadow().querySelector('[data-tandem="rewrite-error"]').textContent, /Write a draft in the reply box first/);

  win.document.getElementById("reply").value = "hi, ur refund is done, 5-10 days";
  rewriteButton().click();
  await settle();
  const sent = fake.messages.filter((m) => m.type === "rewrite");
  assert.deepEqual(sent, [{ type: "rewrite", body: { text: "hi, ur refund is done, 5-10 days", action: "shorter" } }]);
  assert.match(shadow().querySelector('[data-tandem="rewrite-error"]').textContent, /409\): rewriting needs a configured model/);
});

test("a rewrite inserted goes after the agent's draft, never over it, and is never sent", async () => {
  const { win, shadow } = await demo((message) => (message.type === "rewrite"
    ? { ok: true, data: { text: "Hi! Your refund is done: 5-10 days.", action: "fix", language: "en", engine: "openai", checks: { unsupported: [] }, prompt_version: "rewrite@1" } }
    : { ok: true, data: {} }));
  const reply = win.document.getElementById("reply");
  reply.value = "hi, ur refund is done, 5-10 days";
  shadow().querySelector('[data-tandem="rewrite-action"][data-action="fix"]').click();
  await settle();
  shadow().querySelector('[data-tandem="rewrite-insert"]').click();
  assert.equal(reply.value, "hi, ur refund is done, 5-10 days\n\nHi! Your refund is done: 5-10 days.");
});
