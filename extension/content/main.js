// @ts-check
// Content-script controller: reads the open ticket through an adapter (on a site the agent enabled,
// unless a named adapter is on its own domain), asks the service worker for suggestions, renders them
// in the overlay and inserts the one the agent picks. It never sees the API token.
import { chooseAdapter, generic } from "../adapters/index.js";
import { hash } from "../lib/dom.js";
import { sseErrorMessage, usableRequestId } from "../lib/errors.js";
import { contentScriptKeys } from "../lib/settings.js";
import { SITES_KEY, isSiteEnabled, needsConsent, setSiteEnabled, siteLabel } from "../lib/sites.js";
import { Overlay, checksState } from "../overlay/overlay.js";
import { CaretMemory, insertText } from "./insert.js";
import { runPicker } from "./picker.js";

const DEBOUNCE_MS = 200; // quiet time after the last DOM change before re-reading the thread
const MAX_WAIT_MS = 1000; // ...but never longer than this while a page keeps changing
const RETRY_MS = [2000, 4000, 8000, 15000]; // recovering from an unreachable backend
const RATE_LIMIT_RETRY_S = 15; // when a 429 said nothing about how long to wait
const NEEDS_AGENT = new Set(["auth", "config", "forbidden", "client"]); // retried when settings change
const NOT_RETRIED = new Set(["server", "interrupted"]); // the backend may have stored the request: the agent decides
const SHORTCUT = (event) => event.altKey && event.shiftKey && (event.key === "T" || event.key === "t" || event.code === "KeyT");

/** Identity of a conversation's visible state: any new or edited message changes it. */
export function conversationKey(conversation) {
  const parts = [conversation.helpdesk, conversation.ticket_id];
  for (const m of conversation.messages) parts.push(m.id, m.role, m.text.length);
  const last = conversation.messages[conversation.messages.length - 1];
  parts.push(last ? last.text.slice(-200) : "");
  return hash(parts.join("\u0001"));
}

/** The agent's draft in the reply box: a text field's value or an editor's visible text. */
export function editorText(editor) {
  if (editor.tagName === "TEXTAREA" || editor.tagName === "INPUT") return editor.value || "";
  return editor.innerText || editor.textContent || "";
}

class Controller {
  constructor(doc) {
    this.doc = doc;
    this.settings = {};
    this.adapter = null;
    this.overlay = null;
    this.port = null;
    this.requestSeq = 0;
    this.active = null; // {id, key, texts, suggestions}
    this.currentKey = null;
    this.conversation = null;
    this.pendingInsert = null;
    this.retry = { attempt: 0, timer: null };
    this.debounce = { timer: null, since: 0 };
    this.lastUrl = null;
    this.perf = doc.documentElement.hasAttribute("data-tandem-perf") ? { observer: [], refresh: [] } : null;
  }

  async start() {
    this.origin = this.doc.location.origin;
    // Only the keys this page needs: nothing secret is in chrome.storage.local, and nothing else is read.
    this.settings = await chrome.storage.local.get(contentScriptKeys(this.origin));
    chrome.storage.onChanged.addListener((changes, area) => area === "local" && this.onSettingsChanged(changes));
    this.caret = new CaretMemory(this.doc);
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
    const win = this.doc.defaultView;
    win.addEventListener("hashchange", () => this.refresh());
    win.addEventListener("popstate", () => this.refresh());
    win.addEventListener("resize", () => this.placeOverlay());
    this.doc.addEventListener("keydown", (event) => {
      if (SHORTCUT(event) && this.overlay) {
        event.preventDefault();
        this.setCollapsed(!this.overlay.collapsed);
      }
    }, true);
    this.refresh();
  }

  // --- reading the page --------------------------------------------------------------------

  onMutations(records) {
    const t0 = performance.now();
    const host = this.overlay?.host;
    // Our own overlay lives in a shadow root, but ignore its host's attribute churn as well.
    if (host && records.every((r) => r.target === host)) return;
    const now = Date.now();
    if (!this.debounce.timer) this.debounce.since = now;
    clearTimeout(this.debounce.timer);
    const wait = now - this.debounce.since >= MAX_WAIT_MS ? 0 : DEBOUNCE_MS;
    this.debounce.timer = setTimeout(() => {
      this.debounce.timer = null;
      this.refresh();
    }, wait);
    this.recordPerf("observer", performance.now() - t0);
  }

