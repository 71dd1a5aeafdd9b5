// @ts-check
// Zendesk Support, Agent Workspace. Structure: data-test-id hooks of the Agent Workspace
// (omni-log-*, omnicomposer-*) as used by public userscripts and extensions; legacy classes as fallback.
import { byText, defineAdapter } from "./common.js";

const SELECTORS = {
  thread: ['[data-test-id="omni-log-container"]', ".workspace.active .audits", ".event-container"],
  message: ['article[data-test-id="omni-log-comment-item"]', '[data-test-id="omni-log-comment-item"]', ".event.is-public, .event.is-private"],
  body: ['[data-test-id="omni-log-message-content"]', '[data-test-id="omni-log-item-message"]', ".zd-comment", ".comment"],
  author: ['[data-test-id="omni-log-item-sender"]', ".actor .name", ".author"],
  time: ['time[data-test-id^="timestamp-"]', "time"],
  subject: ['input[data-test-id="omni-header-subject"]', '[data-test-id="ticket-pane-subject"]', 'input[name="subject"]'],
  customer: ['[data-test-id="ticket-system-field-requester-select"] [data-test-id="tag-text"]', '[data-test-id="requester-name"]'],
  // The customer context panel beside the ticket (the requester's profile: e-mail, link to /agent/users/ID).
  customerEmail: ['[data-test-id="customer-context-email"]', '[data-test-id="customer-context"] a[href^="mailto:"]'],
  customerId: ['[data-test-id="customer-context-username"] a[href*="/agent/users/"]', '[data-test-id="customer-context"] a[href*="/agent/users/"]', '[data-test-id="ticket-system-field-requester-select"][data-user-id]'],
  editor: [
    '[data-test-id="omnicomposer-rich-text-ckeditor"]',
    '[data-test-id="omnicomposer-plain-text-ckeditor"][contenteditable="true"]',
    '[data-test-id="ticket-rich-text-editor"] [contenteditable="true"][role="textbox"]',
    '.zendesk-editor--rich-text-container [contenteditable="true"]',
    '.ck-editor__editable[contenteditable="true"]',
  ],
  internalTag: ['[data-test-id="omni-log-internal-note-tag"]', '[data-test-id*="internal-note"]', ".is-private"],
};

// The spec's optional fields are untyped in common.js, hence the cast.
export default defineAdapter(/** @type {any} */ ({
  name: "zendesk",
  label: "Zendesk",
  hosts: [/(^|\.)zendesk\.com$/],
  ticketPattern: /\/agent\/tickets\/(\d+)/,
  customerIdPattern: /\/agent\/users\/(\d+)/,
  selectors: SELECTORS,
  role(block) {
    if (block.matches(".is-private") || SELECTORS.internalTag.some((s) => block.querySelector(s))) return "note";
    return null; // speakers are told apart by name: the requester wrote first
  },
  findNoteToggle(doc) {
    return doc.querySelector('[data-test-id="omnichannel-channel-switcher-menuitem-internal"]') ||
      byText(doc, '[data-test-id^="omnichannel-channel-switcher"] button, [role="menuitem"]', /internal note/i);
  },
}));
