// @ts-check
// Generic adapter for helpdesks nobody planned for. It looks for what every support thread has:
// repeated message-like blocks with prose in them, an author near each body, speaker cues (classes,
// header words, names, alignment) and a visible reply box. The same block reader serves pages taught
// with the picker (taught.js). Tuned on real pages: Request Tracker, Roundup, osTicket, FreeScout,
// Zammad, Chatwoot, UVdesk, Trac, Redmine (tests/extension/fixtures/real). Every weight is in
// reader-tuning.js; how sure a read is, in judge.js.
import { MAX_MESSAGES, byText, editableWithin, inferRolesByAuthor, roleFromCues, ticketIdFromUrl, timeOf, toConversation } from "./common.js";
import { isVisible, lineOf, textOf } from "../lib/dom.js";
import { ThreadMemory, judgeRead } from "../lib/judge.js";
import { BODY, GROUP, RESCORE } from "../lib/reader-tuning.js";

const SELECTORS = {
  main: ["main", "[role='main']", "#main", "#content", "body"],
  editor: [
    "textarea[name*='reply' i], textarea[placeholder*='reply' i], textarea[aria-label*='reply' i]",
    "[contenteditable='true'][aria-label*='reply' i], [contenteditable='true'][data-placeholder*='reply' i]",
    "textarea",
    "[contenteditable='true'], [contenteditable='']",
  ],
  excluded: "nav, header, footer, aside, dialog, #header, #footer, [role='contentinfo'], [role='navigation'], [role='banner'], [role='complementary'], [role='search'], [role='menu'], [role='listbox'], [role='dialog'], select",
  // Hidden by a class or inline style (a real browser also knows from layout; jsdom does not).
  hidden: "[hidden], [aria-hidden='true'], .hidden, .hide, .d-none, .is-hidden, [style*='display: none'], [style*='display:none']",
  // Where an author's name sits, best first; images count by their alt text.
  author: [
    "[itemprop='author'], [data-author], [class*='author' i], [class*='sender' i], [class*='poster' i], [class*='member-name' i], [class*='person' i], [class*='user' i]:not(img), [class*='from' i]",
    "[class*='name' i]:not(img), cite",
    "strong, b, a",
    "[class*='avatar' i] img[alt], img[class*='avatar' i][alt]",
  ],
  body: "[class*='body' i], [class*='content' i], [class*='text' i], [class*='message' i], [class*='bubble' i], [class*='comment' i], [class*='prose' i], [class*='stanza' i], pre",
  stamp: "time, [datetime], [data-timestamp], [class*='date' i], [class*='time' i]",
  // Inside a body: quoted history, signatures and controls are not the message.
  quoted: "blockquote, [class*='quote' i], [class*='signature' i], [data-signature]",
  bodyNoise: "button, [role='button'], .btn, select, input, textarea, [class*='attachment' i], [class*='overflow' i], [class*='meta' i]",
  // A message's chrome: labels, badges, visibility markers, action rows, forms. Removed when short.
  chrome: "label, form, menu, [role='toolbar'], [class*='badge' i], [class*='label' i], [class*='tag' i], [class*='chip' i], [class*='visib' i], [class*='private' i], [class*='internal' i], [class*='action' i], [class*='toolbar' i], [class*='contextual' i], [class*='status' i], [class*='recipient' i], [class*='sent-to' i], [class*='header' i], [class*='footer' i]",
  // The ticket's own description, shown apart from the follow-ups.
  description: "[itemprop='description'], [class*='description' i], [id*='description' i], [class*='ticket-body' i], [class*='issue-body' i], [class*='original-message' i]",
  // Inside a block, these hold links and file names, never the author.
  notAuthor: "label, button, option, select, textarea, legend, [role='button'], [role='menu'], [role='tab'], ul, ol, menu, [class*='dropdown' i], [class*='menu' i], [class*='action' i], [class*='attachment' i], [class*='upload' i], [class*='file' i]",
  dataEntry: "textarea, select, [contenteditable='true'], input:not([type]), input[type='text'], input[type='email'], input[type='search'], input[type='number'], input[type='date'], input[type='password']",
  requester: "[class*='customer-name' i], [class*='contact-name' i], [class*='contact--name' i], [class*='requester' i] [class*='name' i], [itemprop='customer']",
  requesterLabel: "th, dt, [class*='label' i], [class*='author' i], [class*='byline' i], [class*='reporter' i], [class*='submitter' i], [class*='requester' i]",
  subject: "[class*='subject' i]:not(input):not(textarea):not(label):not(th), [class*='subj' i]:not(input):not(textarea), [class*='ticket-title' i], [class*='tixTitle' i], [data-testid*='subject' i]",
  subjectInput: "input[name='subject' i], input[name='title' i]",
  noteToggle: "button, [role='tab'], [role='radio'], label, a",
};

