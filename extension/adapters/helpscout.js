// @ts-check
// Help Scout (secure.helpscout.net/conversation/ID/NUMBER). Thread types follow Help Scout's own
// model (customer / message / note / lineitem, as in its API); the DOM carries them as classes
// on each thread. Editor: the reply composer's contenteditable.
import { byText, defineAdapter } from "./common.js";

const SELECTORS = {
  thread: ['[data-cy="ThreadList"]', "#threads", ".c-conversation-threads", ".threads"],
  message: ['[data-cy="Thread"]', ".thread", ".c-thread"],
  body: ['[data-cy="ThreadBody"]', ".thread-content", ".js-thread-content", ".message-body"],
  author: ['[data-cy="ThreadAuthor"]', ".thread-author", ".thread-person", ".author"],
  time: ["time[datetime]", "[data-cy='ThreadTime'][title]"],
  subject: ['[data-cy="ConversationSubject"]', "#subjectLine", ".c-conversation-subject", ".subject h1"],
  customer: ['[data-cy="CustomerName"]', ".customer-name", ".c-customer-card .name"],
  // The customer card in the sidebar: the e-mail the conversation came from and the profile link (/customer/ID/).
  customerEmail: ['[data-cy="CustomerEmail"]', ".c-customer-card a[href^='mailto:']", ".c-customer-card .email"],
  customerId: ['[data-cy="CustomerName"] a[href*="/customer/"]', ".c-customer-card a[href*='/customer/']"],
  editor: ['[data-cy="Editor"] [contenteditable="true"]', ".c-editor .ProseMirror", "#reply-editor [contenteditable='true']", ".redactor_editor"],
};

// The spec's optional fields are untyped in common.js, hence the cast.
export default defineAdapter(/** @type {any} */ ({
  name: "helpscout",
  label: "Help Scout",
  hosts: [/^secure\.helpscout\.net$/],
  ticketPattern: /conversation\/(\d+)/,
  customerIdPattern: /\/customers?\/(\d+)/,
  selectors: SELECTORS,
  role(block) {
    const type = `${block.getAttribute("data-thread-type") || ""} ${block.className || ""}`.toLowerCase();
    if (/\bnote\b/.test(type)) return "note";
    if (/\blineitem\b/.test(type)) return "bot";
    if (/\bcustomer\b/.test(type)) return "customer";
    if (/\b(?:message|reply)\b/.test(type)) return "agent";
    return null;
  },
  findNoteToggle(doc) {
    return doc.querySelector('[data-cy="NoteButton"], .js-note') || byText(doc, "header button, .c-conversation-toolbar button", /^note$/i);
  },
}));
