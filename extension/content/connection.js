// @ts-check
// The content script's line to the service worker: one port per tab for streamed suggestions, answers
// matched to the conversation they were asked for, and retries that do not need the agent.
import { sseErrorMessage, usableRequestId } from "../lib/errors.js";
import { checksState } from "../overlay/overlay.js";

const RETRY_MS = [2000, 4000, 8000, 15000]; // recovering from an unreachable backend
const RATE_LIMIT_RETRY_S = 15; // when a 429 said nothing about how long to wait
const NEEDS_AGENT = new Set(["auth", "config", "forbidden", "client"]); // retried when settings change
const NOT_RETRIED = new Set(["server", "interrupted"]); // the backend may have stored the request: the agent decides

export class Connection {
  /** `controller` owns the overlay, the current key and `refresh()`. */
  constructor(controller) {
    this.controller = controller;
    this.port = null;
    this.requestSeq = 0;
    this.active = null; // {id, key, texts, count, finished, started, failed, done}
    this.retry = { attempt: 0, timer: null };
  }

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
    const overlay = this.controller.overlay;
    this.cancelActive();
    clearTimeout(this.retry.timer);
    const id = ++this.requestSeq;
    this.active = { id, key, texts: [], count: 0, finished: false, started: false, failed: false, done: false };
    overlay.clearSuggestions();
    overlay.setStatus("Reading the knowledge base…");
    try {
      this.connect().postMessage({ type: "assist", id, conversation });
    } catch {
      this.port = null;
      this.connect().postMessage({ type: "assist", id, conversation });
    }
  }

  onPortMessage(message) {
    const active = this.active;
    const overlay = this.controller.overlay;
    // Answers for a conversation that has since changed (or was cancelled) are dropped.
    if (!active || !overlay || message.id !== active.id || active.key !== this.controller.currentKey) return;
    if (message.type === "event") {
      active.started = true;
      this.onEvent(active, message.event, message.data);
    } else if (message.type === "retrying") {
      overlay.setStatus(`Rate limited, retrying in ${message.seconds} s.`, "warn");
    } else if (message.type === "failure") {
      active.finished = true;
      this.scheduleRetry(message.error);
    } else if (message.type === "end") {
      active.finished = true;
      if (!active.done && !active.failed) overlay.setStatus("The answer stream ended early.", "warn", { retry: true });
    }
  }

  onEvent(active, event, data) {
    const overlay = this.controller.overlay;
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
    const overlay = this.controller.overlay;
    if (!overlay) return;
    const again = () => this.controller.refresh({ force: true });
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
      this.retry.timer = setTimeout(again, seconds * 1000);
      return;
    }
    const delay = RETRY_MS[Math.min(this.retry.attempt, RETRY_MS.length - 1)];
    this.retry.attempt += 1;
    overlay.setStatus(`${error.message} Retrying in ${Math.round(delay / 1000)} s.`, "error");
    this.retry.timer = setTimeout(again, delay);
  }

  /** Start over: no pending retry, no back-off. */
  resetRetry() {
    clearTimeout(this.retry.timer);
    this.retry.attempt = 0;
  }
}