// Class words that mark a block as a message, and words that mark page chrome.
const MESSAGE_WORDS = /message|comment|msg|post|reply|response|bubble|entry|article|event|thread|chat|note|conversation|email|activity|transaction|journal|follow-?up/i;
const CHROME_WORDS = /menu|nav|sidebar|toolbar|tab|breadcrumb|pagination|footer|header|filter|list-item|tag|chip|badge|button|btn/i;
const EDITOR_GOOD = /reply|respond|message|comment|answer|compose|write|note|body/i;
const EDITOR_BAD = /search|filter|subject|title|tag|find|query|email|\bcc\b|\bbcc\b/i;
const EDITOR_NOTE = /internal|private|note[-_ ]?(?:area|details)/i; // a note box is not the reply box
const NOTE_LABEL = /^(?:add |post )?(?:an )?(?:internal|private)(?: note| comment)?$|^(?:add |post )?note$/i;
// Header words (outside the body) that say a message is an internal note.
const NOTE_HEADER = /\b(?:internal|private) (?:note|comment|reply)s?\b|\badded (?:an? )?(?:internal |private )?(?:note|comment)\b|\bcomments? added\b|\bnote added\b/i;
// "Author: Dana", "From: Dana <d@x>", "posted by Dana": a label, then the name.
const LABELLED_AUTHOR = /^(?:author|from|by|posted by|sender|submitted by|written by|von|de)\s*[:\-–]\s*(.+)$/i;
const AUTHOR_LABEL = /^(?:author|from|sender|von|de)\s*:?$/i;
// Words that are UI, never a person's name.
const NOT_A_NAME = /^(?:avatar|image|photo|picture|user|customer|agent|staff|admin|system|reply|replies|comment|comments|note|notes|internal|private|resolution|edit|delete|remove|forward|view|show|more|less|status|priority|subject|title|to|cc|bcc|from|date|time|posted|created|updated|new|open|closed|pending|attachment|attachments|download|print|link|copy|history|messages|details|description|unknown|anonymous|-|—)$/i;
// A metadata row ("Updated by Sam Porter 7 months ago", "Posted 2026-03-10 09:12"): short, with a time in it.
const META_LINE = /^(?=.{0,100}$)(?!.*[.?!]\s*$).*(?:\b\d+\s*(?:min|minute|hour|day|week|month|year)s?\s+ago\b|\b\d{1,2}:\d{2}\b|\d{4}-\d{2}-\d{2}|\b(?:yesterday|today)\b)/i;
const QUOTE_START = /^(?:On .{4,300}wrote:?|-{2,}\s*(?:Original|Forwarded) Message\s*-{2,}|_{5,}|-- ?)$/im;
// Words a helpdesk shows on a message to say only the team sees it.
const VISIBILITY_NOTE = /^(?:private|internal|private note|internal note|internal comment|private comment|private reply|note|staff only|team only|not visible to (?:the )?customer)$/i;
const VISIBILITY_TOKEN = /^(?:is-|message-|msg-)?(?:private|internal)(?:-notes?|-comment|-message)?$/i;
// Labels that name the ticket's requester in a field table ("Reported by:" Jonas Weber).
const REQUESTER_LABEL = /^(?:reported by|reporter|requester|requested by|requestor|customer|contact|opened by|created by|submitted by|added by|author)\s*:?$/i;
const REQUESTER_INLINE = /^(?:reported|requested|opened|created|submitted|added) by\s+(.+?)(?:\s+(?:about|over|almost|less than|an?|\d).*)?$/i;
const UTILITY_CLASS = /^(?:flex|inline-flex|grid|block|row|col(?:-.*)?|container|clearfix|relative|absolute|d-.+|w-.+|h-.+|[pm][xytblr]?-.+|gap-.+|items-.+|justify-.+|text-.+|bg-.+)$/;
const ID_HEADING = /^(?:(?:ticket|issue|case|request|conversation)\s*#?\s*\d+\b.*|#\s*\d+)$/i;

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

/** Hidden by markup (class, attribute, inline style) or by layout. */
function hiddenByMarkup(element) {
  return Boolean(element.closest(SELECTORS.hidden)) || !isVisible(element);
}

/** Characters of prose: lines of six words or more (message bodies, not labels, menus or field tables). */
function proseOf(element) {
  let prose = 0;
  for (const line of textOf(element).split("\n")) if (line.split(/\s+/).length >= 6 && !META_LINE.test(line)) prose += line.length;
  return prose;
}

/** Whether any line of an element's text has the words of a sentence. */
function hasSentenceLine(element) {
  return (element.textContent || "").split(/\n|(?<=[.?!])\s/).some((line) => line.split(/\s+/).filter(Boolean).length >= GROUP.sentenceWords);
}

/** Cheap first score of a group of sibling blocks as a candidate thread; 0 means "not a thread". */
function scoreGroup(members, editor, signatureText) {
  let total = 0;
  let substantive = 0;
  let cues = 0;
  let composerParts = 0;
  for (const member of members) {
    if (editor && member.contains(editor)) return 0; // the composer is not a message
    if (member.querySelector("textarea, [contenteditable='true']")) composerParts += 1;
    const length = (member.textContent || "").trim().length;
    if (length >= GROUP.minSubstantiveChars) substantive += 1;
    total += Math.min(length, GROUP.maxCharsPerBlock);
    if (member.querySelector("time, [datetime]") || roleFromCues(member)) cues += 1;
  }
  const messageLike = MESSAGE_WORDS.test(signatureText) || members.some((m) => MESSAGE_WORDS.test(m.getAttribute("class") || ""));
  if (substantive < 2 && !(substantive >= 1 && messageLike)) return 0;
  const sample = members.slice(0, 20);
  const linkRatio = sample.reduce((sum, m) => sum + ownLinkRatio(m, (m.textContent || "").trim().length), 0) / sample.length;
  if (linkRatio > GROUP.maxLinkRatio) return 0; // lists of links: ticket lists, menus
  let score = total;
  if (messageLike) score *= GROUP.messageClassBoost;
  if (CHROME_WORDS.test(signatureText)) score *= GROUP.chromeClassFactor;
  if (cues) score *= 1 + cues / members.length;
  if (total / members.length < GROUP.tinyBlocksChars) score *= GROUP.tinyBlocksFactor; // one-liners: table cells, labels
  if (members.length === 1) score *= GROUP.loneBlockFactor; // a lone block is more often a wrapper around the thread
  if (composerParts) score *= GROUP.composerFactor; // fields of a form (a hidden editor still marks the composer)
  // Labels and markers repeat like messages do; only messages hold sentences.
  if (!sample.some((m) => hasSentenceLine(m))) score *= GROUP.noSentenceFactor;
  if (editor && members[0] && editor.compareDocumentPosition(members[0]) & 4) score *= GROUP.afterEditorFactor;
  // Paragraphs are the inside of one message, not messages.
  if (/^(?:P|LI|BR|SPAN)\./.test(signatureText) && !members.some((m) => m.querySelector(SELECTORS.stamp))) score *= GROUP.paragraphFactor;
  return score;
}

/** Second score for the best few groups: prose mass, and fields to fill in are not messages. */
function rescoreGroup(group) {
  const sample = group.members.slice(-RESCORE.sample);
  let prose = 0;
  let withFields = 0;
  for (const member of sample) {
    prose += Math.min(proseOf(member), RESCORE.proseBonusChars);
    if (Array.from(member.querySelectorAll(SELECTORS.dataEntry)).some((f) => f.type !== "hidden")) withFields += 1;
  }
  let score = group.score * (RESCORE.proseBase + prose / Math.max(1, sample.reduce((s, m) => s + Math.min((m.textContent || "").trim().length, RESCORE.proseBonusChars), 0)));
  // Field tables ("Status:", "Depends on:") are not conversation.
  const lines = sample.flatMap((m) => textOf(m).split("\n").filter(Boolean));
  const labels = lines.length ? lines.filter((l) => /:$/.test(l.trim())).length / lines.length : 0;
  if (labels > RESCORE.labelLinesReject) return 0;
  if (labels > RESCORE.labelLinesSoft) score *= RESCORE.labelLinesFactor;
  score *= 1 + Math.min(prose, RESCORE.proseCap) / RESCORE.proseBonusChars;
  if (withFields) score *= Math.max(RESCORE.fieldsFloor, 1 - withFields / sample.length);
  // Messages come with who and when; paragraphs of one message and rows of a panel do not.
  const signalled = sample.filter((m) => blockSignal(m)).length / sample.length;
  score *= signalled ? 1 + RESCORE.signalBoost * signalled : RESCORE.noSignalFactor;
  return score;
}

/** Find the repeated message blocks of the page's thread (or null). */
function findMessageBlocks(doc, editor) {
  const root = SELECTORS.main.map((s) => doc.querySelector(s)).find(Boolean) || doc.body;
  if (!root) return null;
  const groups = [];
  const parents = [root, ...root.querySelectorAll("*")];
  for (const parent of parents) {
    if (parent.children.length < 1 || parent.closest(SELECTORS.excluded)) continue;
    const byKey = new Map();
    for (const child of parent.children) {
      if (/^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|BUTTON|INPUT|TEXTAREA|SELECT|svg)$/i.test(child.tagName)) continue;
      const key = signature(child);
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key).push(child);
    }
    for (const [key, members] of byKey) {
      const score = scoreGroup(members, editor, key);
      if (score > 0) groups.push({ score, members, parent, key });
    }
  }
  if (!groups.length) return null;
  groups.sort((a, b) => b.score - a.score);
  const top = groups.slice(0, RESCORE.candidates).map((g) => {
    // Hidden blocks (collapsed edit forms, templates) are not read; a browser knows from layout.
    const members = g.members.filter((m) => !hiddenByMarkup(m));
    return members.length ? { ...g, members, score: rescoreGroup({ ...g, members }) } : { ...g, score: 0 };
  });
  for (const group of top) {
    // A wrapper around a run of repeated blocks is not the thread; the run inside it is.
    if (top.some((inner) => inner !== group && inner.members.length >= 3 && group.members.some((m) => m.contains(inner.parent)))) group.score *= RESCORE.wrapperFactor;
    // Blocks inside the reply form are parts of the composer.
    const form = group.parent.closest("form");
    if (form && form.querySelector("textarea, [contenteditable='true']")) group.score *= RESCORE.inFormFactor;
  }
  const [best, second] = top.sort((a, b) => b.score - a.score);
  if (!(best.score >= GROUP.minThreadScore) || !hasThreadSignal(best)) return null;
  return { ...best, scope: scopeOf(best.parent), ratio: second && second.score > 0 ? best.score / second.score : Infinity };
}

