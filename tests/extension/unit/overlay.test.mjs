// The overlay under jsdom: unverified drafts while text streams, evidence checks on final answers
// (warning, marked spans, a second click to insert), uncited answers, the site line, errors.
import assert from "node:assert/strict";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import { Overlay, ago, checksState, freshnessLabel, unsupportedRanges } from "../../../extension/overlay/overlay.js";

/** A page with the overlay mounted; jsdom has no constructable stylesheets, so they are stubbed. */
export function mountOverlay(handlers = {}) {
  const dom = new JSDOM("<body><textarea id=reply></textarea></body>", { url: "http://127.0.0.1:8081/#ticket/101" });
  const win = dom.window;
  if (!win.CSSStyleSheet.prototype.replaceSync) win.CSSStyleSheet.prototype.replaceSync = function replaceSync() {};
  const calls = [];
  const overlay = new Overlay(win.document, {
    onInsert: (data) => calls.push(["insert", data.id]),
    onFeedback: (data, action) => calls.push(["feedback", data.id, action]),
    ...handlers,
  }).mount();
  const $ = (selector) => overlay.root.querySelector(selector);
  const $$ = (selector) => Array.from(overlay.root.querySelectorAll(selector));
  return { overlay, calls, $, $$, win };
}

const TEXT = "Sorry about the delay. We added a $25 credit to your account and your parcel ships within 2 days.";

function answer(checks, overrides = {}) {
  return { id: "s-1", kind: "answer", text: TEXT, confidence: 0.8, grounded: true,
    citations: [{ article_id: "delayed-shipment", title: "Delayed shipments", url: "https://help.example/a/1", quote: "Parcels ship within 2 days." }],
    ...(checks === undefined ? {} : { checks }), ...overrides };
}

test("while deltas stream the card is an unverified draft that cannot be inserted", () => {
  const { overlay, $ } = mountOverlay();
  overlay.upsertSuggestion(0, { text: "Sorry about the", state: "streaming" });
  const card = $('[data-tandem="suggestion"]');
  assert.equal(card.dataset.state, "streaming");
  const note = $('[data-tandem="draft-note"]');
  assert.equal(note.hidden, false);
  assert.equal(note.textContent, "Unverified draft — checking against the KB…");
  assert.equal($('[data-tandem="insert"]').disabled, true);
  overlay.upsertSuggestion(0, { text: TEXT, state: "final", data: answer({ cited: true, unsupported: [] }) });
  assert.equal(card.dataset.state, "final");
  assert.equal(note.hidden, true);
  assert.equal($('[data-tandem="insert"]').disabled, false);
  assert.equal(card.dataset.checks, "passed");
  assert.equal($('[data-tandem="checks"]').hidden, true);
  assert.equal(card.querySelector(".kind").textContent, "Answer from KB");
});

test("unsupported spans: a warning lists each, the text marks them, Insert needs a second click", () => {
  const { overlay, calls, $, $$ } = mountOverlay();
  const data = answer({ cited: true, unsupported: [{ text: "$25 credit", kind: "amount" }, { text: "2 days", kind: "duration" }] });
  overlay.upsertSuggestion(0, { text: TEXT, state: "final", data });
  const card = $('[data-tandem="suggestion"]');
  assert.equal(card.dataset.checks, "unsupported");
  const warning = card.querySelector('[data-tandem="checks"]');
  assert.equal(warning.hidden, false);
  assert.equal(warning.textContent, "Not found in the cited articles: “$25 credit”, “2 days”");
  const marks = $$('[data-tandem="unsupported"]');
  assert.deepEqual(marks.map((m) => [m.tagName, m.textContent, m.dataset.kind]), [["MARK", "$25 credit", "amount"], ["MARK", "2 days", "duration"]]);
  assert.equal(card.querySelector(".text").textContent, TEXT, "marking changes no text");
  const insert = card.querySelector('[data-tandem="insert"]');
  insert.click();
  assert.deepEqual(calls, [], "first click only asks");
  assert.equal(insert.dataset.confirm, "pending");
  assert.equal(insert.textContent, "Insert anyway");
  insert.click();
  assert.deepEqual(calls, [["insert", "s-1"]]);
});

test("an answer the checks found uncited is not shown as an answer from the KB", () => {
  const { overlay, calls, $ } = mountOverlay();
  overlay.upsertSuggestion(0, { text: TEXT, state: "final", data: answer({ cited: false, unsupported: [] }, { citations: [] }) });
  const card = $('[data-tandem="suggestion"]');
  assert.equal(card.dataset.checks, "uncited");
  assert.notEqual(card.querySelector(".kind").textContent, "Answer from KB");
  assert.match(card.querySelector(".kind").textContent, /Unverified answer/);
  assert.match(card.querySelector('[data-tandem="checks"]').textContent, /cites no knowledge-base article/);
  card.querySelector('[data-tandem="insert"]').click();
  assert.deepEqual(calls, []);
  card.querySelector('[data-tandem="insert"]').click();
  assert.deepEqual(calls, [["insert", "s-1"]]);
});

