// Generic adapter for helpdesks nobody planned for. It looks for what every support thread has:
// repeated message-like blocks with enough text, speaker cues (classes, names, alignment) and a
// visible reply box. The same block reader serves pages taught with the picker (taught.js).
import { MAX_MESSAGES, byText, editableWithin, inferRolesByAuthor, roleFromCues, ticketIdFromUrl, timeOf, toConversation } from "./common.js";
import { isVisible, lineOf, textOf } from "../content/dom.js";

const SELECTORS = {
  main: ["main", "[role='main']", "#main", "#content", "body"],
  editor: [
    "textarea[name*='reply' i], textarea[placeholder*='reply' i], textarea[aria-label*='reply' i]",
    "[contenteditable='true'][aria-label*='reply' i], [contenteditable='true'][data-placeholder*='reply' i]",
    "textarea",
    "[contenteditable='true'], [contenteditable='']",
  ],
  excluded: "nav, header, footer, aside, [role='navigation'], [role='banner'], [role='complementary'], [role='search'], [role='menu'], [role='listbox'], select",
  author: "[class*='author' i], [class*='sender' i], [class*='from' i], [class*='name' i], [itemprop='author'], [data-author], cite, strong, b, h3, h4, h5, h6",
  body: "[class*='body' i], [class*='content' i], [class*='text' i], [class*='message' i], [class*='bubble' i], [class*='comment' i], blockquote",
  subject: ["[class*='subject' i]:not(input):not(textarea)", "[data-testid*='subject' i]", "main h1", "[role='main'] h1", "h1", "main h2", "h2"],
  noteToggle: "button, [role='tab'], [role='radio'], label, a",
};

// Class words that mark a block as a message, and words that mark page chrome.
const MESSAGE_WORDS = /message|comment|msg|post|reply|response|bubble|entry|article|event|thread|chat|note|conversation|email|activity/i;
const CHROME_WORDS = /menu|nav|sidebar|toolbar|tab|breadcrumb|pagination|footer|header|filter|list-item|tag|chip|badge|button|btn/i;
const EDITOR_GOOD = /reply|respond|message|comment|answer|compose|write|note|body/i;
const EDITOR_BAD = /search|filter|subject|title|tag|find|query|email|\bcc\b|\bbcc\b/i;
const NOTE_LABEL = /^(?:add |post )?(?:an )?(?:internal|private)(?: note| comment)?$|^(?:add |post )?note$/i;

/** Signature for grouping siblings: tag plus first stable class (role classes must not split a thread). */
function signature(element) {
  const first = (element.getAttribute("class") || "").trim().split(/\s+/)[0] || "";
  return `${element.tagName}.${first.replace(/\d+/g, "#")}`;
}

function ownLinkRatio(element, textLength) {
  if (!textLength) return 1;
  let linked = 0;
  for (const a of element.querySelectorAll("a")) linked += (a.textContent || "").trim().length;
  return linked / textLength;
}

/** Score a group of sibling blocks as a candidate thread; 0 means "not a thread". */
function scoreGroup(members, editor, signatureText) {
  let total = 0;
  let substantive = 0;
  let cues = 0;
  for (const member of members) {
    if (editor && member.contains(editor)) return 0; // the composer is not a message
    const length = (member.textContent || "").trim().length;
    if (length >= 15) substantive += 1;
    total += Math.min(length, 1200);
    if (member.querySelector("time, [datetime]") || roleFromCues(member)) cues += 1;
  }
  const messageLike = MESSAGE_WORDS.test(signatureText) || members.some((m) => MESSAGE_WORDS.test(m.getAttribute("class") || ""));
  if (substantive < 2 && !(substantive >= 1 && messageLike)) return 0;
  const sample = members.slice(0, 20);
  const linkRatio = sample.reduce((sum, m) => sum + ownLinkRatio(m, (m.textContent || "").trim().length), 0) / sample.length;
  if (linkRatio > 0.6) return 0; // lists of links: ticket lists, menus
  let score = total;
  if (messageLike) score *= 1.6;
  if (CHROME_WORDS.test(signatureText)) score *= 0.3;
  if (cues) score *= 1 + cues / members.length;
  if (total / members.length < 25) score *= 0.3; // one-liners: table cells, labels
  if (members.length === 1) score *= 0.4; // a lone block is more often a wrapper around the thread
  return score;
}