  chooseAdapter(url) {
    const taught = this.settings[`taught:${url.origin}`] || null;
    return chooseAdapter(this.doc, url, { enabled: this.settings.enabledHelpdesks || {}, taught });
  }

  /** Re-read the ticket; ask for suggestions when the conversation changed (or `force`). */
  refresh({ force = false } = {}) {
    const t0 = performance.now();
    const url = new URL(this.doc.location.href);
    if (url.href !== this.lastUrl || !this.adapter) {
      this.lastUrl = url.href;
      generic.reset();
      this.adapter = this.chooseAdapter(url);
    }
    if (!this.adapter) {
      this.teardown();
      return;
    }
    // Generic, taught and structure-detected readers only run where the agent said yes.
    const gated = needsConsent(this.adapter, url);
    if (gated && !isSiteEnabled(this.settings[SITES_KEY], url.origin)) {
      this.teardown();
      return;
    }
    // A page with no thread (yet): re-scan it at most every 2 s, not on every DOM change.
    const sinceEmpty = Date.now() - (this.lastEmptyScan || 0);
    if (this.adapter === generic && !this.overlay && !force && sinceEmpty < 2000) {
      if (!this.emptyTimer) {
        this.emptyTimer = setTimeout(() => {
          this.emptyTimer = null;
          this.refresh();
        }, 2000 - sinceEmpty); // trailing scan: a thread rendered meanwhile is not missed
      }
      return;
    }
    let conversation = null;
    try {
      conversation = this.adapter.read(this.doc, url);
    } catch (error) {
      console.warn("[tandem] could not read this page", error);
    }
    const hasThread = conversation && conversation.messages.length > 0;
    if (!hasThread && !this.overlay && this.adapter === generic) {
      this.lastEmptyScan = Date.now(); // not a helpdesk page (yet): stay out of the way
      return;
    }
    this.ensureOverlay();
    this.overlay.setSite(gated ? siteLabel(url.origin) : null);
    this.placeOverlay();
    this.overlay.canInsertNote = Boolean(this.adapter.findNoteEditor?.(this.doc) || this.adapter.findNoteToggle?.(this.doc));
    const askable = hasThread && conversation.messages.some((m) => m.role === "customer" || m.role === "unknown");
    if (!askable) {
      this.cancelActive();
      this.currentKey = null;
      this.conversation = conversation;
      this.overlay.clearSuggestions();
      this.overlay.setStatus(hasThread ? "No customer message in this ticket yet." : "Open a ticket to see suggestions. If this page is a ticket, click Teach.");
      this.recordPerf("refresh", performance.now() - t0);
      return;
    }
    const key = conversationKey(conversation);
    const changed = key !== this.currentKey;
    if (changed) this.noteAgentEdits(conversation);
    this.conversation = conversation;
    if (changed || force) {
      this.currentKey = key;
      if (changed) this.overlay.setSummaryState(null);
      this.requestSuggestions(conversation, key);
    }
    this.recordPerf("refresh", performance.now() - t0);
  }

  // --- overlay -------------------------------------------------------------------------------

  ensureOverlay() {
    if (this.overlay) {
      this.overlay.ensureMounted();
      return;
    }
    this.overlay = new Overlay(this.doc, {
      onInsert: (data) => this.insertSuggestion(data),
      onCopy: (data) => this.copy(data.text),
      onFeedback: (data, action, rating) => this.sendFeedback({ suggestion_id: data.id, action, rating }),
      onSummary: () => this.summarize(),
      onSummaryCopy: (summary) => this.copy(summary.text),
      onSummaryNote: (summary) => this.insertNote(summary.text),
      onTeach: () => this.teach(),
      onCollapse: (collapsed) => this.setCollapsed(collapsed),
      onStopSite: () => this.stopSite(),
      onRetry: () => this.retryNow(),
      onRewrite: (action) => this.rewrite(action),
      onRewriteInsert: (result) => this.insertRewrite(result),
      onRewriteCopy: (result) => this.copy(result.text),
    }).mount();
    this.overlay.setCollapsed(Boolean(this.settings.collapsed));
  }