test("suggestions without checks (older backends, clarify, escalate) render as before", () => {
  const { overlay, calls, $ } = mountOverlay();
  overlay.upsertSuggestion(0, { text: TEXT, state: "final", data: answer(undefined) });
  const card = $('[data-tandem="suggestion"]');
  assert.equal(card.dataset.checks, undefined);
  assert.equal(card.querySelector('[data-tandem="checks"]').hidden, true);
  card.querySelector('[data-tandem="insert"]').click();
  assert.deepEqual(calls, [["insert", "s-1"]]);
});

test("customer or model text in a flagged span stays text", () => {
  const { overlay, $, $$ } = mountOverlay();
  const text = "Use <img src=x onerror=alert(1)> for a $5 refund";
  overlay.upsertSuggestion(0, { text, state: "final", data: answer({ cited: true, unsupported: [{ text: "<img src=x onerror=alert(1)>", kind: "other" }] }, { text }) });
  assert.equal($$("img").length, 0);
  assert.equal($('[data-tandem="unsupported"]').textContent, "<img src=x onerror=alert(1)>");
});

test("spans are found exactly, then ignoring case, and overlapping ones are merged", () => {
  assert.deepEqual(unsupportedRanges("A $25 Credit and a $25 credit", [{ text: "$25 credit" }]).map((r) => r.start), [19]);
  assert.deepEqual(unsupportedRanges("A $25 Credit", [{ text: "$25 credit" }]).map((r) => [r.start, r.end]), [[2, 12]]);
  assert.deepEqual(unsupportedRanges("ships in 2 days", [{ text: "in 2 days" }, { text: "2 days" }]).map((r) => [r.start, r.end]), [[6, 15]]);
  assert.deepEqual(unsupportedRanges("nothing here", [{ text: "absent" }, { text: "" }, null]), []);
  assert.equal(checksState({ checks: { cited: true, unsupported: [] } }), "passed");
  assert.equal(checksState({ checks: { cited: false, unsupported: [{ text: "x" }] } }), "uncited");
  assert.equal(checksState({}), null);
});

test("the site line names the site being read and its stop button calls back", () => {
  let stopped = 0;
  const { overlay, $ } = mountOverlay({ onStopSite: () => (stopped += 1) });
  assert.equal($('[data-tandem="site"]').hidden, true);
  overlay.setSite("127.0.0.1:8081");
  assert.equal($('[data-tandem="site"]').hidden, false);
  assert.equal($('[data-tandem="site"]').textContent, "Reading 127.0.0.1:8081 — stop");
  $('[data-tandem="site-stop"]').click();
  assert.equal(stopped, 1);
  overlay.setSite(null);
  assert.equal($('[data-tandem="site"]').hidden, true);
});

test("a failure that is not retried offers Try again and keeps the whole request id", () => {
  let retried = 0;
  const { overlay, $ } = mountOverlay({ onRetry: () => (retried += 1) });
  overlay.setStatus("Tandem failed while answering (request 3f2a1b9c…). Try again.", "error", { retry: true, requestId: "3f2a1b9c-77d0" });
  const status = $('[data-tandem="status"]');
  assert.equal(status.dataset.requestId, "3f2a1b9c-77d0");
  assert.equal($('[data-tandem="retry"]').hidden, false);
  $('[data-tandem="retry"]').click();
  assert.equal(retried, 1);
  overlay.setStatus("Writing…");
  assert.equal($('[data-tandem="retry"]').hidden, true);
  assert.equal(status.dataset.requestId, undefined);
});

test("only an answer shows a confidence: clarify and escalate carry priorities, not probabilities", () => {
  const { overlay, $$ } = mountOverlay();
  overlay.upsertSuggestion(0, { text: TEXT, state: "final", data: answer({ cited: true, unsupported: [] }, { confidence: 0.27 }) });
  overlay.upsertSuggestion(1, { text: "Could you share your order number?", state: "final",
    data: { id: "s-2", kind: "clarify", text: "Could you share your order number?", priority: "high", grounded: false, citations: [] } });
  // A backend before `priority` sent clarify and escalate a fixed confidence: still not shown.
  overlay.upsertSuggestion(2, { text: "Let me pass you to a colleague.", state: "final",
    data: { id: "s-3", kind: "escalate", text: "Let me pass you to a colleague.", confidence: 0.85, grounded: false, citations: [] } });
  const shown = $$('[data-tandem="suggestion"]').map((card) => card.querySelector(".confidence").textContent);
  assert.deepEqual(shown, ["· confidence 27%", "", ""]);
});

