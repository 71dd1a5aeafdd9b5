// @ts-check
// The overlay: one host element (#tandem-overlay) with an open shadow root. Everything that comes
// from a customer, the KB or a model is set with textContent; nothing is ever parsed as HTML.
import { OVERLAY_CSS } from "./styles.js";

const HOST_ID = "tandem-overlay";
const MARGIN = 16;
const KIND_LABELS = { answer: "Answer from KB", clarify: "Ask to clarify", escalate: "Escalate" };
const UNCITED_LABEL = "Unverified answer — not from the KB";
const DRAFT_NOTE = "Unverified draft — checking against the KB…";
const CONFIRM_LABEL = "Insert anyway";
// English names of the languages the backend detects (signals.language, ISO 639-1).
const LANGUAGE_NAMES = { en: "English", es: "Spanish", de: "German", fr: "French", nl: "Dutch", pt: "Portuguese", it: "Italian",
  pl: "Polish", sv: "Swedish", da: "Danish", tr: "Turkish", ca: "Catalan", ro: "Romanian", no: "Norwegian", fi: "Finnish",
  cs: "Czech", hu: "Hungarian", el: "Greek", ru: "Russian", uk: "Ukrainian" };
// POST /v1/rewrite actions, as buttons; translate goes to the customer's language.
const REWRITE_ACTIONS = [["friendlier", "Friendlier"], ["formal", "Formal"], ["shorter", "Shorter"], ["expand", "Expand"], ["fix", "Fix"]];

/** The English name of a language code ("es" -> "Spanish"); the code itself when unknown. */
export function languageName(code) {
  return LANGUAGE_NAMES[code] || String(code || "");
}

/** The note shown when the answer is not in the customer's language (offline, from an English KB), else null. */
export function languageNote(customerLanguage, answerLanguage) {
  if (!customerLanguage || !answerLanguage || customerLanguage === answerLanguage) return null;
  return `Customer writes ${languageName(customerLanguage)}; the suggested answer is in ${languageName(answerLanguage)}.`;
}

/**
 * Tiny element builder: attributes as properties/attributes, children as nodes or text.
 * @param {Document} doc
 * @param {string} tag
 * @param {Record<string, any>} [attrs]
 * @param {...any} children
 * @returns {HTMLElement}
 */
function h(doc, tag, attrs = {}, ...children) {
  const element = doc.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") element.className = value;
    else if (key === "text") element.textContent = value;
    else if (key.startsWith("on")) element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "string" ? doc.createTextNode(child) : child);
  }
  return element;
}

