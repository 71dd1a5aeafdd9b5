"""Every tuning constant in one place, each with where it was measured.

Thresholds that decide what a customer sees (grounding, clustering cuts) are NOT fixed here: they are
fitted to each KB or data set at run time (backend/retrieval/calibration.py, backend/services/faq.py);
what lives here are the weights of those fits and the engineering limits around them. Everything
was chosen on data the reported numbers are not measured on (docs/benchmarks.md says which split).
"""

from __future__ import annotations

# ---- retrieval: fusion of BM25 and dense candidates (bench/results/retrieval.json, StackFAQ) ---------
FUSION = "blend"  # cosine + LEXICAL_WEIGHT * BM25 / best BM25; "rrf" kept for comparison
LEXICAL_WEIGHT = 0.05  # blend 0.05 beat rrf and 0.1 with MiniLM on StackFAQ
DENSE_WEIGHT = 1.0  # (rrf only)
RRF_K = 60  # (rrf only)
CANDIDATES = 50  # chunks fetched from each leg before fusion
LEXICAL_THREADS = 4  # BM25 runs beside the query embedding in one of these threads

# ---- retrieval: BM25 on large KBs (bench/results/scale-100k-int8.json) -----------------------------------
# Above PRUNE_MIN_CHUNKS, words found in more than PRUNE_SHARE of chunks are dropped from the OR-query,
# keeping the KEEP_RAREST rarest: 2% / 1 costs 0.8 points of R@1 among 100k distractors and cuts the
# BM25 leg from 19.9 to 3.5 ms p50.
PRUNE_MIN_CHUNKS = 5000
PRUNE_SHARE = 0.02
KEEP_RAREST = 1

# ---- retrieval: the vector index (bench/results/scale-100k-int8.json) ----------------------------------------
IVF_MIN_CHUNKS = 50_000  # exact search below, IndexIVFFlat above (back to exact below half of it)
IVF_NPROBE = 24  # nprobe 8..48 gave the same R@1 at 100k; 24 keeps a margin
IVF_TRAIN_PER_CELL = 64
QUERY_CACHE_SIZE = 4096  # recent query vectors kept per process (~6 MB at 384 dimensions)
FOLLOW_INTERVAL_S = 0.5  # how often a process checks the KB version (one tiny query) before a search
SAVE_INTERVAL_S = 30.0  # the server publishes its index at most this often after changes (a start-up cache)
TOMBSTONE_KEEP_VERSIONS = 10_000  # removals remembered for indexes catching up; one further behind rebuilds
TOMBSTONE_PRUNE_EVERY_S = 3600.0  # the periodic job forgetting older removals (one small DELETE)

# ---- grounding (bench/results/grounding.json; fitted leave-one-domain-out, then on all domains) -------------
# Logistic weights over calibration.FEATURES (similarity, z_background, z_pseudo, margin, lexical, top) and
# the operating point on the resulting probability, per embedder.
GROUNDING_DEFAULT_EMBEDDER = "all-MiniLM-L6-v2"
GROUNDING: dict[str, dict] = {  # bench/results/grounding.json "shipped_fit_on_all"; features: retrieval/calibration.py
    "all-MiniLM-L6-v2-onnx-int8": {"weights": [6.9883, 0.3658, -0.3463, 8.411, 1.616, 0.7361], "bias": -7.3068, "operating_point": 0.14},
    # Full precision takes the int8 fit (vectors at cosine 0.99 to it; bench/results/quantization.json).
    "all-MiniLM-L6-v2": {"weights": [6.9883, 0.3658, -0.3463, 8.411, 1.616, 0.7361], "bias": -7.3068, "operating_point": 0.14},
    "wordllama-l2_supercat-256": {"weights": [1.2649, 0.6311, -0.4763, 6.0181, 2.9689, 1.1916], "bias": -5.9093, "operating_point": 0.12},
}
# The scale used before a KB has measured itself (typical values over the tuning domains).
NEUTRAL_SCALE = {"background_mean": 0.35, "background_sd": 0.08, "pseudo_mean": 0.65, "pseudo_sd": 0.1}
CALIBRATION_PSEUDO_QUERIES = 200  # at most this many of the KB's own titles/headings/questions are searched
CALIBRATION_MIN_ARTICLES = 3  # smaller KBs keep the neutral scale
CALIBRATION_RELOAD_S = 5.0  # how often a worker re-reads the stored calibration (another may have recomputed it)
CALIBRATION_CHECK_S = 60.0  # how often the server checks whether the KB changed since it was calibrated

