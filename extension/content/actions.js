// @ts-check
// What the agent does from the overlay: insert, copy, rate, summarize, rewrite, add a note, teach the
// page, stop reading the site. Each acts on the page through the controller's adapter and overlay.
import { SITES_KEY, setSiteEnabled } from "../lib/sites.js";
import { insertText } from "./insert.js";
import { runPicker } from "./picker.js";

/** The agent's draft in the reply box: a text field's value or an editor's visible text. */
export function editorText(editor) {
  if (editor.tagName === "TEXTAREA" || editor.tagName === "INPUT") return editor.value || "";
  return editor.innerText || editor.textContent || "";
}

export class Actions {
  /** `controller` owns the page, the adapter, the overlay, the conversation and the connection. */
  constructor(controller) {
    this.controller = controller;
    this.pendingInsert = null;
  }

  get overlay() {
    return this.controller.overlay;
  }

  editor() {
    return this.controller.adapter?.findEditor(this.controller.doc) || null;
  }

  /** The agent pressed "stop" on the overlay: forget consent for this origin and leave the page. */
  async stopSite() {
    this.controller.teardown();
    await setSiteEnabled(this.controller.origin, false);
  }

  insertSuggestion(data) {
    const editor = this.editor();
    if (!editor) {
      this.overlay.setStatus("Couldn't find the reply box on this page. Use Copy, or Teach this page.", "warn");
      return;
    }
    const active = this.controller.connection.active;
    const text = active?.texts[this.indexOf(data)] ?? data.text;
    insertText(editor, text, this.controller.caret.forEditor(editor));
    this.sendFeedback({ suggestion_id: data.id, action: "inserted" });
    const conversation = this.controller.conversation;
    const agentCount = conversation?.messages.filter((m) => m.role === "agent").length ?? 0;
    this.pendingInsert = { id: data.id, text, agentCount, ticket: conversation?.ticket_id };
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
    const doc = this.controller.doc;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const area = doc.createElement("textarea");
      area.value = text;
      area.style.cssText = "position:fixed;left:-9999px;top:0";
      doc.body.append(area);
      area.select();
      doc.execCommand("copy");
      area.remove();
    }
    this.overlay?.setStatus("Copied to the clipboard.");
  }

  async summarize() {
    const controller = this.controller;
    if (!controller.conversation?.messages.length) return;
    const key = controller.currentKey;
    this.overlay.setSummaryState({ loading: true });
    const result = await chrome.runtime.sendMessage({ type: "summary", conversation: controller.conversation });
    if (key !== controller.currentKey || !this.overlay) return; // the ticket changed meanwhile
    this.overlay.setSummaryState(result?.ok ? { summary: result.data } : { error: result?.error?.message || "Summary failed." });
  }

  /** Rewrite the agent's own draft (the reply box's text) with the backend's model; the agent inserts it or not. */
  async rewrite(action) {
    const editor = this.editor();
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
    const editor = this.editor();
    if (!editor) {
      this.overlay.setStatus("Couldn't find the reply box on this page. Use Copy.", "warn");
      return;
    }
    insertText(editor, result.text, null);
    this.overlay.setStatus("Rewrite inserted after your draft. Remove what you no longer want before sending.");
  }

  async insertNote(text) {
    const { adapter, doc } = this.controller;
    let editor = adapter.findNoteEditor?.(doc);
    if (!editor) {
      const toggle = adapter.findNoteToggle?.(doc);
      if (!toggle) {
        this.overlay.setStatus("This helpdesk has no internal note here; use Copy.", "warn");
        return;
      }
      toggle.click();
      await new Promise((resolve) => setTimeout(resolve, 150)); // let the helpdesk switch its composer
      editor = adapter.findEditor(doc);
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
    const doc = this.controller.doc;
    const result = await runPicker(doc, (text) => overlay.setStatus(text, "warn"), (el) => el === overlay.host);
    if (!result) {
      overlay.setStatus("Teaching cancelled.");
      return;
    }
    const origin = doc.location.origin;
    // Teaching a page is the agent's say-so to read this site.
    const sites = /** @type {Record<string, boolean>} */ ((await chrome.storage.local.get(SITES_KEY))[SITES_KEY] || {});
    await chrome.storage.local.set({ [`taught:${origin}`]: { ...result, at: new Date().toISOString() }, [SITES_KEY]: { ...sites, [origin]: true } });
    overlay.setStatus("Learned this page. Tandem will read it this way from now on.");
  }
}
