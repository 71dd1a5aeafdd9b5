// @ts-check
// Gorgias (*.gorgias.com/app/ticket/ID). The reply editor is Draft.js
// (.public-DraftEditor-content); messages say whether they come from the customer or an agent
// and internal notes are their own kind.
import { byText, defineAdapter } from "./common.js";

const SELECTORS = {
  thread: ['[data-testid="ticket-body"]', ".ticket-body", "[class*='TicketBody']"],
  message: ['[data-testid="ticket-message"]', ".ticket-message", "[class*='TicketMessage_container']"],
  body: ['[data-testid="message-body"]', ".message-body", "[class*='MessageBody']"],
  author: ['[data-testid="message-sender"]', ".message-sender", "[class*='SenderName']"],
  time: ["time[datetime]", "[data-testid='message-date'][title]"],
  subject: ['[data-testid="ticket-subject"] input', '[data-testid="ticket-subject"]', ".ticket-subject"],
  customer: ['[data-testid="customer-name"]', ".customer-name"],
  // The customer sidebar: the e-mail channel and the link to the customer's page (/app/customer/ID).
  customerEmail: ['[data-testid="customer-email"]', ".customer-channels a[href^='mailto:']"],
  customerId: ['[data-testid="customer-name"] a[href*="/customer/"]', ".customer-sidebar a[href*='/customer/']"],
  editor: ['[data-testid="ticket-reply-editor"] .public-DraftEditor-content', ".public-DraftEditor-content[contenteditable='true']"],
};

// The spec's optional fields are untyped in common.js, hence the cast.
export default defineAdapter(/** @type {any} */ ({
  name: "gorgias",
  label: "Gorgias",
  hosts: [/(^|\.)gorgias\.com$/],
  ticketPattern: /ticket\/(\d+)/,
  customerIdPattern: /\/customers?\/(\d+)/,
  selectors: SELECTORS,
  role(block) {
    const who = `${block.getAttribute("data-from") || ""} ${block.className || ""}`.toLowerCase();
    if (/internal|note/.test(who)) return "note";
    if (/from-agent|\bagent\b/.test(who)) return "agent";
    if (/from-customer|\bcustomer\b/.test(who)) return "customer";
    return null;
  },
  findNoteToggle(doc) {
    return doc.querySelector('[data-testid="internal-note-toggle"]') || byText(doc, "button, [role='tab']", /^internal note$/i);
  },
}));