  setCollapsed(collapsed) {
    this.overlay?.setCollapsed(collapsed);
    this.placeOverlay();
    chrome.storage.local.set({ collapsed }); // remembered across pages and reloads
  }

  placeOverlay() {
    if (!this.overlay) return;
    const editor = this.adapter?.findEditor(this.doc);
    this.overlay.place(editor ? editor.getBoundingClientRect() : null);
  }

  teardown() {
    this.cancelActive();
    this.overlay?.destroy();
    this.overlay = null;
    this.currentKey = null;
  }

  // --- suggestions -----------------------------------------------------------------------------

  connect() {
    if (this.port) return this.port;
    this.port = chrome.runtime.connect({ name: "tandem-assist" });
    this.port.onMessage.addListener((message) => this.onPortMessage(message));
    this.port.onDisconnect.addListener(() => {
      this.port = null;
      // The service worker restarted mid-stream. Before any answer, ask again rather than leave a
      // spinner; after one, the backend may have stored the request: the agent decides.
      if (this.active && !this.active.finished) {
        this.active.finished = true;
        this.scheduleRetry({ kind: this.active.started ? "interrupted" : "offline", message: "Connection to Tandem was interrupted." });
      }
    });
    return this.port;
  }

  cancelActive() {
    if (this.active && !this.active.finished && this.port) this.port.postMessage({ type: "cancel", id: this.active.id });
    this.active = null;
  }

  requestSuggestions(conversation, key) {
    this.cancelActive();
    clearTimeout(this.retry.timer);
    const id = ++this.requestSeq;
    this.active = { id, key, texts: [], count: 0, finished: false, started: false, failed: false, done: false };
    this.overlay.clearSuggestions();
    this.overlay.setStatus("Reading the knowledge base…");
    try {
      this.connect().postMessage({ type: "assist", id, conversation });
    } catch {
      this.port = null;
      this.connect().postMessage({ type: "assist", id, conversation });
    }
  }

  onPortMessage(message) {
    const active = this.active;
    // Answers for a conversation that has since changed (or was cancelled) are dropped.
    if (!active || message.id !== active.id || active.key !== this.currentKey) return;
    if (message.type === "event") {
      active.started = true;
      this.onEvent(active, message.event, message.data);
    } else if (message.type === "retrying") {
      this.overlay.setStatus(`Rate limited, retrying in ${message.seconds} s.`, "warn");
    } else if (message.type === "failure") {
      active.finished = true;
      this.scheduleRetry(message.error);
    } else if (message.type === "end") {
      active.finished = true;
      if (!active.done && !active.failed) this.overlay.setStatus("The answer stream ended early.", "warn", { retry: true });
    }
  }

  onEvent(active, event, data) {
    const overlay = this.overlay;
    if (event === "signals") overlay.setSignals(data);
    else if (event === "context") overlay.setContext(data);
    else if (event === "delta") {
      const index = data.index ?? 0;
      active.texts[index] = (active.texts[index] || "") + data.text;
      overlay.upsertSuggestion(index, { text: active.texts[index], state: "streaming" });
      overlay.setStatus("Writing…");
    } else if (event === "suggestion") {
      const index = active.count++;
      active.texts[index] = data.text; // the final text replaces what the deltas built
      overlay.upsertSuggestion(index, { text: data.text, state: "final", data });
    } else if (event === "done") {
      active.done = true;
      this.retry.attempt = 0;
      // Honest "no KB answer": nothing grounded came back, only clarify / escalate.
      // An answer the checks found uncited is not an answer from the KB.
      overlay.showNoAnswer(!(data.suggestions || []).some((s) => s.kind === "answer" && s.grounded && checksState(s) !== "uncited"));
      overlay.setLanguageNote(data.customer_language, data.answer_language);
      const ms = Math.round(data.timing_ms?.total ?? 0);
      const degraded = data.degraded ? " · Claude unavailable, offline engine answered" : "";
      const none = data.suggestions?.length ? "" : " · no suggestion";
      overlay.setStatus(`Suggested by ${data.engine} in ${ms} ms${degraded}${none}`, data.degraded ? "warn" : "info");
    } else if (event === "error") {
      active.failed = true;
      overlay.setStatus(sseErrorMessage(data), "error", { retry: true, requestId: usableRequestId(data?.request_id) });
    }
  }