/** Only http(s) links leave the overlay; anything else (javascript:, data:) renders as plain text. */
export function safeHref(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * Where the checks flagged a suggestion's text: sorted, non-overlapping `{start, end, span}` ranges
 * for each unsupported span found in `text` (exact match first, then ignoring case).
 */
export function unsupportedRanges(text, unsupported) {
  const ranges = [];
  const lower = text.toLowerCase();
  const haystacks = lower.length === text.length ? [text, lower] : [text]; // offsets must stay aligned
  for (const span of unsupported || []) {
    const needle = String(span?.text || "");
    if (!needle) continue;
    for (const haystack of haystacks) {
      const target = haystack === lower ? needle.toLowerCase() : needle;
      let from = 0;
      let found = false;
      for (let at = haystack.indexOf(target, from); at !== -1; at = haystack.indexOf(target, from)) {
        ranges.push({ start: at, end: at + needle.length, span });
        from = at + needle.length;
        found = true;
      }
      if (found) break;
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  for (const range of ranges) if (!kept.length || range.start >= kept[kept.length - 1].end) kept.push(range);
  return kept;
}

/** How a final suggestion's checks came out: "passed", "unsupported", "uncited" or null (no checks). */
/** "2 months ago" for an ISO date, as of `now` (ms). */
export function ago(isoDate, now = Date.now()) {
  const days = Math.floor((now - Date.parse(isoDate)) / 86400000);
  if (!Number.isFinite(days)) return "";
  if (days < 1) return "today";
  const [n, unit] = days < 14 ? [days, "day"] : days < 60 ? [Math.round(days / 7), "week"]
    : days < 365 ? [Math.round(days / 30), "month"] : [Math.round(days / 365), "year"];
  return `${n} ${unit}${n === 1 ? "" : "s"} ago`;
}

/** What a citation's `freshness` tells the agent: [state, text], or null when the backend sent none. */
export function freshnessLabel(freshness, now = Date.now()) {
  if (!freshness) return null;
  const parts = [];
  if (freshness.drift) parts.push("agents say otherwise");
  if (freshness.overdue) parts.push(freshness.reviewed_at ? "review overdue" : "never reviewed");
  if (!parts.length && freshness.reviewed_at) {
    const who = freshness.reviewed_by || freshness.owner;
    parts.push(`reviewed ${ago(freshness.reviewed_at, now)}${who ? ` (${who})` : ""}`);
  }
  if (!parts.length) return null;
  const state = freshness.drift ? "drift" : freshness.overdue ? "overdue" : "fresh";
  return [state, parts.join(" · ")];
}

export function checksState(data) {
  const checks = data?.checks;
  if (!checks || typeof checks !== "object") return null;
  if (checks.cited === false) return "uncited";
  return Array.isArray(checks.unsupported) && checks.unsupported.length ? "unsupported" : "passed";
}

export class Overlay {
  /** `handlers`: onInsert, onCopy, onFeedback, onSummary, onSummaryCopy, onSummaryNote, onTeach, onCollapse, onStopSite, onRetry,
   *  onRewrite(action), onRewriteInsert(result), onRewriteCopy(result). */
  constructor(doc, handlers) {
    this.doc = doc;
    this.handlers = handlers;
    this.cards = new Map(); // suggestion index -> {card, text, data}
    this.tab = "suggestions";
    this.summary = null;
    this.canInsertNote = false;
  }

  mount() {
    const doc = this.doc;
    doc.getElementById(HOST_ID)?.remove(); // exactly one overlay per page
    this.host = h(doc, "div", { id: HOST_ID });
    this.root = this.host.attachShadow({ mode: "open" });
    const sheet = new doc.defaultView.CSSStyleSheet();
    sheet.replaceSync(OVERLAY_CSS);
    this.root.adoptedStyleSheets = [sheet];

    this.statusEl = h(doc, "div", { class: "status", "data-tandem": "status", role: "status", "aria-live": "polite" });
    this.statusAction = h(doc, "button", { class: "status-action", "data-tandem": "retry", hidden: true, text: "Try again",
      onclick: () => this.handlers.onRetry?.() });
    this.siteText = h(doc, "span", { class: "site-text" });
    this.siteEl = h(doc, "div", { class: "site", "data-tandem": "site", hidden: true }, this.siteText,
      h(doc, "button", { class: "link", "data-tandem": "site-stop", title: "Stop reading this site (enable it again from the Tandem toolbar button)",
        text: "stop", onclick: () => this.handlers.onStopSite?.() }));
    this.signalsEl = h(doc, "div", { class: "signals", "data-tandem": "signals", hidden: true });
    this.contextEl = h(doc, "details", { class: "context", "data-tandem": "context", hidden: true });
    this.noAnswerEl = h(doc, "div", { class: "no-answer", "data-tandem": "no-answer", hidden: true,
      text: "No answer in the knowledge base for this question. Tandem suggests asking or escalating instead of guessing." });
    this.unreadableText = h(doc, "p", { text: "Tandem can't tell the messages apart on this page, so it shows no suggestion. Teach it: click one message, then the reply box." });
    this.unreadableEl = h(doc, "div", { class: "unreadable", "data-tandem": "unreadable", role: "alert", hidden: true }, this.unreadableText,
      h(doc, "button", { class: "primary", "data-tandem": "unreadable-teach", text: "Teach this page", onclick: () => this.handlers.onTeach?.() }));
    this.languageNoteEl = h(doc, "div", { class: "language-note", "data-tandem": "language-note", role: "note", hidden: true });
    this.listEl = h(doc, "div", { class: "suggestions" });
    this.rewriteEl = h(doc, "div", { class: "rewrite", "data-tandem": "rewrite" });
    this.suggestionsPane = h(doc, "div", { class: "pane" }, this.unreadableEl, this.signalsEl, this.contextEl, this.languageNoteEl, this.noAnswerEl, this.listEl, this.rewriteEl);
    this.summaryEl = h(doc, "div", { class: "pane", "data-tandem": "summary", hidden: true });
    this.tabButtons = {
      suggestions: h(doc, "button", { role: "tab", "aria-selected": "true", text: "Suggestions", onclick: () => this.showTab("suggestions") }),
      summary: h(doc, "button", { role: "tab", "aria-selected": "false", "data-tandem": "summary-tab", text: "Summary", onclick: () => this.showTab("summary") }),
    };
    this.collapseButton = h(doc, "button", { class: "icon", "data-tandem": "collapse", title: "Collapse (Alt+Shift+T)",
      "aria-label": "Collapse Tandem", text: "–", onclick: () => this.handlers.onCollapse?.(!this.collapsed) });
    this.panel = h(doc, "section", { class: "panel", "aria-label": "Tandem AI suggestions" },
      h(doc, "header", {},
        h(doc, "span", { class: "title", text: "Tandem" }),
        h(doc, "span", { class: "ai-badge", text: "AI", title: "Generated by AI: review before sending" }),
        h(doc, "span", { class: "spacer" }),
        h(doc, "button", { class: "icon", "data-tandem": "teach", title: "Teach Tandem this page: click a message, then the reply box",
          text: "Teach", onclick: () => this.handlers.onTeach?.() }),
        this.collapseButton),
      h(doc, "div", { class: "tabs", role: "tablist" }, this.tabButtons.suggestions, this.tabButtons.summary),
      this.siteEl,
      h(doc, "div", { class: "status-row" }, this.statusEl, this.statusAction),
      h(doc, "div", { class: "body" }, this.suggestionsPane, this.summaryEl),
      h(doc, "footer", { text: "AI suggestions: you decide what is sent. Alt+Shift+T hides this panel." }));
    this.root.append(this.panel);
    this.renderSummary();
    this.renderRewrite();
    (doc.body || doc.documentElement).append(this.host);
    this.applyScheme();
    return this;
  }

  get mounted() {
    return Boolean(this.host?.isConnected);
  }

  /** Re-attach if the page replaced <body> (some single-page apps do). */
  ensureMounted() {
    if (!this.mounted) (this.doc.body || this.doc.documentElement).append(this.host);
  }

  applyScheme() {
    const win = this.doc.defaultView;
    const bg = win.getComputedStyle(this.doc.body || this.doc.documentElement).backgroundColor;
    const match = bg && bg.match(/\d+(\.\d+)?/g);
    let dark = win.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
    if (match && match.length >= 3 && (match.length < 4 || Number(match[3]) > 0)) {
      const [r, g, b] = match.map(Number);
      dark = 0.2126 * r + 0.7152 * g + 0.0722 * b < 110; // the page's own background decides
    }
    this.panel.classList.toggle("dark", dark);
  }

  setCollapsed(collapsed) {
    this.collapsed = collapsed;
    this.panel.classList.toggle("collapsed", collapsed);
    this.collapseButton.textContent = collapsed ? "+" : "–";
    this.collapseButton.setAttribute("aria-label", collapsed ? "Expand Tandem" : "Collapse Tandem");
    this.collapseButton.setAttribute("aria-expanded", String(!collapsed));
  }

  showTab(name) {
    this.tab = name;
    for (const [key, button] of Object.entries(this.tabButtons)) button.setAttribute("aria-selected", String(key === name));
    this.suggestionsPane.hidden = name !== "suggestions";
    this.summaryEl.hidden = name !== "summary";
  }

  /** Status line; `retry: true` adds a "Try again" button, `requestId` is kept whole for support. */
  setStatus(text, level = "info", { retry = false, requestId = "" } = {}) {
    this.statusEl.textContent = text || "";
    this.statusEl.dataset.level = level;
    if (requestId) this.statusEl.dataset.requestId = requestId;
    else delete this.statusEl.dataset.requestId;
    this.statusEl.title = requestId ? `Request id: ${requestId}` : "";
    this.statusAction.hidden = !retry;
  }

  /** "Reading 127.0.0.1:8081 — stop" while a site the agent enabled is read; null hides it. */
  setSite(label) {
    this.siteEl.hidden = !label;
    this.siteText.textContent = label ? `Reading ${label} — ` : "";
  }

  clearSuggestions() {
    this.cards.clear();
    this.listEl.replaceChildren();
    this.signalsEl.replaceChildren();
    this.signalsEl.hidden = true;
    this.setContext(null);
    this.noAnswerEl.hidden = true;
    this.setLanguageNote(null, null);
  }

  /** Say when the answer is not in the customer's language (Suggestions' customer_language, answer_language). */
  setLanguageNote(customerLanguage, answerLanguage) {
    const note = languageNote(customerLanguage, answerLanguage);
    this.languageNoteEl.textContent = note || "";
    this.languageNoteEl.hidden = !note;
  }

  /**
   * The customer's earlier conversations on this helpdesk site, collapsed: each with its summary, an
   * "escalated" mark and the promises not known kept (open or overdue). Nothing shows for a first contact.
   * @param {{previous_conversations?: number, recent?: any[]} | null} context
   */
  setContext(context) {
    const doc = this.doc;
    const recent = context?.recent || [];
    const count = context?.previous_conversations || 0;
    this.contextEl.hidden = !count;
    this.contextEl.removeAttribute("open"); // collapsed again for each conversation
    if (!count) {
      this.contextEl.replaceChildren();
      return;
    }
    const promises = recent.reduce((n, c) => n + (c.open_promises || []).length, 0);
    const overdue = recent.some((c) => (c.open_promises || []).some((p) => p.status === "overdue"));
    const label = `${count} earlier conversation${count === 1 ? "" : "s"} with this customer` +
      (promises ? ` · ${promises} open promise${promises === 1 ? "" : "s"}` : "");
    const items = recent.map((c) => {
      const when = String(c.last_activity_at || "").slice(0, 10);
      const promiseItems = (c.open_promises || []).map((p) => h(doc, "li", { class: `promise ${p.status}`, "data-tandem": "promise",
        "data-status": p.status, text: `${p.status === "overdue" ? "Overdue" : "Open"} (due ${String(p.due || "").slice(0, 10)}): ${p.text}` }));
      return h(doc, "details", { class: "earlier", "data-tandem": "context-item", "data-ticket-id": String(c.ticket_id),
        "data-escalated": String(Boolean(c.escalated)) },
        h(doc, "summary", {}, h(doc, "span", { text: `Ticket ${c.ticket_id} · ${when}` }),
          c.escalated ? h(doc, "span", { class: "chip high", "data-tandem": "escalated", text: "escalated" }) : ""),
        h(doc, "p", { class: "context-summary", "data-tandem": "context-summary", text: String(c.summary || "") }),
        promiseItems.length ? h(doc, "ul", { class: "promises" }, promiseItems) : "");
    });
    this.contextEl.replaceChildren(
      h(doc, "summary", { class: overdue ? "overdue" : "", "data-tandem": "context-toggle", text: label }), ...items);
  }

  setSignals(signals) {
    const doc = this.doc;
    const chips = [];
    const sentiment = signals?.sentiment;
    if (sentiment) chips.push(h(doc, "span", { class: `chip ${sentiment.label}`, title: `score ${sentiment.score}`, text: `Sentiment: ${sentiment.label}` }));
    if (signals?.urgency) chips.push(h(doc, "span", { class: `chip ${signals.urgency}`, text: `Urgency: ${signals.urgency}` }));
    const escalation = signals?.escalation;
    if (escalation) chips.push(h(doc, "span", { class: `chip ${escalation.risk}`, "data-tandem": "escalation", text: `Escalation risk: ${escalation.risk}` }));
    if (signals?.language && signals.language !== this.customerLanguage) {
      this.customerLanguage = signals.language;
      this.renderRewrite();
    }
    if (signals?.language) chips.push(h(doc, "span", { class: "chip", text: `Language: ${signals.language}` }));
    const reasons = (escalation?.reasons || []).map((reason) => h(doc, "li", { text: String(reason) }));
    this.signalsEl.replaceChildren(...chips, reasons.length ? h(doc, "ul", { class: "reasons" }, reasons) : "");
    this.signalsEl.hidden = false;
  }

  /**
   * Create or update the card for suggestion `index`; cards appear only once they hold text.
   * @param {number} index
   * @param {{text?: string, state?: string, data?: any}} update
   */
  upsertSuggestion(index, { text, state, data }) {
    let entry = this.cards.get(index);
    if (!entry) {
      if (!text) return;
      entry = this.buildCard(index);
      this.cards.set(index, entry);
      const after = [...this.cards.keys()].filter((i) => i > index).sort((a, b) => a - b)[0];
      this.listEl.insertBefore(entry.card, after === undefined ? null : this.cards.get(after).card);
    }
    if (text !== undefined) entry.textEl.textContent = text;
    if (state) {
      entry.card.dataset.state = state;
      entry.draftEl.hidden = state !== "streaming";
      entry.insertEl.disabled = state === "streaming"; // unchecked text is never inserted
    }
    if (data) this.fillCard(entry, data);
  }

  buildCard(index) {
    const doc = this.doc;
    const entry = {};
    entry.kindEl = h(doc, "span", { class: "kind", text: "suggestion" });
    entry.confidenceEl = h(doc, "span", { class: "confidence" });
    entry.draftEl = h(doc, "p", { class: "draft-note", "data-tandem": "draft-note", text: DRAFT_NOTE });
    entry.textEl = h(doc, "p", { class: "text" });
    entry.checksEl = h(doc, "div", { class: "checks", "data-tandem": "checks", role: "note", hidden: true });
    entry.citationsEl = h(doc, "ul", { class: "citations" });
    const act = (name) => () => entry.data && this.handlers[name]?.(entry.data, entry);
    entry.insertEl = h(doc, "button", { class: "primary", "data-tandem": "insert", text: "Insert", title: "Insert at the caret in the reply box",
      onclick: () => this.onInsertClick(entry) });
    entry.card = h(doc, "article", { class: "card", "data-tandem": "suggestion", "data-state": "streaming", "data-index": index },
      h(doc, "div", { class: "meta" }, entry.kindEl, entry.confidenceEl),
      entry.draftEl,
      entry.textEl,
      entry.checksEl,
      entry.citationsEl,
      h(doc, "div", { class: "actions" },
        entry.insertEl,
        h(doc, "button", { "data-tandem": "copy", text: "Copy", onclick: act("onCopy") }),
        h(doc, "span", { class: "spacer" }),
        h(doc, "button", { class: "icon", "data-tandem": "thumbs-up", title: "Good suggestion", "aria-label": "Good suggestion", text: "▲",
          onclick: () => entry.data && this.handlers.onFeedback?.(entry.data, "rated", 1) }),
        h(doc, "button", { class: "icon", "data-tandem": "thumbs-down", title: "Bad suggestion", "aria-label": "Bad suggestion", text: "▼",
          onclick: () => entry.data && this.handlers.onFeedback?.(entry.data, "rated", -1) }),
        h(doc, "button", { class: "icon", "data-tandem": "dismiss", title: "Dismiss", "aria-label": "Dismiss suggestion", text: "×",
          onclick: () => {
            if (entry.data) this.handlers.onFeedback?.(entry.data, "dismissed");
            entry.card.remove();
          } })));
    return entry;
  }

  /** Insert, or for a suggestion the checks flagged, a first click that asks for a second one. */
  onInsertClick(entry) {
    if (!entry.data) return;
    if (entry.needsConfirm && entry.insertEl.dataset.confirm !== "pending") {
      entry.insertEl.dataset.confirm = "pending";
      entry.insertEl.textContent = CONFIRM_LABEL;
      entry.insertEl.title = "The checks flagged this text: click again to insert it anyway";
      entry.checksEl.append(h(this.doc, "p", { class: "confirm-note", text: "Check the flagged text, then click “Insert anyway” to use it." }));
      return;
    }
    this.handlers.onInsert?.(entry.data, entry);
  }

  fillCard(entry, data) {
    const doc = this.doc;
    entry.data = data;
    entry.card.dataset.kind = data.kind;
    entry.card.dataset.grounded = String(Boolean(data.grounded));
    entry.kindEl.textContent = KIND_LABELS[data.kind] || data.kind;
    this.renderChecks(entry, data);
    // Only an answer's confidence is a calibrated probability (that the cited article answers the question).
    // Clarify and escalate carry a `priority` instead; backends before it sent them fixed numbers, which a
    // percentage beside an answer's would make look comparable.
    const calibrated = data.kind === "answer" && typeof data.confidence === "number";
    entry.confidenceEl.textContent = calibrated ? `· confidence ${Math.round(data.confidence * 100)}%` : "";
    entry.confidenceEl.title = calibrated ? "How likely the cited article answers this question, measured on this knowledge base" : "";
    entry.citationsEl.replaceChildren(...(data.citations || []).map((citation) => {
      const href = safeHref(citation.url);
      const label = citation.title || citation.article_id;
      const link = href
        ? h(doc, "a", { href, target: "_blank", rel: "noopener noreferrer", "data-tandem": "citation", "data-article-id": citation.article_id, text: label })
        : h(doc, "span", { "data-tandem": "citation", "data-article-id": citation.article_id, text: label });
      const fresh = freshnessLabel(citation.freshness);
      const freshEl = fresh
        ? h(doc, "span", { class: `freshness ${fresh[0]}`, "data-tandem": "freshness", "data-state": fresh[0], text: fresh[1] })
        : "";
      return h(doc, "li", {}, "Source: ", link, freshEl, citation.quote ? h(doc, "span", { class: "quote", text: `“${citation.quote}”`, title: citation.quote }) : "");
    }));
  }

  /** Show what the evidence checks found: mark unsupported spans, warn, and ask before inserting. */
  renderChecks(entry, data) {
    const doc = this.doc;
    const state = checksState(data);
    const unsupported = state ? data.checks.unsupported || [] : [];
    if (state) entry.card.dataset.checks = state;
    else delete entry.card.dataset.checks;
    const ranges = unsupportedRanges(String(data.text || ""), unsupported);
    if (ranges.length) {
      const text = String(data.text);
      const parts = [];
      let at = 0;
      for (const range of ranges) {
        if (range.start > at) parts.push(text.slice(at, range.start));
        parts.push(h(doc, "mark", { "data-tandem": "unsupported", "data-kind": range.span.kind, title: "Not found in the cited articles",
          text: text.slice(range.start, range.end) }));
        at = range.end;
      }
      if (at < text.length) parts.push(text.slice(at));
      entry.textEl.replaceChildren(...parts);
    }
    const warnings = [];
    if (state === "uncited") {
      entry.kindEl.textContent = UNCITED_LABEL;
      warnings.push(h(doc, "p", { text: "This answer cites no knowledge-base article. Check it before sending." }));
    }
    if (unsupported.length) {
      warnings.push(h(doc, "p", {}, "Not found in the cited articles: ",
        ...unsupported.flatMap((span, i) => [i ? ", " : "", h(doc, "span", { class: "span", "data-kind": span?.kind, text: `“${String(span?.text || "")}”` })])));
    }
    entry.checksEl.replaceChildren(...warnings);
    entry.checksEl.hidden = !warnings.length;
    entry.needsConfirm = warnings.length > 0;
    delete entry.insertEl.dataset.confirm;
    entry.insertEl.textContent = "Insert";
    entry.insertEl.title = entry.needsConfirm ? "The checks flagged this text: Insert asks you to confirm" : "Insert at the caret in the reply box";
  }

  /**
   * The page could not be read with confidence (`judgement`: {confidence, warnings}): no suggestion,
   * and Teach one click away. null hides it.
   */
  setUnreadable(judgement) {
    this.unreadableEl.hidden = !judgement;
    if (judgement) this.unreadableEl.title = `Read confidence ${Math.round(judgement.confidence * 100)}%: ${judgement.warnings.join("; ")}`;
  }

  /** Show the honest "the KB has no answer" state. */
  showNoAnswer(show) {
    this.noAnswerEl.hidden = !show;
  }

  // --- summary tab -------------------------------------------------------------------------

  setSummaryState(state) {
    this.summaryState = state; // {loading, error, summary}
    this.renderSummary();
  }

  renderSummary() {
    const doc = this.doc;
    const state = this.summaryState || {};
    const children = [
      h(doc, "div", { class: "actions" },
        h(doc, "button", { class: "primary", "data-tandem": "summarize", text: state.summary ? "Regenerate" : "Generate summary",
          disabled: state.loading || undefined, onclick: () => this.handlers.onSummary?.() })),
    ];
    if (state.loading) children.push(h(doc, "p", { class: "empty", text: "Summarizing…" }));
    if (state.error) children.push(h(doc, "p", { class: "empty", text: state.error }));
    const summary = state.summary;
    if (summary) {
      children.push(h(doc, "p", { class: "summary-text", "data-tandem": "summary-text", text: summary.text }));
      const section = (title, items) => items?.length
        ? [h(doc, "strong", { text: title }), h(doc, "ul", { class: "summary-list" }, items.map((item) => h(doc, "li", { text: item.text })))]
        : [];
      children.push(...section("Promises", summary.promises), ...section("Open questions", summary.open_questions), ...section("Next steps", summary.next_steps));
      children.push(h(doc, "div", { class: "actions" },
        h(doc, "button", { "data-tandem": "summary-copy", text: "Copy", onclick: () => this.handlers.onSummaryCopy?.(summary) }),
        this.canInsertNote
          ? h(doc, "button", { "data-tandem": "summary-note", text: "Insert as internal note", onclick: () => this.handlers.onSummaryNote?.(summary) })
          : null));
    } else if (!state.loading && !state.error) {
      children.push(h(doc, "p", { class: "empty", text: "A short handoff summary of this conversation: issue, promises, open questions." }));
    }
    this.summaryEl.replaceChildren(...children);
  }

  // --- rewriting the agent's own draft ---------------------------------------------------------

  setRewriteState(state) {
    this.rewriteState = state; // {loading: action, error, result}
    this.renderRewrite();
  }

  /** Buttons that rewrite the draft in the reply box, and the checked result, inserted only by the agent. */
  renderRewrite() {
    const doc = this.doc;
    const state = this.rewriteState || {};
    const actions = [...REWRITE_ACTIONS];
    if (this.customerLanguage) actions.push(["translate", `Translate to ${languageName(this.customerLanguage)}`]);
    const children = [
      h(doc, "strong", { text: "Rewrite my draft" }),
      h(doc, "div", { class: "actions wrap" }, actions.map(([action, label]) => h(doc, "button", {
        "data-tandem": "rewrite-action", "data-action": action, text: label, disabled: Boolean(state.loading) || undefined,
        title: "Rewrite the text in the reply box (needs a configured model)", onclick: () => this.handlers.onRewrite?.(action) }))),
    ];
    if (state.loading) children.push(h(doc, "p", { class: "empty", text: "Rewriting your draft…" }));
    if (state.error) children.push(h(doc, "p", { class: "empty", "data-tandem": "rewrite-error", role: "alert", text: state.error }));
    if (state.result) children.push(this.rewriteCard(state.result));
    this.rewriteEl.replaceChildren(...children);
  }

  rewriteCard(result) {
    const doc = this.doc;
    const text = String(result.text || "");
    const unsupported = result.checks?.unsupported || [];
    const ranges = unsupportedRanges(text, unsupported);
    const parts = [];
    let at = 0;
    for (const range of ranges) {
      if (range.start > at) parts.push(text.slice(at, range.start));
      parts.push(h(doc, "mark", { "data-tandem": "unsupported", "data-kind": range.span.kind, title: "Not in your draft", text: text.slice(range.start, range.end) }));
      at = range.end;
    }
    if (at < text.length) parts.push(text.slice(at));
    const warning = unsupported.length
      ? h(doc, "div", { class: "checks", "data-tandem": "checks", role: "note" }, h(doc, "p", {}, "Not in your draft: ",
        ...unsupported.flatMap((span, i) => [i ? ", " : "", h(doc, "span", { class: "span", "data-kind": span?.kind, text: `“${String(span?.text || "")}”` })])))
      : null;
    const insert = h(doc, "button", { class: "primary", "data-tandem": "rewrite-insert", text: "Insert", title: "Insert after your draft in the reply box" });
    insert.addEventListener("click", () => {
      if (unsupported.length && insert.dataset.confirm !== "pending") {
        insert.dataset.confirm = "pending";
        insert.textContent = CONFIRM_LABEL;
        return;
      }
      this.handlers.onRewriteInsert?.(result);
    });
    return h(doc, "article", { class: "card", "data-tandem": "rewrite-result", "data-action": result.action, "data-checks": unsupported.length ? "unsupported" : "passed" },
      h(doc, "div", { class: "meta" }, h(doc, "span", { class: "kind", text: `Your draft, ${result.action} (AI) · ${languageName(result.language)}` })),
      h(doc, "p", { class: "text" }, ...parts),
      warning,
      h(doc, "div", { class: "actions" }, insert,
        h(doc, "button", { "data-tandem": "rewrite-copy", text: "Copy", onclick: () => this.handlers.onRewriteCopy?.(result) })));
  }

  // --- placement -----------------------------------------------------------------------------

  /** Keep the panel off the reply box: try each corner, take the first that doesn't overlap it.
   *  The panel grows as suggestions stream in, so a bottom corner is anchored by its bottom edge (it grows
   *  upward and stays on screen) and overlaps are judged at the height the panel may reach. */
  place(editorRect) {
    const win = this.doc.defaultView;
    const width = this.panel.offsetWidth || 360;
    const vw = win.innerWidth;
    const vh = win.innerHeight;
    const height = Math.max(this.panel.offsetHeight || 300, Math.min(0.7 * vh, 640));
    const corners = [
      { top: MARGIN, left: vw - width - MARGIN },
      { top: MARGIN, left: MARGIN },
      { bottom: MARGIN, left: vw - width - MARGIN },
      { bottom: MARGIN, left: MARGIN },
    ];
    const topOf = (c) => (c.top !== undefined ? c.top : vh - height - c.bottom);
    const overlaps = (c) => editorRect && editorRect.width > 0 &&
      c.left < editorRect.right && c.left + width > editorRect.left && topOf(c) < editorRect.bottom &&
      topOf(c) + height > editorRect.top;
    let choice = corners.find((c) => !overlaps(c));
    if (!choice) {
      // The reply box spans the page: sit above it and shrink to fit.
      choice = { top: MARGIN, left: vw - width - MARGIN };
      this.panel.style.maxHeight = `${Math.max(120, editorRect.top - 2 * MARGIN)}px`;
    } else {
      this.panel.style.maxHeight = "";
    }
    this.panel.style.top = choice.top !== undefined ? `${Math.max(0, choice.top)}px` : "auto";
    this.panel.style.bottom = choice.bottom !== undefined ? `${choice.bottom}px` : "auto";
    this.panel.style.left = `${Math.max(0, choice.left)}px`;
  }

  destroy() {
    this.host?.remove();
  }
}
