// @ts-check
// What every adapter shares: turning a page's message blocks into a Conversation (DESIGN.md contract).
import { all, cueText, first, hash, isVisible, lineOf, textOf } from "../lib/dom.js";

export const MAX_MESSAGES = 200; // the backend's limit; the newest ones matter most
const MAX_MESSAGE_CHARS = 20000;

// Speaker cues found in class names and data attributes of real helpdesks and chat widgets.
// Strong words count anywhere (hyphen-separated parts too); weak ones only as a whole class token,
// because "left" or "in" inside "text-left" or "sign-in" says nothing about the speaker.
/** @type {Array<[string, RegExp]>} */
const STRONG_CUES = [
  ["note", /\b(?:internal|private|note|notes|whisper)\b/],
  ["bot", /\b(?:bot|automated|automation|system|activity)\b/],
  ["customer", /\b(?:customer|end-?user|requester|visitor|incoming|inbound|enduser)\b/],
  ["agent", /\b(?:agent|staff|operator|outgoing|outbound|teammate|admin)\b/],
];
// Flexbox alignment tokens (justify-start / -end / -center) and bubble sides place chat messages too.
/** @type {Map<string, string>} */
const WEAK_CUES = new Map(/** @type {[string, string][]} */ ([
  ...["left", "in", "is-left", "them", "received", "theirs", "message-in", "msg-in", "justify-start", "left-bubble"].map((t) => [t, "customer"]),
  ...["right", "out", "is-right", "me", "mine", "self", "sent", "message-out", "msg-out", "justify-end", "right-bubble"].map((t) => [t, "agent"]),
  ...["justify-center"].map((t) => [t, "bot"]),
]));

/** Role from class/data cues on a block and its first few descendants, or null. */
export function roleFromCues(block) {
  const elements = [block, ...Array.from(block.querySelectorAll("[class], [data-role], [data-author-type], [data-sender-type]")).slice(0, 6)];
  for (const element of elements) {
    const text = cueText(element).replace(/_/g, "-");
    for (const [role, pattern] of STRONG_CUES) if (pattern.test(text)) return role;
    const tokens = (element.getAttribute("class") || "").toLowerCase().split(/\s+/);
    for (const token of tokens) if (WEAK_CUES.has(token)) return WEAK_CUES.get(token);
  }
  return null;
}

/**
 * The ticket id from the URL: the id after a ticket-like path segment, else the last path or hash
 * segment holding a digit, else an id= / ticket= query parameter, else a hash of the path.
 */