/** A block shows who wrote it or when: a timestamp, a speaker cue, an author's name or a date. */
function blockSignal(m) {
  return Boolean(m.querySelector(SELECTORS.stamp) || roleFromCues(m) || authorElement(m, null) || hasLabelledAuthor(m) ||
    /\d{4}-\d{2}-\d{2}|\b\d{1,2}:\d{2}\b|\b(?:ago|yesterday|today)\b/i.test(m.textContent || ""));
}

/** A thread shows who or when: a timestamp, a speaker cue, a message-like class or an author's name. */
function hasThreadSignal(group) {
  if (MESSAGE_WORDS.test(group.key)) return true;
  return group.members.slice(0, 30).some((m) => MESSAGE_WORDS.test(m.getAttribute("class") || "") || m.querySelector(SELECTORS.stamp) ||
    roleFromCues(m) || authorElement(m, null) || hasLabelledAuthor(m) || /\d{4}-\d{2}-\d{2}|\b\d{1,2}:\d{2}\b/.test(m.textContent || ""));
}

/** Where the same kind of block may also sit: the first message is often rendered apart from the rest. */
function scopeOf(parent) {
  let scope = parent;
  for (let i = 0; i < 3 && scope.parentElement && scope.parentElement !== scope.ownerDocument.body; i += 1) scope = scope.parentElement;
  return scope;
}

