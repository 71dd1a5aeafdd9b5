// @ts-check
// Small DOM helpers shared by adapters, the content script and the picker; they take a root so they also run under jsdom in unit tests.

/** First element matching any selector of a fallback chain, in order. */
export function first(root, selectors) {
  for (const selector of [].concat(selectors)) {
    let found;
    try {
      found = root.querySelector(selector);
    } catch {
      continue; // an invalid selector in a chain must not break the others
    }
    if (found) return found;
  }
  return null;
}

/** All elements of the first selector in the chain that matches anything. */
export function all(root, selectors) {
  for (const selector of [].concat(selectors)) {
    let found;
    try {
      found = root.querySelectorAll(selector);
    } catch {
      continue;
    }
    if (found.length) return Array.from(found);
  }
  return [];
}

const BLOCK_TAGS = new Set(["P", "DIV", "LI", "BR", "TR", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "PRE", "SECTION", "ARTICLE"]);
const SKIP_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "BUTTON", "SELECT", "TEXTAREA"]);

/**
 * Readable text of an element: line breaks at block boundaries, whitespace collapsed.
 * Walks the tree instead of using innerText, which forces a layout on every call.
 */
export function textOf(element) {
  if (!element) return "";
  const parts = [];
  const walk = (node) => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue);
      return;
    }
    if (node.nodeType !== 1 || SKIP_TAGS.has(node.tagName) || node.hidden) return;
    if (node.getAttribute("aria-hidden") === "true") return;
    const block = BLOCK_TAGS.has(node.tagName);
    if (block) parts.push("\n");
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) parts.push("\n");
  };
  walk(element);
  return parts
    .join("")
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Element text for short fields (names, subjects): one line. */
export function lineOf(element) {
  return textOf(element).replace(/\s+/g, " ").trim();
}

/** Whether an element is rendered (always true under jsdom, which has no layout). */
export function isVisible(element) {
  if (!element || !element.isConnected) return false;
  if (element.closest("[hidden], [aria-hidden='true']")) return false;
  if (typeof element.getClientRects !== "function") return true;
  const rects = element.getClientRects();
  if (!rects.length) return !hasLayout(element);
  const style = element.ownerDocument.defaultView?.getComputedStyle(element);
  return !style || (style.visibility !== "hidden" && style.display !== "none");
}

/** jsdom reports no rects for anything; a real browser reports some for <body>. */
function hasLayout(element) {
  return element.ownerDocument.body?.getClientRects().length > 0;
}

/** Class names, data-* and aria attributes of an element as one lowercase string (for cue matching). */
export function cueText(element) {
  if (!element || element.nodeType !== 1) return "";
  const bits = [typeof element.className === "string" ? element.className : element.getAttribute("class") || ""];
  for (const attr of element.attributes) {
    if (attr.name.startsWith("data-") || attr.name === "aria-label" || attr.name === "role") bits.push(`${attr.name}=${attr.value}`);
  }
  return bits.join(" ").toLowerCase();
}

/** Stable short hash (FNV-1a) for change detection. */
export function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