  scheduleRetry(error) {
    const overlay = this.overlay;
    if (!overlay) return;
    clearTimeout(this.retry.timer);
    if (NEEDS_AGENT.has(error.kind)) {
      overlay.setStatus(`${error.message}`, "error"); // needs the agent: retried when settings change
      return;
    }
    if (NOT_RETRIED.has(error.kind)) {
      this.retry.attempt = 0;
      overlay.setStatus(`${error.message}`, "error", { retry: true, requestId: error.requestId });
      return;
    }
    if (error.kind === "rate_limited") {
      const seconds = Math.max(1, Math.round(error.retryAfter ?? RATE_LIMIT_RETRY_S));
      overlay.setStatus(`Rate limited, retrying in ${seconds} s.`, "warn");
      this.retry.timer = setTimeout(() => this.refresh({ force: true }), seconds * 1000);
      return;
    }
    const delay = RETRY_MS[Math.min(this.retry.attempt, RETRY_MS.length - 1)];
    this.retry.attempt += 1;
    overlay.setStatus(`${error.message} Retrying in ${Math.round(delay / 1000)} s.`, "error");
    this.retry.timer = setTimeout(() => this.refresh({ force: true }), delay);
  }

  onSettingsChanged(changes) {
    const mine = new Set(contentScriptKeys(this.origin));
    for (const [key, { newValue }] of Object.entries(changes)) if (mine.has(key)) this.settings[key] = newValue;
    if ("collapsed" in changes && this.overlay && this.overlay.collapsed !== Boolean(changes.collapsed.newValue)) {
      this.overlay.setCollapsed(Boolean(changes.collapsed.newValue));
    }
    const reselect = Object.keys(changes).some((key) => key === "enabledHelpdesks" || key === SITES_KEY || key === `taught:${this.origin}`);
    if (reselect) this.adapter = null;
    // The token itself never comes here: the options page bumps credentialsUpdatedAt when it changes.
    if (reselect || "backendUrl" in changes || "credentialsUpdatedAt" in changes) {
      this.retry.attempt = 0;
      this.currentKey = null;
      this.refresh({ force: true });
    }
  }

  // --- actions -----------------------------------------------------------------------------

  /** The agent pressed "stop" on the overlay: forget consent for this origin and leave the page. */
  async stopSite() {
    this.teardown();
    await setSiteEnabled(this.origin, false);
  }

  /** "Try again" after a failure that is not retried on its own. */
  retryNow() {
    clearTimeout(this.retry.timer);
    this.retry.attempt = 0;
    this.currentKey = null;
    this.refresh({ force: true });
  }

  insertSuggestion(data) {
    const editor = this.adapter?.findEditor(this.doc);
    if (!editor) {
      this.overlay.setStatus("Couldn't find the reply box on this page. Use Copy, or Teach this page.", "warn");
      return;
    }
    const text = this.active?.texts[this.indexOf(data)] ?? data.text;
    insertText(editor, text, this.caret.forEditor(editor));
    this.sendFeedback({ suggestion_id: data.id, action: "inserted" });
    const agentCount = this.conversation?.messages.filter((m) => m.role === "agent").length ?? 0;
    this.pendingInsert = { id: data.id, text, agentCount, ticket: this.conversation?.ticket_id };
    this.overlay.setStatus("Inserted. Review and edit it before sending.");
  }

  indexOf(data) {
    const entry = [...(this.overlay?.cards.entries() || [])].find(([, e]) => e.data === data);
    return entry ? entry[0] : -1;
  }

  /** After an insert, the next agent message tells us whether the agent sent it as-is or edited it. */
  noteAgentEdits(conversation) {
    const pending = this.pendingInsert;
    if (!pending) return;
    if (conversation.ticket_id !== pending.ticket) {
      this.pendingInsert = null;
      return;
    }
    const agents = conversation.messages.filter((m) => m.role === "agent");
    if (agents.length <= pending.agentCount) return;
    this.pendingInsert = null;
    const sent = agents[agents.length - 1].text;
    const same = (a) => a.replace(/\s+/g, " ").trim();
    if (same(sent) !== same(pending.text)) this.sendFeedback({ suggestion_id: pending.id, action: "edited", final_text: sent });
  }

