// @ts-check
// Chatwoot (open source). Structure from chatwoot/chatwoot components-next/message/Message.vue:
// each message is div#message{id}[data-message-id] whose flex class says where it sits
// (justify-end: sent by the signed-in agent; justify-center: activity). Older UI: li.left / li.right.
import { byText, defineAdapter } from "./common.js";

const SELECTORS = {
  thread: ['[data-testid="message-list"]', ".conversation-panel", "ul.conversation-panel", "main"],
  message: ["[data-message-id]", ".conversation-panel > li.left, .conversation-panel > li.right, .conversation-panel > li.center"],
  body: [".message-text__wrap", "[class*='prose']", ".text-content", ".bubble"],
  author: ["[data-sender-name]", ".message-meta .sender-name"],
  subject: [".conversation-header .user--name", ".conversation--header .user--name"],
  customer: [".conversation-header .user--name", ".contact--name"],
  // The contact panel beside the conversation: its e-mail row and the link to the contact (/contacts/ID).
  customerEmail: [".contact--panel a[href^='mailto:']", ".contact--panel .contact--email"],
  customerId: [".contact--panel a[href*='/contacts/']", ".conversation-header a[href*='/contacts/']"],
  editor: [".ProseMirror-woot-style[contenteditable='true']", ".reply-box .ProseMirror", ".reply-box textarea", "textarea.input"],
};

// The spec's optional fields are untyped in common.js, hence the cast.
export default defineAdapter(/** @type {any} */ ({
  name: "chatwoot",
  label: "Chatwoot",
  hosts: [/^app\.chatwoot\.com$/],
  ticketPattern: /conversations\/(\d+)/,
  customerIdPattern: /\/contacts\/(\d+)/,
  selectors: SELECTORS,
  role(block) {
    if (block.querySelector(".is-private, [class*='private']") || block.classList.contains("is-private")) return "note";
    if (block.classList.contains("justify-center") || block.classList.contains("center")) return "bot";
    if (block.classList.contains("justify-end") || block.classList.contains("right")) return "agent";
    if (block.classList.contains("justify-start") || block.classList.contains("left")) return "customer";
    return null;
  },
  findNoteToggle(doc) {
    return byText(doc, ".reply-box button, .reply-box [role='tab']", /private note/i);
  },
}));