/** Find the repeated message blocks of the page's thread (or null). */
function findMessageBlocks(doc, editor) {
  const root = SELECTORS.main.map((s) => doc.querySelector(s)).find(Boolean) || doc.body;
  if (!root) return null;
  let best = null;
  const parents = [root, ...root.querySelectorAll("*")];
  for (const parent of parents) {
    if (parent.children.length < 1 || parent.closest(SELECTORS.excluded)) continue;
    const groups = new Map();
    for (const child of parent.children) {
      if (/^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|BUTTON|INPUT|TEXTAREA|SELECT|svg)$/i.test(child.tagName)) continue;
      const key = signature(child);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(child);
    }
    for (const [key, members] of groups) {
      const score = scoreGroup(members, editor, key);
      if (score > 0 && (!best || score > best.score)) best = { score, members, parent, key };
    }
  }
  return best;
}

/** The page's reply box: visible, editable, named like a reply box, lowest on the page. */
export function findReplyEditor(doc) {
  let best = null;
  let bestScore = -Infinity;
  const seen = new Set();
  for (const selector of SELECTORS.editor) {
    for (const element of doc.querySelectorAll(selector)) {
      const editable = editableWithin(element);
      if (!editable || seen.has(editable) || !isVisible(editable)) continue;
      seen.add(editable);
      if (editable.parentElement?.closest("[contenteditable='true']")) continue; // inner node of an editor
      const label = [editable.getAttribute("placeholder"), editable.getAttribute("aria-label"), editable.getAttribute("data-placeholder"),
        editable.getAttribute("name"), editable.id, editable.getAttribute("class")].join(" ");
      let score = 0;
      if (EDITOR_GOOD.test(label)) score += 3;
      if (EDITOR_BAD.test(label)) score -= 5;
      if (editable.closest(SELECTORS.excluded)) score -= 2;
      const rect = editable.getBoundingClientRect?.();
      if (rect && rect.width) score += Math.min(3, (rect.width * rect.height) / 20000);
      if (editable.tagName === "TEXTAREA" || editable.isContentEditable || editable.getAttribute("contenteditable") !== null) score += 1;
      if (score >= bestScore) {
        bestScore = score; // later (lower on the page) wins ties: reply boxes sit under the thread
        best = editable;
      }
    }
  }
  return bestScore > -3 ? best : null;
}

// Parsed blocks, reused while a block's text is unchanged: a new message in a 500-message thread
// should cost one block's parsing, not 500.
const parsedBlocks = new WeakMap();

/** Read message blocks into Conversation messages (shared with taught pages). */
function readBlocks(blocks) {
  const messages = blocks.map((block) => {
    const text = block.textContent;
    const cached = parsedBlocks.get(block);
    if (cached && cached.source === text && cached.cls === block.className) return { ...cached.message, role: cached.role };
    const authorEl = findAuthor(block);
    const authorName = authorEl ? lineOf(authorEl) : "";
    const message = {
      id: block.getAttribute("data-id") || block.getAttribute("data-message-id") || block.id || undefined,
      role: roleFromCues(block) || "unknown",
      text: bodyText(block, authorEl),
      at: timeOf(block),
      _author: authorName || undefined,
      _block: block,
    };
    parsedBlocks.set(block, { source: text, cls: block.className, message, role: message.role });
    return { ...message };
  });
  if (messages.every((m) => m.role === "unknown" && !m._author)) assignByAlignment(messages);
  return messages;
}

