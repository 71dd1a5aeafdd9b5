// @ts-check
// Intercom Inbox (app.intercom.com/a/inbox/.../conversation/ID). Conversation parts carry who
// wrote them (admin = teammate, user / lead = customer, note, bot); the composer is ProseMirror
// with Reply and Note tabs.
import { byText, defineAdapter } from "./common.js";

const SELECTORS = {
  thread: ['[data-test-conversation-stream]', ".conversation__stream", '[data-testid="conversation-stream"]'],
  message: ["[data-part-id]", "[data-conversation-part-id]", ".conversation__part"],
  body: ["[data-test-conversation-part-body]", ".conversation__text", ".intercom-interblocks", ".o__part-body"],
  author: ["[data-test-part-author]", ".conversation__part__author", ".o__author"],
  time: ["time[datetime]"],
  subject: ['[data-test-conversation-title]', ".conversation__title", "h1"],
  customer: ['[data-test-user-name]', ".inbox__conversation-header .o__user-name", ".user-name"],
  // The user details panel: the e-mail attribute and the link to the user's profile (/users/ID).
  customerEmail: ["[data-test-user-email]", '[data-test-user-attribute="email"]', ".user-details a[href^='mailto:']"],
  customerId: ['[data-test-user-name] a[href*="/users/"]', ".user-details a[href*='/users/']", "[data-test-user-name][data-user-id]"],
  editor: ['[data-test-composer] .ProseMirror[contenteditable="true"]', ".composer-inbox [contenteditable='true']", ".ProseMirror[contenteditable='true']"],
};

// The spec's optional fields are untyped in common.js, hence the cast.
export default defineAdapter(/** @type {any} */ ({
  name: "intercom",
  label: "Intercom",
  hosts: [/^app\.intercom\.com$/, /^app\.eu\.intercom\.com$/, /^app\.au\.intercom\.com$/],
  ticketPattern: /conversations?\/(\d+)/,
  customerIdPattern: /\/users\/([0-9a-f]{8,}|\d+)/,
  selectors: SELECTORS,
  role(block) {
    const who = `${block.getAttribute("data-part-author-type") || ""} ${block.className || ""}`.toLowerCase();
    if (/\bnote\b|o__note|part--note/.test(who)) return "note";
    if (/\bbot\b|o__bot|operator/.test(who)) return "bot";
    if (/\badmin\b|o__admin|teammate/.test(who)) return "agent";
    if (/\buser\b|\blead\b|o__user|o__lead|contact/.test(who)) return "customer";
    return null;
  },
  findNoteToggle(doc) {
    return doc.querySelector('[data-test-composer-tab="note"]') || byText(doc, "[role='tab'], .composer button", /^note$/i);
  },
}));