/** The group's blocks, plus same-signature blocks near it (a ticket's description shown apart). */
function collectBlocks(found, editor) {
  const members = Array.from(found.parent.children).filter((child) => signature(child) === found.key);
  const [tag, cls] = found.key.split(".");
  if (!cls || UTILITY_CLASS.test(cls)) return members; // classless or layout-only blocks: siblings only
  if (found.extra) return mergeInOrder(members, found.extra.filter((el) => el.isConnected));
  const extra = Array.from(found.scope.querySelectorAll(tag)).filter((el) =>
    signature(el) === found.key && el.parentElement !== found.parent && !members.some((m) => m.contains(el) || el.contains(m)) &&
    !(editor && el.contains(editor)) && !Array.from(el.querySelectorAll(SELECTORS.dataEntry)).some((f) => f.type !== "hidden") &&
    !el.closest(SELECTORS.excluded) && proseOf(el) > 0);
  found.extra = extra.length > 3 ? [] : extra.filter((el) => !extra.some((other) => other !== el && other.contains(el)));
  return mergeInOrder(members, found.extra);
}

/** Members plus the blocks found apart from them, in document order. */
function mergeInOrder(members, extra) {
  if (!extra.length) return members;
  return [...members, ...extra].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

/** The page's reply box: visible, editable, named like a reply box, not a note box, lowest on the page. */
export function findReplyEditor(doc) {
  let best = null;
  let bestScore = -Infinity;
  const seen = new Set();
  for (const selector of SELECTORS.editor) {
    for (const element of doc.querySelectorAll(selector)) {
      const editable = editableWithin(element);
      if (!editable || seen.has(editable) || hiddenByMarkup(editable)) continue;
      seen.add(editable);
      if (editable.parentElement?.closest("[contenteditable='true']")) continue; // inner node of an editor
      const label = [editable.getAttribute("placeholder"), editable.getAttribute("aria-label"), editable.getAttribute("data-placeholder"),
        editable.getAttribute("name"), editable.id, editable.getAttribute("class"), labelText(editable)].join(" ");
      let score = 0;
      if (EDITOR_GOOD.test(label)) score += 3;
      if (EDITOR_BAD.test(label)) score -= 5;
      if (EDITOR_NOTE.test(label)) score -= 2;
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

/** Text of the <label> tied to a form control (for scoring only; a label is never a name). */
function labelText(control) {
  const labels = control.labels ? Array.from(control.labels) : [];
  return labels.map((l) => l.textContent).join(" ");
}

// Parsed blocks, reused while a block's text is unchanged: a new message in a 500-message thread
// should cost one block's parsing, not 500.
const parsedBlocks = new WeakMap();

/** Pair header-only blocks (author, date) with the body block that follows (table rows, definition lists). */
function pairHeaders(blocks) {
  const units = [];
  for (let i = 0; i < blocks.length; i += 1) {
    const block = blocks[i];
    const next = blocks[i + 1];
    const text = (block.textContent || "").trim();
    const headerLike = next && text.length <= 200 && proseOf(block) === 0;
    const bare = headerLike && !next.querySelector(SELECTORS.stamp) && !authorElement(next, null) && !hasLabelledAuthor(next);
    if (bare && (LABELLED_AUTHOR.test(text.split(/\n/)[0]) || hasLabelledAuthor(block) || block.querySelector(SELECTORS.stamp) || /\d{1,2}:\d{2}/.test(text)) && proseOf(next) > 0) {
      units.push({ block: next, header: block });
      i += 1;
    } else units.push({ block, header: null });
  }
  return units;
}

function hasLabelledAuthor(element) {
  for (const el of element.querySelectorAll("*")) {
    if (el.children.length === 0 && (el.textContent || "").length <= 120 && LABELLED_AUTHOR.test(lineOf(el))) return true;
  }
  return false;
}

/** Read message blocks into Conversation messages (shared with taught pages). */
function readBlocks(blocks) {
  const units = pairHeaders(blocks);
  const parsed = units.map(({ block, header }) => {
    const source = (header ? header.textContent : "") + block.textContent;
    const cached = parsedBlocks.get(block);
    if (cached && cached.source === source && cached.cls === block.className) return { ...cached.message };
    const authorEl = header ? null : authorElement(block, null);
    const body = findBody(block, header, authorEl);
    const authorName = findAuthor(block, header, body, authorEl && !(body && body.contains(authorEl)) ? authorEl : undefined);
    const headerText = headerTextOf(block, header, body);
    const visible = visibilityOf(block, header, body);
    const markup = roleFromCues(block);
    const cue = visible || markup || (NOTE_HEADER.test(headerText) ? "note" : null);
    const message = {
      id: block.getAttribute("data-id") || block.getAttribute("data-message-id") || block.id || undefined,
      role: cue || "unknown",
      text: body === undefined ? fallbackText(block) : body ? bodyText(body) : "",
      at: timeOf(block) || (header ? timeOf(header) : undefined),
      _author: authorName || undefined,
      _markup: markup,
      _visible: Boolean(visible),
      _hasBody: body !== undefined,
      _foundBody: Boolean(body),
      _ts: orderTime(header) ?? orderTime(block),
      _block: block,
    };
    parsedBlocks.set(block, { source, cls: block.className, message });
    return { ...message };
  });
  // Blocks whose siblings have a body but they do not are events (assignments, status changes).
  const withBody = parsed.filter((m) => m._foundBody).length;
  let messages = withBody >= Math.max(1, parsed.length / 3) ? parsed.filter((m) => m._foundBody || (m._hasBody === false && false)) : parsed;
  messages = chronological(messages);
  dropUniformCues(messages);
  if (messages.every((m) => m.role === "unknown" && !m._author)) assignByAlignment(messages);
  return messages;
}

/**
 * A cue every message of a thread carries is the page's markup ("note" on each Redmine journal,
 * "comment" rows), not who wrote it: such roles are dropped and authors decide. Visibility markers
 * ("Private") stay: they are read per message.
 */
function dropUniformCues(messages) {
  if (messages.length < 2) return;
  const first = messages[0]._markup;
  if (!first || first === "customer" || !messages.every((m) => m._markup === first)) return;
  for (const m of messages) if (m._author && !m._visible) m.role = "unknown";
}

/** "note" when a message says only the team sees it: a visibility class or a short marker outside the body. */
function visibilityOf(block, header, body) {
  for (const scope of [block, header].filter(Boolean)) {
    if ((scope.getAttribute("class") || "").split(/\s+/).some((token) => VISIBILITY_TOKEN.test(token))) return "note";
    for (const el of scope.querySelectorAll("span, small, em, i, b, strong, div, label, mark")) {
      if ((body && body.contains(el)) || el.children.length > 1 || el.closest(SELECTORS.hidden)) continue;
      const text = (el.textContent || "").replace(/[\s()[\]🔒•·]+/gu, " ").trim();
      if (text && text.length <= 40 && VISIBILITY_NOTE.test(text) && !/^note$/i.test(text) ) return "note";
      if (/^note$/i.test(text) && /badge|label|tag|chip|pill/i.test(el.getAttribute("class") || "")) return "note";
      if ((el.getAttribute("class") || "").split(/\s+/).some((token) => VISIBILITY_TOKEN.test(token)) && text.length <= 40 && text) return "note";
    }
  }
  return null;
}

/**
 * The element holding a block's own text: a body-like element that holds neither the author nor the
 * timestamp, the innermost one that still has most of the text. `undefined` when the block has no
 * body-like element at all (plain markup: read the whole block), `null` when its body is empty.
 */
function findBody(block, header, authorEl) {
  const named = namedBody(block, header, authorEl);
  // A body-like class that misses most of the block's prose (an icon link "comment", an action
  // row) is not the body: the element holding the prose is.
  const prose = proseOf(block);
  if (prose && named && proseOf(named) < prose * BODY.minProseShare) {
    const found = proseBody(block);
    if (found && found !== block) return found;
  }
  return named;
}

/** The innermost element holding most of a block's prose, chrome (action rows, forms) aside. */
function proseBody(root) {
  const total = proseOf(root);
  let node = root;
  for (let depth = 0; depth < 12; depth += 1) {
    const length = ownTextLength(node);
    const next = Array.from(node.children).find((child) => !child.matches(SELECTORS.chrome) && proseOf(child) >= total * BODY.descendShare &&
      ownTextLength(child) >= length * BODY.descendTextShare);
    if (!next) break;
    node = next;
  }
  return node;
}

/** Text length without chrome (action rows, badges, forms) and metadata rows. */
function ownTextLength(element) {
  const clone = element.cloneNode(true);
  removeChrome(clone);
  return textOf(clone).split("\n").filter((line) => !META_LINE.test(line)).join(" ").replace(/\s+/g, " ").trim().length;
}

function namedBody(block, header, authorEl) {
  const stamp = header ? null : block.querySelector(SELECTORS.stamp);
  const candidates = [block, ...block.querySelectorAll(SELECTORS.body)].filter((el) => el === block ? block.matches(SELECTORS.body) && header : true);
  if (!candidates.length) return undefined;
  let best = null;
  let bestLength = 0;
  for (const candidate of candidates) {
    if (candidate.closest(SELECTORS.hidden) && !block.closest(SELECTORS.hidden)) continue;
    if (candidate !== block && ((authorEl && candidate.contains(authorEl)) || (stamp && candidate.contains(stamp)))) continue;
    if (candidate.closest("form") && !block.closest("form")) continue;
    const length = cleanLength(candidate);
    if (length > bestLength) {
      best = candidate;
      bestLength = length;
    }
  }
  if (!best) return candidates.some((c) => c !== block) ? null : undefined;
  // Descend to the innermost candidate that still holds most of the text (drops "See more", avatars).
  for (let changed = true; changed; ) {
    changed = false;
    for (const inner of best.querySelectorAll(SELECTORS.body)) {
      if (cleanLength(inner) >= bestLength * BODY.descendShare) {
        best = inner;
        changed = true;
        break;
      }
    }
  }
  return best;
}

function cleanLength(element) {
  return (element.textContent || "").replace(/\s+/g, " ").trim().length;
}

/** Message text without quoted history, signatures, attachments, buttons and chrome (labels, badges, markers). */
function bodyText(body) {
  const clone = body.cloneNode(true);
  for (const noise of clone.querySelectorAll(`${SELECTORS.quoted}, ${SELECTORS.bodyNoise}`)) noise.remove();
  removeChrome(clone);
  let text = textOf(clone);
  const cut = text.match(QUOTE_START);
  if (cut && cut.index > 0) text = text.slice(0, cut.index).trim();
  return text;
}

/** Chrome inside a message: short labels, badges, visibility markers, action rows, scripts. */
function removeChrome(clone) {
  for (const el of clone.querySelectorAll("script, style, template, noscript")) el.remove();
  for (const el of clone.querySelectorAll(SELECTORS.chrome)) {
    if (el === clone || !clone.contains(el)) continue; // inside chrome removed already
    if (cleanLength(el) <= BODY.chromeMaxChars || !hasSentenceLine(el)) el.remove();
  }
}

/** Whole-block text for plain markup without body-like elements (names, times and buttons removed). */
function fallbackText(block) {
  const clone = block.cloneNode(true);
  const author = authorElement(clone, null);
  if (author && lineOf(author).length <= 60) author.remove();
  for (const noise of clone.querySelectorAll(`time, [datetime], ${SELECTORS.quoted}, ${SELECTORS.bodyNoise}`)) {
    if ((noise.textContent || "").trim().length <= 60 || noise.matches(SELECTORS.quoted)) noise.remove();
  }
  removeChrome(clone);
  return textOf(clone);
}

/** Text around the body (header, meta line): where "added a note" or "Comments added" is said. */
function headerTextOf(block, header, body) {
  const parts = [];
  if (header) parts.push(lineOf(header));
  const walker = block.ownerDocument.createTreeWalker(block, 4);
  let length = 0;
  for (let node = walker.nextNode(); node && length < 400; node = walker.nextNode()) {
    if (body && body.contains(node)) continue;
    if (node.parentElement?.closest(`${SELECTORS.hidden}, button, [role='button'], [role='menu'], ul, ol, option, script, style`) && !block.closest(SELECTORS.hidden)) continue;
    parts.push(node.nodeValue);
    length += node.nodeValue.length;
  }
  return parts.join(" ").replace(/\s+/g, " ");
}

/** A person's name from a short text, or "" ("sam (Sam Porter)" → "Sam Porter"; emails and "via …" dropped). */
export function nameFrom(text) {
  let name = (text || "").replace(/\s+/g, " ").trim();
  if (/:$/.test(name)) return ""; // a label ("Comment / Resolution:", "Depends on:")
  name = name.replace(/\s*<[^>]*@[^>]*>\s*/g, " ").replace(/\s*\([^)]*@[^)]*\)/g, "").trim();
  const inner = name.match(/^\S+ \(([^()]+)\)$/);
  if (inner && /^\p{Lu}\S* \p{Lu}/u.test(inner[1])) name = inner[1];
  name = name.replace(/\s+via\s+.+$/i, "").replace(/^["'“]|["'”]$/g, "").replace(/[:,;]+$/, "").trim();
  if (!name || name.length > 60 || name.length < 2 || name.split(" ").length > 6) return "";
  if (/@/.test(name) && !/\s/.test(name)) return name.split("@")[0]; // a bare address: its local part
  if (/\d{1,2}:\d{2}|\d{4}-\d{2}|\d+\s*(?:min|hour|day|week|month|year)s?\b|\b(?:ago|yesterday|today|just now)\b/i.test(name)) return "";
  if ((name.match(/\d/g) || []).length > 2 || /[()[\]{}|#=<>]/.test(name)) return "";
  if (/^\p{Lu}{1,3}$/u.test(name)) return ""; // avatar initials
  if (/\.[a-z0-9]{2,4}$/i.test(name) && !/\s/.test(name)) return ""; // a file name
  if (NOT_A_NAME.test(name) || NOT_A_NAME.test(name.split(" ")[0]) && name.split(" ").length === 1) return "";
  return name;
}

/** The element naming a block's author: never a form label, a button, a heading-sized title or body text. */
function authorElement(block, body) {
  const inside = (el, selector) => {
    const found = el.closest(selector);
    return Boolean(found && found !== block && block.contains(found));
  };
  const usable = (el) => !(body && body.contains(el)) && !inside(el, SELECTORS.notAuthor) && !el.hasAttribute("for") &&
    !inside(el, "form") && !el.closest(SELECTORS.quoted);
  for (const selector of SELECTORS.author) {
    for (const candidate of block.querySelectorAll(selector)) {
      if (!usable(candidate)) continue;
      const text = candidate.tagName === "IMG" ? candidate.getAttribute("alt") : lineOf(candidate);
      if (text.length > 80 || candidate.querySelector("p, div > div, pre, blockquote")) continue;
      if (nameFrom(text)) return candidate;
    }
  }
  return null;
}

/** The author's name: a labelled "From:/Author:" value first, then the author element. */
function findAuthor(block, header, body, known) {
  for (const scope of [header, block].filter(Boolean)) {
    for (const el of scope.querySelectorAll("*")) {
      if (el.children.length > 2 || (el.textContent || "").length > 160 || (body && body.contains(el))) continue;
      const own = lineOf(el);
      if (own.length > 120) continue;
      const labelled = own.match(LABELLED_AUTHOR);
      if (labelled && el.children.length <= 1 && nameFrom(labelled[1])) return nameFrom(labelled[1]);
      if (AUTHOR_LABEL.test(own) && el.nextElementSibling && nameFrom(lineOf(el.nextElementSibling))) return nameFrom(lineOf(el.nextElementSibling));
    }
  }
  const element = (header && authorElement(header, null)) || (known !== undefined ? known : authorElement(block, body));
  if (!element) return "";
  return nameFrom(element.tagName === "IMG" ? element.getAttribute("alt") : lineOf(element));
}

/** A sortable time for a block: datetime attributes, unix stamps, or a date written in its header. */
function orderTime(element) {
  if (!element) return null;
  for (const el of [element, ...element.querySelectorAll(SELECTORS.stamp)]) {
    const raw = el.getAttribute("datetime") || el.getAttribute("data-timestamp") || el.getAttribute("data-time") || (el === element ? "" : el.getAttribute("title")) || (el === element ? "" : lineOf(el));
    const time = parseTime(raw);
    if (time !== null) return time;
  }
  return parseTime((element.textContent || "").match(/\d{4}-\d{2}-\d{2}[ .T]\d{2}:\d{2}(?::\d{2})?/)?.[0]);
}

function parseTime(raw) {
  if (!raw || raw.length > 60) return null;
  const text = raw.replace(/\u00a0/g, " ").trim();
  if (/^\d{10,13}$/.test(text)) return Number(text) * (text.length === 10 ? 1000 : 1);
  const iso = text.match(/^(\d{4})-(\d{2})-(\d{2})[ .T](\d{2}):(\d{2})(?::(\d{2}))?/);
  if (iso) return Date.UTC(+iso[1], +iso[2] - 1, +iso[3], +iso[4], +iso[5], +(iso[6] || 0));
  if (!/\d/.test(text) || !/[a-z]{3}|\d[-/.]\d/i.test(text)) return null;
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : parsed;
}

/** Threads shown newest first (Roundup, FreeScout, many email-style views) are turned around. */
function chronological(messages) {
  const times = messages.map((m) => m._ts).filter((t) => t !== null && t !== undefined);
  if (times.length < 2 || times.length < messages.length * 0.6) return messages;
  let falling = 0;
  let rising = 0;
  for (let i = 1; i < times.length; i += 1) {
    if (times[i] < times[i - 1]) falling += 1;
    else if (times[i] > times[i - 1]) rising += 1;
  }
  return falling > 0 && rising === 0 ? [...messages].reverse() : messages;
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

/** The ticket's subject: a subject-like element, else the most prominent heading that is not an id. */
function readSubject(doc) {
  const clean = (text) => text.replace(/^#\s*\d+\s*[:\-–]\s*/, "").trim();
  const named = Array.from(doc.querySelectorAll(SELECTORS.subject))
    .filter((el) => !el.closest(SELECTORS.excluded) && !el.closest("label, form") && !el.querySelector(SELECTORS.dataEntry))
    .map((el) => lineOf(el)).filter((t) => t && t.length <= 200 && !/:$/.test(t) && !ID_HEADING.test(t));
  if (named.length) return clean(named.sort((a, b) => a.length - b.length)[0]);
  for (const level of ["h1", "h2", "h3"]) {
    for (const heading of doc.querySelectorAll(level)) {
      if (heading.closest("nav, aside, footer, [role='navigation'], [role='complementary'], form") || heading.closest(SELECTORS.hidden)) continue;
      const text = clean(lineOf(heading));
      if (text && text.length <= 200 && !ID_HEADING.test(lineOf(heading)) && !/editing$/i.test(text)) return text;
    }
  }
  const input = doc.querySelector(SELECTORS.subjectInput);
  if (input?.value) return input.value.trim();
  return doc.title || undefined;
}

/**
 * The requester named outside the thread: a contact panel, a field table ("Reported by:" Jonas Weber)
 * or a byline ("Added by Ines Duarte 7 months ago").
 */
function readRequester(doc) {
  for (const element of doc.querySelectorAll(SELECTORS.requester)) {
    if (element.closest("label, button, form")) continue;
    const name = nameFrom(lineOf(element));
    if (name) return name;
  }
  // Field labels and bylines only: scanning every element's text would cost a long thread dearly.
  for (const label of doc.querySelectorAll(SELECTORS.requesterLabel)) {
    if (label.children.length > 3 || (label.textContent || "").length > 120 || label.closest(`${SELECTORS.excluded}, form, ${SELECTORS.hidden}`)) continue;
    const own = lineOf(label);
    if (REQUESTER_LABEL.test(own) && label.nextElementSibling) {
      const name = nameFrom(lineOf(label.nextElementSibling));
      if (name) return name;
    }
    const inline = own.match(REQUESTER_INLINE);
    if (!inline) continue;
    // "Added by <a>Ines Duarte</a> <a>less than a minute</a> ago": the name is the byline's first named element.
    for (const child of label.children) if (nameFrom(lineOf(child))) return nameFrom(lineOf(child));
    if (nameFrom(inline[1])) return nameFrom(inline[1]);
  }
  return undefined;
}

/**
 * The ticket's description when a page shows it apart from the follow-ups (Trac, Redmine, many issue
 * trackers): a description-like element with sentences, before the thread and outside its blocks.
 * It is the first customer message.
 */
function readDescription(doc, blocks, messages) {
  const firstBlock = blocks[0];
  if (!firstBlock) return null;
  for (const element of doc.querySelectorAll(SELECTORS.description)) {
    if (/^(?:META|INPUT|TEXTAREA|SELECT|LABEL)$/.test(element.tagName) || element.closest(`${SELECTORS.excluded}, form`) || hiddenByMarkup(element)) continue;
    if (blocks.some((b) => b.contains(element) || element.contains(b))) continue;
    if (!(element.compareDocumentPosition(firstBlock) & 4)) continue; // the description comes before the thread
    if (element.parentElement?.closest(SELECTORS.description)) continue; // its outermost element
    if (!hasSentenceLine(element)) continue;
    const body = proseBody(element);
    const text = bodyText(body).replace(/^description\s*:?\s*\n+/i, "").trim();
    const flat = (t) => t.replace(/\s+/g, " ").trim().slice(0, 200);
    if (!text || messages.some((m) => flat(m.text) === flat(text))) return null; // already the first message
    return { id: "description", role: "customer", text, _author: readRequester(doc), _foundBody: true };
  }
  return null;
}

/** Assemble a Conversation from blocks; shared by the generic and taught adapters. */
export function conversationFromBlocks(doc, url, helpdesk, allBlocks) {
  let blocks = allBlocks;
  let oldest = null;
  if (allBlocks.length > MAX_MESSAGES + 1) {
    // Only the newest messages are sent: read those (and the opener), not the whole long thread.
    const first = orderTime(allBlocks[0]);
    const last = orderTime(allBlocks[allBlocks.length - 1]);
    const newestFirst = first !== null && last !== null && first > last;
    blocks = newestFirst ? allBlocks.slice(0, MAX_MESSAGES + 1) : allBlocks.slice(-MAX_MESSAGES - 1);
    oldest = readBlocks([newestFirst ? allBlocks[allBlocks.length - 1] : allBlocks[0]])[0] || null;
  }
  const all = readBlocks(blocks);
  const description = oldest ? null : readDescription(doc, blocks, all);
  if (description) all.unshift(description);
  const messages = all.slice(-MAX_MESSAGES);
  // The thread's opener is usually the customer, even when only the newest blocks are kept.
  const head = oldest || all[0];
  const opener = head && head.role === "unknown" ? head._author : undefined;
  const customerName = all.find((m) => m.role === "customer" && m._author)?._author || opener;
  inferRolesByAuthor(messages, customerName);
  // Who on the team wrote a message, where the page says so (the backend keeps it per message).
  for (const m of messages) if ((m.role === "agent" || m.role === "note") && m._author && !/^(?:you|me)$/i.test(m._author)) m.author = m._author;
  return toConversation({
    helpdesk,
    ticketId: ticketIdFromUrl(url),
    url: url.href,
    subject: readSubject(doc),
    customerName: customerName || messages.find((m) => m.role === "customer")?._author || readRequester(doc),
    messages,
  });
}

export function findNoteToggle(doc) {
  return byText(doc, SELECTORS.noteToggle, NOTE_LABEL);
}

/** Cache the found thread between reads: re-scanning the page on every mutation would be wasteful. */
let cached = null;
/** How sure each read was (judge.js), by conversation object; the last one for tools. */
const judgements = new WeakMap();
let lastJudgement = null;
/** Threads read in this tab, to spot the same thread under two ticket URLs. */
let memory = null;

/** The judgement of a conversation the generic reader returned: {confidence, warnings}, or null. */
export function judgementOf(conversation) {
  return (conversation && judgements.get(conversation)) || null;
}

export default {
  name: "generic",
  label: "Any helpdesk",
  matchesUrl: () => false,
  detect: () => true,
  read(doc, url) {
    const editor = findReplyEditor(doc);
    let blocks;
    let structure = null;
    // Reuse the thread found before unless the page grew a lot since (a thread loaded after the page).
    const size = (doc.body?.textContent || "").length;
    if (cached && cached.parent.isConnected && cached.doc === doc && size < cached.size * 1.2 + 200) blocks = collectBlocks(cached, editor);
    if (!blocks || !blocks.length) {
      const found = findMessageBlocks(doc, editor);
      if (!found) {
        // A reply box with no thread around it is a ticket this reader cannot read (say so; offer Teach).
        lastJudgement = editor ? { confidence: 0, warnings: ["no messages found around the reply box"], ticketLike: true } : null;
        return null;
      }
      // A weak guess is not kept: the real thread may still be loading.
      let signals = 0;
      for (const m of found.members) {
        if (roleFromCues(m) || m.querySelector(SELECTORS.stamp) || authorElement(m, null) || hasLabelledAuthor(m)) signals += 1;
        if (signals >= 2) break;
      }
      if (signals >= 2) cached = { ...found, doc, size };
      blocks = collectBlocks(cached?.parent === found.parent ? cached : found, editor);
      structure = { ratio: found.ratio, signals: found.members.slice(0, 30).filter((m) => blockSignal(m)).length };
    }
    const conversation = conversationFromBlocks(doc, url, "generic", blocks);
    if (!memory || memory.doc !== doc) {
      let storage = null;
      try {
        storage = doc.defaultView?.sessionStorage ?? null;
      } catch {
        /* storage blocked on this page */
      }
      memory = Object.assign(new ThreadMemory(storage), { doc });
    }
    if (!structure && cached?.structure) structure = cached.structure;
    if (cached && structure) cached.structure = structure;
    lastJudgement = judgeRead(conversation, structure || {}, memory);
    judgements.set(conversation, lastJudgement);
    return conversation;
  },
  /** How sure the last read was: {confidence, warnings}. */
  lastJudgement: () => lastJudgement,
  findEditor: findReplyEditor,
  findNoteToggle,
  findNoteEditor: () => null,
  /** Forget the cached thread (navigation). */
  reset() {
    cached = null;
  },
};