# ---- learned questions (bench/results/answers.json, chosen leave-one-domain-out) ------------------------------
# A learned question's similarity to a query, less this, stands for its article's similarity: question-to-
# question similarities run higher than question-to-passage ones at the same relevance.
LEARNED_OFFSET = 0.1  # chosen from {0, 0.05, 0.1} on the six tuning domains (answers.json offset_scores)
LEARNED_ARTICLES = 5  # articles whose learned questions are closest take part in a search (each may need a passage)
LEARN_MIN_QUESTION_WORDS = 3  # shorter customer turns take the turn before them as context
LEARN_MAX_QUESTION_CHARS = 600
LEARN_CONFLICT_SIMILARITY = 0.92  # questions this alike, linked to different articles, conflict
LEARN_MAJORITY = 2 / 3  # ... unless one article has this share of their links (and two more than any other)
LEARN_EVERY_S = 300.0  # the periodic learning job

# ---- the retrieval query of a conversation (bench/results/answers.json: dialogue tune split) -----------------
QUERY_DECAY = 0.5  # each earlier customer turn weighs this much less in the dense query
QUERY_AGENT_WEIGHT = 0.5  # an agent's clarifying question, relative to the customer turn that answered it
QUERY_SUBJECT_WEIGHT = 0.25
QUERY_MAX_PARTS = 6
QUERY_TURN_CHARS = 1000  # of each turn (the encoder reads ~256 tokens anyway)
QUERY_LEXICAL_WORDS = 60  # of each part, in the BM25 query

# ---- assist ------------------------------------------------------------------------------------------------
MAX_PASSAGES = 3  # grounded passages given to the answer
SEARCH_K = 4  # articles retrieved per assist request
MAX_ISSUES = 4  # customer issues searched on their own in one conversation
MAX_OTHER_ISSUES = 1  # answers to issues other than the latest (one suggestion each)
# Set by hand (bench/results/answers.json measures it on the blind dialogues: second issues answered and
# second answers given to single-issue conversations): an earlier customer turn this similar to the latest
# issue is the same issue restated.
ISSUE_DISTINCT = 0.5

# ---- FAQ mining ------------------------------------------------------------------------------------------------
# Fitted leave-one-dataset-out, then on all four sets (bench/bench_mining.py, bench/results/mining.json):
NEIGHBOUR_K = 4  # the history's scale: median distance from a question to its 4th nearest neighbour
CUT_SCALE = 1.8  # the cut is this times that scale
REPLY_MERGE = 0.75  # topics whose agents' replies' centroids are this similar are one topic
SUBTOPIC_MERGE = 0.1  # draft-sized groups sharing this share of their kNN edges are one topic
# Set by hand: the second level's neighbourhood and its sample (bounded cost at 100k questions).
SUBTOPIC_K = 10  # nearest neighbours per question for the second level
SUBTOPIC_POOL = 20000  # questions sampled across the groups for it...
MIN_SUBTOPIC_SAMPLE = 5  # ...and at least this many per group
# Set by hand (not fitted; the mining benchmark's KB is empty, so they are not exercised by it):
CUT_MIN, CUT_MAX = 0.20, 0.65  # bounds on the cut (cosine distance)
FAQ_ANSWERED = 0.5  # a topic counts as answered when its nearest article is at least this likely the answer
SAME_DRAFT = 0.85  # a topic whose questions are new, centred this close to an existing draft, is that draft
AGENTS_AGREE = 0.55  # agents' replies vs the KB passage: below this, propose updating the article
DENSE_LIMIT = 6000  # above this many questions, k-means micro-clusters first (the distance matrix is n^2)
MAX_EXAMPLES = 5

# ---- team-lead report -----------------------------------------------------------------------------------------
GAP_EMBEDDER = "wordllama"  # groups knowledge-gap questions in the report; loads in well under a second
GAP_THRESHOLD = 0.50  # WordLlama average-linkage distance, tuned on BANKING77 train
GAP_SAMPLE = 1500  # most frequent distinct gap questions clustered for the report