export function ticketIdFromUrl(url, pattern) {
  const text = `${url.pathname}${url.hash}`;
  if (pattern) {
    const match = text.match(pattern);
    if (match) return match[1];
  }
  const named = text.match(/(?:tickets?|conversations?|cases?|issues?|zoom)\/([A-Za-z0-9_-]*\d[A-Za-z0-9_-]*)/i);
  if (named) return named[1];
  const query = url.searchParams.get("id") || url.searchParams.get("ticket") || url.searchParams.get("ticket_id");
  if (query) return query;
  const segments = text.split(/[/#]/).filter((segment) => /\d/.test(segment) && !/\.[a-z]{2,4}$/i.test(segment));
  if (segments.length) return segments[segments.length - 1];
  return `page-${hash(url.pathname + url.hash)}`;
}

/**
 * Assign roles to messages that cues left undecided: in a support thread the first speaker is the
 * customer; a name matching the ticket's customer is the customer; other named speakers are agents.
 */
export function inferRolesByAuthor(messages, customerName) {
  const known = messages.filter((m) => m.role !== "unknown");
  const customerNames = new Set();
  if (customerName) customerNames.add(normalizeName(customerName));
  for (const m of known) if (m.role === "customer" && m._author) customerNames.add(normalizeName(m._author));
  const anyNamed = messages.some((m) => m._author);
  if (!anyNamed) return messages;
  if (!customerNames.size) {
    const firstNamed = messages.find((m) => m._author);
    if (firstNamed && firstNamed.role === "unknown") customerNames.add(normalizeName(firstNamed._author));
  }
  for (const m of messages) {
    if (m.role !== "unknown" || !m._author) continue;
    m.role = customerNames.has(normalizeName(m._author)) ? "customer" : "agent";
  }
  return messages;
}

function normalizeName(name) {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

// The backend's limits on customer.id and customer.email (docs/api.md); longer values are not an id.
const MAX_CUSTOMER_ID = 200;
const MAX_CUSTOMER_EMAIL = 320;
const EMAIL = /^[^\s@<>()[\]{},;:"']+@[^\s@<>()[\]{},;:"']+\.[^\s@<>()[\]{},;:"'.]{2,}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
// Attributes real helpdesks put on a customer panel or avatar naming the customer's record.
const ID_ATTRIBUTES = ["data-user-id", "data-customer-id", "data-contact-id", "data-requester-id"];

/** A customer e-mail shown by `element`: a mailto: link, a form value, a data-email attribute or its text. */
export function emailOf(element) {
  if (!element) return undefined;
  const href = element.getAttribute("href") || "";
  const candidates = [
    /^mailto:/i.test(href) ? decodeURIComponent(href.slice(7).split("?")[0]) : "",
    element.getAttribute("data-email") || "",
    element.value ?? "",
    element.getAttribute("title") || "",
    textOf(element),
  ];
  for (const raw of candidates) {
    // "Dana Smith <dana@example.com>" shows the address in angle brackets.
    const text = raw.trim().replace(/^.*<([^<>]+)>\s*$/, "$1").trim();
    if (text.length <= MAX_CUSTOMER_EMAIL && EMAIL.test(text)) return text;
  }
  return undefined;
}

/** A customer record id from an element: a data-*-id attribute, else the id in its link (`pattern`). */
export function idOf(element, pattern) {
  if (!element) return undefined;
  for (const name of ID_ATTRIBUTES) {
    const value = (element.getAttribute(name) || "").trim();
    if (value && value.length <= MAX_CUSTOMER_ID && ID.test(value)) return value;
  }
  const href = element.getAttribute("href") || "";
  const match = pattern && href.match(pattern);
  if (match && match[1].length <= MAX_CUSTOMER_ID && ID.test(match[1])) return match[1];
  return undefined;
}

/**
 * The customer's id and e-mail where the helpdesk shows them (its customer panel, requester field or contact
 * link): every match of the chain is tried, so a panel with an empty first field still yields the next.
 * Selectors must stay inside the customer's own panel: an agent's profile link or mailbox is not the customer.
 */
export function readCustomerIdentity(doc, selectors, idPattern) {
  let email;
  for (const selector of [].concat(selectors.customerEmail || [])) {
    for (const element of all(doc, [selector])) if ((email = emailOf(element))) break;
    if (email) break;
  }
  let id;
  for (const selector of [].concat(selectors.customerId || [])) {
    for (const element of all(doc, [selector])) if ((id = idOf(element, idPattern))) break;
    if (id) break;
  }
  return { id, email };
}

/**
 * Build the wire Conversation, dropping helper fields and empty messages, newest 200 kept. The customer's id
 * and e-mail, when the page shows them, let the backend link this customer's conversations (it keeps only a
 * keyed hash of them); the service worker leaves them out when the agent turned that off.
 * @param {{helpdesk: any, ticketId: any, url: any, subject?: any, customerName?: any, customerId?: any,
 *   customerEmail?: any, messages: any[]}} spec
 */
export function toConversation({ helpdesk, ticketId, url, subject, customerName, customerId, customerEmail, messages }) {
  // Blocks without an id get one from their content, so it stays the same on every read
  // (the backend deduplicates messages by id).
  const seen = new Map();
  const contentId = (m) => {
    const base = `t${hash(`${m.role}\u0001${m.text}`)}`;
    const count = seen.get(base) || 0;
    seen.set(base, count + 1);
    return count ? `${base}-${count}` : base;
  };
  const cleaned = messages
    .filter((m) => m.text)
    .map((m) => {
      const out = { id: m.id || contentId(m), role: m.role || "unknown", text: m.text.slice(0, MAX_MESSAGE_CHARS) };
      if (m.at) out.at = m.at;
      // Who wrote an agent reply or note (DESIGN.md's `author`): auto-QA and handoff metrics count per agent.
      // Never on a customer's message: the customer's name is not sent as an author.
      const author = m.author || m._author;
      if (author && (out.role === "agent" || out.role === "note")) out.author = String(author).slice(0, 200);
      return out;
    })
    .slice(-MAX_MESSAGES);
  const conversation = { helpdesk, ticket_id: String(ticketId), url, messages: cleaned };
  if (subject) conversation.subject = subject.slice(0, 500);
  const customer = {};
  if (customerName) customer.name = customerName.slice(0, 200);
  if (customerId && String(customerId).length <= MAX_CUSTOMER_ID) customer.id = String(customerId);
  if (customerEmail && String(customerEmail).length <= MAX_CUSTOMER_EMAIL) customer.email = String(customerEmail);
  if (Object.keys(customer).length) conversation.customer = customer;
  return conversation;
}

/** ISO timestamp from a <time datetime> or a datetime-like attribute inside a block. */
export function timeOf(block, selectors) {
  const element = (selectors && first(block, selectors)) || block.querySelector("time[datetime], [datetime], [data-timestamp]");
  if (!element) return undefined;
  const raw = element.getAttribute("datetime") || element.getAttribute("data-timestamp") || element.getAttribute("title");
  if (!raw) return undefined;
  const numeric = /^\d{10,13}$/.test(raw) ? Number(raw) * (raw.length === 10 ? 1000 : 1) : raw;
  const date = new Date(numeric);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The reply editor: first visible, editable match of a fallback chain. */
export function findEditable(doc, selectors) {
  for (const selector of [].concat(selectors)) {
    let candidates;
    try {
      candidates = doc.querySelectorAll(selector);
    } catch {
      continue;
    }
    for (const element of candidates) {
      const editable = editableWithin(element);
      if (editable && isVisible(editable)) return editable;
    }
  }
  return null;
}

/** The element itself if editable, else its first editable descendant. */
export function editableWithin(element) {
  if (!element) return null;
  const isEditable = (el) =>
    (el.tagName === "TEXTAREA" && !el.readOnly && !el.disabled) ||
    (el.tagName === "INPUT" && el.type === "text" && !el.readOnly) ||
    el.isContentEditable ||
    el.getAttribute?.("contenteditable") === "true" ||
    el.getAttribute?.("contenteditable") === "";
  if (isEditable(element)) return element;
  return Array.from(element.querySelectorAll("textarea, [contenteditable='true'], [contenteditable='']")).find(isEditable) || null;
}

/**
 * Define an adapter from selectors (fallback chains, kept at the top of each adapter file) and a few
 * site-specific functions. Returns the interface content/main.js uses.
 */
export function defineAdapter({ name, label, hosts, ticketPattern, customerIdPattern, selectors, role, author, ticketId, customer, bodyText, findNoteToggle }) {
  const S = selectors;
  return {
    name,
    label,
    /** The helpdesk's own domains. */
    matchesUrl(url) {
      return hosts.some((host) => host.test(url.hostname));
    },
    /** Page structure says this is the helpdesk (used on custom domains and localhost). */
    detect(doc) {
      // Only the most specific hooks count here: generic class names like ".thread" appear everywhere.
      return Boolean(first(doc, S.message.slice(0, 1)) && (!S.editor || first(doc, S.editor.slice(0, 2))));
    },
    read(doc, url) {
      const scope = (S.thread && first(doc, S.thread)) || doc;
      const allBlocks = all(scope, S.message);
      // The first speaker is usually the customer; remember it before keeping only the newest blocks.
      const opener = allBlocks[0] && (author ? author(allBlocks[0]) : lineOf(first(allBlocks[0], S.author || [])));
      const blocks = allBlocks.slice(-MAX_MESSAGES);
      const customerName = (customer ? customer(doc) : lineOf(first(doc, S.customer || []))) || undefined;
      const messages = blocks.map((block) => {
        const bodyEl = S.body ? first(block, S.body) : block;
        const text = bodyText ? bodyText(block, bodyEl) : textOf(bodyEl || block);
        const authorName = author ? author(block) : lineOf(first(block, S.author || []));
        return {
          id: block.getAttribute("data-id") || block.getAttribute("data-message-id") || block.id || undefined,
          role: (role && role(block, { customerName, authorName })) || roleFromCues(block) || "unknown",
          text,
          at: timeOf(block, S.time),
          _author: authorName || undefined,
        };
      });
      inferRolesByAuthor(messages, customerName || (allBlocks[0] && !(role && role(allBlocks[0], {})) ? opener : undefined));
      const identity = readCustomerIdentity(doc, S, customerIdPattern);
      return toConversation({
        helpdesk: name,
        ticketId: ticketId ? ticketId(url, doc) : ticketIdFromUrl(url, ticketPattern),
        url: url.href,
        subject: readSubject(doc, S.subject),
        customerName,
        customerId: identity.id,
        customerEmail: identity.email,
        messages,
      });
    },
    findEditor(doc) {
      return findEditable(doc, S.editor);
    },
    /** The control that switches the composer to an internal note, if the helpdesk has one. */
    findNoteToggle: findNoteToggle || ((doc) => (S.noteToggle ? first(doc, S.noteToggle) : null)),
    /** A separate internal-note editor (Front's comment box), if the helpdesk has one. */
    findNoteEditor(doc) {
      return S.noteEditor ? findEditable(doc, S.noteEditor) : null;
    },
  };
}

function readSubject(doc, selectors) {
  if (!selectors) return undefined;
  const element = first(doc, selectors);
  if (!element) return undefined;
  return (element.value ?? "") || lineOf(element) || undefined;
}

/** First element matching `selector` whose own text matches `pattern` (for buttons labelled by text only). */
export function byText(root, selector, pattern) {
  // textContent, not textOf: buttons are exactly what we are looking for here.
  for (const element of root.querySelectorAll(selector)) if (pattern.test((element.textContent || "").replace(/\s+/g, " ").trim())) return element;
  return null;
}
