// @ts-check
// Front (app.frontapp.com/open/cnv_ID or inbox URLs). Front renders with hashed CSS classes, so the
// chain leans on data-testid hooks; messages and internal comments are separate item kinds, and
// comments have their own composer.
import { defineAdapter } from "./common.js";

const SELECTORS = {
  thread: ['[data-testid="conversation-timeline"]', '[data-testid="messageList"]', "main"],
  message: ['[data-testid="message"], [data-testid="comment"]', '[data-testid^="timelineItem"]'],
  body: ['[data-testid="messageBody"]', '[data-testid="commentBody"]', ".message-body", "[class*='body']"],
  author: ['[data-testid="messageAuthor"]', '[data-testid="commentAuthor"]', "[data-testid='recipientName']"],
  time: ["time[datetime]"],
  subject: ['[data-testid="conversationSubject"]', "h1"],
  customer: ['[data-testid="contactName"]'],
  // The contact panel (not a message's recipients: those include the team's own mailboxes).
  customerEmail: ['[data-testid="contactPanel"] [data-testid="contactHandle"]', '[data-testid="contactPanel"] a[href^="mailto:"]'],
  customerId: ['[data-testid="contactPanel"] a[href*="/contacts/"]', '[data-testid="contactPanel"][data-contact-id]'],
  editor: ['[data-testid="draftEditor"] [contenteditable="true"]', '[data-testid="composer"] .ProseMirror', ".ProseMirror[contenteditable='true']"],
  noteEditor: ['[data-testid="commentComposer"] [contenteditable="true"]', '[data-testid="commentComposer"] textarea'],
};

// The spec's optional fields are untyped in common.js, hence the cast.
export default defineAdapter(/** @type {any} */ ({
  name: "front",
  label: "Front",
  hosts: [/^app\.frontapp\.com$/],
  ticketPattern: /(?:open|conversations?)\/(cnv_[a-z0-9]+|\d+)/i,
  customerIdPattern: /\/contacts\/(crd_[a-z0-9]+|\d+)/i,
  selectors: SELECTORS,
  role(block) {
    if (block.getAttribute("data-testid") === "comment") return "note";
    const direction = (block.getAttribute("data-direction") || "").toLowerCase();
    if (direction === "inbound") return "customer";
    if (direction === "outbound") return "agent";
    return null;
  },
}));
