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
      // Web components keep a message's text in their (open) shadow root: the agent pointed at the
      // component, so its rendered inside is the message.
      const blocks = safeQuery(doc, taught.message).map((block) => shadowInside(block) || block);
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

/** The element an open shadow root renders a block into (its largest top-level element), or null. */
function shadowInside(block) {
  const inside = Array.from(block.shadowRoot?.children || []).filter((el) => !/^(?:STYLE|SLOT|SCRIPT)$/.test(el.tagName));
  return inside.sort((a, b) => (b.textContent || "").length - (a.textContent || "").length)[0] || null;
}

function safeQuery(doc, selector) {
  try {
    return Array.from(doc.querySelectorAll(selector));
  } catch {
    return [];
  }
}