function findAuthor(block) {
  for (const candidate of block.querySelectorAll(SELECTORS.author)) {
    const text = lineOf(candidate);
    if (text && text.length <= 60 && text.split(" ").length <= 6 && !/\d{1,2}:\d{2}/.test(text)) return candidate;
  }
  return null;
}

function bodyText(block, authorEl) {
  const whole = (block.textContent || "").trim().length;
  let best = null;
  let bestLength = 0;
  for (const candidate of block.querySelectorAll(SELECTORS.body)) {
    if (authorEl && candidate.contains(authorEl)) continue;
    const length = (candidate.textContent || "").trim().length;
    if (length > bestLength) {
      best = candidate;
      bestLength = length;
    }
  }
  if (best && bestLength >= whole * 0.4) return textOf(best);
  const clone = block.cloneNode(true);
  for (const noise of clone.querySelectorAll("time, [datetime], button, [role='button'], " + SELECTORS.author)) {
    if ((noise.textContent || "").trim().length <= 60) noise.remove();
  }
  return textOf(clone);
}

/** Chat layouts: the side a bubble sits on says who wrote it (right = the agent's side). */
function assignByAlignment(messages) {
  const centers = messages.map((m) => {
    const rect = m._block.getBoundingClientRect?.();
    return rect && rect.width ? rect.left + rect.width / 2 : null;
  });
  const known = centers.filter((c) => c !== null);
  if (known.length < 2) return;
  const min = Math.min(...known);
  const max = Math.max(...known);
  if (max - min < 40) return; // everything in one column: no alignment signal
  const middle = (min + max) / 2;
  messages.forEach((m, i) => {
    if (centers[i] !== null) m.role = centers[i] > middle ? "agent" : "customer";
  });
}

function readSubject(doc) {
  for (const selector of SELECTORS.subject) {
    const element = doc.querySelector(selector);
    if (element && !element.closest(SELECTORS.excluded)) {
      const text = lineOf(element);
      if (text) return text;
    }
  }
  return doc.title || undefined;
}

/** Assemble a Conversation from blocks; shared by the generic and taught adapters. */
export function conversationFromBlocks(doc, url, helpdesk, allBlocks) {
  const blocks = allBlocks.slice(-MAX_MESSAGES);
  const messages = readBlocks(blocks);
  // The thread's opener is usually the customer, even when only the newest blocks are kept.
  const openerEl = allBlocks[0] && !roleFromCues(allBlocks[0]) ? findAuthor(allBlocks[0]) : null;
  const customerName = messages.find((m) => m.role === "customer" && m._author)?._author || (openerEl ? lineOf(openerEl) : undefined);
  inferRolesByAuthor(messages, customerName);
  return toConversation({
    helpdesk,
    ticketId: ticketIdFromUrl(url),
    url: url.href,
    subject: readSubject(doc),
    customerName: customerName || messages.find((m) => m.role === "customer")?._author,
    messages,
  });
}

export function findNoteToggle(doc) {
  return byText(doc, SELECTORS.noteToggle, NOTE_LABEL);
}

/** Cache the found thread between reads: re-scanning the page on every mutation would be wasteful. */
let cached = null;

export default {
  name: "generic",
  label: "Any helpdesk",
  matchesUrl: () => false,
  detect: () => true,
  read(doc, url) {
    const editor = findReplyEditor(doc);
    let blocks;
    if (cached && cached.parent.isConnected && cached.doc === doc) {
      blocks = Array.from(cached.parent.children).filter((child) => signature(child) === cached.key);
    }
    if (!blocks || !blocks.length) {
      const found = findMessageBlocks(doc, editor);
      if (!found) return null;
      cached = { parent: found.parent, key: found.key, doc };
      blocks = found.members;
    }
    return conversationFromBlocks(doc, url, "generic", blocks);
  },
  findEditor: findReplyEditor,
  findNoteToggle,
  findNoteEditor: () => null,
  /** Forget the cached thread (navigation). */
  reset() {
    cached = null;
  },
};