test("earlier conversations of the customer show collapsed, with summaries, escalations and promises", () => {
  const { overlay, $, $$ } = mountOverlay();
  assert.equal($('[data-tandem="context"]').hidden, true);
  overlay.setContext({ previous_conversations: 0, recent: [] });
  assert.equal($('[data-tandem="context"]').hidden, true);
  overlay.setContext({ previous_conversations: 2, recent: [
    { ticket_id: "T-2", last_activity_at: "2026-03-06T10:00:00Z", summary: "The customer says the cord is <b>frayed</b>.",
      risk: "high", escalated: true, open_promises: [] },
    { ticket_id: "T-1", last_activity_at: "2026-03-02T09:05:00Z", summary: "The lamp arrived broken.", risk: "low",
      escalated: false, open_promises: [{ text: "A refund of €42.50 within 5 business days.", due: "2026-03-09T09:05:00Z", status: "overdue" }] },
  ] });
  const context = $('[data-tandem="context"]');
  assert.equal(context.hidden, false);
  assert.equal(context.tagName, "DETAILS");
  assert.equal(context.open, false); // collapsed until the agent opens it
  assert.equal($('[data-tandem="context-toggle"]').textContent, "2 earlier conversations with this customer · 1 open promise");
  const items = $$('[data-tandem="context-item"]');
  assert.deepEqual(items.map((i) => [i.dataset.ticketId, i.dataset.escalated, i.open]), [["T-2", "true", false], ["T-1", "false", false]]);
  assert.equal(items[0].querySelector('[data-tandem="escalated"]').textContent, "escalated");
  assert.equal(items[1].querySelector('[data-tandem="escalated"]'), null);
  assert.deepEqual($$('[data-tandem="context-summary"]').map((p) => p.textContent),
    ["The customer says the cord is <b>frayed</b>.", "The lamp arrived broken."]); // text, never markup
  assert.equal($('b'), null);
  const promise = $('[data-tandem="promise"]');
  assert.equal(promise.dataset.status, "overdue");
  assert.equal(promise.textContent, "Overdue (due 2026-03-09): A refund of €42.50 within 5 business days.");
  overlay.clearSuggestions(); // the next conversation starts without the last one's customer
  assert.equal(context.hidden, true);
  assert.equal($$('[data-tandem="context-item"]').length, 0);
});

test("a citation says how fresh its article is: reviewed when and by whom, overdue, or agents say otherwise", () => {
  const now = Date.parse("2026-12-07T10:00:00Z");
  assert.equal(ago("2026-10-05", now), "2 months ago");
  assert.equal(ago("2026-12-01", now), "6 days ago");
  assert.deepEqual(freshnessLabel({ reviewed_at: "2026-10-05", reviewed_by: null, owner: "Ana", overdue: false, drift: false }, now),
    ["fresh", "reviewed 2 months ago (Ana)"]);
  assert.deepEqual(freshnessLabel({ reviewed_at: "2025-01-01", owner: "Ana", overdue: true, drift: false }, now),
    ["overdue", "review overdue"]);
  assert.deepEqual(freshnessLabel({ reviewed_at: null, owner: null, overdue: true, drift: false }, now),
    ["overdue", "never reviewed"]);
  assert.equal(freshnessLabel(undefined), null);

  const { overlay, $, $$ } = mountOverlay();
  const cite = (article_id, freshness) => ({ article_id, title: article_id, url: `https://help.example/${article_id}`, quote: "", freshness });
  overlay.upsertSuggestion(0, { text: TEXT, state: "final", data: answer({ cited: true, unsupported: [] }, { citations: [
    cite("returns", { reviewed_at: "2026-11-20", reviewed_by: "Chloe", owner: "Ana", overdue: false, drift: true }),
    cite("rental", { reviewed_at: "2025-01-01", reviewed_by: null, owner: "Ben", overdue: true, drift: false }),
    cite("old-backend"),
  ] }) });
  const labels = $$('[data-tandem="freshness"]');
  assert.deepEqual(labels.map((el) => [el.dataset.state, el.textContent]),
    [["drift", "agents say otherwise"], ["overdue", "review overdue"]]);
  assert.equal($$('[data-tandem="citation"]').length, 3);  // a citation without freshness still shows
  assert.ok($('[data-tandem="citation"][data-article-id="returns"]').parentElement.querySelector('[data-tandem="freshness"]'));
});
