// Adapters against fixture pages (tests/extension/fixtures/*.html). Each fixture states where its
// structure comes from and what a correct reading is (<script id="expect">).
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { JSDOM } from "jsdom";
import { ADAPTERS, chooseAdapter, generic } from "../../../extension/adapters/index.js";
import { emailOf, idOf, toConversation } from "../../../extension/adapters/common.js";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../fixtures");
const ADAPTER_FILES = join(dirname(fileURLToPath(import.meta.url)), "../../../extension/adapters");
// One file per helpdesk in extension/adapters/ (CONTRIBUTING: "A new helpdesk adapter"), listed from the
// folder so a new one cannot be left out of these tests; these files are the machinery around them.
const NOT_HELPDESKS = new Set(["index.js", "common.js", "generic.js", "taught.js"]);
const HELPDESKS = readdirSync(ADAPTER_FILES).filter((f) => f.endsWith(".js") && !NOT_HELPDESKS.has(f))
  .map((f) => f.replace(/\.js$/, "")).sort();

export function loadFixture(name, urlOverride) {
  const html = readFileSync(join(FIXTURES, name), "utf8");
  const probe = new JSDOM(html);
  const url = urlOverride || probe.window.document.querySelector('meta[name="fixture-url"]').content;
  const dom = new JSDOM(html, { url });
  const expect = JSON.parse(dom.window.document.getElementById("expect").textContent);
  return { dom, doc: dom.window.document, url: new URL(url), expect };
}

// Fixtures with an expectation block; the others (built by their own scripts) serve the Chromium tests.
const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith(".html") && readFileSync(join(FIXTURES, f), "utf8").includes('id="expect"'));

for (const name of fixtures) {
  test(`${name}: adapter reads ticket, roles, texts and finds the reply box`, () => {
    generic.reset();
    const { doc, url, expect } = loadFixture(name);
    const adapter = chooseAdapter(doc, url);
    assert.equal(adapter.name, expect.adapter);
    const conversation = adapter.read(doc, url);
    assert.equal(conversation.helpdesk, expect.adapter);
    assert.equal(conversation.ticket_id, expect.ticket_id);
    assert.equal(conversation.subject, expect.subject);
    assert.deepEqual(conversation.messages.map((m) => m.role), expect.roles);
    expect.texts.forEach((fragment, i) => assert.match(conversation.messages[i].text, new RegExp(fragment), `message ${i}`));
    // No chrome leaks into message text: author names and timestamps stay out of bodies.
    for (const message of conversation.messages) assert.ok(message.text.length < 400 && message.id);
    assert.equal(adapter.findEditor(doc)?.id, expect.editor);
    if ("note_toggle" in expect) assert.equal(Boolean(adapter.findNoteToggle(doc)), expect.note_toggle);
    if (expect.note_editor) assert.equal(adapter.findNoteEditor(doc)?.id, expect.note_editor);
    // Who the customer is, where the page shows it (issue 28): the backend links their conversations by it.
    if ("customer_id" in expect) assert.equal(conversation.customer?.id, expect.customer_id);
    if ("customer_email" in expect) assert.equal(conversation.customer?.email, expect.customer_email);
  });
}

test("every helpdesk adapter reads the customer's id and e-mail from its fixture's customer panel", () => {
  for (const name of HELPDESKS) {
    const { doc, url, expect } = loadFixture(`${name}.html`);
    assert.ok(expect.customer_id && expect.customer_email, `${name}.html expects a customer id and e-mail`);
    const conversation = chooseAdapter(doc, url).read(doc, url);
    assert.deepEqual([conversation.customer?.id, conversation.customer?.email], [expect.customer_id, expect.customer_email], name);
  }
});

test("agent replies and notes carry their author; customer messages never do", () => {
  const { doc, url } = loadFixture("zendesk.html");
  const conversation = chooseAdapter(doc, url).read(doc, url);
  assert.deepEqual(conversation.messages.map((m) => m.author), [undefined, "Marco Rossi", "Marco Rossi", undefined]);
});

test("without a customer panel no id or e-mail is sent; the agent's own profile link is never taken", () => {
  const { doc, url } = loadFixture("zendesk.html");
  assert.equal(doc.querySelector('[data-test-id="profile-menu"]').getAttribute("href"), "/agent/users/900114");
  doc.querySelector('[data-test-id="customer-context"]').remove();
  const conversation = chooseAdapter(doc, url).read(doc, url);
  assert.equal(conversation.customer?.id, undefined);
  assert.equal(conversation.customer?.email, undefined);
});

