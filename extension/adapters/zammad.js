// @ts-check
// Zammad (open source; self-hosted or *.zammad.com). Structure from Zammad's own app and
// capybara tests: .ticket-article-item carries agent / customer / system and is-internal classes.
import { defineAdapter } from "./common.js";

const SELECTORS = {
  thread: [".content.active .ticket-article", ".ticket-article"],
  message: [".ticket-article-item"],
  body: [".textBubble-content .richtext-content", ".textBubble-content", ".textBubble"],
  author: [".article-meta .from .value", ".article-content-meta .from", ".js-avatar[title]"],
  time: ["time[datetime]", ".humanTimeFromNow[datetime]"],
  subject: [".content.active .ticket-title-update", ".content.active .ticketZoom-header .ticket-title", ".ticket-title"],
  customer: [".content.active .ticketZoom-header .ticket-customer .name", ".tabsSidebar .customer .user-name"],
  // The customer tab of the ticket sidebar: the e-mail attribute and the link to #user/profile/ID.
  customerEmail: [".content.active .sidebar[data-tab='customer'] [data-name='email']", ".content.active .sidebar[data-tab='customer'] a[href^='mailto:']"],
  customerId: [".content.active .sidebar[data-tab='customer'] a[href^='#user/profile/']", ".content.active .ticketZoom-header .ticket-customer a[href^='#user/profile/']"],
  editor: [".content.active .articleNewEdit-body[contenteditable]", ".articleNewEdit-body[contenteditable]", ".articleNewEdit-body"],
  noteToggle: [".content.active .js-toggleVisibility", ".articleNewEdit-internal .js-toggleVisibility"],
};

// The spec's optional fields are untyped in common.js, hence the cast.
export default defineAdapter(/** @type {any} */ ({
  name: "zammad",
  label: "Zammad",
  hosts: [/(^|\.)zammad\.com$/],
  ticketPattern: /ticket\/zoom\/(\d+)/,
  customerIdPattern: /#user\/profile\/(\d+)/,
  selectors: SELECTORS,
  role(block) {
    if (block.classList.contains("system")) return "bot";
    if (block.classList.contains("is-internal") || block.querySelector(".internal-border, .textBubble.internal")) return "note";
    if (block.classList.contains("agent")) return "agent";
    if (block.classList.contains("customer")) return "customer";
    return null;
  },
}));
