// @ts-check
// Content-script controller: reads the open ticket through an adapter (on a site the agent enabled,
// unless a named adapter is on its own domain), asks the service worker for suggestions, renders them
// in the overlay and inserts the one the agent picks. It never sees the API token. Reading lives in
// reader.js, the line to the service worker in connection.js, the agent's actions in actions.js.
import { generic } from "../adapters/index.js";
import { contentScriptKeys } from "../lib/settings.js";
import { SITES_KEY, isSiteEnabled, needsConsent, siteLabel } from "../lib/sites.js";
import { Overlay } from "../overlay/overlay.js";
import { Actions, editorText } from "./actions.js";
import { Connection } from "./connection.js";
import { CaretMemory } from "./insert.js";
import { PageReader, conversationKey } from "./reader.js";

export { conversationKey, editorText };

const DEBOUNCE_MS = 200; // quiet time after the last DOM change before re-reading the thread
const MAX_WAIT_MS = 1000; // ...but never longer than this while a page keeps changing
const EMPTY_RESCAN_MS = 2000; // a page with no thread (yet) is re-scanned at most this often
const SHORTCUT = (event) => event.altKey && event.shiftKey && (event.key === "T" || event.key === "t" || event.code === "KeyT");

export class Controller {
  constructor(doc) {
    this.doc = doc;
    this.settings = {};
    this.overlay = null;
    this.currentKey = null;
    this.conversation = null;
    this.reselect = false;
    this.debounce = { timer: null, since: 0 };
    this.reader = new PageReader(doc);
    this.connection = new Connection(this);
    this.actions = new Actions(this);
    this.perf = doc.documentElement.hasAttribute("data-tandem-perf") ? { observer: [], refresh: [] } : null;
  }

  /** The adapter reading this page (null until the first read). */
  get adapter() {
    return this.reader.adapter;
  }