test("e-mails and ids are read from links, attributes and text, and junk is refused", () => {
  const doc = new JSDOM(`<a id="a" href="mailto:Dana%40Example.com?subject=hi">write</a><span id="b">Dana Smith &lt;dana@example.com&gt;</span>
    <span id="c">not an address</span><span id="d" data-email="x@y.io"></span><input id="e" value="in@put.org">
    <a id="f" href="/agent/users/123">u</a><span id="g" data-user-id="abc-9"></span><span id="h" data-user-id="no spaces please"></span>
    <a id="i" href="/agent/users/${"9".repeat(201)}">long</a>`).window.document;
  const $ = (id) => doc.getElementById(id);
  assert.equal(emailOf($("a")), "Dana@Example.com");
  assert.equal(emailOf($("b")), "dana@example.com");
  assert.equal(emailOf($("c")), undefined);
  assert.equal(emailOf($("d")), "x@y.io");
  assert.equal(emailOf($("e")), "in@put.org");
  assert.equal(idOf($("f"), /\/agent\/users\/(\d+)/), "123");
  assert.equal(idOf($("g")), "abc-9");
  assert.equal(idOf($("h")), undefined);
  assert.equal(idOf($("i"), /\/agent\/users\/(\d+)/), undefined);
  const conversation = toConversation({ helpdesk: "x", ticketId: 1, url: "https://x.example/1", customerName: "Dana",
    customerId: "123", customerEmail: "dana@example.com", messages: [{ role: "customer", text: "hi" }] });
  assert.deepEqual(conversation.customer, { name: "Dana", id: "123", email: "dana@example.com" });
  assert.equal(toConversation({ helpdesk: "x", ticketId: 1, url: "https://x.example/1", messages: [] }).customer, undefined);
});

test("every helpdesk adapter in extension/adapters/ is registered and has a fixture page", () => {
  assert.ok(HELPDESKS.length >= 8, HELPDESKS.join(", "));
  assert.deepEqual(ADAPTERS.map((a) => a.name).sort(), HELPDESKS);
  for (const name of HELPDESKS) assert.ok(fixtures.includes(`${name}.html`), `tests/extension/fixtures/${name}.html with an expect block`);
});

test("specific adapters are chosen by page structure on custom domains and localhost", () => {
  for (const name of HELPDESKS) {
    const { doc, expect } = loadFixture(`${name}.html`, "http://127.0.0.1:8081/ticket/1");
    assert.equal(expect.adapter, name);
    assert.equal(chooseAdapter(doc, new URL("http://127.0.0.1:8081/ticket/1")).name, name);
  }
});

test("no specific adapter claims a page that is not its helpdesk", () => {
  for (const name of fixtures.filter((f) => f.startsWith("generic-"))) {
    const { doc, url } = loadFixture(name);
    assert.equal(ADAPTERS.find((a) => a.matchesUrl(url) || a.detect(doc)), undefined, name);
  }
});

test("a switched-off helpdesk falls through to the generic adapter, and generic can be switched off", () => {
  const { doc, url } = loadFixture("zendesk.html");
  assert.equal(chooseAdapter(doc, url, { enabled: { zendesk: false } }).name, "generic");
  assert.equal(chooseAdapter(doc, url, { enabled: { zendesk: false, generic: false } }), null);
});

test("taught selectors win over every heuristic", () => {
  const { doc, url } = loadFixture("generic-osticket.html");
  const adapter = chooseAdapter(doc, url, { taught: { message: "#ticketThread > div.thread-entry", editor: "#response" } });
  assert.equal(adapter.name, "taught");
  const conversation = adapter.read(doc, url);
  assert.deepEqual(conversation.messages.map((m) => m.role), ["customer", "agent", "note", "customer"]);
  assert.equal(adapter.findEditor(doc).id, "response");
});

test("broken or empty pages give no conversation instead of throwing", () => {
  for (const html of ["", "<html><body><div><p>", "<body><nav><a href=/a>Tickets</a><a href=/b>Users</a></nav></body>"]) {
    generic.reset();
    const dom = new JSDOM(html, { url: "https://unknown.example/x" });
    const conversation = generic.read(dom.window.document, new URL("https://unknown.example/x"));
    assert.ok(conversation === null || conversation.messages.length === 0);
  }
});

test("customer text that looks like HTML is read as text", () => {
  const dom = new JSDOM(`<main><div class="msg them"><p>&lt;img src=x onerror=alert(1)&gt; hi there, my order is late</p></div>
    <div class="msg me"><p>Hello! Looking into it now.</p></div></main><textarea placeholder="Reply"></textarea>`, { url: "https://x.example/t/12" });
  generic.reset();
  const conversation = generic.read(dom.window.document, new URL("https://x.example/t/12"));
  assert.match(conversation.messages[0].text, /^<img src=x onerror=alert\(1\)> hi there/);
});

test("a 500-message thread is capped to the newest 200 messages", () => {
  const items = Array.from({ length: 500 }, (_, i) => `<div class="entry ${i % 2 ? "agent" : "customer"}"><p>Message number ${i} with some words</p></div>`).join("");
  const dom = new JSDOM(`<main><div class="log">${items}</div><textarea name="reply"></textarea></main>`, { url: "https://x.example/tickets/9" });
  generic.reset();
  const conversation = generic.read(dom.window.document, new URL("https://x.example/tickets/9"));
  assert.equal(conversation.messages.length, 200);
  assert.match(conversation.messages[199].text, /Message number 499/);
});
