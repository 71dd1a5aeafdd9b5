// @ts-check
// Pages taught with the picker: the agent showed us one message and the reply box; we keep
// their selectors per origin (chrome.storage.local "taught:<origin>") and read with the generic reader.
import { conversationFromBlocks, findNoteToggle } from "./generic.js";
import { findEditable } from "./common.js";

/** Build an adapter from stored selectors `{message, editor}`. */
export function taughtAdapter(taught) {
  return {
    name: "taught",
    label: "Taught page",
    matchesUrl: () => false,
    detect: (doc) => Boolean(safeQuery(doc, taught.message).length),
    read(doc, url) {
      const blocks = safeQuery(doc, taught.message);
      if (!blocks.length) return null;
      return conversationFromBlocks(doc, url, "taught", blocks);
    },
    findEditor(doc) {
      return taught.editor ? findEditable(doc, [taught.editor]) : null;
    },
    findNoteToggle,
    findNoteEditor: () => null,
  };
}

function safeQuery(doc, selector) {
  try {
    return Array.from(doc.querySelectorAll(selector));
  } catch {
    return [];
  }
}
