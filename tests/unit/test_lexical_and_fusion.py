from backend.retrieval.hybrid import blend, fuse
from backend.retrieval.lexical import match_expression, terms


def test_terms_drop_stopwords_and_duplicates():
    assert terms("How do I reset my password? My PASSWORD!") == ["reset", "password"]


def test_match_expression_quotes_everything():
    expr = match_expression('refund" OR title:* NEAR(x) -card')
    assert expr == '"refund" OR "title" OR "near" OR "card"'


def test_match_expression_none_for_no_words():
    assert match_expression("?? !! the and") is None


def test_rrf_fuses_by_rank_and_weight():
    fused = fuse([([1, 2, 3], 1.0), ([3, 4], 0.5)], k=60)
    assert fused[3] == 1 / 63 + 0.5 / 61
    assert max(fused, key=fused.get) == 3
    assert set(fused) == {1, 2, 3, 4}


def test_blend_scales_bm25_by_best():
    scores = blend({1: 0.5, 2: 0.6}, {1: 10.0, 2: 5.0}, 0.2)
    assert scores == {1: 0.5 + 0.2, 2: 0.6 + 0.1}
