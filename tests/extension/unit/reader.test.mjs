// The generic reader's scorer and its confidence (extension/adapters/generic.js, extension/lib/judge.js):
// message chrome is not message text, labels are not a thread, an unsure read sends nothing and offers
// Teach, and a taught page is read.
import assert from "node:assert/strict";
import { join } from "node:path";
import { afterEach, test } from "node:test";
import { JSDOM } from "jsdom";
import { generic } from "../../../extension/adapters/index.js";
import { judgementOf } from "../../../extension/adapters/generic.js";
import { ThreadMemory, isLabel, isSentence, judgeRead, tooUnsure } from "../../../extension/lib/judge.js";
import { CONFIDENCE } from "../../../extension/lib/reader-tuning.js";
import { ORIGIN, demo, settle, stopControllers } from "./demo-page.mjs";

afterEach(stopControllers);

const conversation = (ticket, ...messages) => ({ ticket_id: ticket, messages: messages.map(([role, text]) => ({ role, text })) });
const GOOD = [["customer", "My parcel says delivered but it never arrived at my door. What can I do?"],
  ["agent", "Sorry about that. I have opened a trace with the carrier and will write again tomorrow."]];

/** An in-memory sessionStorage. */
function storage() {
  const items = new Map();
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => items.set(k, String(v)) };
}

test("sentences and labels are told apart", () => {
  assert.ok(isSentence("I was charged twice for one order."));
  assert.ok(!isSentence("Follow-up sent to maya"));
  assert.ok(isLabel("Private"));
  assert.ok(isLabel("Sent to maya@example.net"));
  assert.ok(!isLabel("Why was I charged twice?"));
});

test("a thread of customer and agent sentences is read with confidence", () => {
  const judged = judgeRead(conversation("1", ...GOOD));
  assert.ok(judged.confidence >= CONFIDENCE.threshold, JSON.stringify(judged));
  assert.deepEqual(judged.warnings, []);
  assert.equal(tooUnsure(judged), false);
});

test("messages that are all short labels are too unsure to suggest from", () => {
  const judged = judgeRead(conversation("1", ["unknown", "Private"], ["unknown", "Sent to maya@example.net"], ["unknown", "Public"], ["unknown", "Follow-up"]));
  assert.ok(judged.confidence < CONFIDENCE.threshold, JSON.stringify(judged));
  assert.ok(judged.warnings.includes("every message is a short label"));
  assert.ok(tooUnsure(judged));
});

test("no sentence from the customer counts against a read", () => {
  const judged = judgeRead(conversation("1", ["customer", "Order HP-1"], ["agent", "Thanks for writing in, I am checking your order with the warehouse now."]));
  assert.ok(judged.warnings.includes("no sentence from the customer"));
  assert.ok(judged.confidence < CONFIDENCE.threshold);
});

test("the same thread under two ticket URLs is a misread; re-reading one ticket is not", () => {
  const memory = new ThreadMemory(storage());
  assert.ok(!tooUnsure(judgeRead(conversation("1", ...GOOD), {}, memory)));
  assert.ok(!tooUnsure(judgeRead(conversation("1", ...GOOD), {}, memory)), "the same ticket read again");
  const second = judgeRead(conversation("2", ...GOOD), {}, memory);
  assert.ok(second.warnings.includes("the same thread under another ticket"));
  assert.ok(tooUnsure(second));
});

test("thread memory survives a page load through sessionStorage", () => {
  const shared = storage();
  new ThreadMemory(shared).seenElsewhere(GOOD.map(([role, text]) => ({ role, text })), "1");
  assert.equal(new ThreadMemory(shared).seenElsewhere(GOOD.map(([role, text]) => ({ role, text })), "2"), true);
});

