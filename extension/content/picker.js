// @ts-check
// "Teach this page": the agent clicks one message of the thread, then the reply box; we turn both
// into CSS selectors that survive re-renders (ids and stable classes, no positions unless needed).
import { editableWithin } from "../adapters/common.js";

const PICKING = "tandem-picking";
const UNSTABLE_CLASS = /\d{3,}|^(?:is-|has-)?(?:active|selected|hover|focus|open|unread|new)$|^[a-z]{1,3}-[A-Za-z0-9_-]{5,}$|[A-Z].*[a-z].*\d|__[a-zA-Z0-9]{5,}$/;

/** CSS.escape where the browser has it; a conservative fallback elsewhere (jsdom). */
function cssEscape(value) {
  if (globalThis.CSS?.escape) return globalThis.CSS.escape(value);
  return String(value).replace(/^(\d)/, "\\3$1 ").replace(/[^a-zA-Z0-9_\u00a0-\uffff-]/g, (c) => `\\${c}`);
}

function stableClasses(element) {
  // Our own hover highlight is on the clicked block: it is no class of the page's.
  return Array.from(element.classList).filter((c) => c !== PICKING && !UNSTABLE_CLASS.test(c)).slice(0, 2);
}

function segment(element) {
  const id = element.id;
  if (id && !/\d/.test(id)) return { text: `#${cssEscape(id)}`, anchored: true };
  const classes = stableClasses(element).map((c) => `.${cssEscape(c)}`).join("");
  return { text: `${element.tagName.toLowerCase()}${classes}`, anchored: false };
}

/** A selector matching `element` alone, as short as the page allows. */
export function uniqueSelector(element) {
  const doc = element.ownerDocument;
  const parts = [];
  for (let node = element; node && node !== doc.documentElement; node = node.parentElement) {
    const seg = segment(node);
    let text = seg.text;
    if (!seg.anchored && node.parentElement) {
      const twins = Array.from(node.parentElement.children).filter((c) => c.matches(text));
      if (twins.length > 1) text += `:nth-of-type(${Array.from(node.parentElement.children).filter((c) => c.tagName === node.tagName).indexOf(node) + 1})`;
    }
    parts.unshift(text);
    const selector = parts.join(" > ");
    if (seg.anchored || doc.querySelectorAll(selector).length === 1) return selector;
  }
  return parts.join(" > ");
}

/** From a clicked node, the message block: the ancestor that repeats among its siblings. */
export function messageBlockOf(target) {
  let node = target.nodeType === 1 ? target : target.parentElement;
  for (let depth = 0; node && node.parentElement && depth < 10; depth += 1, node = node.parentElement) {
    const classes = stableClasses(node);
    const sameKind = Array.from(node.parentElement.children).filter((sibling) =>
      sibling.tagName === node.tagName && (classes.length === 0 || sibling.classList.contains(classes[0])));
    if (sameKind.length >= 2 && (node.textContent || "").trim().length >= 5) return node;
  }
  return target.nodeType === 1 ? target : target.parentElement;
}

/** Selector for every message of the thread, from one example block. */
export function messageSelector(block) {
  const classes = stableClasses(block);
  const own = `${block.tagName.toLowerCase()}${classes.length ? `.${cssEscape(classes[0])}` : ""}`;
  return `${uniqueSelector(block.parentElement)} > ${own}`;
}

/**
 * Run the two-click picker. `say(text)` shows instructions; resolves to `{message, editor}`
 * or null if the agent pressed Escape.
 */
export function runPicker(doc, say, isOurs) {
  return new Promise((resolve) => {
    let step = "message";
    let message = null;
    let hovered = null;
    const highlight = (element) => {
      hovered?.classList.remove(PICKING);
      hovered = element;
      hovered?.classList.add(PICKING);
    };
    const style = doc.createElement("style");
    style.textContent = ".tandem-picking{outline:3px dashed #1d6fd1!important;outline-offset:2px!important;cursor:crosshair!important}";
    doc.documentElement.append(style);
    const finish = (result) => {
      highlight(null);
      style.remove();
      doc.removeEventListener("mouseover", onOver, true);
      doc.removeEventListener("click", onClick, true);
      doc.removeEventListener("keydown", onKey, true);
      resolve(result);
    };
    const onOver = (event) => {
      if (isOurs(event.target)) return;
      highlight(step === "message" ? messageBlockOf(event.target) : editableWithin(event.target) || event.target);
    };
    const onClick = (event) => {
      if (isOurs(event.target)) return;
      event.preventDefault();
      event.stopPropagation();
      if (step === "message") {
        message = messageSelector(messageBlockOf(event.target));
        step = "editor";
        say("Now click the reply box (Esc to cancel).");
        return;
      }
      const editable = editableWithin(event.target) || event.target.closest("textarea, [contenteditable='true'], [contenteditable='']");
      if (!editable) {
        say("That is not a text box. Click the reply box (Esc to cancel).");
        return;
      }
      finish({ message, editor: uniqueSelector(editable) });
    };
    const onKey = (event) => {
      if (event.key === "Escape") finish(null);
    };
    doc.addEventListener("mouseover", onOver, true);
    doc.addEventListener("click", onClick, true);
    doc.addEventListener("keydown", onKey, true);
    say("Teach Tandem this page: click one message of the conversation (Esc to cancel).");
  });
}
