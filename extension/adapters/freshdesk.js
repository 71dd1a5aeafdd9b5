// @ts-check
// Freshdesk (agent portal /a/tickets/N). The reply editor is Froala (.fr-element.fr-view), as
// public userscripts show; conversation selectors are a fallback chain over the Ember portal's
// data-test hooks and class names (not verified against a live account: the fixture says so).
import { byText, defineAdapter } from "./common.js";

const SELECTORS = {
  thread: ['[data-test-id="conversation-wrapper"]', ".ticket-details__conversations", "#ticket-conversations", ".conversation-list"],
  message: ['[data-test-id="ticket-description"], [data-test-id="conversation-item"]', ".ticket-description, .conversation-item", ".conversation"],
  body: ['[data-test-id="conversation-text"]', ".conversation-text", ".text__content", ".fr-view", ".content"],
  author: ['[data-test-id="conversation-author"]', ".user-name", ".conversation-name", ".author"],
  time: ["time[datetime]", "[data-test-id='conversation-time'][title]"],
  subject: ['[data-test-id="ticket-subject"]', ".ticket-subject-heading", ".ticket-subject h2", "h2.subject"],
  customer: ['[data-test-id="requester-name"]', ".requester-name", ".contact-name"],
  // The requester widget in the ticket sidebar: e-mail and the link to the contact (/a/contacts/ID).
  customerEmail: ['[data-test-id="requester-info-email"]', ".requester-info .email", ".requester-info a[href^='mailto:']"],
  customerId: ['[data-test-id="requester-info"] a[href*="/a/contacts/"]', ".requester-info a[href*='/contacts/']"],
  editor: ['.fr-element.fr-view[contenteditable="true"]', ".redactor-editor[contenteditable='true']", "textarea[name='body']"],
};

// The spec's optional fields are untyped in common.js, hence the cast.
export default defineAdapter(/** @type {any} */ ({
  name: "freshdesk",
  label: "Freshdesk",
  hosts: [/(^|\.)freshdesk\.com$/],
  ticketPattern: /\/a\/tickets\/(\d+)/,
  customerIdPattern: /\/contacts\/(\d+)/,
  selectors: SELECTORS,
  role(block) {
    const cls = block.className || "";
    if (/private|note/i.test(cls)) return "note";
    if (block.matches('[data-test-id="ticket-description"], .ticket-description') || /requester|customer/i.test(cls)) return "customer";
    if (/agent|is-reply|outgoing/i.test(cls)) return "agent";
    return null;
  },
  findNoteToggle(doc) {
    return doc.querySelector('[data-test-id="add-note-button"], [data-test-ticket-action="note"]') ||
      byText(doc, ".ticket-actions button, .reply-actions button", /^add note$|^note$/i);
  },
}));