// A ticket page in the shape that misled the reader: every follow-up carries visibility labels and a
// "sent to" line in repeated markup, the description is shown apart, and one follow-up is private.
const LABELLED = `<!doctype html><html><body><main>
  <h1>Bike not delivered, charged twice</h1>
  <table class="ticket-info"><tr><th>Submitted by:</th><td>Jonas Weber</td></tr><tr><th>Queue:</th><td>Orders</td></tr></table>
  <div class="ticket-description"><p>The Fjord city bike from order HP-552190 was never delivered and my card shows I was charged twice for it.</p></div>
  <div class="followups">
    <div class="followup"><div class="followup-head"><span class="badge badge-public">Public</span> <span class="recipients">Follow-up sent to jonas@example.net</span>
      <strong class="followup-author">Sam Porter</strong> <time datetime="2026-04-02T11:15:00Z">2 Apr 11:15</time></div>
      <div class="followup-body"><p>Hi Jonas, I am sorry the bike has not arrived. I have asked the warehouse to check the delivery today.</p></div></div>
    <div class="followup"><div class="followup-head"><span class="badge badge-private">Private</span> <span class="recipients">Not sent</span>
      <strong class="followup-author">Sam Porter</strong> <time datetime="2026-04-02T11:20:00Z">2 Apr 11:20</time></div>
      <div class="followup-body"><p>Carrier confirms the parcel is lost, a replacement bike ships tomorrow.</p></div></div>
    <div class="followup"><div class="followup-head"><span class="badge badge-public">Public</span> <span class="recipients">Follow-up sent to support</span>
      <strong class="followup-author">Jonas Weber</strong> <time datetime="2026-04-03T09:30:00Z">3 Apr 09:30</time></div>
      <div class="followup-body"><p>Thanks. I still see two charges of $1,240.00 on my card for one order. Why was I charged twice?</p></div></div>
  </div>
  <form><textarea name="reply" placeholder="Reply"></textarea></form>
</main></body></html>`;

test("visibility labels and recipients are chrome, not messages; the description is the first customer message", () => {
  const url = "https://desk.example.test/tickets/4471/";
  const doc = new JSDOM(LABELLED, { url }).window.document;
  generic.reset();
  const read = generic.read(doc, new URL(url));
  assert.deepEqual(read.messages.map((m) => m.role), ["customer", "agent", "note", "customer"], JSON.stringify(read.messages));
  assert.match(read.messages[0].text, /never delivered/);
  for (const m of read.messages) assert.doesNotMatch(m.text, /Public|Private|sent to|Not sent|Sam Porter$/i, m.text);
  assert.deepEqual(read.messages.map((m) => m.author ?? null), [null, "Sam Porter", "Sam Porter", null]);
  assert.equal(read.customer?.name, "Jonas Weber");
  const judged = judgementOf(read);
  assert.ok(judged && judged.confidence >= CONFIDENCE.threshold, JSON.stringify(judged));
});

test("a reply box with only labels around it is a ticket the reader says it cannot read", () => {
  const url = "https://desk.example.test/tickets/9/";
  const page = `<main><div class="thread">${"<div class='event'><span class='badge'>Private</span> <span>Sent to maya</span></div>".repeat(4)}</div>
    <form><textarea name="reply"></textarea></form></main>`;
  const doc = new JSDOM(page, { url }).window.document;
  generic.reset();
  const read = generic.read(doc, new URL(url));
  const judged = read ? judgementOf(read) : generic.lastJudgement();
  assert.ok(judged && tooUnsure(judged), JSON.stringify({ read, judged }));
});

test("an unreadable page sends nothing and offers Teach; once taught, its thread is read", async () => {
  const file = join(import.meta.dirname, "../fixtures/unreadable.html");
  const { chrome, controller, shadow, win } = await demo({ enabledSites: { [ORIGIN]: true } }, { file, url: `${ORIGIN}/tickets/4471` });
  await settle();
  assert.equal(shadow(), null, "a thread may still be loading: nothing is shown at once");
  await settle(2100); // ...and a scan later the page is still a reply box without a thread
  const notice = shadow()?.querySelector('[data-tandem="unreadable"]');
  assert.ok(notice && !notice.hidden, "the unreadable notice is shown");
  assert.equal(chrome.assists().length, 0, "nothing is asked from a page read wrongly");
  const taught = controller.teach();
  const message = win.document.querySelectorAll("desk-message")[1];
  message.dispatchEvent(new win.MouseEvent("mouseover", { bubbles: true })); // the picker highlights it first
  message.click();
  win.document.getElementById("reply").click();
  await taught;
  await settle();
  assert.equal(controller.adapter.name, "taught");
  const stored = await chrome.storage.local.get(`taught:${ORIGIN}`);
  assert.doesNotMatch(stored[`taught:${ORIGIN}`].message, /tandem-picking/, "the highlight class is not part of the selector");
  assert.ok(notice.hidden, "the notice is gone");
  const sent = chrome.assists().at(-1).conversation;
  assert.deepEqual(sent.messages.map((m) => m.role), ["customer", "agent", "note", "customer"], JSON.stringify(sent.messages));
  assert.match(sent.messages[3].text, /Why was I charged twice\?/);
});