  /** Retry state of the connection (tests clear its timer). */
  get retry() {
    return this.connection.retry;
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

  /** Re-read the ticket; ask for suggestions when the conversation changed (or `force`). */
  refresh({ force = false } = {}) {
    const t0 = performance.now();
    const url = new URL(this.doc.location.href);
    const adapter = this.reader.adapterFor(url, this.settings, this.reselect);
    this.reselect = false;
    if (!adapter) {
      this.teardown();
      return;
    }
    // Generic, taught and structure-detected readers only run where the agent said yes.
    const gated = needsConsent(adapter, url);
    if (gated && !isSiteEnabled(this.settings[SITES_KEY], url.origin)) {
      this.teardown();
      return;
    }
    // A page with no thread (yet): re-scan it at most every 2 s, not on every DOM change.
    const sinceEmpty = Date.now() - (this.lastEmptyScan || 0);
    if (adapter === generic && !this.overlay && !force && sinceEmpty < EMPTY_RESCAN_MS) {
      if (!this.emptyTimer) {
        this.emptyTimer = setTimeout(() => {
          this.emptyTimer = null;
          this.refresh();
        }, EMPTY_RESCAN_MS - sinceEmpty); // trailing scan: a thread rendered meanwhile is not missed
      }
      return;
    }
    const { conversation, hasThread, unreadable, judgement } = this.reader.read(url);
    if (hasThread) this.emptySince = 0;
    if (!hasThread && !this.overlay && adapter === generic) {
      // A reply box with no thread around it is a ticket we cannot read, but only if it is still so a
      // scan later: many helpdesks render the thread after the composer.
      const now = Date.now();
      this.emptySince = this.emptySince || now;
      if (!unreadable || now - this.emptySince < EMPTY_RESCAN_MS) {
        this.lastEmptyScan = now; // not a helpdesk page (yet): stay out of the way
        if (unreadable && !this.emptyTimer) {
          this.emptyTimer = setTimeout(() => {
            this.emptyTimer = null;
            this.refresh();
          }, EMPTY_RESCAN_MS);
        }
        return;
      }
    }
    this.ensureOverlay();
    this.overlay.setSite(gated ? siteLabel(url.origin) : null);
    this.placeOverlay();
    this.overlay.canInsertNote = Boolean(adapter.findNoteEditor?.(this.doc) || adapter.findNoteToggle?.(this.doc));
    if (unreadable) {
      // A misread thread must not drive suggestions: say so and offer Teach instead.
      this.connection.cancelActive();
      this.currentKey = null;
      this.conversation = null;
      this.overlay.clearSuggestions();
      this.overlay.setUnreadable(judgement);
      this.overlay.setStatus("");
      this.recordPerf("refresh", performance.now() - t0);
      return;
    }
    this.overlay.setUnreadable(null);
    const askable = hasThread && conversation.messages.some((m) => m.role === "customer" || m.role === "unknown");
    if (!askable) {
      this.connection.cancelActive();
      this.currentKey = null;
      this.conversation = conversation;
      this.overlay.clearSuggestions();
      this.overlay.setStatus(hasThread ? "No customer message in this ticket yet." : "Open a ticket to see suggestions. If this page is a ticket, click Teach.");
      this.recordPerf("refresh", performance.now() - t0);
      return;
    }
    const key = conversationKey(conversation);
    const changed = key !== this.currentKey;
    if (changed) this.actions.noteAgentEdits(conversation);
    this.conversation = conversation;
    if (changed || force) {
      this.currentKey = key;
      if (changed) this.overlay.setSummaryState(null);
      this.connection.requestSuggestions(conversation, key);
    }
    this.recordPerf("refresh", performance.now() - t0);
  }

  // --- overlay -------------------------------------------------------------------------------

  ensureOverlay() {
    if (this.overlay) {
      this.overlay.ensureMounted();
      return;
    }
    const actions = this.actions;
    this.overlay = new Overlay(this.doc, {
      onInsert: (data) => actions.insertSuggestion(data),
      onCopy: (data) => actions.copy(data.text),
      onFeedback: (data, action, rating) => actions.sendFeedback({ suggestion_id: data.id, action, rating }),
      onSummary: () => actions.summarize(),
      onSummaryCopy: (summary) => actions.copy(summary.text),
      onSummaryNote: (summary) => actions.insertNote(summary.text),
      onTeach: () => actions.teach(),
      onCollapse: (collapsed) => this.setCollapsed(collapsed),
      onStopSite: () => actions.stopSite(),
      onRetry: () => this.retryNow(),
      onRewrite: (action) => actions.rewrite(action),
      onRewriteInsert: (result) => actions.insertRewrite(result),
      onRewriteCopy: (result) => actions.copy(result.text),
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
    this.connection.cancelActive();
    this.overlay?.destroy();
    this.overlay = null;
    this.currentKey = null;
  }

  /** "Teach this page" (the overlay's button; tests call it too). */
  teach() {
    return this.actions.teach();
  }

  /** "Try again" after a failure that is not retried on its own. */
  retryNow() {
    this.connection.resetRetry();
    this.currentKey = null;
    this.refresh({ force: true });
  }

  onSettingsChanged(changes) {
    const mine = new Set(contentScriptKeys(this.origin));
    for (const [key, { newValue }] of Object.entries(changes)) if (mine.has(key)) this.settings[key] = newValue;
    if ("collapsed" in changes && this.overlay && this.overlay.collapsed !== Boolean(changes.collapsed.newValue)) {
      this.overlay.setCollapsed(Boolean(changes.collapsed.newValue));
    }
    const reselect = Object.keys(changes).some((key) => key === "enabledHelpdesks" || key === SITES_KEY || key === `taught:${this.origin}`);
    if (reselect) this.reselect = true;
    // The token itself never comes here: the options page bumps credentialsUpdatedAt when it changes.
    if (reselect || "backendUrl" in changes || "credentialsUpdatedAt" in changes) {
      this.connection.retry.attempt = 0;
      this.currentKey = null;
      this.refresh({ force: true });
    }
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
