// @ts-check
// How sure is a read? Warning signs of a misread page (every message a short label, no sentence from
// the customer, the same thread under two ticket URLs, a structure that barely won) lower a read's
// confidence; below CONFIDENCE.threshold the extension shows no suggestion and offers Teach.
import { hash } from "./dom.js";
import { CONFIDENCE } from "./reader-tuning.js";

const STORE_KEY = "tandem:thread-prints";

/** A sentence: enough words, and sentence punctuation or a long run of words. */
export function isSentence(text) {
  const words = (text || "").split(/\s+/).filter(Boolean).length;
  return words >= CONFIDENCE.longSentenceWords || (words >= CONFIDENCE.sentenceWords && /[.?!]/.test(text));
}

/** A label: a few words without sentence punctuation ("Private", "Sent to maya@x", "Follow-up"). */
export function isLabel(text) {
  const words = (text || "").split(/\s+/).filter(Boolean).length;
  return words <= CONFIDENCE.labelWords && !/[.?!]\s|[.?!]$/.test((text || "").trim());
}

/**
 * Threads read per tab, by fingerprint: the same messages under two ticket ids mean the reader is
 * reading page chrome, not the ticket. Kept in the page's sessionStorage so full page loads share it.
 */
export class ThreadMemory {
  constructor(storage = null) {
    this.storage = storage;
    /** @type {Map<string, string>} */
    this.prints = new Map();
    try {
      for (const [print, ticket] of JSON.parse(storage?.getItem(STORE_KEY) || "[]")) this.prints.set(print, ticket);
    } catch {
      /* unreadable or blocked storage: memory for this page only */
    }
  }

  /** Remember `messages` under `ticketId`; true when the same thread was read under another ticket. */
  seenElsewhere(messages, ticketId) {
    if (!messages.length) return false;
    const print = hash(messages.map((m) => m.text.replace(/\s+/g, " ").trim()).join("\u0001"));
    const before = this.prints.get(print);
    this.prints.delete(print);
    this.prints.set(print, ticketId);
    while (this.prints.size > CONFIDENCE.remembered) this.prints.delete(this.prints.keys().next().value);
    try {
      this.storage?.setItem(STORE_KEY, JSON.stringify([...this.prints]));
    } catch {
      /* storage full or blocked */
    }
    return before !== undefined && before !== ticketId;
  }
}

/**
 * Confidence in [0, 1] and the warning signs behind it, for a conversation read by the generic reader.
 * `structure`: {ratio: best / runner-up group score, signals: blocks with a time, author or cue}.
 */
export function judgeRead(conversation, structure = {}, memory = null) {
  const messages = (conversation?.messages || []).filter((m) => m.role !== "bot");
  const warnings = [];
  if (!messages.length) return { confidence: 0, warnings: ["no messages"] };
  let confidence = 1;
  if (messages.every((m) => isLabel(m.text))) {
    confidence *= CONFIDENCE.allLabels;
    warnings.push("every message is a short label");
  }
  const withSentence = messages.filter((m) => isSentence(m.text)).length;
  confidence *= CONFIDENCE.proseFloor + (1 - CONFIDENCE.proseFloor) * (withSentence / messages.length);
  if (!messages.some((m) => (m.role === "customer" || m.role === "unknown") && isSentence(m.text))) {
    confidence *= CONFIDENCE.noCustomerSentence;
    warnings.push("no sentence from the customer");
  }
  if (memory && memory.seenElsewhere(messages, String(conversation.ticket_id))) {
    confidence *= CONFIDENCE.sameThreadElsewhere;
    warnings.push("the same thread under another ticket");
  }
  if (messages.length > 1 && messages.every((m) => m.role === "unknown")) {
    confidence *= CONFIDENCE.noRoles;
    warnings.push("no roles");
  }
  if (structure.ratio !== undefined && structure.ratio < CONFIDENCE.closeCall) {
    confidence *= CONFIDENCE.weakStructure;
    warnings.push("another part of the page looked as much like a thread");
  }
  if (structure.signals === 0) {
    confidence *= CONFIDENCE.fewSignals;
    warnings.push("no times or authors");
  }
  return { confidence, warnings };
}

/** True when a judged read is too unsure to suggest from. */
export const tooUnsure = (judgement) => Boolean(judgement) && judgement.confidence < CONFIDENCE.threshold;
