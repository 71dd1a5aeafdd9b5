from backend.retrieval.hybrid import blend, fuse
from backend.retrieval.lexical import prune_common
from backend.text import terms


def test_terms_drop_stopwords_and_duplicates():
    assert terms("How do I reset my password? My PASSWORD!") == ["reset", "password"]


def test_user_text_is_never_parsed_as_search_syntax(runtime):
    """FTS5 operators, quotes and column filters in a query are plain words to the store."""
    from backend.models import ArticleIn
    from backend.services import kb as kb_service
    from backend.store import kb as kb_store

    kb_service.upsert_articles(runtime, [ArticleIn(external_id="r", title="Refunds", body="A refund takes five days.")],
                               source="t")
    hostile = terms('refund" OR title:* NEAR(x) -card "unbalanced')
    assert hostile == ["refund", "title", "near", "card", "unbalanced"]
    hits = kb_store.lexical_search(runtime.db, ['refund"', "title:*", "NEAR(x)", ")"], 10)
    assert [h[0] for h in hits] == kb_store.chunk_ids_of(runtime.db, kb_store.find_article(runtime.db, "t", "r").row_id)


def test_no_words_no_lexical_hits(runtime):
    from backend.store import kb as kb_store

    assert terms("?? !! the and") == []
    assert kb_store.lexical_search(runtime.db, [], 10) == []


def test_rrf_fuses_by_rank_and_weight():
    fused = fuse([([1, 2, 3], 1.0), ([3, 4], 0.5)], k=60)
    assert fused[3] == 1 / 63 + 0.5 / 61
    assert max(fused, key=fused.get) == 3
    assert set(fused) == {1, 2, 3, 4}


def test_blend_scales_bm25_by_best():
    scores = blend({1: 0.5, 2: 0.6}, {1: 10.0, 2: 5.0}, 0.2)
    assert scores == {1: 0.5 + 0.2, 2: 0.6 + 0.1}


def test_common_words_are_pruned_only_on_large_indexes():
    words = ["order", "refund", "lamp", "late", "walnut"]
    df = {"order": 40_000, "refund": 9_000, "lamp": 300, "late": 6_000, "walnut": 12}
    # 100k chunks: words in more than 2% of chunks go, except that the rarest always stays.
    assert prune_common(words, df, 100_000) == ["lamp", "walnut"]
    assert prune_common(words, {w: 1 for w in words}, 100_000) == words
    assert prune_common(words, df, 120) == words  # small KBs: nothing pruned
    assert prune_common(["order", "refund"], df, 100_000) == ["refund"]
    assert prune_common(["order"], df, 100_000) == ["order"]


def test_retriever_prunes_with_cached_document_frequencies(demo_runtime, monkeypatch):
    from backend import tuning

    retriever = demo_runtime.retriever
    monkeypatch.setattr(tuning, "PRUNE_MIN_CHUNKS", 10)
    monkeypatch.setattr(tuning, "PRUNE_SHARE", 0.05)
    words = retriever._searchable_words("when will my order refund arrive for the walnut table")
    assert "walnut" in words and "order" not in words  # 'order' is in most demo chunks
    assert retriever._df_cache["order"] > 0.05 * retriever._chunk_total
    hits = retriever.search("when will my order refund arrive", k=3)
    assert hits and hits[0].grounded
