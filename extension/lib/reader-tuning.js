// @ts-check
// Every weight of the generic reader in one place (like backend/tuning.py): how candidate message
// containers are scored and how sure a read is. Tuned on the pages in tests/extension/fixtures/real
// marked "tune" in expected.json (Request Tracker, Roundup, osTicket, FreeScout, Zammad, Chatwoot,
// UVdesk, Trac, Redmine); the pages marked "heldout" were read once with these values and not tuned on.

/** Scoring a group of sibling blocks as the thread (adapters/generic.js scoreGroup / rescoreGroup). */
export const GROUP = Object.freeze({
  minSubstantiveChars: 15, // a block with less text than this is a label or an icon
  maxCharsPerBlock: 1200, // one huge block (a wrapper) must not outweigh a run of messages
  messageClassBoost: 1.6, // class words like "message", "comment", "journal" (MESSAGE_WORDS)
  chromeClassFactor: 0.3, // class words like "menu", "badge", "toolbar" (CHROME_WORDS)
  tinyBlocksChars: 25, // mean text per block below this: table cells, labels...
  tinyBlocksFactor: 0.3, // ...are scored down this much
  loneBlockFactor: 0.4, // a single block is more often a wrapper around the thread
  composerFactor: 0.1, // blocks holding a text box are parts of a form
  maxLinkRatio: 0.6, // above this share of linked text a group is a list of links (ticket lists, menus)
  // Sentence shape: a block with no sentence (>= sentenceWords words) is chrome: labels, badges,
  // "Sent to …", "Private". A group where no block has one is scored down hard.
  sentenceWords: 6,
  noSentenceFactor: 0.05,
  // Position: the thread sits above the reply box on nearly every helpdesk.
  afterEditorFactor: 0.8,
  paragraphFactor: 0.5, // <p>/<li> siblings without timestamps: the paragraphs of one message
  minThreadScore: 50, // below this a "thread" is a panel or a stray paragraph (two short chat lines score ~240)
});

/** The second, closer look at the best few groups (prose mass, field tables, nesting). */
export const RESCORE = Object.freeze({
  candidates: 8, // how many of the best groups get the closer look
  sample: 40, // newest blocks looked at per group
  proseBase: 0.2, // score multiplier = proseBase + share of the text that is prose
  proseBonusChars: 1500, // ...times 1 + prose / this (capped at proseCap)
  proseCap: 6000,
  labelLinesReject: 0.3, // more than this share of lines ending in ":" is a field table
  labelLinesFactor: 0.3, // more than labelLinesSoft of them scores down
  labelLinesSoft: 0.15,
  fieldsFloor: 0.1, // blocks with form fields are scored down to at least this
  wrapperFactor: 0.3, // a group whose blocks wrap a run of >= 3 repeated blocks
  inFormFactor: 0.2, // a group inside the reply form
  signalBoost: 1, // score *= 1 + signalBoost * share of blocks showing an author, a time or a speaker cue
  noSignalFactor: 0.3, // no block shows any: paragraphs of one message, rows of a panel
});

/** Finding a message's own text inside its block (generic.js findBody). */
export const BODY = Object.freeze({
  minProseShare: 0.5, // a body-like class holding less of the block's prose than this is not the body
  descendShare: 0.85, // descend into a child while it holds this share of the prose...
  descendTextShare: 0.95, // ...and this share of all the text (a greeting and a signature stay in)
  chromeMaxChars: 40, // chrome elements (labels, badges, markers) this short are dropped from a message
});

/** How sure a read is (lib/judge.js). Below `threshold` the overlay shows no suggestion and offers Teach. */
export const CONFIDENCE = Object.freeze({
  threshold: 0.5,
  sentenceWords: 5, // a "sentence": at least this many words and sentence punctuation...
  longSentenceWords: 8, // ...or at least this many words
  labelWords: 4, // a "label": at most this many words and no sentence punctuation
  allLabels: 0.05, // every message is a short label (visibility markers, "Sent to …")
  proseFloor: 0.4, // confidence scales from this (no message has a sentence) to 1 (all do)
  noCustomerSentence: 0.2, // no customer (or unattributed) message has a sentence
  sameThreadElsewhere: 0.1, // the same messages were read under another ticket URL
  noRoles: 0.85, // every message's role is unknown (nothing on the page told who wrote what)
  weakStructure: 0.8, // the thread found barely beat the next candidate (score ratio below closeCall)
  closeCall: 1.3,
  fewSignals: 0.85, // no block shows a time, an author or a speaker cue
  remembered: 50, // thread fingerprints kept per tab to spot the same thread under two tickets
});