  async sendFeedback(body) {
    const clean = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    const result = await chrome.runtime.sendMessage({ type: "feedback", body: clean });
    if (!result?.ok && this.overlay) this.overlay.setStatus(`Feedback not saved: ${result?.error?.message || "unknown error"}`, "warn");
    else if (body.action === "rated" && this.overlay) this.overlay.setStatus("Thanks, feedback saved.");
  }

  async copy(text) {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const area = this.doc.createElement("textarea");
      area.value = text;
      area.style.cssText = "position:fixed;left:-9999px;top:0";
      this.doc.body.append(area);
      area.select();
      this.doc.execCommand("copy");
      area.remove();
    }
    this.overlay?.setStatus("Copied to the clipboard.");
  }

  async summarize() {
    if (!this.conversation?.messages.length) return;
    const key = this.currentKey;
    this.overlay.setSummaryState({ loading: true });
    const result = await chrome.runtime.sendMessage({ type: "summary", conversation: this.conversation });
    if (key !== this.currentKey) return; // the ticket changed meanwhile
    this.overlay.setSummaryState(result?.ok ? { summary: result.data } : { error: result?.error?.message || "Summary failed." });
  }

  /** Rewrite the agent's own draft (the reply box's text) with the backend's model; the agent inserts it or not. */
  async rewrite(action) {
    const editor = this.adapter?.findEditor(this.doc);
    const text = editor ? editorText(editor) : "";
    if (!text.trim()) {
      this.overlay.setRewriteState({ error: "Write a draft in the reply box first: Tandem rewrites your own text." });
      return;
    }
    const language = action === "translate" ? this.overlay.customerLanguage : undefined;
    this.overlay.setRewriteState({ loading: action });
    const result = await chrome.runtime.sendMessage({ type: "rewrite", body: { text, action, ...(language ? { language } : {}) } });
    if (!this.overlay) return;
    this.overlay.setRewriteState(result?.ok ? { result: result.data } : { error: result?.error?.message || "Rewrite failed." });
  }

  /** Put a rewrite after the draft (never over it: the agent removes what they no longer want). */
  insertRewrite(result) {
    const editor = this.adapter?.findEditor(this.doc);
    if (!editor) {
      this.overlay.setStatus("Couldn't find the reply box on this page. Use Copy.", "warn");
      return;
    }
    insertText(editor, result.text, null);
    this.overlay.setStatus("Rewrite inserted after your draft. Remove what you no longer want before sending.");
  }

  async insertNote(text) {
    let editor = this.adapter.findNoteEditor?.(this.doc);
    if (!editor) {
      const toggle = this.adapter.findNoteToggle?.(this.doc);
      if (!toggle) {
        this.overlay.setStatus("This helpdesk has no internal note here; use Copy.", "warn");
        return;
      }
      toggle.click();
      await new Promise((resolve) => setTimeout(resolve, 150)); // let the helpdesk switch its composer
      editor = this.adapter.findEditor(this.doc);
    }
    if (!editor) {
      this.overlay.setStatus("Couldn't find the note box; use Copy.", "warn");
      return;
    }
    insertText(editor, text, null);
    this.overlay.setStatus("Summary inserted as an internal note. Review it before saving.");
  }

  async teach() {
    const overlay = this.overlay;
    const result = await runPicker(this.doc, (text) => overlay.setStatus(text, "warn"), (el) => el === overlay.host);
    if (!result) {
      overlay.setStatus("Teaching cancelled.");
      return;
    }
    const origin = this.doc.location.origin;
    // Teaching a page is the agent's say-so to read this site.
    const sites = /** @type {Record<string, boolean>} */ ((await chrome.storage.local.get(SITES_KEY))[SITES_KEY] || {});
    await chrome.storage.local.set({ [`taught:${origin}`]: { ...result, at: new Date().toISOString() }, [SITES_KEY]: { ...sites, [origin]: true } });
    overlay.setStatus("Learned this page. Tandem will read it this way from now on.");
  }

  recordPerf(kind, ms) {
    if (!this.perf) return;
    this.perf[kind].push(ms);
    this.doc.documentElement.setAttribute("data-tandem-perf", JSON.stringify(this.perf));
  }
}

export async function start() {
  const controller = new Controller(document);
  await controller.start();
  return controller;
}
