// Pure pieces of the extension: SSE parsing, settings validation, insertion, picker selectors.
import assert from "node:assert/strict";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import { SSEParser } from "../../../extension/lib/sse.js";
import { DEFAULTS, domainToPattern, forBackend, normalizeBackendUrl } from "../../../extension/lib/settings.js";
import { insertText } from "../../../extension/content/insert.js";
import { messageBlockOf, messageSelector, uniqueSelector } from "../../../extension/content/picker.js";
import { safeHref } from "../../../extension/overlay/overlay.js";

test("SSE parser handles events split across chunks, CRLF, comments and multi-line data", () => {
  const parser = new SSEParser();
  assert.deepEqual(parser.push("event: signals\r\ndata: {\"a\":"), []);
  assert.deepEqual(parser.push("1}\r\n\r\n: keep-alive\n\nevent: delta\ndata: line1\ndata: line2\n\n"), [
    { event: "signals", data: "{\"a\":1}" },
    { event: "delta", data: "line1\nline2" },
  ]);
  assert.deepEqual(parser.push("data: no event name\n\nevent: empty\n\n"), [{ event: "message", data: "no event name" }]);
  assert.equal(parser.buffer, "");
});

test("backend URL is normalised to a bare origin and bad values are refused with a reason", () => {
  assert.equal(normalizeBackendUrl(" http://127.0.0.1:8080/ "), "http://127.0.0.1:8080");
  assert.equal(normalizeBackendUrl("https://tandem.example.com/v1/assist"), "https://tandem.example.com");
  assert.throws(() => normalizeBackendUrl("127.0.0.1:8080"), /http/);
  assert.throws(() => normalizeBackendUrl("javascript:alert(1)"), /http/);
  assert.throws(() => normalizeBackendUrl(""), /look like/);
});

test("custom domains become https match patterns", () => {
  assert.equal(domainToPattern("support.example.com"), "https://support.example.com/*");
  assert.equal(domainToPattern("http://desk.local:8000/tickets"), "http://desk.local/*");
  assert.throws(() => domainToPattern("ftp://x.example"), /Not a web address/);
});

test("only http(s) citation links are rendered as links", () => {
  assert.equal(safeHref("https://help.example/a"), "https://help.example/a");
  assert.equal(safeHref("javascript:alert(1)"), null);
  assert.equal(safeHref("data:text/html,<b>x"), null);
  assert.equal(safeHref(null), null);
});

function page(html) {
  return new JSDOM(`<body>${html}</body>`, { url: "https://desk.example/t/1" }).window.document;
}

test("textarea insert goes after the agent's draft, fires input, never replaces a selection", () => {
  const doc = page('<textarea id="r"></textarea>');
  const area = doc.getElementById("r");
  const events = [];
  area.addEventListener("input", (e) => events.push(e.inputType));
  area.value = "Hi Dana,";
  insertText(area, "Your refund is on its way.");
  assert.equal(area.value, "Hi Dana,\n\nYour refund is on its way.");
  assert.deepEqual(events, ["insertText"]);
  // A selection over the agent's words is collapsed to its end, not overwritten.
  area.value = "Hello there friend";
  insertText(area, "X", { element: area, start: 6, end: 11 });
  assert.equal(area.value, "Hello there X friend");
});

test("contenteditable insert keeps the draft and notifies listeners", () => {
  const doc = page('<div id="e" contenteditable="true">Draft text</div>');
  const editor = doc.getElementById("e");
  let inputs = 0;
  editor.addEventListener("input", () => (inputs += 1));
  insertText(editor, "Suggested reply.");
  assert.match(editor.textContent, /^Draft text[\s\S]*Suggested reply\.$/);
  assert.equal(inputs, 1);
});

test("insert without a reply box is a clear error", () => {
  assert.throws(() => insertText(null, "x"), /No reply box/);
});

test("picker turns one clicked message into a selector for the whole thread", () => {
  const doc = page(`<div id="app"><section class="pane"><div class="thread-list">
    <div class="item-x1"><span class="who">Ana</span><p class="txt">First message here</p></div>
    <div class="item-x1"><span class="who">Bo</span><p class="txt">Second message here</p></div>
    <div class="item-x1"><span class="who">Ana</span><p class="txt">Third message here</p></div>
  </div></section><div><textarea></textarea></div></div>`);
  const clicked = doc.querySelectorAll(".txt")[1];
  const block = messageBlockOf(clicked);
  assert.equal(block.className, "item-x1");
  const selector = messageSelector(block);
  assert.equal(doc.querySelectorAll(selector).length, 3, selector);
  const editorSelector = uniqueSelector(doc.querySelector("textarea"));
  assert.equal(doc.querySelector(editorSelector), doc.querySelector("textarea"));
});

test("customer linking: on by default; off, the customer's id and e-mail never reach the backend", () => {
  assert.equal(DEFAULTS.linkCustomers, true);
  const conversation = { helpdesk: "zendesk", ticket_id: "1", messages: [], customer: { name: "Dana", id: "42", email: "d@x.io" } };
  assert.equal(forBackend(conversation, true), conversation);
  assert.equal(forBackend(conversation, undefined), conversation); // never saved: the default
  assert.deepEqual(forBackend(conversation, false).customer, { name: "Dana" });
  assert.deepEqual(conversation.customer, { name: "Dana", id: "42", email: "d@x.io" }); // not changed in place
  const noName = forBackend({ ...conversation, customer: { id: "42" } }, false);
  assert.equal("customer" in noName, false);
});
