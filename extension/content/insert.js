// @ts-check
// Put text into the helpdesk's reply box the way a person typing or pasting would, so the
// editor's own state (React, CKEditor 5, ProseMirror, Draft.js, Froala) sees the change.
// Never submits, never replaces what the agent typed: text goes at the caret, or after the draft.

const RICH_EDITOR = ".ck-editor__editable, .ProseMirror, .public-DraftEditor-content, .ql-editor, .fr-element, .redactor-editor, [data-slate-editor], [data-lexical-editor]";

/** Remember where the agent's caret was in the editor, so clicking our overlay doesn't lose it. */
export class CaretMemory {
  constructor(doc) {
    this.doc = doc;
    this.range = null;
    this.textSelection = null;
    doc.addEventListener("selectionchange", () => this.capture());
  }

  capture() {
    const active = this.doc.activeElement;
    if (active && (active.tagName === "TEXTAREA" || active.tagName === "INPUT")) {
      this.textSelection = { element: active, start: active.selectionStart, end: active.selectionEnd };
      return;
    }
    const selection = this.doc.getSelection();
    if (selection && selection.rangeCount) {
      const range = selection.getRangeAt(0);
      const host = range.startContainer.parentElement?.closest("[contenteditable='true'], [contenteditable='']");
      if (host) this.range = { host, range: range.cloneRange() };
    }
  }

  forEditor(editor) {
    if (this.textSelection?.element === editor) return this.textSelection;
    if (this.range && editor.contains(this.range.range.startContainer)) return this.range;
    return null;
  }

}

/** Insert `text` into `editor`; returns how it was done ("textarea" | "execCommand" | "paste" | "dom"). */
export function insertText(editor, text, caret = null) {
  if (!editor) throw new Error("No reply box found on this page");
  if (editor.tagName === "TEXTAREA" || editor.tagName === "INPUT") return insertIntoTextField(editor, text, caret);
  return insertIntoContentEditable(editor, text, caret);
}

function insertIntoTextField(field, text, caret) {
  const existing = field.value;
  let start;
  let end;
  if (caret && typeof caret.start === "number") {
    // Collapse a selection to its end: replacing the agent's selected words would overwrite them.
    start = end = caret.end;
  } else {
    start = end = existing.length;
  }
  const before = existing.slice(0, start);
  const separator = before && !/\s$/.test(before) ? (start === existing.length ? "\n\n" : " ") : "";
  const inserted = separator + text;
  const win = field.ownerDocument.defaultView;
  field.focus();
  // setRangeText changes the value without going through the value setter that frameworks
  // (React) patch, so their input listener sees a real change.
  field.setRangeText(inserted, start, end, "end");
  field.dispatchEvent(new win.InputEvent("input", { bubbles: true, inputType: "insertText", data: inserted }));
  field.dispatchEvent(new win.Event("change", { bubbles: true }));
  return "textarea";
}

function insertIntoContentEditable(editor, text, caret) {
  const doc = editor.ownerDocument;
  const win = doc.defaultView;
  editor.focus();
  const selection = win.getSelection();
  selection.removeAllRanges();
  const range = doc.createRange();
  if (caret?.range && editor.contains(caret.range.startContainer)) {
    range.setStart(caret.range.endContainer, caret.range.endOffset);
  } else {
    range.selectNodeContents(editor);
    range.collapse(false); // after what the agent already typed
  }
  range.collapse(true);
  selection.addRange(range);

  const hasDraft = editor.textContent.trim().length > 0;
  const atEnd = !caret;
  const payload = hasDraft && atEnd ? `\n\n${text}` : text;

  // Rich editors keep their own document model: a paste event is what they all handle for
  // multi-line text. Plain contenteditable gets execCommand, which fires beforeinput/input.
  if (editor.matches(RICH_EDITOR) || editor.closest(RICH_EDITOR)) {
    if (dispatchPaste(editor, payload)) return "paste";
  }
  if (doc.execCommand && doc.execCommand("insertText", false, payload)) return "execCommand";
  // Last resort: edit the DOM ourselves and tell listeners.
  range.insertNode(doc.createTextNode(payload));
  editor.dispatchEvent(new win.InputEvent("input", { bubbles: true, inputType: "insertText", data: payload }));
  return "dom";
}

/** Fire a synthetic paste; true when the editor handled it (called preventDefault). */
function dispatchPaste(editor, text) {
  const win = editor.ownerDocument.defaultView;
  let data;
  try {
    data = new win.DataTransfer();
    data.setData("text/plain", text);
  } catch {
    return false;
  }
  const event = new win.ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
  editor.dispatchEvent(event);
  return event.defaultPrevented;
}
