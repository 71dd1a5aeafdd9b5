// @ts-check
// Reading the open ticket: which adapter reads this page (taught, named, generic), the conversation it
// reads, and how sure the read is. A generic read too unsure to suggest from is reported as unreadable.
import { chooseAdapter, generic } from "../adapters/index.js";
import { judgementOf } from "../adapters/generic.js";
import { hash } from "../lib/dom.js";
import { tooUnsure } from "../lib/judge.js";

/** Identity of a conversation's visible state: any new or edited message changes it. */
export function conversationKey(conversation) {
  const parts = [conversation.helpdesk, conversation.ticket_id];
  for (const m of conversation.messages) parts.push(m.id, m.role, m.text.length);
  const last = conversation.messages[conversation.messages.length - 1];
  parts.push(last ? last.text.slice(-200) : "");
  return hash(parts.join("\u0001"));
}

export class PageReader {
  constructor(doc) {
    this.doc = doc;
    this.adapter = null;
    this.lastUrl = null;
  }

  /** The adapter for `url`, chosen again after navigation or when `reselect` (settings changed). */
  adapterFor(url, settings, reselect = false) {
    if (url.href !== this.lastUrl || !this.adapter || reselect) {
      this.lastUrl = url.href;
      generic.reset();
      const taught = settings[`taught:${url.origin}`] || null;
      this.adapter = chooseAdapter(this.doc, url, { enabled: settings.enabledHelpdesks || {}, taught });
    }
    return this.adapter;
  }

  /**
   * Read the page: {conversation, judgement, unreadable}. `judgement` ({confidence, warnings}) is there
   * for generic reads; `unreadable` when it says the messages cannot be told apart on this page.
   */
  read(url) {
    let conversation = null;
    try {
      conversation = this.adapter.read(this.doc, url);
    } catch (error) {
      console.warn("[tandem] could not read this page", error);
    }
    const hasThread = Boolean(conversation && conversation.messages.length > 0);
    // A generic read with no thread still says whether the page looked like a ticket (a reply box).
    const judgement = judgementOf(conversation) || (!conversation && this.adapter === generic ? generic.lastJudgement() : null);
    const unreadable = hasThread ? tooUnsure(judgement) : Boolean(judgement?.ticketLike);
    return { conversation, judgement, hasThread, unreadable };
  }
}