# ---- signals (bench/bench_signals.py, bench/results/signals.json; chosen on the tune half of the blind set) -----
SIGNALS_EMBEDDER = "wordllama"  # the escalation classifier's default embedder when the caller passes none
ESCALATION_C = 16.0  # inverse L2 strength of the exemplar heads
ESCALATION_THRESHOLD = 0.6  # a trigger head's probability (+ term bonus) that raises the reason
ESCALATION_TERM_BONUS = 0.3  # added when a sentence names an exact term (a regulator, "chargeback", Trustpilot)
ESCALATION_MONEY_THRESHOLD = 0.5
ESCALATION_REPEAT_THRESHOLD = 0.6
ESCALATION_WITHDRAW_THRESHOLD = 0.6
ESCALATION_SATISFIED_THRESHOLD = 0.5
ESCALATION_MAX_MESSAGES = 40  # only the newest messages are read (cost grows with the thread)
ESCALATION_VECTOR_CACHE = 4096  # sentence vectors kept per process: a ticket is assisted again as it grows
LONG_THREAD_TURNS = 8  # set by hand (the previous rule): this many customer+agent turns is long
# Language identification: these codes only (the product's languages); py3langid and lingua averaged.
LANGUAGES = ("en", "es", "de", "fr", "nl", "pt", "it", "pl", "sv", "da", "tr", "ca", "ro", "no", "fi", "cs", "hu",
             "el", "ru", "uk")
LANGUAGE_LINGUA_WEIGHT = 0.5  # 0.3-0.7 gave the same tune accuracy
ESCALATION_WINDOW_WORDS = 6  # words either side of an exact term scored as their own unit
ESCALATION_FOREIGN_THRESHOLD = 0.45  # outside English a trigger needs its exact term and this score (multilingual tune half)
# ---- hostile input -------------------------------------------------------------------------------------------
# Costly redaction checks one conversation may make (a phone label scan, a numbering-plan lookup, an id label or a
# spoken e-mail ending; 10-60 us each), so the budget costs at most ~0.1 s. Set by hand: the PII corpus uses 4.7
# per message (at most 197 in one), the summaries benchmark's conversations at most 1. Past it, phone-shaped
# runs are redacted unchecked (fail closed).
REDACTION_CHECKS = 2000


# ---- customer context (issue 28) -------------------------------------------------------------------------
# Not fitted: product choices, documented in docs/api.md. The p50 cost of the context step with 100,000
# stored conversations is measured by bench/bench_context.py.
CONTEXT_RECENT = 5  # earlier conversations of the customer shown with an assist response
PROMISE_DEFAULT_DUE_DAYS = 7  # a promise naming no date or time frame falls due a week after it was made


# ---- knowledge upkeep (issue 27) ------------------------------------------------------------------------------
# Not fitted: product rules, documented in docs/api.md and tested on the fixtures of tests/fixtures/upkeep
# (two articles contradicted among 16, and a history with one agent's slip). One agent's slip is not drift;
# agents who repeat the article are not drift.
DRIFT_MIN_CONVERSATIONS = 3  # conversations stating the same other value before an article drifts
DRIFT_MIN_SHARE = 0.6  # ...and that share of the linked replies stating a value of that kind about that matter
DRIFT_MIN_SHARED_WORDS = 1  # content words an agent's sentence shares with the article's to be about its matter
EDITED_MIN_SUGGESTIONS = 3  # edited suggestions citing an article before it counts as heavily edited
EDITED_MIN_RATIO = 0.3  # ...each changing at least this share of the suggestion's characters
STALE_DRIFT_WEIGHT = 2.0  # drift counts as this many review periods overdue in the queue's order
# ---- auto-QA (issue 29) ----------------------------------------------------------------------------------
# Set by hand on the conversations of tests/integration/test_qa.py (not fitted; no held-out data was used).
# The per-flag thresholds a team may change live in the rubric (backend/services/qa_rubric.toml).
QA_SEARCH_K = 3  # KB passages retrieved for the customer's question behind an agent's commitment
QA_MIN_QUESTION_WORDS = 3  # a customer question with fewer content words ("Hello?") is not tracked
QA_ANSWER_SIMILARITY = 0.75  # a reply sentence this close (cosine) to a question addresses it without shared words
QA_RUDE_MARGIN = 0.03  # a rude exemplar must beat the nearest polite one by this much (cosine)
QA_EMBED_BATCH = 512  # sentences embedded at a time when scoring many conversations
QA_LONE_QUESTION_MATCH = 0.3  # _match() score (mean of word overlap and cosine) that addresses a lone question
QA_TOPIC_WORDS = 2  # content words an article sentence shares with the agent's for its value to govern it
